// An unsure text cell mended from the filing's own words. The names in a nature of ownership and the
// titles of securities are printed small in narrow cells, where a scan loses periods, and footnote
// marks run into the last word ("L.P.(6)(7)" read "LPO", "Common Stock" read "¢ Common Stock"). The
// same names are printed again in the footnotes, in long lines, and the same titles in other lines of
// the tables, often read surely. A cell whose unsure words match such a phrase closely is read as the
// phrase prints it; its sure words are kept as read, and the mend is a guess, so the field stays flagged.
import { UNSURE } from './provenance.js';

/** A word of the cell as OCR read it. */
export interface CellWord {
  text: string;
  confidence: number;
}

/** Text the filing prints elsewhere, and where (for the analyst: "footnote (6)"). */
export interface Phrase {
  text: string;
  where: string;
}

export interface Mend {
  text: string;
  where: string;
}

/** The edits a mend may make, per character of the phrase it follows. */
const EDITS_PER_CHARACTER = 0.2;
/** The edits one unsure word may take, per character of the longer of it and its phrase word. */
const WORD_EDITS_PER_CHARACTER = 0.5;
/** The fewest phrase characters a mend may lean on: a word or two in common proves nothing. */
const MIN_PHRASE_CHARACTERS = 8;
/** Two mends this close in cost are a tie: the cell is left as read. */
const TIE = 0.01;
/**
 * What a sure word kept outside the phrase costs ("By" before a name the footnotes print without
 * it): more than reading it as a phrase word it matches, so the phrase is followed as far as it goes.
 */
