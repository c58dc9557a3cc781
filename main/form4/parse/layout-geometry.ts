// The words of a scanned page placed on the page: straightened (a scan is often turned a degree or
// two, which over a table's height moves a column by more than a narrow column is wide), grouped
// into the printed lines they sit on, and picked out by region. Boxes as OCR gave them stay with
// each word for provenance; only the layout reading uses the straightened positions.
import type { Box, Page } from '../../../shared/document.js';
import { normalize, type TextLine, type Token } from './tokens.js';

/** A word with its straightened position (left, top, right, bottom) beside its source token. */
export interface Placed {
  token: Token;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface VisualLine {
  words: Placed[];
  top: number;
  bottom: number;
}

export const centerX = (w: Placed) => (w.left + w.right) / 2;
export const centerY = (w: Placed) => (w.top + w.bottom) / 2;

/** Whether `inner` stands within `outer`'s box: inside it from side to side, its middle within its height. */
export function standsWithin(inner: Placed, outer: Placed): boolean {
  return outer !== inner && outer.left <= inner.left && outer.right >= inner.right && outer.top <= centerY(inner) && outer.bottom >= centerY(inner);
}

/**
 * The page's slope (dy per dx) from its OCR lines: the median slope of the bottoms of the words of
 * every line of four words or more. Tesseract reads skewed lines as lines, so this is robust.
 */
export function pageSlope(page: Page): number {
  const slopes: number[] = [];
  for (const line of page.lines) {
    const boxes = line.words.map((w) => w.box).filter((b): b is Box => b !== null && b.height > 0);
    if (boxes.length < 4) continue;
    const first = boxes[0]!;
    const last = boxes[boxes.length - 1]!;
    const dx = last.x + last.width / 2 - (first.x + first.width / 2);
    if (dx < 300) continue;
    // Medians of the bottoms of each half, so one descender or superscript does not tilt the line.
    const half = Math.floor(boxes.length / 2);
    const bottom = (list: Box[]) => median(list.map((b) => b.y + b.height));
    const mid = (list: Box[]) => median(list.map((b) => b.x + b.width / 2));
    const a = boxes.slice(0, half);
    const b = boxes.slice(boxes.length - half);
    const run = mid(b) - mid(a);
    if (run > 200) slopes.push((bottom(b) - bottom(a)) / run);
  }
  return slopes.length < 3 ? 0 : median(slopes);
}

/** The page's words, straightened by turning the page back by its slope. */
export function placeWords(page: Page, lineOffset: number): Placed[] {
  const slope = pageSlope(page);
  const placed: Placed[] = [];
  page.lines.forEach((line, lineIndex) => {
    for (const word of line.words) {
      if (word.box === null || word.text.trim() === '') continue;
      const { x, y, width, height } = word.box;
      const cx = x + width / 2;
      const cy = y + height / 2;
      // Small-angle rotation about the origin: a point on a line of slope s keeps its y at x = 0.
      const sx = cx + cy * slope;
      const sy = cy - cx * slope;
      const token: Token = {
        text: word.text,
        norm: normalize(word.text),
        confidence: word.confidence,
        box: word.box,
        page: page.number,
        line: lineOffset + lineIndex,
        cell: null,
        gapBefore: word.gapBefore ?? false,
      };
      placed.push({ token, left: sx - width / 2, right: sx + width / 2, top: sy - height / 2, bottom: sy + height / 2 });
    }
  });
  return placed;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** The usual height of a word on the page: what "a line" and "a gap" are measured in. */
export function textHeight(words: readonly Placed[]): number {
  const heights = words.filter((w) => /[a-z]/i.test(w.token.text) && w.token.text.length >= 3).map((w) => w.bottom - w.top);
  return median(heights) || 24;
}

/**
 * Groups words into printed lines: a word joins the line whose vertical span holds its centre (a
 * superscript footnote mark, raised and small, still falls within its value's line), else starts one.
 */
export function visualLines(words: readonly Placed[]): VisualLine[] {
  const height = textHeight(words);
  const isTall = (w: Placed) => w.bottom - w.top > 1.6 * height;
  // A word taller than a line (a piece of a table rule OCR read as "|", a word boxed with an
  // underline) is placed after the others, so it neither starts a line nor stretches one over the next.
  const sorted = [...words].sort((a, b) => Number(isTall(a)) - Number(isTall(b)) || centerY(a) - centerY(b));
  const lines: VisualLine[] = [];
  for (const word of sorted) {
    const cy = centerY(word);
    const tall = isTall(word);
    let home: VisualLine | undefined;
    if (tall) {
      // A tall word is a word OCR boxed with an underline or a rule above or below it: it joins the
      // line it overlaps most.
      let most = height * 0.5;
      for (const line of lines) {
        const overlap = Math.min(line.bottom, word.bottom) - Math.max(line.top, word.top);
        if (overlap > most) [home, most] = [line, overlap];
      }
    }
    // Words come in reading order, so a line is among the last few.
    for (let i = lines.length - 1; !tall && i >= 0 && i >= lines.length - 4; i -= 1) {
      const line = lines[i]!;
      const lineCenter = (line.top + line.bottom) / 2;
      if (Math.abs(cy - lineCenter) < height * 0.55 || (cy > line.top && cy < line.bottom && line.bottom - line.top < 1.6 * height)) {
        home = line;
        break;
      }
    }
    if (home === undefined) lines.push({ words: [word], top: word.top, bottom: word.bottom });
    else {
      home.words.push(word);
      // Neither a small raised mark nor a tall word stretches the line it joined.
      if (word.bottom - word.top > 0.7 * height && !tall) {
        home.top = Math.min(home.top, word.top);
        home.bottom = Math.max(home.bottom, word.bottom);
      }
    }
  }
  // Left to right; but OCR sometimes boxes a word over its neighbour ("C/O FACEBOOK," with FACEBOOK's
  // box from before C/O, "Class A" with Class's box over A): two words one within the other keep
  // the order OCR read them in.
  const order = new Map(words.map((word, index) => [word, index]));
  const within = (a: Placed, b: Placed) => centerX(a) >= b.left && centerX(a) <= b.right;
  for (const line of lines) line.words.sort((a, b) => (within(a, b) || within(b, a) ? order.get(a)! - order.get(b)! : a.left - b.left));
  return lines.sort((a, b) => a.top - b.top);
}

export interface Region {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Words whose centre lies inside the region. */
export function wordsIn(words: readonly Placed[], region: Region): Placed[] {
  return words.filter((w) => {
    const x = centerX(w);
    const y = centerY(w);
    return x >= region.left && x < region.right && y >= region.top && y < region.bottom;
  });
}

/**
 * Lines as the text parser reads them, with an empty line wherever the vertical gap is wider than
 * a line and a half (a paragraph break on the page).
 */
export function textLines(lines: readonly VisualLine[], height: number, indexFrom = 0): TextLine[] {
  const out: TextLine[] = [];
  let previous: VisualLine | null = null;
  for (const line of lines) {
    if (previous !== null && line.top - previous.bottom > height * 1.1) out.push({ index: indexFrom + out.length, tokens: [], norm: '' });
    const tokens = line.words.map((w) => w.token);
    out.push({ index: indexFrom + out.length, tokens, norm: tokens.map((t) => t.norm).join('') });
    previous = line;
  }
  return out;
}

/**
 * A word OCR ran over a cell border ("1,087|®", "(A)](D)"): cut at the bar (or between a closing and
 * an opening bracket), each piece placed by its share of the characters, so each lands in its own
 * column.
 */
export function splitAtBorders(word: Placed): Placed[] {
  const text = word.token.text;
  const parts = text.split(/([|]+|(?<=\))[\][]*(?=\())/);
  if (parts.filter((p, i) => i % 2 === 0 && p !== '').length < 2) return [word];
  const perChar = (word.right - word.left) / text.length;
  const out: Placed[] = [];
  let at = 0;
  parts.forEach((piece, i) => {
    if (i % 2 === 0 && piece !== '') {
      out.push({ ...word, left: word.left + at * perChar, right: word.left + (at + piece.length) * perChar, token: { ...word.token, text: piece, norm: normalize(piece) } });
    }
    at += piece.length;
  });
  return out;
}
