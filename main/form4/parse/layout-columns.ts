// The columns of a scanned Table I or II, from where its printed column headers stand: each header
// cell's number ("1.", "2A.", "10.") and sub-header ("Code", "V", "(A)", "Price") is found on the page
// and its left edge is where its column begins. A header word OCR lost is put where the form's
// proportions between its found neighbours place it.
import type { CellKind } from './cell-look.js';
import { centerY, splitAtBorders, type Placed, type VisualLine } from './layout-geometry.js';

export type TableName = 'I' | 'II';

interface Leaf {
  field: string;
  /** The printed column number whose header spans this leaf. */
  parent: string;
  /** Sub-header word (normalized) that starts the leaf, when it is not the parent's first leaf. */
  sub?: RegExp;
  /** The leaf's share of the printed form's width, only for placing a header word OCR lost. */
  weight: number;
}

const LEAVES: Record<TableName, Leaf[]> = {
  I: [
    { field: 'securityTitle', parent: '1', weight: 16 },
    { field: 'transactionDate', parent: '2', weight: 8 },
    { field: 'deemedExecutionDate', parent: '2a', weight: 8 },
    { field: 'transactionCode', parent: '3', weight: 4 },
    { field: 'voluntary', parent: '3', sub: /^[|(]?v[v|)]?$/, weight: 2.5 },
    { field: 'shares', parent: '4', weight: 9 },
    { field: 'acquiredDisposed', parent: '4', sub: /^\(?a\)?(or)?$/, weight: 4.5 },
    { field: 'pricePerShare', parent: '4', sub: /^price$/, weight: 8 },
    { field: 'sharesOwnedFollowing', parent: '5', weight: 11 },
    { field: 'directOrIndirect', parent: '6', weight: 6.5 },
    { field: 'natureOfOwnership', parent: '7', weight: 11 },
  ],
  II: [
    { field: 'securityTitle', parent: '1', weight: 11 },
    { field: 'conversionOrExercisePrice', parent: '2', weight: 6.5 },
    { field: 'transactionDate', parent: '3', weight: 6.5 },
    { field: 'deemedExecutionDate', parent: '3a', weight: 6.5 },
    { field: 'transactionCode', parent: '4', weight: 3.5 },
    { field: 'voluntary', parent: '4', sub: /^[|(]?v[v|)]?$/, weight: 2 },
    { field: 'sharesAcquired', parent: '5', weight: 5.5 },
    { field: 'sharesDisposed', parent: '5', sub: /^\(?d\)?$|^\([0ob]\)$/, weight: 5.5 },
    { field: 'dateExercisable', parent: '6', weight: 6.5 },
    { field: 'expirationDate', parent: '6', sub: /^expiration$/, weight: 6.5 },
    { field: 'underlyingTitle', parent: '7', weight: 8 },
    { field: 'underlyingShares', parent: '7', sub: /^amount$/, weight: 6.5 },
    { field: 'pricePerShare', parent: '8', weight: 5.5 },
    { field: 'sharesOwnedFollowing', parent: '9', weight: 7 },
    { field: 'directOrIndirect', parent: '10', weight: 5 },
    { field: 'natureOfOwnership', parent: '11', weight: 8 },
  ],
};

export const TEXT_COLUMNS = new Set(['securityTitle', 'underlyingTitle', 'natureOfOwnership']);
export const PRICES = new Set(['pricePerShare', 'conversionOrExercisePrice']);
/** The columns of amounts and prices, printed at their cell's right edge. */
export const AMOUNT_COLUMNS = new Set([...PRICES, 'shares', 'sharesAcquired', 'sharesDisposed', 'underlyingShares', 'sharesOwnedFollowing']);
/**
 * How far left of its header's first word a column begins, in text heights: a value may start a
 * little left of the header above it (a scan turned a little, a cell's padding).
 */
export const COLUMN_MARGIN = 0.35;

/**
 * The one-letter columns, with what their cells hold (cell-look.ts): the page reading often drops a
 * lone letter or runs a mark into it ("AD" for "A(1)").
 */
export const LETTER_COLUMNS: Readonly<Record<string, CellKind>> = { transactionCode: 'code', acquiredDisposed: 'acquiredDisposed', directOrIndirect: 'ownership' };

