// Ingest's side of the second look at cells the parser was unsure of (main/form4/parse/cell-look.ts):
// each cell is cut out of the page image and cleaned (background to white, the table's rules and any
// blot touching the cut's edge wiped: a cell border reads as "I" or "1"); an empty cut is answered
// without OCR, a lone bar by its shape where the parser says what a bar is; the rest are enlarged and
// stacked into strips, one per alphabet, read twice at two sizes by Tesseract with only that
// alphabet allowed. Two readings that differ come back unsure. Footnote marks are looked for by their
// raised ink (raised-marks.ts) and read apart from the letter or value they stand beside, and each
// mark's digits once more apart from its brackets.
import { unionBox } from '../../shared/boxes.js';
import { CHECKBOX_TEXT, type Box } from '../../shared/document.js';
import type { GrayImage } from './gray-image.js';
import { clipBox, cutOut, stackCuts } from './image-strip.js';
import { blotsOf, FAINT_DARK, INK_DARK, SPECK_AT_300 } from './ink-blots.js';
import { digitGroups, marksAlone, splitRaised, type RaisedMarks } from './raised-marks.js';
import type { OcrBlock } from './ocr-lines.js';
import type { StripRequest } from './ocr-pool.js';

export interface CellToRead {
  box: Box;
  /** The only characters the cell can hold. */
  alphabet: string;
  /**
   * Whether blots touching the cut's edge are kept: a cut made inside a word (a mark run into a
   * value) has the mark's bracket at its edge. By default they are wiped (rules, neighbours).
   */
  keepEdges?: boolean;
  /**
   * The cut may hold footnote marks alone (a mark OCR misread, cut around its word; a cell OCR read
   * nothing in): where its blots run bracket, digits, bracket, the digits are read apart too.
   */
  marksAlone?: boolean;
  /** A checkbox: answered checked or empty by the ink inside the box (CHECKBOX_TEXT), never read. */
  shape?: 'checkbox';
  /**
   * Only the ink raised above this line is read (footnote marks in superscript, raised-marks.ts):
   * the line's baseline in page pixels and the height of its digits. No raised ink: an answer with
   * no text and no ink.
   */
  raised?: { baseline: number; textHeight: number };
  /**
   * With `raised`: the cell holds a letter, read from the ink on the line with `alphabet`, and its
   * raised marks are read apart with this alphabet; the answer joins them ("S" and "(1)": "S(1)").
   * (A small mark set close to its letter is read as neither when the two are read together.)
   */
  marksApart?: string;
  /**
   * With `raised`, no `marksApart`: the value's last word (its box in page pixels) and the characters
   * it can hold. When the marks stand inside its box, it is read again left of them and the answer
   * is the word and the marks ("200" and "(1)": "200(1)").
   */
  word?: { box: Box; alphabet: string };
  /**
   * What a lone upright bar in the cell is (the "I" of a sans-serif font, which Tesseract takes for
   * a speck or a rule and does not read at all).
   */
  bar?: string;
}

export interface CellReading {
  text: string;
  confidence: number;
  /** The ink read, in page pixels. */
  ink: Box | null;
}

/** A rule is printed thin: a scan greys it, so it is looked for with a lighter threshold than ink. */
const RULE_DARK = 210;
/** A row or column of a cut this dark over its length is a printed rule, not a letter. */
const RULE = 0.85;
/** Beside a rule, a row or column this dark is the rule's edge (a skewed rule spreads over two). */
const RULE_EDGE = 0.4;
/** Fewer dark pixels than this (at 300 DPI) and the cut is empty: specks, not a letter. */
const MIN_INK_AT_300 = 14;
/** Inside a checkbox, a share of dark pixels at least this is a mark; at most `CLEAR`, an empty box. */
const MARKED = 0.06;
const CLEAR = 0.01;
/** A checkbox told by its ink: as sure as a clean reading. */
const CHECKBOX_CONFIDENCE = 95;
/** Confidence at most of a cell whose two readings differ: low enough to be flagged. */
const DISAGREED = 20;
/** A lone bar where the cell can hold only one letter drawn so is that letter; not certain (a stray stroke). */
const BAR_CONFIDENCE = 85;
/** Ink beside a bar, as a share of the bar's, that still leaves it alone (a speck). */
const LONE = 0.15;
/** How many columns either side of a bar's stem its blur greys, in pixels. */
const FRINGE = 2;

