// Footnote marks found by where their ink stands, not by what OCR read: a mark is printed in
// superscript, so its blots end well above the line's baseline, where no digit, letter or comma of
// the value does. A cell's cut (cleaned, second-look.ts) gives up its raised blots, grouped into
// marks side by side, apart from the rest: the marks are read alone, and a letter without them.
import type { Box } from '../../shared/document.js';
import type { GrayImage } from './gray-image.js';
import { blotsOf, type Blot } from './ink-blots.js';

const DARK = 140;

/** How far above the baseline a blot must end to be raised, in text heights (a superscript ends about half way up). */
const RAISED = 0.25;
/** A raised blot this short is a dot, a dash or a speck, not a bracket or digit of a mark. */
const SHORTEST = 0.3;
/** Blots of one mark stand this close side by side (in text heights): "(6)(7)" is one run. */
const GAP = 0.6;

/**
 * A cleaned cut parted into its raised marks and the rest (`body`, the cut with the marks wiped).
 * The marks: their ink alone, cut to its box (in the cut's pixels), and how many blots it holds
 * (each bracket and digit is one, unless blur ran them together); null when nothing in the cut is
 * raised like a mark. `baseline` is where the line's letters stand (a y in the cut), `textHeight`
 * the height of its digits.
 */
export function splitRaised(cut: GrayImage, baseline: number, textHeight: number): { marks: { pixels: GrayImage; box: Box; blots: number } | null; body: GrayImage } {
  const blots = blotsOf(cut, DARK);
  const runs = runsOf(blots.filter((blot) => isRaised(blot.box, baseline, textHeight)), textHeight).filter(looksLikeMark);
  if (runs.length === 0) return { marks: null, body: cut };
  const kept = new Set(runs.flat());
  const only = new Uint8Array(cut.data);
  const body = new Uint8Array(cut.data);
  for (const blot of blots) for (const at of blot.pixels) (kept.has(blot) ? body : only)[at] = 255;
  // The marks' box with a pixel or two around it: the soft grey edge of the strokes is kept, as OCR
  // reads a stroke better with it.
  const margin = 2;
  const left = Math.max(0, Math.min(...[...kept].map((b) => b.box.x)) - margin);
  const top = Math.max(0, Math.min(...[...kept].map((b) => b.box.y)) - margin);
  const right = Math.min(cut.width, Math.max(...[...kept].map((b) => b.box.x + b.box.width)) + margin);
  const bottom = Math.min(cut.height, Math.max(...[...kept].map((b) => b.box.y + b.box.height)) + margin);
  const box = { x: left, y: top, width: right - left, height: bottom - top };
  const data = new Uint8Array(box.width * box.height);
  for (let row = 0; row < box.height; row += 1) data.set(only.subarray((top + row) * cut.width + left, (top + row) * cut.width + right), row * box.width);
  return { marks: { pixels: { width: box.width, height: box.height, data, dpi: cut.dpi }, box, blots: kept.size }, body: { ...cut, data: body } };
}

function isRaised(box: Box, baseline: number, textHeight: number): boolean {
  const bottom = box.y + box.height;
  return bottom <= baseline - textHeight * RAISED && box.height >= textHeight * SHORTEST && box.height <= textHeight && box.y >= baseline - textHeight * 1.8;
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

/** A mark is a bracket, digits and a bracket: several blots, or one wide one (a blurred scan runs them together). */
function looksLikeMark(run: readonly Blot[]): boolean {
  if (run.length >= 2) return true;
  const { width, height } = run[0]!.box;
  return width >= height * 0.8;
}
