// The form's ruling taken off the page before OCR: box and cell borders and the underlines under
// filled-in values. Tesseract reads a letter that touches a line as part of a picture, so an
// underlined "THIEL PETER" comes out as "HIEL PETER" and a number beside a cell border loses its
// commas. A rule is a run of dark pixels far longer than any stroke of a letter; it is painted
// white with its blurred edges. Only what OCR reads is changed: the page image kept for review is
// the scan as it came.
import type { GrayImage } from './gray-image.js';

/** Darker than this is ink. */
const INK = 160;
/** Darker than this, next to a rule, is the rule's blurred edge. */
const EDGE = 225;
/** Rules are at least this long, in inches: longer than any letter's stroke at form sizes. */
const MIN_HORIZONTAL_INCHES = 0.2;
const MIN_VERTICAL_INCHES = 0.3;
/** Light pixels (noise, a break in a scanned line) a run may jump. */
const MAX_GAP = 2;
/** Rows or columns either side of a run whitened with it where they are the rule's edge. */
const EDGE_REACH = 2;

export function eraseRules(image: GrayImage): GrayImage {
  const dpi = image.dpi ?? 300;
  const out = new Uint8Array(image.data);
  eraseRuns(image, out, Math.round(dpi * MIN_HORIZONTAL_INCHES), true);
  eraseRuns(image, out, Math.round(dpi * MIN_VERTICAL_INCHES), false);
  return { ...image, data: out };
}

/** Finds runs along rows (or columns) in the source and whitens them, with their edges, in `out`. */
function eraseRuns(image: GrayImage, out: Uint8Array, minRun: number, horizontal: boolean): void {
  const { width, height, data } = image;
  const lines = horizontal ? height : width;
  const length = horizontal ? width : height;
  const at = (line: number, position: number) => (horizontal ? line * width + position : position * width + line);
  for (let line = 0; line < lines; line += 1) {
    let start = -1;
    let lastInk = -1;
    for (let position = 0; position <= length; position += 1) {
      const ink = position < length && data[at(line, position)]! < INK;
      if (ink) {
        if (start < 0) start = position;
        lastInk = position;
        continue;
      }
      if (start >= 0 && (position - lastInk > MAX_GAP || position === length)) {
        if (lastInk - start + 1 >= minRun) whiten(out, data, line, start, lastInk, lines, at, horizontal);
        start = -1;
      }
    }
  }
}

/**
 * Whitens a run and its blurred edge. Above a horizontal rule stands the text it underlines: a
 * comma's tail reaches down to it, so the edge is taken below it only (each row of a thick rule is a
 * run of its own anyway).
 */
function whiten(out: Uint8Array, data: Uint8Array, line: number, from: number, to: number, lines: number, at: (line: number, position: number) => number, horizontal: boolean): void {
  for (let position = from; position <= to; position += 1) {
    out[at(line, position)] = 255;
    for (let offset = 1; offset <= EDGE_REACH; offset += 1) {
      for (const side of horizontal ? [line + offset] : [line - offset, line + offset]) {
        if (side >= 0 && side < lines && data[at(side, position)]! < EDGE) out[at(side, position)] = 255;
      }
    }
  }
}