/** How many pixels of each row and each column of a cut are dark as a printed rule is. */
function ruleInk(cut: GrayImage): { rows: number[]; columns: number[] } {
  const { width, height } = cut;
  const rows = new Array<number>(height).fill(0);
  const columns = new Array<number>(width).fill(0);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      if (cut.data[y * width + x]! < RULE_DARK) {
        rows[y]! += 1;
        columns[x]! += 1;
      }
    }
  }
  return { rows, columns };
}

/** For each column of a cut, whether it is a printed rule: dark over nearly the cut's whole height. */
export function ruleColumns(cut: GrayImage): boolean[] {
  return ruleInk(cut).columns.map((count) => count >= cut.height * RULE);
}

/** The cut with its printed rules (rows or columns dark over nearly their whole length) wiped white. */
export function wipeRules(cut: GrayImage): GrayImage {
  const { width, height } = cut;
  const data = new Uint8Array(cut.data);
  const { rows, columns } = ruleInk(cut);
  const rules = (counts: number[], length: number) => {
    const wiped = new Set<number>();
    counts.forEach((count, i) => {
      if (count < length * RULE) return;
      wiped.add(i);
      for (const j of [i - 1, i + 1, i - 2, i + 2]) if (counts[j] !== undefined && counts[j]! >= length * RULE_EDGE) wiped.add(j);
    });
    return wiped;
  };
  for (const y of rules(rows, width)) data.fill(255, y * width, (y + 1) * width);
  for (const x of rules(columns, height)) for (let y = 0; y < height; y += 1) data[y * width + x] = 255;
  return { ...cut, data };
}

/**
 * A cell's cut made ready to read: its background brought to white (a scan's uneven grey), printed
 * rules wiped, and every blot that touches the cut's edge (a rule's skewed end, a neighbour's letter
 * running in) or is a speck removed: what is left stands inside the cell.
 */
export function cleanCut(cut: GrayImage, keepEdges = false): GrayImage {
  const wiped = wipeRules(whitened(cut));
  const data = new Uint8Array(wiped.data);
  const scale = (cut.dpi ?? 300) / 300;
  const minSpeck = SPECK_AT_300 * scale * scale;
  for (const blot of blotsOf(wiped, INK_DARK)) {
    if ((blot.touchesEdge && !keepEdges) || blot.pixels.length < minSpeck) for (const at of blot.pixels) data[at] = 255;
  }
  return { ...wiped, data };
}

/** The cut with its background (the lightest tenth of its pixels) stretched to white. */
function whitened(cut: GrayImage): GrayImage {
  const sorted = Uint8Array.from(cut.data).sort();
  const background = sorted[Math.floor(sorted.length * 0.9)] ?? 255;
  if (background >= 250 || background < 128) return cut;
  const data = cut.data.map((v) => Math.min(255, Math.round((v * 255) / background)));
  return { ...cut, data };
}

/**
 * A checkbox's state from its ink: the box (or the brackets) is the outline of the ink; what stands
 * in its middle, away from the outline, is the mark. Null when the middle is neither clear nor marked.
 */
export function checkboxState(cut: GrayImage, ink: Box): 'checked' | 'empty' | null {
  // One box, or a pair of brackets: about as tall as wide, or up to twice and a half as wide.
  if (ink.width < ink.height * 0.6 || ink.width > ink.height * 2.6) return null;
  const inset = (length: number) => Math.max(2, Math.round(length * 0.25));
  const left = ink.x + inset(ink.width);
  const top = ink.y + inset(ink.height);
  const right = ink.x + ink.width - inset(ink.width);
  const bottom = ink.y + ink.height - inset(ink.height);
  if (right <= left || bottom <= top) return null;
  let dark = 0;
  for (let y = top; y < bottom; y += 1) for (let x = left; x < right; x += 1) if (cut.data[y * cut.width + x]! < INK_DARK) dark += 1;
  const share = dark / ((right - left) * (bottom - top));
  return share >= MARKED ? 'checked' : share <= CLEAR ? 'empty' : null;
}

/**
 * A checkbox's square: the largest blot about as tall as wide and as tall as a letter at least. The
 * cut reaches above and below the box's line, and what it takes in of the words there (the box's
 * label above, "1. Relationship") would count as marks inside an outline drawn around all the ink.
 * Null where there is no such blot (a box printed as two brackets): then the ink's outline serves.
 */
