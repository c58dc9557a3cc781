// Footnote marks found by where their ink stands, not by what OCR read: a mark is printed in
// superscript, so its blots end well above the line's baseline, where no digit, letter or comma of
// the value does. A cell's cut (cleaned, second-look.ts) gives up its raised blots, grouped into
// marks side by side, apart from the rest: the marks are read alone, and a letter without them. A
// mark's blots run bracket, digits, bracket, so its digits can be cut out and read apart too.
import { unionBox } from '../../shared/boxes.js';
import type { Box } from '../../shared/document.js';
import type { GrayImage } from './gray-image.js';
import { cutOut } from './image-strip.js';
import { blotsOf, FAINT_DARK, INK_DARK, SPECK_AT_300, type Blot } from './ink-blots.js';

/**
 * How dark ink is, first as a letter is read, then lighter: a mark's thin strokes print grey and
 * break apart on a damaged scan at the first; on a sharp scan, the second runs a mark's bracket into
 * the letter beside it. The lightest holds together a mark that a blurred 200 DPI scan left in
 * pieces at the others (a "(2)" as seven specks).
 */
const DARKNESSES = [INK_DARK, FAINT_DARK, 200];

/** How far above the baseline a blot must end to be raised, in text heights (a superscript ends about half way up). */
const RAISED = 0.25;
/** A raised blot this short is a dot, a dash or a speck, not a bracket or digit of a mark. */
const SHORTEST = 0.3;
/** A letter ends this near the page reading's baseline (in text heights); a mark's bracket ends higher. */
const NEAR = 0.28;
/** Blots of one mark stand this close side by side (in text heights): "(6)(7)" is one run. */
const GAP = 0.6;

/**
 * A cleaned cut parted into its raised marks and the rest (`body`, the cut with the marks wiped).
 * The marks: their ink alone, cut to its box (in the cut's pixels), and how many blots it holds
 * (each bracket and digit is one, unless blur ran them together); null when nothing in the cut is
 * raised like a mark. `baseline` is where the line's letters stand (a y in the cut), `textHeight`
 * the height of its digits.
 */
export function splitRaised(cut: GrayImage, baseline: number, textHeight: number): { marks: RaisedMarks | null; body: GrayImage } {
  for (const dark of DARKNESSES) {
    const blots = blotsOf(cut, dark);
    const line = baselineIn(blots, baseline, textHeight);
    const raised = blots.filter((blot) => isRaised(blot.box, line, textHeight));
    const runs = runsOf(raised.filter((blot) => !topOfLetter(blot.box, blots, raised, textHeight)), textHeight).filter((run) => looksLikeMark(run, textHeight));
    if (runs.length > 0) return parted(cut, blots, new Set([...runs.flat(), ...piecesWithin(runs, blots)]), runs.flat().length);
  }
  return { marks: null, body: cut };
}

export interface RaisedMarks {
  /** The marks' ink alone, cut to `box`. */
  pixels: GrayImage;
  /** Where the marks stand in the cut. */
  box: Box;
  /** How many raised blots the marks are (each bracket and digit is one, unless blur ran them together). */
  blots: number;
  /** Each blot's box in the marks' pixels, left to right. */
  parts: Box[];
}

/**
 * Blots standing wholly inside a mark's box that were too short to count as raised: pieces of its
 * strokes (the flag of a "5" parted from its bowl), which read as another digit without them.
 */
function piecesWithin(runs: ReadonlyArray<readonly Blot[]>, blots: readonly Blot[]): Blot[] {
  const boxes = runs.map((run) => unionBox(run.map((blot) => blot.box))!);
  const inside = (inner: Box, outer: Box) =>
    inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;
  return blots.filter((blot) => !runs.some((run) => run.includes(blot)) && boxes.some((box) => inside(blot.box, box)));
}

function parted(cut: GrayImage, blots: readonly Blot[], kept: ReadonlySet<Blot>, count: number): { marks: RaisedMarks; body: GrayImage } {
  const only = new Uint8Array(cut.data);
  const body = new Uint8Array(cut.data);
  // Where the other blots' ink is: the body keeps it (below), the marks lose it.
  const others = new Uint8Array(cut.data.length);
  for (const blot of blots) {
    for (const at of blot.pixels) {
      if (kept.has(blot)) body[at] = 255;
      else {
        only[at] = 255;
        others[at] = 1;
      }
    }
  }
  // The marks' box with a pixel or two around it: the soft grey edge of the strokes is kept, as OCR
  // reads a stroke better with it.
  const margin = 2;
  const around = unionBox([...kept].map((blot) => blot.box))!;
  const left = Math.max(0, around.x - margin);
  const top = Math.max(0, around.y - margin);
  const right = Math.min(cut.width, around.x + around.width + margin);
  const bottom = Math.min(cut.height, around.y + around.height + margin);
  const box = { x: left, y: top, width: right - left, height: bottom - top };
  // The body loses the marks' grey edge with them: left, its outline reads as letters ("SH" for "S").
  for (let y = top; y < bottom; y += 1) for (let x = left; x < right; x += 1) if (others[y * cut.width + x] === 0) body[y * cut.width + x] = 255;
  const parts = [...kept].map((blot) => ({ ...blot.box, x: blot.box.x - left, y: blot.box.y - top })).sort((a, b) => a.x - b.x);
  return { marks: { pixels: cutOut({ ...cut, data: only }, box), box, blots: count, parts }, body: { ...cut, data: body } };
}

