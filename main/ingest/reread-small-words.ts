// A second look at the words a page reading gets wrong most: footnote marks printed in superscript
// ("(1)" read as "@", "w", "©)") and short words read with low confidence (a lone code letter, a
// price in a narrow cell). Each is cut out with a little margin, enlarged three times, and all are
// stacked into one strip that Tesseract reads as a block in a single call; a word takes the second
// reading when it is surer than the first. Boxes stay those of the page.
import type Tesseract from 'tesseract.js';
import type { Line, Word } from '../../shared/document.js';
import type { GrayImage } from './gray-image.js';
import { stackCrops, type Strip, type StripPiece } from './image-strip.js';
import { median, type OcrBlock } from './ocr-lines.js';

/** The strip is read as one block of lines (Tesseract's PSM 6), not laid out as a page. */
export const STRIP_PARAMETERS = { tessedit_pageseg_mode: '6' as Tesseract.PSM };

/** Words per page looked at again, the least sure first: bounds the cost on a damaged page. */
const MAX_WORDS = 160;
/** Under this confidence a short word is read again. */
const UNSURE = 75;
const MARGIN = 4;

interface Pick extends StripPiece {
  line: number;
  word: number;
  /** Small and above the line's baseline: a superscript. */
  raised: boolean;
}

export interface WordStrip {
  strip: Strip;
  picks: Pick[];
}

/** Raised small words (superscripts) and short unsure words, as line and word indexes. */
export function wordsToReread(lines: readonly Line[]): Array<{ line: number; word: number; raised: boolean }> {
  const chosen: Array<{ line: number; word: number; raised: boolean; confidence: number }> = [];
  lines.forEach((line, lineIndex) => {
    const boxes = line.words.map((w) => w.box).filter((b) => b !== null);
    const height = median(boxes.map((b) => b.height));
    const baseline = median(boxes.map((b) => b.y + b.height));
    line.words.forEach((word, wordIndex) => {
      if (word.box === null || word.text.trim() === '') return;
      const raised = word.box.height < height * 0.9 && word.box.y + word.box.height < baseline - height * 0.2;
      const unsure = word.confidence < UNSURE && word.text.length <= 12;
      // A superscript run into the word beside it: a sign where "(1)" stood, or a box grown upwards.
      const glued = /[®©@™°¢]/.test(word.text) || (word.box.height > height * 1.25 && word.box.y < baseline - height * 1.1);
      if (raised || unsure || glued) chosen.push({ line: lineIndex, word: wordIndex, raised, confidence: word.confidence });
    });
  });
  return chosen.sort((a, b) => a.confidence - b.confidence).slice(0, MAX_WORDS).map(({ line, word, raised }) => ({ line, word, raised }));
}

/** The chosen words cut out with a little margin, enlarged `scale` times and stacked with white between them. */
export function buildStrip(image: GrayImage, lines: readonly Line[], chosen: ReadonlyArray<{ line: number; word: number; raised: boolean }>, scale: number): WordStrip {
  const boxes = chosen.map(({ line, word }) => {
    const box = lines[line]!.words[word]!.box!;
    return { x: box.x - MARGIN, y: box.y - MARGIN, width: box.width + 2 * MARGIN, height: box.height + 2 * MARGIN };
  });
  const strip = stackCrops(image, boxes, scale);
  return { strip, picks: strip.pieces.map((piece, i) => ({ ...piece, ...chosen[i]! })) };
}

/**
 * The lines with each picked word replaced by its second reading where that is surer: the strip's
 * words that stand inside the picked word's own box (not the margin's neighbours), run together.
 */
export function applyStripReading(lines: readonly Line[], { strip, picks }: WordStrip, blocks: readonly OcrBlock[] | null): Line[] {
  const found = (blocks ?? []).flatMap((block) => block.paragraphs.flatMap((p) => p.lines.flatMap((l) => l.words)));
  const out = lines.map((line) => ({ ...line, words: [...line.words] }));
  for (const pick of picks) {
    const word = out[pick.line]!.words[pick.word]!;
    const box = word.box!;
    const left = strip.pad + (box.x - pick.crop.x) * strip.scale;
    const right = left + box.width * strip.scale;
    const bottom = pick.top + pick.crop.height * strip.scale;
    const inside = found.filter((w) => {
      const cx = (w.bbox.x0 + w.bbox.x1) / 2;
      const cy = (w.bbox.y0 + w.bbox.y1) / 2;
      return cy >= pick.top && cy <= bottom && cx >= left && cx <= right && w.text.trim() !== '';
    });
    if (inside.length === 0) continue;
    const confidence = Math.min(...inside.map((w) => w.confidence));
    const text = inside.map((w) => w.text.trim()).join('');
    if (confidence <= word.confidence || !acceptable(word, text, inside.length, pick.raised)) continue;
    const reread: Word = { ...word, text, confidence: Math.min(100, Math.max(0, confidence)) };
    out[pick.line]!.words[pick.word] = reread;
  }
  return out;
}

