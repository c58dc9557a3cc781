import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Line } from '../../../shared/document.js';
import { rotateGray } from '../../../main/ingest/gray-image.js';
import { linesFromOcrBlocks, meanConfidence } from '../../../main/ingest/ocr-lines.js';
import { betterReading, osdIsTrusted, type Reading, readingIsSettled, rotationFromOsd, rotationsToTry } from '../../../main/ingest/orientation.js';

function line(...words: Array<[string, number]>): Line {
  return { box: null, words: words.map(([text, confidence]) => ({ text, confidence, box: null })) };
}

test("OSD's page turn is the clockwise turn that makes the page upright", () => {
  assert.equal(rotationFromOsd({ orientation_degrees: 270, orientation_confidence: 9 }), 270);
  assert.equal(rotationFromOsd({ orientation_degrees: null, orientation_confidence: null }), 0);
  assert.equal(osdIsTrusted({ orientation_degrees: 180, orientation_confidence: 9.8 }), true);
  assert.equal(osdIsTrusted({ orientation_degrees: 180, orientation_confidence: 0.4 }), false);
  assert.deepEqual(rotationsToTry(90), [90, 0, 180, 270]);
  assert.deepEqual(rotationsToTry(0), [0, 180, 90, 270]);
});

test('a reading of confident words is settled; a garbled one is not; a blank one is', () => {
  assert.equal(readingIsSettled([line(['Common', 95], ['Stock', 91])]), true);
  assert.equal(readingIsSettled([line(['uowwo)', 31], ['490]S', 40], ['6¥E$', 22])]), false);
  assert.equal(readingIsSettled([line(['.', 10])]), true);
});

test('the better reading has more confidently read characters', () => {
  const garbled: Reading = { rotation: 0, lines: [line(['uowwo)', 31], ['490]S', 40], ['6¥E$', 22])] };
  const upright: Reading = { rotation: 180, lines: [line(['Common', 95], ['Stock', 91])] };
  assert.equal(betterReading(garbled, upright), upright);
  assert.equal(betterReading(upright, garbled), upright);
});

test("Tesseract's blocks flatten to lines of trimmed words with boxes", () => {
  const box = (x0: number, y0: number, x1: number, y1: number) => ({ x0, y0, x1, y1 });
  const lines = linesFromOcrBlocks([
    {
      paragraphs: [
        {
          lines: [
            { bbox: box(10, 20, 200, 50), words: [{ text: 'Common ', confidence: 95, bbox: box(10, 20, 90, 50) }, { text: ' ', confidence: 0, bbox: box(0, 0, 1, 1) }] },
            { bbox: box(0, 0, 1, 1), words: [] },
          ],
        },
      ],
    },
  ]);
  assert.deepEqual(lines, [{ box: { x: 10, y: 20, width: 190, height: 30 }, words: [{ text: 'Common', confidence: 95, box: { x: 10, y: 20, width: 80, height: 30 } }] }]);
  assert.equal(meanConfidence([line(['ab', 90], ['abcd', 60])]), 70);
  assert.equal(meanConfidence([]), 0);
});

test('gray images turn clockwise by quarter turns', () => {
  // 3 x 2: row 0 = 1 2 3, row 1 = 4 5 6.
  const image = { width: 3, height: 2, data: Uint8Array.from([1, 2, 3, 4, 5, 6]), dpi: 300 };
  assert.deepEqual([...rotateGray(image, 90).data], [4, 1, 5, 2, 6, 3]);
  assert.equal(rotateGray(image, 90).width, 2);
  assert.deepEqual([...rotateGray(image, 180).data], [6, 5, 4, 3, 2, 1]);
  assert.deepEqual([...rotateGray(image, 270).data], [3, 6, 2, 5, 1, 4]);
  assert.equal(rotateGray(image, 0), image);
});
