// A field's value as the text an analyst edits, and whether an edited text differs from the value
// held: main reads the text back into the value's kind ('filings:setField' takes text), so numbers
// may show thousands separators and a blank text is an empty field.
import type { FieldInputKind } from './form-layout.js';

export function formatNumber(value: number): string {
  if (!Number.isFinite(value) || Math.abs(value) >= 1e21) return String(value);
  const [whole = '', fraction] = String(Math.abs(value)).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${value < 0 ? '-' : ''}${grouped}${fraction === undefined ? '' : `.${fraction}`}`;
}

export function valueToText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return formatNumber(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (Array.isArray(value)) return value.map((item) => String(item)).join(', ');
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

function numberOf(text: string): number | null {
  const cleaned = text.replace(/[$,\s]/g, '');
  if (cleaned === '') return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : Number.NaN;
}

function listOf(text: string): string[] {
  return text.split(/[,\s]+/).filter((item) => item !== '');
}

/** Whether saving `text` would leave the field as it is (so no save, no audit row). */
export function sameAsValue(kind: FieldInputKind, text: string, value: unknown): boolean {
  const trimmed = text.trim();
  if (value === null || value === undefined) return trimmed === '';
  switch (kind) {
    case 'number':
      return typeof value === 'number' && numberOf(trimmed) === value;
    case 'refs':
      return Array.isArray(value) && listOf(trimmed).join(',') === value.map(String).join(',');
    case 'code':
      return trimmed.toUpperCase() === String(value).toUpperCase();
    default:
      return trimmed === valueToText(value).trim();
  }
}

/** A quick check before saving, so an obvious slip is shown at the field; main checks again. */
export function textProblem(kind: FieldInputKind, text: string, options?: readonly string[]): string | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (kind === 'number' && Number.isNaN(numberOf(trimmed))) return `'${text}' is not a number`;
  if (kind === 'code' && options !== undefined && !options.includes(trimmed.toUpperCase())) return `one of ${options.join(', ')}`;
  return null;
}
