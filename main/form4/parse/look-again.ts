// The parser's side of the second look (cell-look.ts): which cells of a scanned document to read
// again, and the document mended by the answers. A reading is taken only in the shape its cell can
// hold; one that disagrees with a well-formed first reading lowers that reading's confidence, so the
// field is flagged, instead of replacing it.
import { centreIn, unionBox } from '../../../shared/boxes.js';
import type { Box, Document, Line, Page, Word } from '../../../shared/document.js';
import { MARKS_PATTERN, type CellAnswer, type CellLook } from './cell-look.js';
import { hasLayout, layoutLooks, layoutPages, splitFilings } from './layout-filing.js';

/** Confidence at most of marks read with part of them cut off: flagged for review. */
const HALF_READ = 40;
/**
 * Confidence at most of a value shortened by its mark's glyphs ("5.17417)": 5.1741 and (7); "2000": 200 and (1)),
 * or by what a second reading grouped in thousands left off its end ("35251": 3,525).
 */
const MARK_DIGITS_TAKEN = 60;
/** Confidence at most of a letter or amount whose marks the second look dropped (no raised ink beside it). */
const MARKS_DROPPED = 60;
/** A second reading at least this sure, grouped in thousands, is taken over a first that ran a stroke into the value. */
const SURE_REGROUPED = 85;
/** Confidence given to a first reading the second look disagreed with: under any flagging threshold. */
const DISPUTED = 20;

export function cellsToLookAgain(document: Document): CellLook[] {
  if (document.origin === 'text' || !hasLayout(document)) return [];
  return splitFilings(layoutPages(document)).flatMap(layoutLooks);
}

/** The document with each answered look applied to its page. */
export function applyCellAnswers(document: Document, looks: readonly CellLook[], answers: ReadonlyArray<CellAnswer | null>): Document {
  const pages = document.pages.map((page) => {
    let mended = page;
    looks.forEach((look, index) => {
      const answer = answers[index];
      if (look.page === page.number && answer !== null && answer !== undefined) mended = applyAnswer(mended, look, answer);
    });
    return mended;
  });
  return { ...document, pages };
}

const sameBox = (a: Box, b: Box) => a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height;

/** Whether most of `inner` lies inside `outer`. */
function mostlyWithin(inner: Box, outer: Box): boolean {
  const width = Math.min(inner.x + inner.width, outer.x + outer.width) - Math.max(inner.x, outer.x);
  const height = Math.min(inner.y + inner.height, outer.y + outer.height) - Math.max(inner.y, outer.y);
  return width > 0 && height > 0 && width * height > 0.5 * inner.width * inner.height;
}