export function outlineOf(cut: GrayImage): Box | null {
  const least = cut.height * 0.35;
  const squares = blotsOf(cut, INK_DARK)
    .map((blot) => blot.box)
    .filter((box) => box.height >= least && box.width >= box.height * 0.75 && box.width <= box.height * 1.35);
  return squares.sort((a, b) => b.width * b.height - a.width * a.height)[0] ?? null;
}

/** The box around a cut's dark pixels, or null when there are too few to be a letter. */
export function inkOf(cut: GrayImage): Box | null {
  const ink = inkCount(cut);
  return ink.count < leastInk(cut) ? null : ink.box;
}

function leastInk(cut: GrayImage): number {
  const scale = (cut.dpi ?? 300) / 300;
  return MIN_INK_AT_300 * scale * scale;
}

/**
 * The box around a cut's faint strokes, where it has too little ink: a mark printed grey ("(7)" whose
 * darkest pixel is 116 has 8 pixels darker than ink and 95 darker than FAINT_DARK). Scanner noise is as
 * light but scattered: only blots of a letter's weight count, and none running in from the edge.
 */
function faintInkOf(cut: GrayImage): Box | null {
  const strokes = blotsOf(cut, FAINT_DARK).filter((blot) => !blot.touchesEdge && blot.pixels.length >= leastInk(cut));
  return unionBox(strokes.map((blot) => blot.box));
}

/**
 * The box of the cut's ink when it is one solid upright bar standing clear of the cut's top and
 * bottom (a rule would run through them), with nothing else of weight beside it: a letter's stem,
 * not a speck. Null for any other ink. The cut is weighed against its own darkest pixel: faded
 * toner and blur leave a thin stem grey (the cut's paper brought to white lightens it too), its core
 * barely under the ink threshold and its length broken there (a stem 18 pixels long showed 9 of
 * them under it).
 */
export function loneBar(cut: GrayImage): Box | null {
  const darkest = cut.data.reduce((least, v) => Math.min(least, v), 255);
  const dark = Math.max(INK_DARK, (darkest + 255) / 2);
  const columns = new Array<number>(cut.width).fill(0);
  for (let y = 0; y < cut.height; y += 1) {
    for (let x = 0; x < cut.width; x += 1) if (cut.data[y * cut.width + x]! < dark) columns[x]! += 1;
  }
  // The stem's columns: those dark over at least half the darkest column's length (blur's fringe is not).
  const peak = Math.max(...columns);
  const stem = columns.flatMap((count, x) => (count > 0 && count >= peak / 2 ? [x] : []));
  if (stem.length === 0) return null;
  const left = stem[0]!;
  const width = stem.length;
  if (stem.at(-1)! - left + 1 !== width) return null;
  let top = Infinity;
  let bottom = -Infinity;
  for (let y = 0; y < cut.height; y += 1) {
    for (let x = left; x < left + width; x += 1) {
      if (cut.data[y * cut.width + x]! >= dark) continue;
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
    }
  }
  const height = bottom - top + 1;
  const inStem = stem.reduce((sum, x) => sum + columns[x]!, 0);
  // Ink in the columns either side of the stem is its blurred edge; beyond them, other ink.
  const besides = columns.reduce((sum, count, x) => (x < left - FRINGE || x >= left + width + FRINGE ? sum + count : sum), 0);
  const bar = width < height * 0.3 && inStem >= width * height * 0.6 && besides <= inStem * LONE && height >= cut.height * 0.25 && top > 0 && bottom < cut.height - 1;
  return bar ? { x: left, y: top, width, height } : null;
}

function inkCount(cut: GrayImage): { count: number; box: Box } {
  let count = 0;
  let left = Infinity;
  let top = Infinity;
  let right = -Infinity;
  let bottom = -Infinity;
  for (let y = 0; y < cut.height; y += 1) {
    for (let x = 0; x < cut.width; x += 1) {
      if (cut.data[y * cut.width + x]! >= INK_DARK) continue;
      count += 1;
      left = Math.min(left, x);
      right = Math.max(right, x);
      top = Math.min(top, y);
      bottom = Math.max(bottom, y);
    }
  }
  return { count, box: { x: left, y: top, width: right - left + 1, height: bottom - top + 1 } };
}

