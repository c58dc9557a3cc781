// The parser's view of a document: words in reading order with where they came from, and a fuzzy
// search for the printed labels of the form, so that a label an OCR tool damaged ("S. Relationship",
// "(St ate) (2 Zip)") is still found.
import type { Box, Document } from '../../../shared/document.js';
import { UNSURE, type Provenance } from './provenance.js';

export interface Token {
  text: string;
  /** Lower case letters, digits, parentheses and `%`: what label matching compares. */
  norm: string;
  confidence: number;
  box: Box | null;
  page: number;
  /** Index of the token's line in the document, over all pages. */
  line: number;
  cell: number | null;
  gapBefore: boolean;
}

export interface TextLine {
  index: number;
  tokens: Token[];
  /** The line's tokens' `norm`s run together. */
  norm: string;
}

export function normalize(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9()%]/g, '');
}

export function documentLines(document: Document): TextLine[] {
  const lines: TextLine[] = [];
  for (const page of document.pages) {
    for (const line of page.lines) {
      const index = lines.length;
      const tokens = line.words.map((word) => ({
        text: word.text,
        norm: normalize(word.text),
        confidence: word.confidence,
        box: word.box,
        page: page.number,
        line: index,
        cell: word.cell ?? null,
        gapBefore: word.gapBefore ?? false,
      }));
      lines.push({ index, tokens, norm: tokens.map((t) => t.norm).join('') });
    }
  }
  return lines;
}

export interface LabelMatch {
  /** Index of the label's first token. */
  start: number;
  /** Index one past the label's last token. */
  end: number;
  /** Edits between the label and what was printed; 0 for an exact match. */
  distance: number;
}

/**
 * Finds `label` (already normalized) in `tokens` from `from` on, allowing a share of edits so that OCR
 * damage does not hide it. Matches must cover whole tokens: a token belongs to the label when most of
 * its characters fall inside the matched span. Returns the leftmost best match, or null.
 */
export function findLabel(tokens: readonly Token[], label: string, from = 0, maxEditShare = 0.15): LabelMatch | null {
  const owner: number[] = [];
  let text = '';
  for (let i = from; i < tokens.length; i += 1) {
    const norm = tokens[i]!.norm;
    text += norm;
    for (let k = 0; k < norm.length; k += 1) owner.push(i);
  }
  const maxEdits = label.length <= 8 ? 0 : Math.floor(label.length * maxEditShare);
  const found = approximateSubstring(text, label, maxEdits);
  if (found === null) return null;
  const inside = new Map<number, number>();
  for (let c = found.start; c < found.end; c += 1) inside.set(owner[c]!, (inside.get(owner[c]!) ?? 0) + 1);
  const covered = [...inside.entries()].filter(([token, count]) => count * 2 >= tokens[token]!.norm.length).map(([token]) => token);
  if (covered.length === 0) return null;
  return { start: Math.min(...covered), end: Math.max(...covered) + 1, distance: found.distance };
}

/**
 * Sellers' algorithm: the substring of `text` closest to `pattern` in edit distance, leftmost among
 * the best, if within `maxEdits`. Start positions ride along in the dynamic programme.
 */
