// The fields of a Table I or Table II line in the order the exports write them: the printed form's
// column order, Table II's extra columns where the form has them. It also orders `footnoteRefs`, whose
// keys are these field names, so that equal filings export as equal text whatever order the keys had.

export const LINE_FIELDS = [
  'securityTitle', 'conversionOrExercisePrice', 'transactionDate', 'deemedExecutionDate', 'transactionCode',
  'equitySwapInvolved', 'shares', 'acquiredDisposed', 'sharesAcquired', 'sharesDisposed', 'pricePerShare',
  'dateExercisable', 'expirationDate', 'underlyingTitle', 'underlyingShares', 'sharesOwnedFollowing',
  'directOrIndirect', 'natureOfOwnership',
] as const;

export type LineField = (typeof LINE_FIELDS)[number];

function rank(field: string): number {
  const at = (LINE_FIELDS as readonly string[]).indexOf(field);
  return at < 0 ? LINE_FIELDS.length : at;
}

/** The footnote references with their keys in column order; keys that are no line field come last, by name. */
export function orderedFootnoteRefs(refs: Readonly<Record<string, string[]>>): Record<string, string[]> {
  const fields = Object.keys(refs).sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(fields.map((field) => [field, refs[field] ?? []]));
}
