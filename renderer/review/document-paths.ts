// Reading a filing's document by field path (`nonDerivative[0].footnoteRefs.shares`), and listing
// its leaf fields, the way main names them (main/workflow/field-path.ts): after a change the screen
// reads the new values from the document main sends back.

/** Paths seen, cut into segments: every render of the form reads each field's value by its path. */
const segmentsOf = new Map<string, ReadonlyArray<string | number>>();

export function pathSegments(path: string): ReadonlyArray<string | number> {
  let segments = segmentsOf.get(path);
  if (segments === undefined) {
    segments = [...path.matchAll(/([A-Za-z_]\w*)|\[(\d+)\]/g)].map((match) => (match[1] !== undefined ? match[1] : Number(match[2])));
    // A filing has a few hundred paths; the bound only guards against a session of unusual ones.
    if (segmentsOf.size > 20_000) segmentsOf.clear();
    segmentsOf.set(path, segments);
  }
  return segments;
}

export function valueAt(document: unknown, path: string): unknown {
  let node: unknown = document;
  for (const segment of pathSegments(path)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[segment];
  }
  return node;
}

/** Every leaf of the document with its path; a list of strings (footnote marks) is one leaf. */
export function leafFields(value: unknown, prefix = ''): Array<{ path: string; value: unknown }> {
  if (Array.isArray(value) && prefix !== '' && value.every((item) => typeof item === 'string')) return [{ path: prefix, value }];
  if (Array.isArray(value)) return value.flatMap((item, index) => leafFields(item, `${prefix}[${index}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => leafFields(item, prefix === '' ? key : `${prefix}.${key}`));
  }
  return [{ path: prefix, value }];
}