/**
 * Reads the cells of one page image: one strip per alphabet through `readStrips` (the OCR pool),
 * answers in the order of `cells`; null for a cell with no ink or no reading.
 */
export async function readCells(
  image: GrayImage,
  cells: readonly CellToRead[],
  readStrips: (strips: StripRequest[]) => Promise<Array<readonly OcrBlock[]>>,
): Promise<Array<CellReading | null>> {
  // Enlarged to what a 900 DPI scan would give, as for the small words (reread-small-words.ts).
  const scale = Math.max(2, Math.min(5, Math.round(900 / (image.dpi ?? 300))));
  const groups = new Map<string, Piece[]>();
  const toRead = (alphabet: string, piece: Piece) => groups.set(alphabet, [...(groups.get(alphabet) ?? []), piece]);
  const main = new Array<CellReading | null>(cells.length).fill(null);
  const marks = new Array<CellReading | null>(cells.length).fill(null);
  const words = new Array<CellReading | null>(cells.length).fill(null);
  cells.forEach((cell, index) => {
    const crop = clipBox(image, cell.box);
    let cut = cleanCut(cutOut(image, crop), cell.keepEdges);
    // Each mark's digits are read apart from its brackets as well (digitGroups); `at` is where the marks stand on the page.
    const digitsOf = (marks: RaisedMarks, at: Box, part: 'main' | 'marks') => {
      const groups = digitGroups(marks);
      groups?.forEach((box, mark) => {
        const place = { ...box, x: at.x + box.x, y: at.y + box.y };
        toRead(DIGITS, { index, part: 'digits', digitsOf: { part, mark, marks: groups.length }, cut: { crop: place, pixels: cutOut(marks.pixels, box) }, ink: at });
      });
    };
    // Marks are looked for before the cut's ink is weighed: a faint mark alone in its cell (a "(4)"
    // printed grey) has too few pixels as dark as ink to count, and splitRaised finds it lighter.
    if (cell.raised !== undefined) {
      const split = splitRaised(cut, cell.raised.baseline - crop.y, cell.raised.textHeight);
      // Nothing raised proves nothing: a mark blurred into its value's last letter stands raised no more.
      const raised = split.marks;
      const at = raised === null ? null : { ...raised.box, x: crop.x + raised.box.x, y: crop.y + raised.box.y };
      const found = raised === null || at === null ? null : { cut: { crop: at, pixels: raised.pixels }, ink: at, least: raised.blots };
      if (cell.marksApart === undefined) {
        // (Told apart from a mark not read: no text and no ink.)
        if (found === null) {
          main[index] = { text: '', confidence: 100, ink: null };
          return;
        }
        toRead(cell.alphabet, { index, part: 'main', ...found });
        digitsOf(raised!, found.ink, 'main');
        // A mark run onto the end of its value's word ("200(1)" read "2000"): the word is read
        // again left of the mark, without it.
        const word = cell.word;
        if (word !== undefined && found.ink.x > word.box.x && found.ink.x < word.box.x + word.box.width) {
          const left = Math.max(0, Math.floor(word.box.x) - crop.x - 2);
          const box = { x: left, y: 0, width: Math.max(1, found.ink.x - crop.x - left), height: cut.height };
          const page = { ...box, x: crop.x + left, y: crop.y };
          toRead(word.alphabet, { index, part: 'word', cut: { crop: page, pixels: cutOut(split.body, box) }, ink: page });
        }
        return;
      }
      if (found !== null) {
        toRead(cell.marksApart, { index, part: 'marks', ...found });
        digitsOf(raised!, found.ink, 'marks');
        // Until read, the marks are in doubt: a letter answered without them is left unsure.
        marks[index] = { text: '', confidence: DISAGREED, ink: found.ink };
      }
      // The letter alone: its ink measured without the marks.
      cut = split.body;
    }
    // (A checkbox is told by its ink: a faint box is not read as an empty one.)
    const ink = inkOf(cut) ?? (cell.shape === 'checkbox' ? null : faintInkOf(cut));
    if (ink === null) return;
    if (cell.shape === 'checkbox') {
      const state = checkboxState(cut, outlineOf(cut) ?? ink);
      main[index] = state === null ? null : { text: CHECKBOX_TEXT[state], confidence: CHECKBOX_CONFIDENCE, ink: { x: crop.x + ink.x, y: crop.y + ink.y, width: ink.width, height: ink.height } };
      return;
    }
    const bar = cell.bar === undefined ? null : loneBar(cut);
    // A faint bar's box is its stem's: its ink under the threshold may be a stub, which the parser would take for a raised mark.
    if (bar !== null) main[index] = { text: cell.bar!, confidence: BAR_CONFIDENCE, ink: { ...bar, x: crop.x + bar.x, y: crop.y + bar.y } };
    else toRead(cell.alphabet, { index, part: 'main', cut: { crop, pixels: cut }, ink: { x: crop.x + ink.x, y: crop.y + ink.y, width: ink.width, height: ink.height } });
    const alone = bar === null && cell.marksAlone === true ? marksAlone(cut) : null;
    if (alone !== null) digitsOf(alone, crop, 'main');
  });
  // Each strip is read at two sizes: a small mark or letter on a damaged scan can be misread surely
  // once, rarely the same way twice. Two readings that differ leave the cell in doubt.
  const readings = await readTwice(groups, scale, image.dpi, 'otsu', readStrips);
  // Tesseract's one threshold for the whole strip loses the grey strokes of a faint or blurred piece
  // (and which it loses depends on the pieces around it). The pieces whose two readings did not
  // agree are read again, each pixel thresholded by its surroundings (Sauvola): an agreement there
  // is taken. (Every piece read so from the first misread crisp letters of clean scans.)
  const unsettled = new Map<string, Piece[]>();
  for (const [alphabet, group] of groups) {
    const left = group.filter((piece) => !agreed(piece, readings.get(piece)));
    if (left.length > 0) unsettled.set(alphabet, left);
  }
  const local = await readTwice(unsettled, scale, image.dpi, 'local', readStrips);
  const digits = { main: new Map<number, DigitsRead>(), marks: new Map<number, DigitsRead>() };
  for (const [piece, pair] of readings) {
    const again = local.get(piece);
    const settledAgain = again !== undefined && agreed(piece, again);
    const [first, second] = settledAgain ? again : pair;
    const surer = first.confidence >= second.confidence ? first : second;
    const sure = settledAgain || agreed(piece, pair);
    if (piece.part === 'digits') {
      const { part, mark, marks: count } = piece.digitsOf!;
      const read = digits[part].get(piece.index) ?? { ink: piece.ink, marks: new Array(count).fill(null) };
      read.marks[mark] = sure ? { text: surer.text, confidence: Math.min(first.confidence, second.confidence) } : null;
      digits[part].set(piece.index, read);
      continue;
    }
    if (surer.text === '') continue;
    const reading = { text: surer.text, confidence: sure ? Math.min(first.confidence, second.confidence) : Math.min(surer.confidence, DISAGREED), ink: piece.ink };
    ({ main, marks, word: words })[piece.part][piece.index] = reading;
  }
  for (const part of ['main', 'marks'] as const) {
    const read = ({ main, marks })[part];
    for (const [index, apart] of digits[part]) read[index] = withDigitsApart(read[index] ?? null, apart);
  }
  // A word read again goes before marks read whole, keeping the marks' ink as the answer's (the word
  // keeps its own box); marks read in part ("1)") are answered alone.
  const whole = (reading: CellReading | null): reading is CellReading => reading !== null && MARKS.test(reading.text);
  return main.map((reading, index) => (whole(reading) && words[index] ? { ...joined(words[index], reading)!, ink: reading.ink } : joined(reading, marks[index] ?? null)));
}