const KEPT = 1;
const PUNCTUATION = /[.,;:'"]/;

/**
 * Edits between two words: a character changed or missing costs 1, a change of case a quarter, a
 * period, comma or quote missing or extra a half (the marks a scan loses first).
 */
export function wordDistance(a: string, b: string): number {
  const gap = (c: string) => (PUNCTUATION.test(c) ? 0.5 : 1);
  let previous = [0];
  for (let j = 0; j < b.length; j += 1) previous.push(previous[j]! + gap(b[j]!));
  for (let i = 0; i < a.length; i += 1) {
    const current = [previous[0]! + gap(a[i]!)];
    for (let j = 0; j < b.length; j += 1) {
      const x = a[i]!;
      const y = b[j]!;
      const change = x === y ? 0 : x.toLowerCase() === y.toLowerCase() ? 0.25 : 1;
      current.push(Math.min(previous[j]! + change, previous[j + 1]! + gap(x), current[j]! + gap(y)));
    }
    previous = current;
  }
  return previous[b.length]!;
}

type Step =
  | { kind: 'start' }
  /** `cell` cell words read as `phrase` phrase words (one as one, one as two, two as one). */
  | { kind: 'match'; cell: number; phrase: number }
  /** A cell word that is no part of the phrase (a speck read as a letter). */
  | { kind: 'drop' }
  /** A phrase word the cell reading lost. */
  | { kind: 'insert' };

/** A place in the alignment: layer (0 before the stretch's first match, 1 after), cell word, phrase word. */
type At = [number, number, number];
type Trail = Array<Array<Array<{ step: Step; from: At | null }>>>;

interface Candidate {
  /** Edits and kept words: what ranks candidates. */
  cost: number;
  /** The edits alone: what the phrase's length must allow. */
  edits: number;
  text: string;
  phraseCharacters: number;
}

/**
 * The cell read as the best phrase it matches, or null when no phrase matches closely, two match
 * equally well, or the cell has no unsure word (a sure reading is never rewritten).
 */
export function mendFromPhrases(cell: readonly CellWord[], phrases: readonly Phrase[]): Mend | null {
  if (!cell.some((w) => w.confidence < UNSURE)) return null;
  const read = cell.map((w) => w.text).join(' ');
  // Every place a stretch of a phrase can end, cheapest first (in phrase order among equals); only the
  // cheapest that fit and their ties are traced.
  const ends = phrases
    .flatMap((phrase) => alignments(cell, phrase.text.split(/\s+/).filter((w) => w !== '')).map((end) => ({ ...end, where: phrase.where })))
    .sort((a, b) => a.cost - b.cost);
  const ties: Array<Candidate & { where: string }> = [];
  for (const end of ends) {
    if (ties.length > 0 && end.cost > ties[0]!.cost + TIE) break;
    const candidate = end.trace();
    if (candidate.phraseCharacters >= MIN_PHRASE_CHARACTERS && candidate.edits <= candidate.phraseCharacters * EDITS_PER_CHARACTER) ties.push({ ...candidate, where: end.where });
  }
  if (ties.length === 0 || new Set(ties.map((c) => c.text)).size > 1 || ties[0]!.text === read) return null;
  return { text: ties[0]!.text, where: ties[0]!.where };
}

/**
 * The cell aligned to a stretch of the phrase: sure words before and after the stretch are kept, each
 * unsure word lies inside it. For each place the stretch can end, what the cheapest alignment there
 * costs, and how to trace it (tracing is left to the few that can be the answer).
 */
function alignments(cell: readonly CellWord[], phrase: readonly string[]): Array<{ cost: number; trace: () => Candidate }> {
  const n = cell.length;
  const m = phrase.length;
  const sure = cell.map((w) => w.confidence >= UNSURE);
  const sureBefore = (i: number) => sure.slice(0, i).every(Boolean);
  const sureAfter = (i: number) => sure.slice(i).every(Boolean);
  // Two layers: before (0) and after (1) the stretch's first match; it must end after one.
  const cost = [0, 1].map(() => Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(Infinity)));
  const step: Trail = [0, 1].map(() => Array.from({ length: n + 1 }, () => new Array(m + 1)));
  const offer = (layer: number, i: number, j: number, value: number, how: Step, from: At | null) => {
    if (i > n || j > m || value >= cost[layer]![i]![j]!) return;
    cost[layer]![i]![j] = value;
    step[layer]![i]![j] = { step: how, from };
  };
  for (let i = 0; i <= n; i += 1) if (sureBefore(i)) for (let j = 0; j <= m; j += 1) offer(0, i, j, i * KEPT, { kind: 'start' }, null);
  const steps = [[1, 1], [1, 2], [2, 1]] as const;
  for (let i = 0; i <= n; i += 1) {
    for (let j = 0; j <= m; j += 1) {
      if (cost[0]![i]![j]! === Infinity && cost[1]![i]![j]! === Infinity) continue;
      // (What a match costs does not depend on the layer it is made from.)
      const matches = steps.map(([c, p]) => matchCost(cell.slice(i, i + c), phrase.slice(j, j + p), i + c === n));
      for (const layer of [0, 1]) {
        const here = cost[layer]![i]![j]!;
        if (here === Infinity) continue;
        const from: At = [layer, i, j];
        steps.forEach(([c, p], k) => {
          const edits = matches[k]!;
          if (edits !== null) offer(1, i + c, j + p, here + edits, { kind: 'match', cell: c, phrase: p }, from);
        });
        if (i < n && !sure[i] && isSpeck(cell[i]!.text)) offer(layer, i + 1, j, here + letters(cell[i]!.text), { kind: 'drop' }, from);
        if (layer === 1 && j < m) offer(1, i, j + 1, here + letters(phrase[j]!), { kind: 'insert' }, from);
      }
    }
  }
  const ends: Array<{ cost: number; trace: () => Candidate }> = [];
  for (let i = 0; i <= n; i += 1) {
    if (!sureAfter(i)) continue;
    for (let j = 1; j <= m; j += 1) {
      const total = cost[1]![i]![j]! + (n - i) * KEPT;
      if (total < Infinity) ends.push({ cost: total, trace: () => traced(cell, phrase, step, i, j, total) });
    }
  }
  return ends;
}

/**
 * A word that can be dropped as no part of the phrase: a speck or stroke read as a sign or a lone
 * small letter ("¢", ":", "i"). A digit or a capital may be the name's own ("Grove 1" for "Grove II").
 */
function isSpeck(word: string): boolean {
  return !/[A-Z0-9]/.test(word) && word.replace(/[^a-z]/g, '').length <= 1;
}

/** Letters and digits of a word: what dropping or inserting it costs. */
function letters(word: string): number {
  return Math.max(1, word.replace(/[^A-Za-z0-9]/g, '').length);
}

