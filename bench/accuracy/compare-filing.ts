// One extracted filing against its ground truth, field by field: every leaf of the truth as the
// schema shapes it (tables, owners, footnotes and signatures line by line, by position), each marked
// exact, wrong or missing, and whether any finding points at it. A finding points at a field when
// its path is the field's path or a prefix of it at a `.`/`[` boundary (`nonDerivative[1]` covers
// every column of that line); the empty path is about the whole filing and covers nothing. A line the
// truth lacks is flagged by a finding on the line or on any of its cells.
// Pure: no I/O, so the figures the bench prints are tested here.
import type { Finding } from '../../shared/findings.js';

export type FieldOutcome = 'exact' | 'wrong' | 'missing';

export interface FieldResult {
  path: string;
  outcome: FieldOutcome;
  /** A finding points at the field (what turns a wrong value from silent into caught). */
  flagged: boolean;
  expected: unknown;
  got: unknown;
}

/** A table line (or owner, footnote, signature) the extraction has and the truth does not. */
export interface ExtraLine {
  path: string;
  flagged: boolean;
}

export interface FilingComparison {
  fields: FieldResult[];
  extraLines: ExtraLine[];
}

/**
 * Leaves the printed form does not carry: the CIKs are EDGAR's, never printed on the paper form
 * (the schema says "filled only when known"), so no reading of a scan can get them.
 */
const NOT_PRINTED = [/^issuer\.cik$/, /^reportingOwners\[\d+\]\.cik$/];

/** Arrays of records compared line by line; any other array (footnote ids) is one leaf. */
const LINE_ARRAYS = new Set(['reportingOwners', 'nonDerivative', 'derivative', 'footnotes', 'signatures']);

export function compareFiling(truth: unknown, extracted: unknown, findings: readonly Finding[]): FilingComparison {
  const flaggedPaths = findings.map((found) => found.path).filter((path) => path !== '');
  const isFlagged = (path: string) => flaggedPaths.some((prefix) => pointsAt(prefix, path));
  const fields: FieldResult[] = [];
  const extraLines: ExtraLine[] = [];

  const visit = (expected: unknown, got: unknown, path: string, key: string): void => {
    if (NOT_PRINTED.some((pattern) => pattern.test(path))) return;
    if (Array.isArray(expected) && LINE_ARRAYS.has(key)) {
      const gotLines = Array.isArray(got) ? got : [];
      expected.forEach((line, index) => visit(line, gotLines[index], `${path}[${index}]`, ''));
      for (let index = expected.length; index < gotLines.length; index += 1) {
        // A finding on one of the line's cells (its ownership form is required) puts the line in front of the analyst too.
        const line = `${path}[${index}]`;
        extraLines.push({ path: line, flagged: isFlagged(line) || flaggedPaths.some((found) => pointsAt(line, found)) });
      }
      return;
    }
    if (key === 'footnoteRefs' && isRecord(expected)) {
      // A reference the truth lacks is a wrong field as much as one it has and the reading lost.
      const gotRefs = isRecord(got) ? got : {};
      const columns = new Set([...Object.keys(expected), ...Object.keys(gotRefs)]);
      for (const column of [...columns].sort()) visit(expected[column] ?? [], gotRefs[column] ?? [], `${path}.${column}`, column);
      return;
    }
    if (isRecord(expected)) {
      const gotRecord = isRecord(got) ? got : {};
      for (const [child, value] of Object.entries(expected)) visit(value, gotRecord[child], path === '' ? child : `${path}.${child}`, child);
      return;
    }
    fields.push({ path, outcome: outcomeOf(expected, got), flagged: isFlagged(path), expected, got: got ?? null });
  };

  visit(truth, extracted, '', '');
  return { fields, extraLines };
}

/** `prefix` names `path` or something that contains it. */
export function pointsAt(prefix: string, path: string): boolean {
  if (prefix === '' || !path.startsWith(prefix)) return false;
  const next = path.charAt(prefix.length);
  return next === '' || next === '.' || next === '[';
}

function outcomeOf(expected: unknown, got: unknown): FieldOutcome {
  if (sameValue(expected, got)) return 'exact';
  return isBlank(got) && !isBlank(expected) ? 'missing' : 'wrong';
}

function sameValue(expected: unknown, got: unknown): boolean {
  if (isBlank(expected) || isBlank(got)) return isBlank(expected) && isBlank(got);
  if (typeof expected === 'number' && typeof got === 'number') return Math.abs(expected - got) <= 1e-9 * Math.max(1, Math.abs(expected));
  if (typeof expected === 'string' && typeof got === 'string') return normalizeSpace(expected) === normalizeSpace(got);
  if (Array.isArray(expected) && Array.isArray(got)) return expected.length === got.length && expected.every((item, index) => sameValue(item, got[index]));
  return expected === got;
}

/** Nothing read: absent, null, an empty string or an empty list (a footnote column without marks). */
function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);
}

/** A line break on paper is a space in the truth: text is equal when its words are. */
function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
