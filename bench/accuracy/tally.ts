// Field results of many filings summed into the figures of one set: shares exact / wrong and
// silent / missing, and the field paths (line numbers folded, `nonDerivative[*].shares`) that miss
// most, with examples for whoever fixes the parser.
import type { FieldResult, FilingComparison } from './compare-filing.js';

export interface FilingOutcome {
  name: string;
  comparison: FilingComparison | null;
  /** Why the filing produced no comparison (not a Form 4, a read error). */
  failure: string | null;
  pages: number;
}

export interface MissExample {
  file: string;
  path: string;
  expected: unknown;
  got: unknown;
  flagged: boolean;
}

export interface PathTally {
  path: string;
  fields: number;
  exact: number;
  wrongSilent: number;
  wrongFlagged: number;
  missing: number;
  examples: MissExample[];
}

export interface SetTally {
  filings: number;
  failed: Array<{ name: string; failure: string }>;
  pages: number;
  fields: number;
  exact: number;
  wrongFlagged: number;
  wrongSilent: number;
  missing: number;
  /** Fields read exactly that a finding still points at: what the analyst checks for nothing (noise). */
  exactFlagged: number;
  /** Fields whose truth is not blank: the share exact among them says more than one padded by empty boxes. */
  filledFields: number;
  filledExact: number;
  extraLines: number;
  extraLinesSilent: number;
  byPath: PathTally[];
}

const EXAMPLES_PER_PATH = 4;

export function foldIndexes(path: string): string {
  return path.replace(/\[\d+\]/g, '[*]');
}

export function tallySet(outcomes: readonly FilingOutcome[]): SetTally {
  const tally: SetTally = {
    filings: outcomes.length, failed: [], pages: 0, fields: 0, exact: 0, wrongFlagged: 0, wrongSilent: 0, missing: 0, exactFlagged: 0,
    filledFields: 0, filledExact: 0, extraLines: 0, extraLinesSilent: 0, byPath: [],
  };
  const paths = new Map<string, PathTally>();
  for (const outcome of outcomes) {
    tally.pages += outcome.pages;
    if (!outcome.comparison) {
      tally.failed.push({ name: outcome.name, failure: outcome.failure ?? 'no result' });
      continue;
    }
    for (const field of outcome.comparison.fields) {
      count(tally, field);
      if (field.outcome === 'exact' && field.flagged) tally.exactFlagged += 1;
      const key = foldIndexes(field.path);
      let byPath = paths.get(key);
      if (!byPath) paths.set(key, (byPath = { path: key, fields: 0, exact: 0, wrongSilent: 0, wrongFlagged: 0, missing: 0, examples: [] }));
      count(byPath, field);
      // Every silent error is kept (they are what must go to zero), other misses up to a few per path.
      const silent = field.outcome === 'wrong' && !field.flagged;
      if (field.outcome !== 'exact' && (silent || byPath.examples.length < EXAMPLES_PER_PATH)) {
        byPath.examples.push({ file: outcome.name, path: field.path, expected: field.expected, got: field.got, flagged: field.flagged });
      }
    }
    tally.extraLines += outcome.comparison.extraLines.length;
    tally.extraLinesSilent += outcome.comparison.extraLines.filter((line) => !line.flagged).length;
  }
  tally.byPath = [...paths.values()].sort((left, right) => misses(right) - misses(left) || left.path.localeCompare(right.path));
  return tally;
}

/** Fields read wrong or not at all. */
export function misses(tally: Pick<PathTally, 'wrongSilent' | 'wrongFlagged' | 'missing'>): number {
  return tally.wrongSilent + tally.wrongFlagged + tally.missing;
}

function count(into: { fields: number; exact: number; wrongSilent: number; wrongFlagged: number; missing: number; filledFields?: number; filledExact?: number }, field: FieldResult): void {
  into.fields += 1;
  if (field.outcome === 'exact') into.exact += 1;
  else if (field.outcome === 'missing') into.missing += 1;
  else if (field.flagged) into.wrongFlagged += 1;
  else into.wrongSilent += 1;
  if (into.filledFields !== undefined && !isBlankTruth(field.expected)) {
    into.filledFields += 1;
    if (field.outcome === 'exact') into.filledExact = (into.filledExact ?? 0) + 1;
  }
}

function isBlankTruth(value: unknown): boolean {
  return value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

export function percent(part: number, whole: number): string {
  return whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)}%`;
}