/** A piece of a cell to read: its ink (`main`), the raised marks read apart from its letter, or a value's word. */
interface Piece {
  index: number;
  part: 'main' | 'marks' | 'word' | 'digits';
  /** A mark's digits, read apart from its brackets: which of the `marks` of which part they are. */
  digitsOf?: { part: 'main' | 'marks'; mark: number; marks: number };
  cut: { crop: Box; pixels: GrayImage };
  ink: Box;
  /** The fewest characters a reading of the piece can have (one per raised blot). */
  least?: number;
}

const DIGITS = '0123456789';
/** Whole marks, one or more: "(1)", "(6)(7)". */
const MARKS = /^(\(\d{1,2}\))+$/;

/** The digits of a piece's marks read apart, mark by mark; null for a mark not read surely. */
interface DigitsRead {
  ink: Box;
  marks: Array<{ text: string; confidence: number } | null>;
}

/**
 * Marks read whole and their digits read apart from the brackets: Tesseract takes a blurred bracket
 * with its digit for another digit ("(7)" read "9)" and "7)"), and reads a digit alone surely more
 * often. The digits are taken where the whole reading is unsure; where both are sure and differ, the
 * whole reading stands, in doubt.
 */
function withDigitsApart(whole: CellReading | null, apart: DigitsRead): CellReading | null {
  // A footnote is numbered from 1: "0" or "07" is a bracket's stroke read as a digit.
  if (apart.marks.some((mark) => mark === null || !/^[1-9]\d?$/.test(mark.text))) return whole;
  const read = apart.marks as Array<{ text: string; confidence: number }>;
  const text = read.map((mark) => `(${mark.text})`).join('');
  const confidence = Math.min(...read.map((mark) => mark.confidence));
  if (whole === null || whole.confidence <= DISAGREED || !MARKS.test(whole.text)) return { text, confidence, ink: whole?.ink ?? apart.ink };
  return whole.text === text ? whole : { ...whole, confidence: Math.min(whole.confidence, DISAGREED) };
}