/**
 * Where the cut's letters stand: the bottom of most of its full-height blots that end near the
 * baseline the page reading gave. That one is often a little low (word boxes reach down with a
 * comma or a descender), never by as much as a mark stands raised, so a mark's brackets are no
 * letters here.
 */
function baselineIn(blots: readonly Blot[], given: number, textHeight: number): number {
  const bottoms = blots
    .filter((b) => b.box.height >= textHeight * 0.6 && b.box.height <= textHeight * 1.3 && Math.abs(b.box.y + b.box.height - given) <= textHeight * NEAR)
    .map((b) => b.box.y + b.box.height)
    .sort((a, b) => a - b);
  return bottoms[Math.floor(bottoms.length / 2)] ?? given;
}

/** Ending well above the baseline, tall enough for a bracket or digit, and not up in the line above. */
function isRaised(box: Box, baseline: number, textHeight: number): boolean {
  const bottom = box.y + box.height;
  return bottom <= baseline - textHeight * RAISED && box.height >= textHeight * SHORTEST && box.height <= textHeight && box.y >= baseline - textHeight * 1.5;
}

/**
 * Whether a raised blot is the top of a letter broken apart (a grey "2" of "12/2015" falls apart
 * at the ink's darkness, and its arc stands raised): a mark stands beside letters, never on one.
 */
function topOfLetter(box: Box, blots: readonly Blot[], raised: readonly Blot[], textHeight: number): boolean {
  return blots.some((blot) => {
    if (raised.includes(blot)) return false;
    const below = blot.box;
    const overlap = Math.min(box.x + box.width, below.x + below.width) - Math.max(box.x, below.x);
    const gap = below.y - (box.y + box.height);
    return overlap >= box.width * 0.5 && gap >= -1 && gap <= textHeight * 0.25;
  });
}

/** Raised blots grouped left to right into runs of blots standing close together. */
function runsOf(blots: readonly Blot[], textHeight: number): Blot[][] {
  const runs: Blot[][] = [];
  for (const blot of [...blots].sort((a, b) => a.box.x - b.box.x)) {
    const run = runs[runs.length - 1];
    const end = run === undefined ? -Infinity : Math.max(...run.map((b) => b.box.x + b.box.width));
    if (run !== undefined && blot.box.x - end <= textHeight * GAP) run.push(blot);
    else runs.push([blot]);
  }
  return runs;
}

/**
 * A mark is a bracket, digits and a bracket: several blots, or one wide one as tall as a mark's
 * bracket (a blurred scan runs them together; a piece of a broken stroke is lower).
 */
function looksLikeMark(run: readonly Blot[], textHeight: number): boolean {
  if (run.length >= 2) return true;
  const { width, height } = run[0]!.box;
  return width >= height * 0.8 && height >= textHeight * 0.5;
}

/**
 * The digits of raised marks between their brackets, one box per mark: a bracket is a blot nearly
 * as tall as the tallest and narrow; the marks must run bracket, digits, bracket (again for each
 * mark). Null when they do not (blur ran a bracket into a digit).
 */
export function digitGroups(marks: RaisedMarks): Box[] | null {
  const parts = marks.parts;
  if (parts.length < 3) return null;
  const tallest = Math.max(...parts.map((p) => p.height));
  // (A blurred digit may stand nearly as tall as its brackets, but is wider: a "2" 8 x 15 beside brackets 5 x 16.)
  const bracket = parts.map((p) => p.height >= tallest * 0.9 && p.width <= p.height * 0.45);
  const groups: Box[] = [];
  let i = 0;
  while (i < parts.length) {
    if (!bracket[i]) return null;
    let j = i + 1;
    while (j < parts.length && !bracket[j]) j += 1;
    if (j === i + 1 || j >= parts.length) return null;
    const inside = unionBox(parts.slice(i + 1, j))!;
    const margin = 2;
    const x = Math.max(0, inside.x - margin);
    const y = Math.max(0, Math.min(...parts.slice(i, j + 1).map((p) => p.y)) - margin);
    const right = Math.min(marks.pixels.width, inside.x + inside.width + margin);
    const bottom = Math.min(marks.pixels.height, Math.max(...parts.slice(i, j + 1).map((p) => p.y + p.height)) + margin);
    groups.push({ x, y, width: right - x, height: bottom - y });
    i = j + 1;
  }
  return groups;
}

/**
 * A cut that holds marks alone (a mark OCR misread, cut out around its word), as its blots at the
 * first darkness where they run bracket, digits, bracket (digitGroups): a grey mark holds together
 * only at a lighter one. Null when they never do.
 */
export function marksAlone(cut: GrayImage): RaisedMarks | null {
  const scale = (cut.dpi ?? 300) / 300;
  for (const dark of DARKNESSES) {
    const parts = blotsOf(cut, dark).filter((blot) => blot.pixels.length >= SPECK_AT_300 * scale * scale).map((blot) => blot.box).sort((a, b) => a.x - b.x);
    const marks = { pixels: cut, box: { x: 0, y: 0, width: cut.width, height: cut.height }, blots: parts.length, parts };
    if (digitGroups(marks) !== null) return marks;
  }
  return null;
}
