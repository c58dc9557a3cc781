// The underlines taken out of the copy of a page that OCR reads. A Form 4 underlines its values;
// Tesseract takes an underlined line, or two underlined lines standing close (box 1's name and
// street), for one line of rubble ("RO" for "BOTHA ROELOF", "oc a issountave" for two street lines).
// The form's other rules stay in that copy too. The page the analyst sees keeps everything, and the
// second look wipes its cells' rules itself (second-look.ts).
import type { GrayImage } from './gray-image.js';
import { shadesOf } from './shades.js';

/** A rule runs a third of an inch at least: a long word's stroke never does. */
const SHORTEST_INCHES = 1 / 3;
/** A rule is a fortieth of an inch thick at most (a scan's blur included); a letter stands taller. */
const THICKEST_INCHES = 1 / 40;
/** A row is part of a rule when ink covers this share of the rule's run on it. */
const MOSTLY = 0.5;
/** ...and one row of it is inked over this share of the run. */
const ALL_ALONG = 0.85;
/** An underline stands this near under its letters (a form's rule stands further from its box's text). */
const UNDER_INCHES = 1 / 50;
/** ...and letters stand over this share of its length at least. */
const LETTERED = 0.2;
/** A letter's stroke is this wide at most (a comma's tail, a descender's stem). */
const STROKE_INCHES = 1 / 50;
/** A run of a rule steps over a gap this wide (noise, a pixel lighter than ink). */
const GAP_INCHES = 1 / 60;
/** The blurred grey edge wiped with a rule, above and below it. */
const EDGE_INCHES = 1 / 150;

/**
 * The page with its underlines painted paper: long, thin, level runs of ink with letters standing
 * close above them. Letters keep their ink where they touch a line (see `touches`). The page is level
 * by now (deskew.ts). The image itself is returned when it has no underline.
 */
export function withoutUnderlines(image: GrayImage): GrayImage {
  const { width, height, data } = image;
  const dpi = image.dpi ?? 300;
  const shortest = Math.round(dpi * SHORTEST_INCHES);
  const thickest = Math.max(2, Math.round(dpi * THICKEST_INCHES));
  const edge = Math.max(1, Math.round(dpi * EDGE_INCHES));
  const gapWidest = Math.max(1, Math.round(dpi * GAP_INCHES));
  const stroke = Math.max(2, Math.round(dpi * STROKE_INCHES));
  const reach = Math.max(3, Math.round(dpi * UNDER_INCHES));
  const { paper, inkBelow } = shadesOf(image);
  const ink = (at: number) => data[at]! <= inkBelow;
  let out: Uint8Array | null = null;
  // A scanned rule prints grey and a pixel or two thick, so noise breaks it on any one row: a row and
  // the one below are looked at together, and a run steps over a gap of a few pixels.
  const inkIn = (x: number, y: number) => ink(y * width + x) || ink((y + 1) * width + x);
  // The rows a run's rule covers: those inked over most of the run, around the two it was found on.
  // Thicker than a rule, it is a bar or a block of text, and is left alone.
  const inkedAlong = (from: number, to: number, y: number, share: number) => {
    let count = 0;
    for (let x = from; x < to; x += 1) if (ink(y * width + x)) count += 1;
    return count >= (to - from) * share;
  };
  // (A rule has a row inked nearly all along: the serifs along a line of text never do.)
  const bandOf = (from: number, to: number, y: number): { top: number; bottom: number } | null => {
    let top = inkedAlong(from, to, y, MOSTLY) ? y : y + 1;
    let bottom = inkedAlong(from, to, y + 1, MOSTLY) ? y + 1 : y;
    if (top > bottom) return null;
    while (top > 0 && bottom - top < thickest && inkedAlong(from, to, top - 1, MOSTLY)) top -= 1;
    while (bottom < height - 1 && bottom - top < thickest && inkedAlong(from, to, bottom + 1, MOSTLY)) bottom += 1;
    if (bottom - top + 1 > thickest) return null;
    for (let row = top; row <= bottom; row += 1) if (inkedAlong(from, to, row, ALL_ALONG)) return { top, bottom };
    return null;
  };
  // Ink touching the rule from above or below is a letter. Where it touches over a stroke's width (a
  // comma's tail, a descender, a letter's foot), the rule under it stays, or the letter loses its
  // end; under a wider touch (a letter's base blurred into the rule) the rule goes, and the letter
  // keeps its pixels next to it.
  // (Touching is told by ink darker than the ink threshold: blur greys the paper between a letter and
  // a rule a pixel below it.)
  const touchBelow = inkBelow - (paper - inkBelow) / 4;
  const dark = (at: number) => data[at]! <= touchBelow;
  const touches = (column: number, band: { top: number; bottom: number }) =>
    (band.top > 0 && dark((band.top - 1) * width + column)) || (band.bottom < height - 1 && dark((band.bottom + 1) * width + column));
  // An underline runs a pixel or few under its letters, which stand along much of it; a rule of the
  // form stands clear of the text in its box. Those rules stay: Tesseract finds the boxes and the
  // table's rows by them, and reads across a box's edge into the next box without it.
  const underlines = (from: number, to: number, band: { top: number; bottom: number }) => {
    let lettered = 0;
    for (let column = from; column < to; column += 1) {
      for (let r = Math.max(0, band.top - reach); r <= band.top - 2; r += 1) {
        if (dark(r * width + column)) {
          lettered += 1;
          break;
        }
      }
    }
    return lettered >= (to - from) * LETTERED;
  };
  const wipe = (into: Uint8Array, from: number, to: number, band: { top: number; bottom: number }) => {
    for (let column = from; column < to; ) {
      if (!touches(column, band)) {
        // The rule's grey edge goes; ink beside the rule stays (a comma's tail ending just above an
        // underline would read as a period without its last pixels).
        for (let r = Math.max(0, band.top - edge); r <= Math.min(height - 1, band.bottom + edge); r += 1) {
          if ((r >= band.top && r <= band.bottom) || !ink(r * width + column)) into[r * width + column] = paper;
        }
        column += 1;
        continue;
      }
      let end = column;
      while (end < to && touches(end, band)) end += 1;
      if (end - column > stroke) for (let c = column; c < end; c += 1) for (let r = band.top; r <= band.bottom; r += 1) into[r * width + c] = paper;
      column = end;
    }
  };
  for (let y = 0; y < height - 1; y += 1) {
    for (let x = 0; x < width; ) {
      if (!inkIn(x, y)) {
        x += 1;
        continue;
      }
      let end = x + 1;
      for (let gap = 0; end < width && gap <= gapWidest; end += 1) gap = inkIn(end, y) ? 0 : gap + 1;
      end = Math.max(x + 1, end - gapWidest - 1);
      if (end - x >= shortest) {
        const band = bandOf(x, end, y);
        if (band !== null && underlines(x, end, band)) {
          out ??= Uint8Array.from(data);
          wipe(out, x, end, band);
        }
      }
      x = end;
    }
  }
  return out === null ? image : { ...image, data: out };
}
