// Two lines of text the page reading took for one. Where two values stand close one above the other
// (box 1's street lines, a line's height apart), Tesseract's layout analysis may make one line of
// them, of words twice as tall as the page's text, and read rubble: "ol Di oe DR" for "ONE LETTERMAN
// DRIVE" over "BUILDING D, 5TH FLOOR". Cut out, the ink of such words falls into two bands or more
// with paper between them; each band is read again as a line of its own, and the bands' lines take
// the place of the tall words when they are read surer. (A word set large, the form's "FORM", is one
// band and is left alone.)
import type { Box, Line } from '../../shared/document.js';
import { centreIn, unionBox } from '../../shared/boxes.js';
import type { GrayImage } from './gray-image.js';
import { clipBox, cutOut, stackCuts } from './image-strip.js';
import { INK_DARK } from './ink-blots.js';
import { linesFromOcrBlocks, meanConfidence, median, type OcrBlock } from './ocr-lines.js';
import type { StripRequest } from './ocr-pool.js';
import { cleanCut, ruleColumns } from './second-look.js';
import { withoutUnderlines } from './underlines.js';

/** A word this many times the page's text height stands over two lines. */
const TALL = 1.7;
/** Tall words of a line further apart than this many text heights are looked at apart. */
const APART = 3;
/** A band of ink lower than this share of the text height is a stroke or a speck, not a line. */
const LOWEST_BAND = 0.5;
/**
 * Paper kept around each band, and taken above and below the tall words, in text heights: their
 * boxes may hold the second line only in part. (A neighbouring line the cut runs through touches its
 * edge and is wiped with what touches it.)
 */
const BAND_MARGIN = 0.15;
const CUT_MARGIN = 0.8;
/** How far a band is followed left and right of the tall words, in text heights. */
const REACH = 40;
/** The bands are read enlarged, as a scan of twice the resolution. */
const SCALE = 2;

/** Where the page reading ran lines together: a line's index, its tall words', and the box around them. */
export interface MergedLines {
  line: number;
  words: number[];
  box: Box;
}

/** The runs of tall words of each line, as places to look at again. */
export function mergedLinesOf(lines: readonly Line[]): MergedLines[] {
  const height = wordHeight(lines);
  if (height === 0) return [];
  const found: MergedLines[] = [];
  lines.forEach((line, index) => {
    const tall = line.words.flatMap((w, i) => (w.box !== null && w.box.height >= height * TALL ? [{ i, box: w.box }] : [])).sort((a, b) => a.box.x - b.box.x);
    let run: typeof tall = [];
    const close = () => {
      if (run.length > 0) found.push({ line: index, words: run.map((w) => w.i).sort((a, b) => a - b), box: unionBox(run.map((w) => w.box))! });
      run = [];
    };
    for (const word of tall) {
      const last = run[run.length - 1];
      if (last !== undefined && word.box.x - (last.box.x + last.box.width) > height * APART) close();
      run.push(word);
    }
    close();
  });
  return found;
}

/** The page's usual word height: what a tall word is measured against. */
function wordHeight(lines: readonly Line[]): number {
  return median(lines.flatMap((line) => line.words.flatMap((w) => (w.box === null || w.text === '' ? [] : [w.box.height]))));
}

/**
 * The bands of ink of a cut, top to bottom (rows in the cut's pixels): runs of rows holding ink with
 * paper rows between them, those lower than `lowest` left out.
 */
export function inkBands(cut: GrayImage, lowest: number): Array<{ top: number; bottom: number }> {
  const bands: Array<{ top: number; bottom: number }> = [];
  let top = -1;
  for (let y = 0; y <= cut.height; y += 1) {
    let inked = false;
    if (y < cut.height) for (let x = 0; x < cut.width && !inked; x += 1) inked = cut.data[y * cut.width + x]! < INK_DARK;
    if (inked && top < 0) top = y;
    if (!inked && top >= 0) {
      if (y - top >= lowest) bands.push({ top, bottom: y });
      top = -1;
    }
  }
  return bands;
}

/**
 * The page's lines with each place where lines ran together read again band by band (`readStrips`:
 * the OCR pool). `pageImage` makes the upright page the boxes of `lines` refer to, asked for only
 * when there is such a place.
 */
