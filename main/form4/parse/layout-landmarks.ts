// The printed labels of the form found on a scanned page by what they say (fuzzily, so OCR damage
// does not hide them) and where they stand: the anchors every box and table is read from.
import { visualLines, type Placed, type VisualLine } from './layout-geometry.js';
import { findLabel } from './tokens.js';

export interface Landmark {
  page: number;
  left: number;
  top: number;
  right: number;
  bottom: number;
  /** The printed line the label was found on. */
  line: VisualLine;
}

/** Keys long enough to be told apart, short enough to survive a wrapped label (first line only). */
export const LANDMARKS = {
  title: 'statementofchangesinbeneficialownership',
  box1: 'nameandaddressofreportingperson',
  box2: 'issuernameandticker',
  box3: 'dateofearliesttransaction',
  box4: 'amendmentdateoforiginal',
  box5: 'relationshipofreportingperson',
  box6: 'individualorjointgroupfiling',
  section16: 'checkthisboxifnolongersubject',
  plan10b5: 'checkthisboxtoindicatethatatransaction',
  lastHint: '(last)(first)(middle)',
  streetHint: '(street)',
  cityHint: '(city)(state)(zip)',
  tableI: 'tableinonderivativesecurities',
  tableII: 'tableiiderivativesecurities',
  explanation: 'explanationofresponses',
  remarks: 'remarks',
  signature: 'signatureofreportingperson',
  finePrint: 'reminderreportonaseparateline',
} as const;

export type LandmarkName = keyof typeof LANDMARKS;

/**
 * Shorter keys tried when a label was not found, only where they begin a line: OCR cuts the ends of
 * labels off ("Explanation of Resp"), or reads them as a scrap ("Explanation of UBER", at confidence 1).
 */
const LINE_START_FALLBACKS: Partial<Record<LandmarkName, string>> = { explanation: 'explanationof' };

/** Under this confidence a word among a label's may be a scrap of other ink. */
const SCRAP_CONFIDENCE = 40;

/** Every place on the lines where the label stands. */
export function findAll(lines: readonly VisualLine[], name: LandmarkName, page: number): Landmark[] {
  // Ink OCR read as unsure scraps (a rule or underline below the label) can land among the label's
  // words and hide it: it is looked for again without them.
  const sure = () => lines.map((line) => ({ ...line, words: line.words.filter((w) => w.token.confidence >= SCRAP_CONFIDENCE) }));
  const read = findKey(lines, name, LANDMARKS[name], page);
  const found = read.length > 0 ? read : findKey(sure(), name, LANDMARKS[name], page);
  const fallback = LINE_START_FALLBACKS[name];
  if (found.length > 0 || fallback === undefined) return found;
  return findKey(lines, name, fallback, page).filter((f) => f.line.words[0] !== undefined && f.line.words[0]!.left >= f.left - 1);
}

function findKey(lines: readonly VisualLine[], name: LandmarkName, key: string, page: number): Landmark[] {
  const found: Landmark[] = [];
  for (const line of lines) {
    const tokens = line.words.map((w) => w.token);
    let from = 0;
    while (from < tokens.length) {
      const match = findLabel(tokens, key, from, key.length <= 10 ? 0.1 : 0.15);
      if (match === null) break;
      const words = line.words.slice(match.start, match.end);
      found.push(landmark(words, line, page));
      from = match.end;
    }
  }
  // Table I's and Table II's titles differ by little more than "Non-": each must be told by it.
  const nonDerivative = (f: Landmark) => /n[o0]n.?deriv/.test(f.line.words.map((w) => w.token.norm).join(''));
  if (name === 'tableII') return found.filter((f) => !nonDerivative(f));
  if (name === 'tableI') return found.filter(nonDerivative);
  if (name === 'remarks') return found.filter((f) => f.line.words[0] !== undefined && f.line.words[0]!.left >= f.left - 1);
  return found;
}

function landmark(words: readonly Placed[], line: VisualLine, page: number): Landmark {
  // The box number printed before a label ("1.", "5.") belongs to it: regions start at its left.
  const first = words[0]!;
  const index = line.words.indexOf(first);
  const before = line.words[index - 1];
  const numbered = before !== undefined && /^[0-9sS]{1,2}[.,]?$/.test(before.token.text) && first.left - before.right < (first.bottom - first.top) * 1.5;
  const all = numbered ? [before!, ...words] : words;
  return {
    page,
    left: Math.min(...all.map((w) => w.left)),
    top: Math.min(...all.map((w) => w.top)),
    right: Math.max(...all.map((w) => w.right)),
    bottom: Math.max(...all.map((w) => w.bottom)),
    line,
  };
}

/** A page's lines and a finder over them. */
export interface PageLayout {
  page: number;
  words: Placed[];
  lines: VisualLine[];
  width: number;
  height: number;
  find(name: LandmarkName): Landmark | null;
  findAll(name: LandmarkName): Landmark[];
}

export function pageLayout(page: number, words: Placed[], width: number, height: number): PageLayout {
  const lines = visualLines(words);
  const cache = new Map<LandmarkName, Landmark[]>();
  const all = (name: LandmarkName) => {
    if (!cache.has(name)) cache.set(name, findAll(lines, name, page));
    return cache.get(name)!;
  };
  return { page, words, lines, width, height, find: (name) => all(name)[0] ?? null, findAll: all };
}
