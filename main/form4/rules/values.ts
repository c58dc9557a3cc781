// A draft's slots are typed, but the parser keeps what it read and a person may type anything into a
// field, so at run time any slot may hold any value, null or nothing. The rules read every value through
// these guards and never trust the declared type: a rule that throws would hide every other finding.

export type Loose = Readonly<Record<string, unknown>>;

const EMPTY: Loose = Object.freeze({});

/** The value as an object to read fields from, or an empty one. */
export function record(value: unknown): Loose {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Loose) : EMPTY;
}

export function list(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** An empty box: nothing, null, or only whitespace. */
export function isBlank(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
}

/** The trimmed text, or null when the value is not a non-blank string. */
export function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** Text for comparing what a person or the OCR wrote: case and runs of whitespace do not matter. */
export function comparableText(value: unknown): string | null {
  const trimmed = text(value);
  return trimmed === null ? null : trimmed.replace(/\s+/g, ' ').toLowerCase();
}

export function finiteNumber(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

const SHARES = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

/** A number as the form prints it: 2,000 or 0.001. */
export function formatAmount(value: number): string {
  return SHARES.format(value);
}

/** A value quoted for a message, kept short: a person must recognise it, not read a dump. */
export function quote(value: unknown): string {
  let shown: string;
  if (typeof value === 'string') shown = JSON.stringify(value);
  else if (Array.isArray(value)) shown = 'a list';
  else if (typeof value === 'object' && value !== null) shown = 'an object';
  else shown = String(value);
  return shown.length > 60 ? `${shown.slice(0, 57)}...` : shown;
}