export async function readMergedLinesApart(
  pageImage: () => Promise<GrayImage>,
  lines: readonly Line[],
  readStrips: (strips: StripRequest[]) => Promise<Array<readonly OcrBlock[]>>,
): Promise<Line[]> {
  const places = mergedLinesOf(lines);
  if (places.length === 0) return [...lines];
  const image = await pageImage();
  const height = wordHeight(lines);
  const pieces = places.flatMap((place, index) => bandsOf(image, place.box, height).map((band) => ({ ...band, place: index })));
  if (pieces.length === 0) return [...lines];
  const strip = stackCuts(pieces, SCALE, image.dpi);
  const [blocks] = await readStrips([{ image: strip.image, parameters: { tessedit_pageseg_mode: '6' as StripRequest['parameters']['tessedit_pageseg_mode'], tessedit_char_whitelist: '' } }]);
  // Each line the strip was read as, back in page pixels, under the place its band was cut from.
  const read = new Map<number, Line[]>();
  for (const line of linesFromOcrBlocks(blocks ?? [])) {
    const middle = line.box === null ? -1 : line.box.y + line.box.height / 2;
    const at = strip.pieces.findIndex((p) => middle >= p.top && middle <= p.top + p.crop.height * SCALE);
    if (at < 0) continue;
    const piece = strip.pieces[at]!;
    const toPage = (box: Box): Box => ({ x: piece.crop.x + (box.x - strip.pad) / SCALE, y: piece.crop.y + (box.y - piece.top) / SCALE, width: box.width / SCALE, height: box.height / SCALE });
    const words = line.words.map((w) => ({ ...w, box: w.box === null ? null : toPage(w.box) }));
    const place = pieces[at]!.place;
    read.set(place, [...(read.get(place) ?? []), lineOf(words)]);
  }
  // A place's bands take the place of its tall words and of every word standing in them (the rest of
  // a value the page reading kept on a line of its own); when read surer than those words.
  const replaced = new Set<Line['words'][number]>();
  const added: Line[] = [];
  places.forEach((place, index) => {
    const bands = pieces.filter((piece) => piece.place === index).map((piece) => piece.crop);
    const words = lines.flatMap((line, l) => line.words.filter((w, i) => (l === place.line && place.words.includes(i)) || (w.box !== null && bands.some((band) => centreIn(w.box!, band)))));
    const again = read.get(index) ?? [];
    if (again.length < 2 || words.some((w) => replaced.has(w)) || meanConfidence(again) <= meanConfidence([{ words, box: null }])) return;
    for (const word of words) replaced.add(word);
    added.push(...again);
  });
  if (added.length === 0) return [...lines];
  const kept = lines.flatMap((line) => {
    const words = line.words.filter((w) => !replaced.has(w));
    if (words.length === line.words.length) return [line];
    return words.length === 0 ? [] : [lineOf(words)];
  });
  return [...kept, ...added];
}

function lineOf(words: Line['words']): Line {
  return { words, box: unionBox(words.flatMap((w) => (w.box === null ? [] : [w.box]))) };
}

/**
 * The bands of ink of the cut around `box` (its underlines and rules wiped), as cuts of their own in
 * page pixels: none when the ink is one band. A band is followed left and right past the box as far
 * as its ink runs with no gap wider than a text height (the rest of a value the page reading did
 * not take in with the tall words).
 */
function bandsOf(image: GrayImage, box: Box, height: number): Array<{ crop: Box; pixels: GrayImage }> {
  const margin = height * CUT_MARGIN;
  const reach = height * REACH;
  const crop = clipBox(image, { x: box.x - reach, y: box.y - margin, width: box.width + 2 * reach, height: box.height + 2 * margin });
  const raw = cutOut(image, crop);
  const cut = cleanCut(withoutUnderlines(raw));
  // The form's rules between boxes (wiped from the cut) end a band: the next box is another value.
  const rule = ruleColumns(raw);
  const from = Math.max(0, Math.floor(box.x) - crop.x);
  const to = Math.min(cut.width, Math.ceil(box.x + box.width) - crop.x);
  const bands = inkBands(cutOut(cut, { x: from, y: 0, width: Math.max(1, to - from), height: cut.height }), height * LOWEST_BAND);
  if (bands.length < 2) return [];
  const pad = Math.round(height * BAND_MARGIN);
  let cutOff = false;
  const cuts = bands.map((band) => {
    const top = Math.max(0, band.top - pad);
    const bottom = Math.min(cut.height, band.bottom + pad);
    const inked = (x: number) => {
      for (let y = band.top; y < band.bottom; y += 1) if (cut.data[y * cut.width + x]! < INK_DARK) return true;
      return false;
    };
    const follow = (start: number, step: 1 | -1) => {
      let end = start;
      for (let x = start, gap = 0; x >= 0 && x < cut.width && gap <= height && !rule[x]; x += step) {
        if (inked(x)) {
          end = x;
          gap = 0;
        } else gap += 1;
      }
      return end;
    };
    const start = follow(from, -1);
    const end = follow(to - 1, 1);
    // Ink running on to where the cut was made, short of the page's edge: a band cut off is not read.
    if ((start === 0 && crop.x > 0) || (end === cut.width - 1 && crop.x + crop.width < image.width)) cutOff = true;
    const left = Math.max(0, start - pad);
    const right = Math.min(cut.width, end + 1 + pad);
    const part = { x: left, y: top, width: right - left, height: bottom - top };
    return { crop: { ...part, x: crop.x + left, y: crop.y + top }, pixels: cutOut(cut, part) };
  });
  return cutOff ? [] : cuts;
}
