// How the EDGAR ownership schema (X0304 common part) spells numbers and dates, and which of ours fit.
import { parseIsoDate } from '../calendar.js';

/** POSITIVE_DECIMAL: 0 to 999999999999.9999, at most 4 decimal places (16 digits in all). */
const MAX_POSITIVE_DECIMAL = 999_999_999_999.9999;
const MAX_FRACTION_DIGITS = 4;

/**
 * The number as EDGAR's POSITIVE_DECIMAL text, or null when the schema cannot hold it (negative, too
 * large, more than 4 decimal places). Never rounds: a price read as 24.69015 must be corrected by a
 * person, not silently become 24.6902 in a legal filing.
 */
export function edgarDecimal(value: number): string | null {
  if (!Number.isFinite(value) || value < 0 || value > MAX_POSITIVE_DECIMAL) return null;
  // String() gives the shortest text that reads back as the same double, in plain notation for every
  // value from 1e-6 up; anything smaller is written with an exponent and has too many decimals anyway.
  const text = String(value);
  if (/e/i.test(text)) return null;
  const fraction = text.split('.')[1] ?? '';
  return fraction.length <= MAX_FRACTION_DIGITS ? text : null;
}

/** True when xs:date accepts the string: a real calendar date, year 0001 or later (XSD 1.0 has no year 0). */
export function isEdgarDate(value: string): boolean {
  const date = parseIsoDate(value);
  return date !== null && date.year >= 1;
}
