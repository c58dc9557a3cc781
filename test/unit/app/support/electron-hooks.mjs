// Module hooks for the composition-root test: `electron` resolves to the fake beside this file.
export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron') return { url: new URL('./fake-electron.ts', import.meta.url).href, shortCircuit: true };
  return nextResolve(specifier, context);
}