/**
 * What reading cell words as phrase words costs, or null when they may not be. A sure word is only
 * read as itself, give or take its punctuation. An unsure word that could not be printed so (a sign
 * in it, digits among letters, an open bracket: "L.P™M", "1p", "QQ)") may take up to half its
 * characters from the phrase. One that could be a word as read ("LP", "Footnotes", "USGF") keeps its
 * letters: the phrase may only add periods and commas, raise a letter's case, or, at the cell's end,
 * take off what a mark run into it was read as ("LPO" for "L.P.(6)"). (Other lines print "See
 * Footnote" where this one prints "See Footnotes"; a footnote may itself be misread, "USGEF".)
 */
function matchCost(cell: readonly CellWord[], phrase: readonly string[], last: boolean): number | null {
  if (cell.length === 0 || phrase.length === 0) return null;
  const read = cell.map((w) => w.text).join('');
  const printed = phrase.join('');
  if (cell.every((w) => w.confidence >= UNSURE)) {
    // (Two characters more or fewer cost a whole edit at least: no need to measure.)
    if (cell.length !== 1 || phrase.length !== 1 || Math.abs(read.length - printed.length) > 1) return null;
    const edits = read === printed ? 0 : wordDistance(read, printed);
    return edits <= 0.5 ? edits : null;
  }
  // A numeral's upright strokes read as ones or with a stroke lost ("Grove 1" for "Sequoia Grove II").
  if (cell.length === 1 && phrase.length === 1 && /^[1lI|]{1,3}$/.test(read) && /^I{1,3}[,.;:]?$/.test(printed)) return read === printed ? 0 : 0.5;
  if (!isMisshapen(read) && !keepsLetters(read, printed, last) && !isMisreadSuffix(read, printed)) return null;
  const edits = wordDistance(read, printed);
  // Words OCR split apart ("Foot note") are read together only as they were printed, give or take a
  // period; a word it ran together ("ClassA", "A'Common") may have one more character wrong.
  if (cell.length === 2) return edits <= 0.5 ? edits + 0.5 : null;
  if (phrase.length === 2) return edits <= 1 ? edits + 0.5 : null;
  return edits <= Math.max(1, Math.max(read.length, printed.length) * WORD_EDITS_PER_CHARACTER) ? edits : null;
}

/** What ends a name: an entity's suffix, or a Roman numeral. */
const SUFFIX = /^(?:LP|LLC|LLP|LLLP|LTD|INC|CO|CORP|PLC|[IVX]{1,4})$/i;

/**
 * Whether an unsure short word is a name's suffix with a letter misread: "L.R." or "L.E." for
 * "L.P.", "LEC" for "LLC", "XE" for "XI,", and "XI" before "LP" that the phrase prints "XI, LP".
 * No name prints these as read, yet each could be a word, so keepsLetters holds them; where the
 * phrase prints a suffix one letter (and a period or comma) away, it is followed. A word that is
 * a suffix as read ("LP" beside a footnote's "LLP", "V" beside "IV", "LP" beside "Lp") changes no
 * letter: the cell may name another entity than the phrase.
 */
function isMisreadSuffix(read: string, printed: string): boolean {
  const bare = (word: string) => word.replace(/[^A-Za-z0-9]/g, '');
  if (!SUFFIX.test(bare(printed)) || bare(read).length > 4) return false;
  if (SUFFIX.test(bare(read)) && bare(read) !== bare(printed)) return false;
  return wordDistance(read, printed) <= 1.5;
}

