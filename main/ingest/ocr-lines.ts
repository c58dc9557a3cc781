// Tesseract's block tree (blocks -> paragraphs -> lines -> words) flattened into the document model's
// lines, in Tesseract's reading order, with boxes in the pixels of the image that was read.
import type { Box, Line, Word } from '../../shared/document.js';

/** The part of tesseract.js's `blocks` output this reads (its own types mark everything present). */
export interface OcrBlock {
  paragraphs: Array<{ lines: Array<OcrLine> }>;
}
interface OcrLine {
  bbox: OcrBox;
  words: Array<{ text: string; confidence: number; bbox: OcrBox }>;
}
interface OcrBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export function linesFromOcrBlocks(blocks: readonly OcrBlock[] | null): Line[] {
  const lines: Line[] = [];
  for (const block of blocks ?? []) {
    for (const paragraph of block.paragraphs) {
      for (const line of paragraph.lines) {
        // (A word of spaces or underscores alone is dropped.)
        const words: Word[] = line.words
          .map((word) => initialsStop(romanNumeral(underlined({ text: straightQuotes(word.text.trim()), box: toBox(word.bbox), confidence: clampConfidence(word.confidence) }))))
          .filter((word) => word.text !== '');
        if (words.length > 0) lines.push({ words: entityNumerals(capitalPs(words)), box: toBox(line.bbox) });
      }
    }
  }
  return lines;
}

/** Mean word confidence weighted by characters, so a misread long number weighs more than a stray mark. */
export function meanConfidence(lines: readonly Line[]): number {
  let characters = 0;
  let weighted = 0;
  for (const line of lines) {
    for (const word of line.words) {
      characters += word.text.length;
      weighted += word.confidence * word.text.length;
    }
  }
  return characters === 0 ? 0 : weighted / characters;
}

/** Under this confidence a word is flagged `low-confidence` by default (the parser's threshold is 80). */
const MENDED_CONFIDENCE = 70;

/**
 * Tesseract reads a printed straight quote as a curly one. Ownership filings on EDGAR use straight
 * quotes (not one of the 73 real filings in the test corpus holds a curly one), so the word keeps its
 * confidence: the reading is the same glyph, not a guess.
 */
function straightQuotes(text: string): string {
  return text.replace(/[“”„]/g, '"').replace(/[‘’‚]/g, "'");
}

/** A word OCR misread, with its text mended and left unsure so the field is checked. */
function mended(word: Word, text: string): Word {
  return { ...word, text, confidence: Math.min(word.confidence, MENDED_CONFIDENCE) };
}

/**
 * "Il" is no English word: in fund and entity names ("Mithril II LP", "SVF II") it is the numeral II
 * with its second stroke read as a lower-case l, or as a bracket or bar ("[I", "I|"); "Ill" is III
 * ("Craft Ventures III"). Mended, and left unsure so the field is checked.
 */
function romanNumeral(word: Word): Word {
  // (Its quotes are straight by now: straightQuotes ran first.)
  const match = /^([("]{0,2})(Il|Ill|\[I|\[\||I\||\|I)([,.;:)"]{0,2})$/.exec(word.text);
  if (match === null) return word;
  const numeral = match[2] === 'Ill' ? 'III' : 'II';
  return mended(word, `${match[1]}${numeral}${match[3]}`);
}

/**
 * Initials before a comma lose their last period to it, or gain a second comma: "L.P," and "L.P,,"
 * for "L.P.,", where the period and the comma crowd one another. Mended, and left unsure.
 */
function initialsStop(word: Word): Word {
  const match = /^((?:[A-Z]\.)+[A-Z])(?:,,?|\.,,)$/.exec(word.text);
  return match === null ? word : mended(word, `${match[1]}.,`);
}

/** Characters that reach below the baseline, in most fonts. */
const DESCENDING = /[gjpqyJQ,;()[\]{}|@$/]/;

/**
 * A capital word OCR read with a small "p" ("Lp" for "LP"), whose ink reaches no lower than the
 * baseline of the words beside it: the "p" has no descender, so it is a "P". Mended, and left unsure.
 * (Tesseract's boxes of single letters are too rough to tell; its word boxes are the ink's.)
 */
function capitalPs(words: readonly Word[]): Word[] {
  const level = words.filter((w) => w.box !== null && /^[A-Za-z0-9.'"!?:-]{2,}$/.test(w.text) && !DESCENDING.test(w.text));
  if (level.length === 0) return [...words];
  const baseline = median(level.map((w) => w.box!.y + w.box!.height));
  const near = median(level.map((w) => w.box!.height)) * 0.1;
  return words.map((word) => {
    const letters = word.text.replace(/[^A-Za-z]/g, '');
    if (word.box === null || !/^[A-Zp]+$/.test(letters) || !letters.includes('p') || !/[A-Z]/.test(letters) || /[gjqy,;]/.test(word.text)) return word;
    if (word.box.y + word.box.height > baseline + near) return word;
    return mended(word, word.text.replace(/p/g, 'P'));
  });
}

/**
 * An underscore in a word is the underline printed under a value, read into it ("(JERSEY)_LIMITED"):
 * a space between two words, nothing at either end. Mended, and left unsure.
 */
function underlined(word: Word): Word {
  if (!word.text.includes('_')) return word;
  return mended(word, word.text.replace(/(\S)_+(?=\S)/g, '$1 ').replace(/_/g, '').trim());
}

/** What names a partnership or company after its numeral. */
const ENTITY = /^(?:U?GP|LP|L\.P\.?|LLC|Fund|Holdings)[,.]?$/i;

/**
 * The numeral II of an entity's name read as "IT" before what names the entity ("Mithril IT GP LP"),
 * or with a digit for one stroke ("Fund 1I-2"). Mended, and left unsure.
 */
function entityNumerals(words: readonly Word[]): Word[] {
  return words.map((word, index) => {
    const mixed = /^(?:1I|I1|1l|l1)(-\d+[,.]?)?$/.exec(word.text);
    if (mixed !== null) return mended(word, `II${mixed[1] ?? ''}`);
    const next = words[index + 1];
    if (word.text !== 'IT' || next === undefined || !ENTITY.test(next.text)) return word;
    return mended(word, 'II');
  });
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function toBox({ x0, y0, x1, y1 }: OcrBox): Box {
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

function clampConfidence(value: number): number {
  return Math.min(100, Math.max(0, value));
}
