// Reading single printed values: dates, amounts, footnote marks, codes and checkbox marks, as they
// come off a form (M/D/YYYY, `$1,234.50`, `(1)`, a lower-case `s`).
import { TRANSACTION_CODES, type TransactionCode } from '../../../shared/model.js';

/** `05/23/2017` or `5/3/2017` to `2017-05-23`; no check that the day exists (the `format` rule does). */
export function readDate(text: string): string | null {
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  if (match === null) return null;
  const [, month, day, year] = match;
  return `${year}-${month!.padStart(2, '0')}-${day!.padStart(2, '0')}`;
}

export function isDateText(text: string): boolean {
  return readDate(text) !== null;
}

/**
 * A printed amount: optional `$`, digits with thousands commas in their places, optional decimals.
 * `1,2345` (a footnote mark run into the number, as OCR does) is refused rather than misread.
 */
export function readAmount(text: string): number | null {
  const match = /^\$?(\d{1,3}(?:,\d{3})+|\d+)?(\.\d+)?$/.exec(text.trim());
  if (match === null || (match[1] === undefined && match[2] === undefined)) return null;
  return Number(`${(match[1] ?? '0').replace(/,/g, '')}${match[2] ?? ''}`);
}

export function isAmountText(text: string): boolean {
  return readAmount(text) !== null;
}

/** `(1)` is footnote 1. */
export function footnoteMark(text: string): string | null {
  const match = /^\((\d{1,2})\)$/.exec(text.trim());
  return match === null ? null : match[1]!;
}

export function readCode(text: string): TransactionCode | null {
  const upper = text.trim().toUpperCase();
  return (TRANSACTION_CODES as readonly string[]).includes(upper) ? (upper as TransactionCode) : null;
}

const CHECK_MARKS = new Set(['☒', '☑', '✓', '✔', '✗', '✘', 'x', 'X', '[x]', '[X]', '(x)', '(X)', '■']);

export function isCheckMark(text: string): boolean {
  return CHECK_MARKS.has(text.trim());
}

export function isEmptyBox(text: string): boolean {
  return text.trim() === '☐' || text.trim() === '[]' || text.trim() === '[ ]';
}