/** A word no name or title prints as read: a sign in it, digits among letters, a bracket unclosed, letters cased at random. */
function isMisshapen(word: string): boolean {
  if (/[^A-Za-z0-9.,;:'"()&/$%-]/.test(word)) return true;
  if (/[A-Za-z]/.test(word) && /\d/.test(word)) return true;
  if (count(word, '(') !== count(word, ')')) return true;
  return !/^(?:[A-Z][a-z]*|[a-z]+|[A-Z]+)?$/.test(word.replace(/[^A-Za-z]/g, ''));
}

/**
 * Whether the printed word keeps the read word's letters: the same letters, none lowered in case;
 * or, for the cell's last word, its first letters, what is taken off holding no small letter.
 */
function keepsLetters(read: string, printed: string, last: boolean): boolean {
  const lettersRead = read.replace(/[^A-Za-z0-9]/g, '');
  const lettersPrinted = printed.replace(/[^A-Za-z0-9]/g, '');
  const capitals = (text: string) => text.replace(/[^A-Z]/g, '').length;
  // (A small l and a capital I are one stroke to OCR: "Il" for "II".)
  const same = (a: string, b: string) => a.replace(/l/g, 'I').toUpperCase() === b.replace(/l/g, 'I').toUpperCase() && capitals(b) >= capitals(a);
  // (A comma the footnote's sentence puts after a word inside the name is no part of it: "U.S.,
  // Venture". After its last word, the comma is taken off where the stretch ends.)
  if (!last && /[,;:]$/.test(printed) && !/[,;:]$/.test(read)) return false;
  if (same(lettersRead, lettersPrinted)) return true;
  const tail = lettersRead.slice(lettersPrinted.length);
  return last && lettersPrinted !== '' && same(lettersRead.slice(0, lettersPrinted.length), lettersPrinted) && !/[a-z]/.test(tail);
}

function traced(
  cell: readonly CellWord[],
  phrase: readonly string[],
  steps: Trail,
  endCell: number,
  endPhrase: number,
  cost: number,
): Candidate {
  // The stretch's words, each with what the cell read there (a phrase word the cell lost: nothing).
  const middle: Array<{ text: string; printed: boolean; read: string }> = [];
  let at: At | null = [1, endCell, endPhrase];
  let startCell = endCell;
  let phraseCharacters = 0;
  while (at !== null) {
    const [layer, i, j]: At = at;
    const { step, from }: { step: Step; from: At | null } = steps[layer]![i]![j]!;
    if (step.kind === 'start') startCell = i;
    else if (step.kind === 'match') {
      const words = cell.slice(i - step.cell, i);
      const printed = phrase.slice(j - step.phrase, j);
      const read = words.map((w) => w.text).join('');
      phraseCharacters += printed.join('').length;
      // A sure word is kept as read; an unsure one takes the phrase's words.
      if (words.length === 1 && words[0]!.confidence >= UNSURE) middle.unshift({ text: read, printed: false, read });
      else middle.unshift(...printed.map((text) => ({ text, printed: true, read })));
    } else if (step.kind === 'insert') {
      phraseCharacters += phrase[j - 1]!.length;
      middle.unshift({ text: phrase[j - 1]!, printed: true, read: '' });
    }
    at = from;
  }
  const first = middle[0];
  if (first?.printed === true) first.text = trimmedStart(first.text, first.read);
  const last = middle[middle.length - 1];
  if (last?.printed === true) last.text = trimmedEnd(last.text, last.read);
  const text = [...cell.slice(0, startCell).map((w) => w.text), ...middle.map((w) => w.text).filter((t) => t !== ''), ...cell.slice(endCell).map((w) => w.text)].join(' ');
  return { cost, edits: cost - (startCell + cell.length - endCell) * KEPT, text, phraseCharacters };
}

const count = (text: string, c: string) => text.split(c).length - 1;
/** Abbreviations whose period is part of the name, not the end of the footnote's sentence. */
const ABBREVIATION = /^(Inc|Ltd|Co|Corp|Jr|Sr)\.$/;

/**
 * A phrase word where the stretch begins, without what opens the footnote's clause rather than the
 * name ("(" or a quote the cell did not read).
 */
function trimmedStart(text: string, read: string): string {
  let word = text;
  if (/^["“‘']/.test(word) && !/^["“‘']/.test(read)) word = word.slice(1);
  if (word.startsWith('(') && !read.startsWith('(') && count(word, '(') > count(word, ')')) word = word.slice(1);
  return word;
}

/**
 * A phrase word where the stretch ends, without what closes the footnote's clause or sentence
 * rather than the name ("L.P.," "II." ")"), unless the cell read it too. A period inside the word
 * ("L.P.") or an abbreviation's ("Inc.") stays.
 */
function trimmedEnd(text: string, read: string): string {
  let word = text;
  if (/["”’']$/.test(word) && !/["”’']$/.test(read)) word = word.slice(0, -1);
  if (/[,;:]$/.test(word) && !read.endsWith(word.at(-1)!)) word = word.slice(0, -1);
  if (word.endsWith(')') && !read.endsWith(')') && count(word, ')') > count(word, '(')) word = word.slice(0, -1);
  if (word.endsWith('.') && !read.endsWith('.') && !/\.[^.]+\.$/.test(word) && !ABBREVIATION.test(word)) word = word.slice(0, -1);
  return word;
}