export interface Column {
  field: string;
  /** Straightened x where the column begins (a little left of its header's first letter). */
  from: number;
  /** Whether the column's header was found on the page (false: placed by the form's proportions). */
  seen: boolean;
}

/** The words of the column headers, normalized, all of them: a line mostly of these is a header line. */
const HEADER_TEXT = `1. Title of Security (Instr. 3) 2. Transaction Date (Month/Day/Year) 2A. Deemed Execution Date, if any
  3. Transaction Code (Instr. 8) 4. Securities Acquired (A) or Disposed Of (D) (Instr. 3, 4 and 5) 5. Amount of Securities
  Beneficially Owned Following Reported Transaction(s) (Instr. 3 and 4) 6. Ownership Form: Direct (D) or Indirect (I)
  7. Nature of Indirect Beneficial Ownership Code V Amount Price Derivative Conversion or Exercise Price of Derivative
  Security 3A. Number of Derivative Securities Acquired Disposed of Date Exercisable and Expiration Title and Amount of
  Securities Underlying 8. Price 9. derivative 10. 11. Shares Number (e.g., puts, calls, warrants, options, convertible)`;
const HEADER_WORDS = new Set(HEADER_TEXT.toLowerCase().split(/\s+/).map((w) => w.replace(/[^a-z0-9()%]/g, '')).filter((w) => w.length > 0));

/** A value no header prints: a date, an amount with thousands or decimals, a run of three digits. */
export const VALUE = /\d{1,2}\/\d{1,2}\/\d{2,4}|\d,\d{3}|\d\.\d{2}|\d{3}|\$\d/;

/**
 * Whether a printed line belongs to the column headers: no value on it, and mostly header words
 * (OCR breaks the small header print into pieces, so a line of a few header words counts).
 */
export function isHeaderLine(line: VisualLine): boolean {
  if (line.words.some((w) => VALUE.test(w.token.text))) return false;
  const norms = line.words.map((w) => w.token.norm).filter((n) => n.length > 0);
  if (norms.length === 0) return true;
  const known = norms.filter(isHeaderWord);
  return known.length >= Math.max(1, norms.length * 0.3);
}

/** A header word, also as OCR damages it: one letter wrong ("Shaves") or cut at the front ("ransaction(s)"). */
function isHeaderWord(norm: string): boolean {
  const bare = norm.replace(/[()]/g, '');
  if (HEADER_WORDS.has(norm) || HEADER_WORDS.has(bare) || /^(instr|month|\d{1,2}a?\)?)$/.test(norm) || /^\(?month|transaction|exercisable/.test(norm)) return true;
  if (bare.length < 4) return false;
  for (const word of HEADER_WORDS) {
    if (word.length >= 5 && (word.includes(bare) || (Math.abs(word.length - bare.length) <= 1 && oneEditApart(word, bare)))) return true;
  }
  return false;
}

function oneEditApart(a: string, b: string): boolean {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  const tail = (x: string, y: string) => x.slice(i + 1) === y.slice(i + 1) || x.slice(i + 1) === y.slice(i) || x.slice(i) === y.slice(i + 1);
  return tail(a, b);
}

