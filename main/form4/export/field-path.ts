// Zod issue paths written the way findings and the UI name fields: `nonDerivative[1].pricePerShare`.

export function fieldPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`)).join('');
}
