import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countTextCharacters, linesFromTextRuns, type TextRun } from '../../../main/ingest/pdf-text-layer.js';

/** pdf.js's viewport for an upright Letter page at 300 DPI: y flipped, origin top left. */
const LETTER_300 = [300 / 72, 0, 0, -300 / 72, 0, 792 * (300 / 72)];
const METRICS = { F1: { ascent: 0.9, descent: -0.2 } };

function run(str: string, x: number, y: number, width: number, size = 12): TextRun {
  return { str, transform: [size, 0, 0, size, x, y], width, fontName: 'F1' };
}

test('runs become words with boxes in page pixels, origin top left', () => {
  const lines = linesFromTextRuns([run('Common Stock', 72, 720, 72)], METRICS, LETTER_300);
  assert.equal(lines.length, 1);
  const [common, stock] = lines[0]?.words ?? [];
  assert.equal(common?.text, 'Common');
  assert.equal(stock?.text, 'Stock');
  // Baseline 72 pt from the top is pixel 300; the ascent of 0.9 x 12 pt x 300/72 lies above it.
  assert.equal(common?.box?.x, 300);
  assert.equal(common?.box?.y, 255);
  assert.equal(common?.box?.height, 55);
  // The run's width is shared by characters: "Common" is 6 of 12 characters of 72 pt.
  assert.equal(common?.box?.width, 150);
  assert.equal(stock?.box?.x, 300 + (7 / 12) * 300);
  assert.equal(common?.confidence, 100);
});

test('runs on one baseline join one line, left to right; lines go top to bottom', () => {
  const lines = linesFromTextRuns(
    [run('second', 72, 700, 36), run('B', 84, 720.5, 6), run('A', 72, 720, 6)],
    METRICS,
    LETTER_300,
  );
  assert.deepEqual(
    lines.map((line) => line.words.map((word) => word.text)),
    [['A', 'B'], ['second']],
  );
  const first = lines[0];
  assert.ok(first?.box && first.box.x === 300 && first.box.width === 75);
});

test('a wide gap splits a row into lines, as between table cells', () => {
  const lines = linesFromTextRuns([run('Common Stock', 72, 720, 72), run('2,000', 400, 720, 30)], METRICS, LETTER_300);
  assert.deepEqual(lines.map((line) => line.words.map((word) => word.text).join(' ')), ['Common Stock', '2,000']);
});

test('a rotated page keeps boxes upright in the rotated pixels', () => {
  // pdf.js's viewport for /Rotate 90 at 72 DPI: x' = y, y' = x.
  const rotated = [0, 1, 1, 0, 0, 0];
  const [line] = linesFromTextRuns([run('Form', 100, 500, 24)], METRICS, rotated);
  const box = line?.words[0]?.box;
  assert.ok(box);
  assert.equal(box.x, 500 - 2.4);
  assert.equal(box.y, 100);
  assert.equal(box.height, 24);
});

test('whitespace-only runs make no words and count no characters', () => {
  assert.deepEqual(linesFromTextRuns([run('   ', 72, 720, 10)], METRICS, LETTER_300), []);
  assert.equal(countTextCharacters([{ str: ' a b\n' }, { str: 'cd' }]), 4);
});