const MARKS = /^(\(\d{1,2}\))+$/;

/** A value as a cell prints it: an amount with its separators in place, or a date. */
const WELL_FORMED = /^(\$?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?|\d{1,2}\/\d{1,2}\/\d{4})$/;
const withoutMarks = (text: string) => text.replace(/^(\(\d{1,2}\))+|(\(\d{1,2}\))+$/g, '');

/**
 * Whether a surer second reading may replace the first. Enlarging helps with small shapes but can
 * also pull in a neighbour's pixels, turn a comma into a point or an "o" into an "a", so: a
 * superscript only becomes footnote marks; a number or date only gains the marks run into it, or
 * becomes well formed where it was not; of other words only short ones (a code letter, a box mark)
 * are read again, never longer words, whose letters the page reading had better.
 */
function acceptable(word: Word, text: string, words: number, raised: boolean): boolean {
  if (raised) return MARKS.test(text) && !MARKS.test(word.text);
  if (words !== 1) return false;
  if (/\d/.test(word.text)) {
    const core = withoutMarks(text);
    if (core === word.text) return core !== text;
    const before = word.text.replace(/\D/g, '');
    const after = core.replace(/\D/g, '');
    // Digits kept, or fewer by what a garbled mark left ("@109/24/2018" for "(4)09/24/2018").
    const kept = after === before || (core !== text && before.length - after.length <= 2 && (before.endsWith(after) || before.startsWith(after)));
    // A comma read as a point (or back) changes the number: separators stay as they were, unless
    // the first reading had none at all.
    const separators = (t: string) => t.replace(/[^,.]/g, '');
    const sameSeparators = separators(word.text) === '' || separators(word.text) === separators(core);
    return !WELL_FORMED.test(word.text) && WELL_FORMED.test(core) && kept && sameSeparators;
  }
  // A short word already made of plain characters ("II", "C/O", "/s/") keeps its first reading.
  const garbled = !/^[A-Za-z0-9/.,&'-]+$/.test(word.text);
  return garbled && word.text.length <= 3 && text.length <= 3 && text.length >= word.text.length;
}

/** Reads the page's unsure and superscript words again through `recognize` (one call per page). */
export async function rereadSmallWords(image: GrayImage, lines: Line[], recognize: (strip: GrayImage) => Promise<readonly OcrBlock[] | null>): Promise<Line[]> {
  const chosen = wordsToReread(lines);
  if (chosen.length === 0) return lines;
  // Enlarged to what a 900 DPI scan would give: Tesseract reads 6-point print well at that size.
  const scale = Math.max(2, Math.min(5, Math.round(900 / (image.dpi ?? 300))));
  const strip = buildStrip(image, lines, chosen, scale);
  return applyStripReading(lines, strip, await recognize(strip.strip.image));
}

/**
 * The same second look on Tesseract's block tree, so that whoever keeps the raw OCR (the accuracy
 * bench's cache) keeps the mended words too: word texts and confidences are replaced in a copy.
 */
export async function rereadBlocks(image: GrayImage, blocks: readonly OcrBlock[], recognize: (strip: GrayImage) => Promise<readonly OcrBlock[] | null>): Promise<OcrBlock[]> {
  const ocrLines = blocks.flatMap((block) => block.paragraphs.flatMap((paragraph) => paragraph.lines));
  const lines: Line[] = ocrLines.map((line) => ({
    box: null,
    words: line.words.map((w) => ({ text: w.text, box: { x: w.bbox.x0, y: w.bbox.y0, width: w.bbox.x1 - w.bbox.x0, height: w.bbox.y1 - w.bbox.y0 }, confidence: w.confidence })),
  }));
  const reread = await rereadSmallWords(image, lines, recognize);
  let index = 0;
  return blocks.map((block) => ({
    ...block,
    paragraphs: block.paragraphs.map((paragraph) => ({
      ...paragraph,
      lines: paragraph.lines.map((line) => {
        const words = reread[index++]!.words;
        return { ...line, words: line.words.map((word, k) => ({ ...word, text: words[k]!.text, confidence: words[k]!.confidence })) };
      }),
    })),
  }));
}
