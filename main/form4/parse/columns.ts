// The columns of Table I and II as the input's own table header gives them: which cell holds which
// field. Where the input kept cells (markdown, tabs), a row whose values all fit their columns is read
// by column, so reordered or unusual column layouts still read right; otherwise the printed order
// decides (tables.ts).
import type { TextLine, Token } from './tokens.js';
import type { Item } from './row-items.js';

export type NonDerivativeField =
  | 'securityTitle' | 'transactionDate' | 'deemedExecutionDate' | 'transactionCode' | 'voluntary' | 'shares'
  | 'acquiredDisposed' | 'pricePerShare' | 'sharesOwnedFollowing' | 'directOrIndirect' | 'natureOfOwnership';
export type DerivativeField =
  | 'securityTitle' | 'conversionOrExercisePrice' | 'transactionDate' | 'deemedExecutionDate' | 'transactionCode'
  | 'voluntary' | 'sharesAcquired' | 'sharesDisposed' | 'dateExercisable' | 'expirationDate' | 'underlyingTitle'
  | 'underlyingShares' | 'pricePerShare' | 'sharesOwnedFollowing' | 'directOrIndirect' | 'natureOfOwnership';

/** The printed column numbers of each table and the field each stands for. */
const NUMBERED: Record<'I' | 'II', Record<string, string>> = {
  I: { '1': 'securityTitle', '2': 'transactionDate', '2a': 'deemedExecutionDate', '3': 'transactionCode', '5': 'sharesOwnedFollowing', '6': 'directOrIndirect', '7': 'natureOfOwnership' },
  II: { '1': 'securityTitle', '2': 'conversionOrExercisePrice', '3': 'transactionDate', '3a': 'deemedExecutionDate', '4': 'transactionCode', '8': 'pricePerShare', '9': 'sharesOwnedFollowing', '10': 'directOrIndirect', '11': 'natureOfOwnership' },
};

/** Sub-header cells (the second header row) and the field each names. */
const SUB_HEADERS: Record<'I' | 'II', Array<[RegExp, string]>> = {
  I: [[/^code$/, 'transactionCode'], [/^v$/, 'voluntary'], [/^amount$/, 'shares'], [/^\(a\)or\(d\)$/, 'acquiredDisposed'], [/^price$/, 'pricePerShare']],
  II: [[/^code$/, 'transactionCode'], [/^v$/, 'voluntary'], [/^\(a\)$/, 'sharesAcquired'], [/^\(d\)$/, 'sharesDisposed'], [/^dateexercisable$/, 'dateExercisable'], [/^expirationdate$/, 'expirationDate'], [/^title$/, 'underlyingTitle'], [/^amountornumberofshares$/, 'underlyingShares']],
};

const MUST_HAVE = ['securityTitle', 'sharesOwnedFollowing', 'directOrIndirect'];

/**
 * Cell index to field, from the table's header rows; null when the input kept no usable cells. With
 * `partial`, a header that names only some columns is still given (Table II's (A) and (D) cells help
 * the order-based reading even when the rest of the header is broken).
 */
export function columnFields(headerLines: readonly TextLine[], table: 'I' | 'II', partial = false): Map<number, string> | null {
  const fields = new Map<number, string>();
  for (const line of headerLines) {
    for (const [cell, tokens] of cellsOf(line.tokens)) {
      const number = /^(\d{1,2}a?)\.$/i.exec(tokens[0]?.text ?? '');
      const numbered = number === null ? undefined : NUMBERED[table][number[1]!.toLowerCase()];
      if (numbered !== undefined && !fields.has(cell)) fields.set(cell, numbered);
      const norm = tokens.map((t) => t.norm).join('');
      const sub = SUB_HEADERS[table].find(([pattern]) => pattern.test(norm));
      if (sub !== undefined) fields.set(cell, sub[1]);
    }
  }
  const named = new Set(fields.values());
  if (partial && fields.size > 0) return fields;
  if (!MUST_HAVE.every((f) => named.has(f)) || named.size !== fields.size) return null;
  return fields;
}

function cellsOf(tokens: readonly Token[]): Map<number, Token[]> {
  const cells = new Map<number, Token[]>();
  for (const token of tokens) {
    if (token.cell === null) continue;
    const list = cells.get(token.cell) ?? [];
    list.push(token);
    cells.set(token.cell, list);
  }
  return cells;
}

const TEXT_FIELDS = new Set(['securityTitle', 'natureOfOwnership', 'underlyingTitle']);
const DATE_FIELDS = new Set(['transactionDate', 'deemedExecutionDate']);
const DATE_OR_WORD_FIELDS = new Set(['dateExercisable', 'expirationDate']);
const LETTER_FIELDS: Record<string, RegExp> = { transactionCode: /^[A-Z]$/i, voluntary: /^V$/i, acquiredDisposed: /^[AD]$/i, directOrIndirect: /^[DI]$/i };

/** Whether a cell's items (footnote marks aside) are a value of the field's kind. */
function fits(field: string, values: readonly Item[]): boolean {
  if (values.length === 0) return true;
  if (TEXT_FIELDS.has(field)) return values.every((v) => v.kind !== 'date');
  if (values.length !== 1) return false;
  const [value] = values;
  if (DATE_FIELDS.has(field)) return value!.kind === 'date';
  if (DATE_OR_WORD_FIELDS.has(field)) return value!.kind === 'date' || value!.kind === 'word';
  const letter = LETTER_FIELDS[field];
  if (letter !== undefined) return value!.kind === 'letter' && letter.test(value!.text);
  return value!.kind === 'amount';
}

/**
 * The row's items per field when every cell fits the column it stands in, or null (a cell outside
 * the header's columns, or a value not of its column's kind: the layout drifted).
 */
export function readByColumns(items: readonly Item[], fields: Map<number, string>): Map<string, Item[]> | null {
  const byField = new Map<string, Item[]>();
  for (const item of items) {
    if (item.cell === null) return null;
    const field = fields.get(item.cell);
    if (field === undefined) return null;
    const list = byField.get(field) ?? [];
    list.push(item);
    byField.set(field, list);
  }
  for (const [field, list] of byField) if (!fits(field, list.filter((i) => i.kind !== 'footnote'))) return null;
  return byField;
}
