// The second look at superscripts and unsure short words: which words are picked, how they are laid
// into one enlarged strip, and when the strip's reading replaces the page's.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Line } from '../../../shared/document.js';
import type { GrayImage } from '../../../main/ingest/gray-image.js';
import type { OcrBlock } from '../../../main/ingest/ocr-lines.js';
import { applyStripReading, buildStrip, rereadSmallWords, wordsToReread } from '../../../main/ingest/reread-small-words.js';

/** "Units(1) 67.38": a value with a raised mark, and a sure number beside an unsure letter. */
function tableLine(): Line {
  return {
    box: null,
    words: [
      { text: 'Units', box: { x: 100, y: 100, width: 70, height: 24 }, confidence: 96 },
      { text: '@', box: { x: 175, y: 94, width: 18, height: 18 }, confidence: 51 },
      { text: '67.38', box: { x: 300, y: 100, width: 64, height: 24 }, confidence: 96 },
      { text: 'II', box: { x: 400, y: 100, width: 20, height: 24 }, confidence: 60 },
    ],
  };
}

function page(): GrayImage {
  const width = 600;
  const height = 200;
  const data = new Uint8Array(width * height).fill(255);
  // A dark square where the mark is, so the strip can be seen to carry the page's pixels.
  for (let y = 96; y < 110; y += 1) for (let x = 178; x < 190; x += 1) data[y * width + x] = 0;
  return { width, height, data, dpi: 300 };
}

/** What Tesseract would answer for the strip: one word per given strip position. */
function blocksOf(words: Array<{ text: string; confidence: number; x0: number; y0: number; x1: number; y1: number }>): OcrBlock[] {
  return [{ paragraphs: [{ lines: [{ bbox: { x0: 0, y0: 0, x1: 1, y1: 1 }, words: words.map((w) => ({ text: w.text, confidence: w.confidence, bbox: { x0: w.x0, y0: w.y0, x1: w.x1, y1: w.y1 } })) }] }] }];
}

describe('reading superscripts and unsure words again', () => {
  it('picks the raised mark and the unsure short word, least sure first, not the sure words', () => {
    assert.deepEqual(wordsToReread([tableLine()]), [
      { line: 0, word: 1, raised: true },
      { line: 0, word: 3, raised: false },
    ]);
  });

  it('picks a sure word a superscript was run into ("A®")', () => {
    const line: Line = { box: null, words: [{ text: 'A®', box: { x: 10, y: 10, width: 30, height: 24 }, confidence: 93 }, { text: 'Stock', box: { x: 60, y: 10, width: 70, height: 24 }, confidence: 96 }] };
    assert.deepEqual(wordsToReread([line]), [{ line: 0, word: 0, raised: false }]);
  });

  it('lays each pick into the strip enlarged, with the page pixels', () => {
    const lines = [tableLine()];
    const { strip, picks } = buildStrip(page(), lines, wordsToReread(lines), 3);
    assert.equal(strip.image.dpi, 900);
    const mark = picks[0]!;
    // The mark's box starts 4 pixels into its crop; enlarged 3x, after the strip's left padding.
    const x = 16 + (178 - mark.crop.x) * 3 + 1;
    const y = mark.top + (96 - mark.crop.y) * 3 + 1;
    assert.equal(strip.image.data[y * strip.image.width + x], 0);
    assert.equal(strip.image.data[(mark.top - 1) * strip.image.width + x], 255);
  });

  it('takes a surer reading, keeps the page box, and refuses one that lost letters', () => {
    const lines = [tableLine()];
    const strip = buildStrip(page(), lines, wordsToReread(lines), 3);
    const [mark, unsure] = strip.picks;
    const inBox = (pick: typeof mark, width: number) => ({ x0: 16 + 12, y0: pick!.top + 10, x1: 16 + 12 + width, y1: pick!.top + 40 });
    const reading = blocksOf([
      { text: '(1)', confidence: 95, ...inBox(mark, 40) },
      { text: '|', confidence: 96, ...inBox(unsure, 20) },
    ]);
    const reread = applyStripReading(lines, strip, reading)[0]!.words;
    assert.deepEqual(reread[1], { ...lines[0]!.words[1]!, text: '(1)', confidence: 95 });
    assert.deepEqual(reread[3], lines[0]!.words[3]);
  });

  it('lets a number keep its digits: a mark may be found in it, a digit may not be added', () => {
    const lines: Line[] = [{
      box: null,
      words: [
        { text: '@109/24/2018', box: { x: 100, y: 100, width: 150, height: 24 }, confidence: 80 },
        { text: '26', box: { x: 300, y: 100, width: 26, height: 24 }, confidence: 60 },
      ],
    }];
    const strip = buildStrip(page(), lines, [{ line: 0, word: 0, raised: false }, { line: 0, word: 1, raised: false }], 3);
    const [date, number] = strip.picks;
    const at = (pick: typeof date, width: number) => ({ x0: 16 + 12, y0: pick!.top + 10, x1: 16 + 12 + width, y1: pick!.top + 40 });
    const reread = applyStripReading(lines, strip, blocksOf([
      { text: '(4)09/24/2018', confidence: 95, ...at(date, 300) },
      { text: '262', confidence: 95, ...at(number, 60) },
    ]))[0]!.words;
    assert.deepEqual(reread.map((w) => w.text), ['(4)09/24/2018', '26']);
  });

  it('asks the recognizer once per page, and not at all when every word is sure', async () => {
    const calls: GrayImage[] = [];
    const recognize = async (strip: GrayImage) => {
      calls.push(strip);
      return [];
    };
    const sure: Line = { box: null, words: [{ text: 'Common', box: { x: 10, y: 10, width: 90, height: 24 }, confidence: 96 }] };
    assert.deepEqual(await rereadSmallWords(page(), [sure], recognize), [sure]);
    assert.equal(calls.length, 0);
    await rereadSmallWords(page(), [tableLine()], recognize);
    assert.equal(calls.length, 1);
  });
});
