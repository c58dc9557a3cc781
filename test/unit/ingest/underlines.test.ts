import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { GrayImage } from '../../../main/ingest/gray-image.js';
import { withoutUnderlines } from '../../../main/ingest/underlines.js';

const PAPER = 225;
const INK = 60;

/** A 300 DPI strip of paper 600 px wide, with ink painted in by `draw`. */
function strip(draw: (paint: (x0: number, x1: number, y0: number, y1: number, shade?: number) => void) => void): GrayImage {
  const width = 600;
  const height = 120;
  const data = new Uint8Array(width * height).fill(PAPER);
  // Some darker speckle, so the paper is not one shade.
  for (let at = 0; at < data.length; at += 97) data[at] = 205;
  draw((x0, x1, y0, y1, shade = INK) => {
    for (let y = y0; y < y1; y += 1) for (let x = x0; x < x1; x += 1) data[y * width + x] = shade;
  });
  return { width, height, data, dpi: 300 };
}

const at = (image: GrayImage, x: number, y: number) => image.data[y * image.width + x]!;

/** A line of text as stems 6 px wide, 8 px apart, from x0 to x1, standing on y1. */
function letters(paint: (x0: number, x1: number, y0: number, y1: number) => void, x0: number, x1: number, y0: number, y1: number): void {
  for (let x = x0; x + 6 <= x1; x += 14) paint(x, x + 6, y0, y1);
}

test('an underline goes, with its grey edge, and the letters above it stay', () => {
  const page = strip((paint) => {
    letters(paint, 40, 540, 60, 90); // the letters, standing a few px above the line
    paint(20, 560, 93, 96); // the underline, 3 px
    paint(20, 560, 96, 97, 170); // its blurred edge
  });
  const wiped = withoutUnderlines(page);
  for (const x of [30, 70, 300, 550]) for (const y of [93, 94, 95, 96]) assert.equal(at(wiped, x, y), PAPER, `rule pixel at ${x},${y}`);
  assert.equal(at(wiped, 42, 75), INK);
  assert.equal(at(wiped, 98, 89), INK);
  assert.notEqual(wiped, page, 'the page itself is not changed');
  assert.equal(at(page, 300, 94), INK);
});

test('a stroke through the rule and a comma tail reaching into it keep their ink; a letter blurred onto it loses only the rule', () => {
  const page = strip((paint) => {
    letters(paint, 20, 190, 70, 91);
    letters(paint, 460, 560, 70, 91);
    paint(20, 560, 93, 96);
    paint(200, 204, 70, 110); // a descender through the underline
    paint(300, 304, 80, 95); // a comma's tail ending in it
    paint(400, 440, 80, 92); // a wide letter base blurred onto the rule
    paint(400, 440, 92, 93, 100);
  });
  const wiped = withoutUnderlines(page);
  for (const y of [90, 94, 100]) assert.equal(at(wiped, 202, y), INK, `descender at y ${y}`);
  assert.equal(at(wiped, 302, 94), INK, 'comma tail');
  assert.equal(at(wiped, 420, 85), INK, 'letter base');
  assert.equal(at(wiped, 420, 94), PAPER, 'rule under the letter');
  assert.equal(at(wiped, 250, 94), PAPER);
});

test('a form rule clear of the text stays; an underline broken by a pixel or two of noise is one; short dashes, thick bars and text rows are no rules', () => {
  const page = strip((paint) => {
    paint(20, 560, 4, 6); // the box's rule, text far below it
    letters(paint, 20, 560, 10, 27);
    paint(20, 250, 30, 32);
    paint(253, 560, 30, 32); // the underline after a 3 px gap
    paint(20, 80, 60, 63); // a dash a fifth of an inch long
    paint(100, 560, 70, 82); // a bar 12 px thick
    for (let x = 20; x < 560; x += 14) paint(x, x + 10, 100, 103); // serifs along a baseline, gaps between letters
    for (let x = 20; x < 560; x += 14) paint(x + 3, x + 6, 84, 100);
  });
  const wiped = withoutUnderlines(page);
  assert.equal(at(wiped, 100, 5), INK, 'box rule');
  assert.equal(at(wiped, 100, 31), PAPER);
  assert.equal(at(wiped, 400, 31), PAPER);
  assert.equal(at(wiped, 50, 61), INK, 'dash');
  assert.equal(at(wiped, 300, 75), INK, 'bar');
  assert.equal(at(wiped, 22, 101), INK, 'serif');
});

test('a page without rules is returned as it is', () => {
  const page = strip((paint) => {
    for (let x = 20; x < 560; x += 30) paint(x, x + 20, 40, 70);
  });
  assert.equal(withoutUnderlines(page), page);
});

test('a comma tail ending just above an underline keeps its last pixels', () => {
  const page = strip((paint) => {
    letters(paint, 20, 290, 60, 90);
    paint(300, 304, 80, 92); // the tail, a pixel clear of the rule
    letters(paint, 320, 560, 60, 90);
    paint(20, 560, 93, 96);
  });
  const wiped = withoutUnderlines(page);
  assert.equal(at(wiped, 302, 91), INK);
  assert.equal(at(wiped, 302, 90), INK);
  assert.equal(at(wiped, 310, 94), PAPER);
});
