// Tesseract's block tree flattened into lines, and the one misreading mended there: the numeral II of
// entity names read as "Il".
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { linesFromOcrBlocks } from '../../../main/ingest/ocr-lines.js';

const block = (texts: string[]) => ({
  paragraphs: [{ lines: [{ bbox: { x0: 0, y0: 0, x1: 500, y1: 30 }, words: texts.map((text, i) => ({ text, confidence: 95, bbox: { x0: i * 100, y0: 0, x1: i * 100 + 80, y1: 30 } })) }] }],
});

test('reads "Il" as the numeral II, left unsure; other words as they are', () => {
  const [line] = linesFromOcrBlocks([block(['Mithril', 'Il', 'LP,', 'SVF', 'Il,', 'Illinois', ' '])]);
  assert.deepEqual(line!.words.map((w) => [w.text, w.confidence]), [['Mithril', 95], ['II', 70], ['LP,', 95], ['SVF', 95], ['II,', 70], ['Illinois', 95]]);
  const [more] = linesFromOcrBlocks([block(['Ventures', 'Ill,', 'Mithril', '[I', 'GP', '("Il', 'LP")', 'I|'])]);
  assert.deepEqual(more!.words.map((w) => w.text), ['Ventures', 'III,', 'Mithril', 'II', 'GP', '("II', 'LP")', 'II']);
  assert.deepEqual(line!.words[1]!.box, { x: 100, y: 0, width: 80, height: 30 });
});