/** A column number, also with the cell border OCR ran into it ("|2."). */
const NUMBER = /^[|[(!]?(\d{1,2}[aA]?)[.,:;]?$/;

/**
 * The table's columns from its header lines, or null when too few header words were found to place
 * them (fewer than half the printed column numbers).
 */
export function columnsFromHeader(header: readonly VisualLine[], table: TableName, textHeight: number): Column[] | null {
  const leaves = LEAVES[table];
  const parents = [...new Set(leaves.map((l) => l.parent))];
  const words = header.flatMap((l) => l.words).flatMap(splitAtBorders);
  // The column numbers stand in the header's first row, in order from left to right: within a text
  // height of the highest of them (Table II's title has a second line above them), not the numbers
  // of "(Instr. 3, 4 and 5)" on the rows under it.
  const dotted = words.filter((w) => /^[|[(!]?\d{1,2}[aA]?[.,]$/.test(w.token.text));
  const firstRowTop = Math.min(...(dotted.length > 0 ? dotted : words).map((w) => w.top));
  const numbers = words
    .filter((w) => w.top < firstRowTop + textHeight * 1.0 && NUMBER.test(w.token.text))
    .sort((a, b) => a.left - b.left);
  const parentAt = inOrder(numbers, parents);
  if (parentAt.size < parents.length / 2) return null;

  const starts: Array<number | null> = leaves.map((leaf, index) => {
    const parent = parentAt.get(leaf.parent);
    if (leaf.sub === undefined) return parent?.left ?? null;
    // The sub-header row is the header's last: of several matches in the parent's span, the lowest.
    const parentIndex = parents.indexOf(leaf.parent);
    const left = parent?.left ?? null;
    const right = parentAt.get(parents[parentIndex + 1] ?? '')?.left ?? Infinity;
    const candidates = words.filter((w) => w.left > (left ?? -Infinity) + textHeight * 0.5 && w.left < right && leaf.sub!.test(w.token.norm) && !(leaves[index - 1]?.sub?.test(w.token.norm) ?? false));
    const lowest = candidates.sort((a, b) => centerY(b) - centerY(a))[0];
    return lowest?.left ?? null;
  });
  const filled = fillByProportion(starts, leaves.map((l) => l.weight));
  const margin = textHeight * COLUMN_MARGIN;
  return leaves.map((leaf, i) => ({ field: leaf.field, from: filled[i]! - margin, seen: starts[i] !== null }));
}

/**
 * The column numbers read, matched to the form's in order: the most of them that stand left to right
 * in the form's order. A stray digit read among them ("7" from a line of the header) is left out,
 * where taking the first match in turn let it shut out the numbers after it.
 */
function inOrder(numbers: readonly Placed[], parents: readonly string[]): Map<string, Placed> {
  const ids = numbers.map((word) => NUMBER.exec(word.token.text)![1]!.toLowerCase());
  // best[i][j]: the most matches among the numbers from i on and the parents from j on.
  const best = Array.from({ length: ids.length + 1 }, () => new Array<number>(parents.length + 1).fill(0));
  for (let i = ids.length - 1; i >= 0; i -= 1) {
    for (let j = parents.length - 1; j >= 0; j -= 1) {
      best[i]![j] = Math.max(best[i + 1]![j]!, best[i]![j + 1]!, best[i + 1]![j + 1]! + (ids[i] === parents[j] ? 1 : 0));
    }
  }
  // Of the best matchings, the one that takes each column's number as far left as it can, as the
  // header is read (a later "3," of "(Instr. 3, 4 and 5)" is no column's number).
  const matched = new Map<string, Placed>();
  for (let i = 0, j = 0; i < ids.length && j < parents.length;) {
    if (ids[i] === parents[j] && best[i]![j] === best[i + 1]![j + 1]! + 1) {
      matched.set(parents[j]!, numbers[i]!);
      i += 1;
      j += 1;
    } else if (best[i]![j + 1] === best[i]![j]) j += 1;
    else i += 1;
  }
  return matched;
}

/** Puts each missing start where the leaves' weights place it between the nearest found ones. */
function fillByProportion(starts: ReadonlyArray<number | null>, weights: readonly number[]): number[] {
  const cumulative = weights.map((_, i) => weights.slice(0, i).reduce((a, b) => a + b, 0));
  const known = starts.map((s, i) => (s === null ? null : i)).filter((i): i is number => i !== null);
  const first = known[0]!;
  const last = known[known.length - 1]!;
  const scale = known.length >= 2 ? (starts[last]! - starts[first]!) / (cumulative[last]! - cumulative[first]! || 1) : 20;
  return starts.map((start, i) => {
    if (start !== null) return start;
    const before = [...known].reverse().find((k) => k < i);
    const after = known.find((k) => k > i);
    if (before !== undefined && after !== undefined) {
      const share = (cumulative[i]! - cumulative[before]!) / (cumulative[after]! - cumulative[before]!);
      return starts[before]! + share * (starts[after]! - starts[before]!);
    }
    const anchor = before ?? after!;
    return starts[anchor]! + (cumulative[i]! - cumulative[anchor]!) * scale;
  });
}

/** The column a straightened x falls in. */
export function columnAt(columns: readonly Column[], x: number): Column {
  let found = columns[0]!;
  for (const column of columns) if (x >= column.from) found = column;
  return found;
}
