// Choosing which way up a page is. Tesseract's orientation detection (OSD) proposes a turn; when it
// is unsure, the page is read the proposed way first and other turns are tried only if that reading
// looks wrong, keeping the reading with the most confidently read characters.
import type { Line } from '../../shared/document.js';
import type { Rotation } from './gray-image.js';

/**
 * OSD's orientation confidence above which its answer is taken without a second look. Clear
 * printed pages score ~5-20 on this scale; a few lines of text, or noise, score below 2.
 */
export const TRUSTED_OSD_CONFIDENCE = 2;
/** A word read with at least this confidence counts as read. */
const CONFIDENT_WORD = 70;

export interface OsdAnswer {
  orientation_degrees: number | null;
  orientation_confidence: number | null;
}

export interface Reading {
  rotation: Rotation;
  lines: Line[];
}

/** The clockwise turn that makes the page upright according to OSD (its degrees are the page's turn). */
export function rotationFromOsd(answer: OsdAnswer): Rotation {
  const degrees = answer.orientation_degrees;
  return degrees === 90 || degrees === 180 || degrees === 270 ? degrees : 0;
}

export function osdIsTrusted(answer: OsdAnswer): boolean {
  return answer.orientation_degrees !== null && (answer.orientation_confidence ?? 0) >= TRUSTED_OSD_CONFIDENCE;
}

/** Turns to try, the proposed one first, then upright, upside down and the two sideways turns. */
export function rotationsToTry(proposed: Rotation): Rotation[] {
  const order: Rotation[] = [proposed, 0, 180, 90, 270];
  return order.filter((rotation, index) => order.indexOf(rotation) === index);
}

/** Characters of words read with confidence: upside-down text reads as many low-confidence marks. */
export function confidentCharacters(lines: readonly Line[]): number {
  let count = 0;
  for (const line of lines) {
    for (const word of line.words) {
      if (word.confidence >= CONFIDENT_WORD) count += alphanumerics(word.text);
    }
  }
  return count;
}

/** True when the reading needs no other turn: mostly confident words, or a (nearly) blank page. */
export function readingIsSettled(lines: readonly Line[]): boolean {
  let all = 0;
  for (const line of lines) {
    for (const word of line.words) all += alphanumerics(word.text);
  }
  if (all < 5) return true;
  return confidentCharacters(lines) >= 0.6 * all;
}

/**
 * True when the words lie the way upright text does, wider than tall. Tesseract reads a sideways
 * page's text confidently as vertical lines, so a settled reading alone does not make the page
 * upright; its boxes would still be sideways for the parser and the review screen.
 */
export function wordsLieFlat(lines: readonly Line[]): boolean {
  let flat = 0;
  let standing = 0;
  for (const line of lines) {
    for (const word of line.words) {
      if (!word.box || alphanumerics(word.text) < 3) continue;
      if (word.box.width > word.box.height) flat += 1;
      else standing += 1;
    }
  }
  return flat >= standing;
}

/** The reading whose words lie flat, or of two alike, the one with more confidently read characters. */
export function betterReading<T extends Reading>(current: T | null, candidate: T): T {
  if (!current) return candidate;
  const flat = wordsLieFlat(candidate.lines);
  if (flat !== wordsLieFlat(current.lines)) return flat ? candidate : current;
  return confidentCharacters(candidate.lines) > confidentCharacters(current.lines) ? candidate : current;
}

function alphanumerics(text: string): number {
  return text.replace(/[^\p{L}\p{N}]/gu, '').length;
}
