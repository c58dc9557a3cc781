// Reading a page as it comes before any orientation step: a sideways page that Tesseract reads
// confidently as vertical lines must still be turned, so upright means settled and lying flat.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Line } from '../../../shared/document.js';
import { betterReading, readingIsSettled, wordsLieFlat, type Reading } from '../../../main/ingest/orientation.js';

/** Confident words of 4+ letters, each box `width` x `height`. */
function reading(width: number, height: number, count = 6): Line[] {
  return [{ box: null, words: Array.from({ length: count }, (_, index) => ({ text: `Stock${index}`, confidence: 95, box: { x: index * 10, y: 0, width, height } })) }];
}

test('words wider than tall lie flat; standing words (a sideways page read as vertical text) do not', () => {
  assert.equal(wordsLieFlat(reading(120, 30)), true);
  assert.equal(wordsLieFlat(reading(30, 120)), false);
  // Both read confidently: confidence alone cannot tell a sideways reading from an upright one.
  assert.equal(readingIsSettled(reading(30, 120)), true);
  // Short marks and words without boxes (text inputs) do not vote.
  assert.equal(wordsLieFlat([{ box: null, words: [{ text: 'I', confidence: 90, box: { x: 0, y: 0, width: 5, height: 30 } }] }]), true);
});

test('of two confident readings the one whose words lie flat is kept, whichever came first', () => {
  const sideways: Reading = { rotation: 0, lines: reading(30, 120, 8) };
  const upright: Reading = { rotation: 270, lines: reading(120, 30, 6) };
  assert.equal(betterReading(sideways, upright).rotation, 270);
  assert.equal(betterReading(upright, sideways).rotation, 270);
});