/** A piece's two readings, at two sizes. */
type PieceReadings = readonly [{ text: string; confidence: number }, { text: string; confidence: number }];

/** Two readings agree when they are the same, read something, and no fewer characters than blots ("(5)(6)" read as "(6)"). */
function agreed(piece: Piece, pair: PieceReadings | undefined): boolean {
  return pair !== undefined && pair[0].text === pair[1].text && pair[0].text !== '' && pair[0].text.length >= (piece.least ?? 0);
}

/** The pieces, one strip per alphabet, read at two sizes with the given thresholding. */
async function readTwice(
  groups: ReadonlyMap<string, readonly Piece[]>,
  scale: number,
  dpi: number | null,
  threshold: 'otsu' | 'local',
  readStrips: (strips: StripRequest[]) => Promise<Array<readonly OcrBlock[]>>,
): Promise<Map<Piece, PieceReadings>> {
  if (groups.size === 0) return new Map();
  const strips = [scale, scale + 1].flatMap((size) => [...groups].map(([alphabet, group]) => ({ alphabet, group, strip: stackCuts(group.map((g) => g.cut), size, dpi) })));
  const read = await readStrips(strips.map(({ alphabet, strip }) => ({
    image: strip.image,
    parameters: { tessedit_pageseg_mode: '6' as StripRequest['parameters']['tessedit_pageseg_mode'], tessedit_char_whitelist: alphabet },
    thresholding: threshold,
  })));
  const byPiece = new Map<Piece, Array<{ text: string; confidence: number }>>();
  strips.forEach(({ group, strip }, s) => {
    const words = (read[s] ?? []).flatMap((block) => block.paragraphs.flatMap((p) => p.lines.flatMap((l) => l.words)));
    strip.pieces.forEach((piece, i) => {
      const bottom = piece.top + piece.crop.height * strip.scale;
      const inside = words
        .filter((w) => (w.bbox.y0 + w.bbox.y1) / 2 >= piece.top && (w.bbox.y0 + w.bbox.y1) / 2 <= bottom && w.text.trim() !== '')
        .sort((a, b) => a.bbox.x0 - b.bbox.x0);
      const list = byPiece.get(group[i]!) ?? [];
      byPiece.set(group[i]!, list);
      list.push({ text: inside.map((w) => w.text.trim()).join(''), confidence: inside.length === 0 ? 0 : Math.min(...inside.map((w) => w.confidence)) });
    });
  });
  const pairs = new Map<Piece, PieceReadings>();
  for (const [piece, [first, second]] of byPiece) if (first !== undefined && second !== undefined) pairs.set(piece, [first, second]);
  return pairs;
}

/**
 * A letter or word and the marks read apart from it, as one answer ("S" and "(1)": "S(1)"); marks
 * found but not read (empty text) leave the letter unsure.
 */
function joined(letter: CellReading | null, marks: CellReading | null): CellReading | null {
  if (letter === null || marks === null) return letter;
  const ink = unionBox([letter.ink, marks.ink].filter((b): b is Box => b !== null));
  return { text: `${letter.text}${marks.text}`, confidence: Math.min(letter.confidence, marks.confidence), ink };
}