export function approximateSubstring(text: string, pattern: string, maxEdits: number): { start: number; end: number; distance: number } | null {
  if (maxEdits === 0) {
    const at = text.indexOf(pattern);
    return at < 0 ? null : { start: at, end: at + pattern.length, distance: 0 };
  }
  const m = pattern.length;
  let previous = new Array<number>(m + 1);
  let previousStart = new Array<number>(m + 1);
  for (let i = 0; i <= m; i += 1) {
    previous[i] = i;
    previousStart[i] = 0;
  }
  let best: { start: number; end: number; distance: number } | null = null;
  for (let j = 1; j <= text.length; j += 1) {
    const current = new Array<number>(m + 1);
    const currentStart = new Array<number>(m + 1);
    current[0] = 0;
    currentStart[0] = j;
    for (let i = 1; i <= m; i += 1) {
      const substitute = previous[i - 1]! + (pattern[i - 1] === text[j - 1] ? 0 : 1);
      const skipText = previous[i]! + 1;
      const skipPattern = current[i - 1]! + 1;
      if (substitute <= skipText && substitute <= skipPattern) {
        current[i] = substitute;
        currentStart[i] = previousStart[i - 1]!;
      } else if (skipPattern <= skipText) {
        current[i] = skipPattern;
        currentStart[i] = currentStart[i - 1]!;
      } else {
        current[i] = skipText;
        currentStart[i] = previousStart[i]!;
      }
    }
    const distance = current[m]!;
    if (distance <= maxEdits && (best === null || distance < best.distance)) {
      best = { start: currentStart[m]!, end: j, distance };
    }
    previous = current;
    previousStart = currentStart;
  }
  return best;
}

export function joinText(tokens: readonly Token[]): string {
  return tokens.map((t) => t.text).join(' ').replace(/\s+/g, ' ').trim();
}

/**
 * Whether ink this wide and tall is a speck beside text of `textHeight`: a dot of the scan, whatever
 * OCR read in it. (A printed "(1)" is half the text's height; the specks OCR reads as ":", "." or
 * "-", or as a digit or letter ("3", "J"), measured 2 to 6 pixels at 300 DPI, the marks 9 and more.)
 */
export function speckSized(width: number, height: number, textHeight: number): boolean {
  return Math.max(width, height) < textHeight * 0.35;
}

/**
 * A value's words without the specks a scan leaves at its ends, read as words of their own: marks
 * with no letter or digit (":", ";", "=", ">", "©"), a bar before the first word (the box's rule; a bar
 * after the last may be a J or an I), an unsure lone small letter after the last ("THIEL PETER i"), and
 * a lone character a fraction of the words' height.
 * An unsure speck left out still flags the field at `path`: it may have been a letter.
 */
export function withoutEdgeSpecks(tokens: readonly Token[], path: string, provenance: Provenance): Token[] {
  // A lone character whose ink is a fraction of the words' height is a speck, whatever OCR made of it
  // ("J" for a dot of 2 by 2 pixels right of a street line).
  const heights = tokens.flatMap((t) => (t.box !== null && t.text.length > 1 ? [t.box.height] : [])).sort((a, b) => a - b);
  const height = heights[Math.floor(heights.length / 2)] ?? 0;
  const tiny = (token: Token) => token.box !== null && token.text.length === 1 && speckSized(token.box.width, token.box.height, height);
  const speck = (token: Token, last: boolean) =>
    (/^[^A-Za-z0-9]+$/.test(token.text) && !(last && token.text.includes('|'))) || (last && /^[a-z]$/.test(token.text) && token.confidence < UNSURE) || tiny(token);
  let start = 0;
  let end = tokens.length;
  while (start < end && speck(tokens[start]!, false)) start += 1;
  while (end > start && speck(tokens[end - 1]!, true)) end -= 1;
  // A value of nothing but specks stays as read: left empty, it would look unprinted and pass.
  if (start === end) return [...tokens];
  const unsure = [...tokens.slice(0, start), ...tokens.slice(end)].filter((t) => t.confidence < UNSURE);
  if (unsure.length > 0) provenance.guess(path, `${unsure.map((t) => `"${t.text}"`).join(', ')} at the edge of the value taken for specks of the scan`);
  const kept = tokens.slice(start, end);
  // A speck glued to the last word ("SUITE 500°"): left out, and the field flagged (a sign may be printed).
  const last = kept[kept.length - 1]!;
  const glued = /^(.*[A-Za-z0-9.)])[°®©™¥]+$/.exec(last.text);
  if (glued === null) return kept;
  provenance.guess(path, `"${last.text}" read without the sign at its end, taken for a speck of the scan`);
  return [...kept.slice(0, -1), { ...last, text: glued[1]!, norm: normalize(glued[1]!) }];
}