function readingOf(look: CellLook, answer: CellAnswer): { text: string; trust?: number } | null {
  const text = answer.text.replace(/\s+/g, '');
  if (look.pattern.test(text)) return { text };
  // Marks run into a value: the cut may take in a sliver of the value's last letter, read as a digit
  // before the first bracket; the marks are what follows it. (Raised ink alone, or a mark alone in
  // its cut, has no such sliver, but may have a bracket too faint to read.)
  if (look.prefix !== '' || (look.raised !== undefined && look.marksApart === undefined) || look.pattern === MARKS_PATTERN) {
    const marks = /(\(\d{1,2}\))+$/.exec(text)?.[0];
    if (marks !== undefined && MARKS_PATTERN.test(marks)) return { text: marks };
    // The cut starts where the mark does, so its opening bracket may be cut in half and not read;
    // or more of the marks were cut off ("(6)(7)" read "7)"); or the closing bracket was too faint
    // to stand raised ("(4"): taken, but left unsure.
    // At the end of a wrapped text's line, where the cell's other marks were read below it, a
    // digit alone is a mark with both brackets lost.
    const half = /^\(?(\d{1,2})\)$/.exec(text) ?? /^\((\d{1,2})$/.exec(text) ?? (look.beforeMarks === true ? /^(\d)$/.exec(text) : null);
    if (half !== null) return { text: `(${half[1]})`, trust: HALF_READ };
  }
  return null;
}

function applyAnswer(page: Page, look: CellLook, answer: CellAnswer): Page {
  if (answer.text === '' && answer.ink === null) return look.unmarked === undefined ? page : unmarkedWord(page, look, look.unmarked);
  if (look.word !== undefined) {
    const shortened = shortenedWord(page, look.word.box, answer);
    if (shortened !== null) return shortened;
  }
  const read = readingOf(look, answer);
  if (read === null) return page;
  const reading = read.text;
  if (look.inkWithin !== undefined && answer.ink !== null) {
    const middle = answer.ink.y + answer.ink.height / 2;
    if (middle < look.inkWithin.top || middle > look.inkWithin.bottom) return page;
  }
  // A cell printed with footnote marks read back without any: the marks were not seen this time,
  // which proves nothing about them; the first reading (and its doubt) stays. Unless the marks were
  // looked for apart, by their raised ink, and none stands there: then they were likely not marks,
  // and are dropped, but the letter is left unsure (and its marks with it, RowReader), as a mark
  // blurred into its letter stands raised no more.
  const dropsMarks = look.marks.length > 0 && !reading.includes('(');
  if (dropsMarks && look.firstReading === null && look.marksApart === undefined) return page;
  // A letter read, its marks looked for apart and none found, where the page reading saw only a
  // "mark" (a code's C read "©"): that mark was the letter.
  const misread = look.marksApart !== undefined && answer.ink !== null ? look.marks.filter((box) => mostlyWithin(box, answer.ink!)) : [];
  const boxes = reading.includes('(') ? [...look.replaces, ...look.marks] : [...look.replaces, ...misread];
  const replaced = (word: Word) => word.box !== null && boxes.some((box) => sameBox(box, word.box!));
  const words = page.lines.flatMap((line) => line.words.filter(replaced));
  // A word that stands mostly outside the cell holds more than the cell (a neighbour run into it):
  // replacing it would lose that, so the look is not taken. (Marks run into a value were looked at
  // inside their word, whose value the prefix keeps.)
  if (look.prefix === '' && words.some((word) => !centreIn(word.box!, look.box))) return page;
  const regrouped = look.firstReading !== null && answer.confidence >= SURE_REGROUPED && isRegrouped(look.firstReading, reading);
  if (look.firstReading !== null && !regrouped) {
    // A reading without the marks agrees with a first reading that had them, if its letter does.
    const same = reading === look.firstReading || (!reading.includes('(') && reading === look.firstReading.replace(/\(\d{1,2}\)/g, ''));
    if (same) return setConfidence(page, replaced, (c) => Math.max(c, answer.confidence));
    return setConfidence(page, replaced, (c) => Math.min(c, DISPUTED));
  }
  // Marks run into a value stay in the value's word, box and all (the parser splits them off again);
  // a letter OCR lost or misread takes the box of the ink that was read.
  const box = (look.prefix !== '' ? unionBox(words.map((w) => w.box!)) : answer.ink) ?? unionBox(words.map((w) => w.box!)) ?? look.box;
  // The kept value is only as sure as the page reading of it was.
  const kept = look.prefix !== '' ? Math.min(...words.map((w) => w.confidence)) : 100;
  const dropped = dropsMarks ? MARKS_DROPPED : 100;
  const digits = look.markDigitsEndPrefix === true ? /^\((\d{1,2})\)$/.exec(reading)?.[1] : undefined;
  const taken = digits !== undefined && look.prefix.length > digits.length && look.prefix.endsWith(digits);
  // The mark's digits taken back from the value are a guess: left unsure.
  const prefix = taken ? look.prefix.slice(0, -digits.length) : look.prefix;
  const shortened = taken || regrouped ? MARK_DIGITS_TAKEN : 100;
  const word: Word = { text: `${prefix}${reading}`, box, confidence: Math.max(0, Math.min(100, kept, dropped, shortened, look.trust ?? 100, read.trust ?? 100, answer.confidence)) };
  const lines = page.lines.map((line) => ({ ...line, words: line.words.filter((w) => !replaced(w)) }));
  const target = nearestLine(lines, box);
  if (target === null) return { ...page, lines: [...lines, { words: [word], box }] };
  const at = lines[target]!.words.findIndex((w) => w.box !== null && w.box.x > box.x);
  const placed = [...lines[target]!.words];
  placed.splice(at < 0 ? placed.length : at, 0, word);
  lines[target] = { ...lines[target]!, words: placed };
  return { ...page, lines: lines.filter((line) => line.words.length > 0) };
}

/**
 * Whether `reading` is `first` read again grouped in thousands, without one or two characters OCR
 * read onto its end the first time (a rule's stroke or a mark's digit: "35251" for "3,525"): a
 * value's commas are seldom lost, and a grouped reading's digits are placed by them.
 */
function isRegrouped(first: string, reading: string): boolean {
  if (!/^\d{5,}$/.test(first) || !/^\d{1,3}(,\d{3})+$/.test(reading)) return false;
  const digits = reading.replace(/,/g, '');
  const extra = first.length - digits.length;
  return extra >= 1 && extra <= 2 && first.startsWith(digits);
}

/** The amount's word without the end the page reading took for marks, left unsure. */
function unmarkedWord(page: Page, look: CellLook, value: string): Page {
  const word = (w: Word) => w.box !== null && look.replaces.some((box) => sameBox(box, w.box!));
  return { ...page, lines: page.lines.map((line) => ({ ...line, words: line.words.map((w) => (word(w) ? { ...w, text: value, confidence: Math.min(w.confidence, MARKS_DROPPED) } : w)) })) };
}

/**
 * A value's last word read again left of the mark run onto its end, with the mark ("200(1)" where
 * the page read "2000"): taken only when the first reading starts with the new one (the mark's
 * glyphs were read as more of the value), and left unsure. Null when that is not the answer.
 */
function shortenedWord(page: Page, wordBox: Box, answer: CellAnswer): Page | null {
  const parts = /^([^()\s]+)((?:\(\d{1,2}\))+)$/.exec(answer.text.replace(/\s+/g, ''));
  const first = page.lines.flatMap((line) => line.words).find((w) => w.box !== null && sameBox(w.box, wordBox));
  if (parts === null || first === undefined || first.text === parts[1] || !first.text.startsWith(parts[1]!)) return null;
  const word: Word = { text: parts[0]!, box: wordBox, confidence: Math.min(answer.confidence, first.confidence, MARK_DIGITS_TAKEN) };
  return { ...page, lines: page.lines.map((line) => ({ ...line, words: line.words.map((w) => (w === first ? word : w)) })) };
}

function setConfidence(page: Page, which: (word: Word) => boolean, change: (confidence: number) => number): Page {
  return { ...page, lines: page.lines.map((line) => ({ ...line, words: line.words.map((w) => (which(w) ? { ...w, confidence: change(w.confidence) } : w)) })) };
}

/** The line whose words stand at the box's height (their vertical middle nearest the box's). */
function nearestLine(lines: readonly Line[], box: Box): number | null {
  const middle = box.y + box.height / 2;
  let best: number | null = null;
  let distance = Infinity;
  lines.forEach((line, index) => {
    const boxes = line.words.map((w) => w.box).filter((b): b is Box => b !== null);
    if (boxes.length === 0) return;
    const top = Math.min(...boxes.map((b) => b.y));
    const bottom = Math.max(...boxes.map((b) => b.y + b.height));
    const d = middle < top ? top - middle : middle > bottom ? middle - bottom : 0;
    if (d < distance) {
      distance = d;
      best = index;
    }
  });
  return best !== null && distance <= box.height * 2 ? best : null;
}

/** The second look as ingest takes it (ReadOptions.secondLook): the cells, and the document their answers make. */
export function secondLook(document: Document): { cells: CellLook[]; apply(answers: ReadonlyArray<CellAnswer | null>): Document } {
  const cells = cellsToLookAgain(document);
  return { cells, apply: (answers) => applyCellAnswers(document, cells, answers) };
}
