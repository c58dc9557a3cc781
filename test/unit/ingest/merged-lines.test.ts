// Lines the page reading ran together (two values close one above the other, read as one line of
// tall words) found by their height, cut into bands of ink, and read again band by band by the real
// pool; a word set large stays as read.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createCanvas } from '@napi-rs/canvas';
import type { Line, Word } from '../../../shared/document.js';
import type { GrayImage } from '../../../main/ingest/gray-image.js';
import { inkBands, mergedLinesOf, readMergedLinesApart } from '../../../main/ingest/merged-lines.js';
import { OcrPool } from '../../../main/ingest/ocr-pool.js';
import { decodePngToGray } from '../../../main/ingest/png-decoder.js';

const word = (text: string, x: number, y: number, width: number, height: number, confidence = 95): Word => ({ text, box: { x, y, width, height }, confidence });
const line = (...words: Word[]): Line => ({ words, box: null });
/** Lines of ordinary words 30 pixels tall, to set the page's text height. */
const ordinary = (count: number): Line[] => Array.from({ length: count }, (_, i) => line(word('Common', 50, 600 + i * 60, 150, 30), word('Stock', 220, 600 + i * 60, 110, 30)));

describe('lines run together', () => {
  it('are found where words stand twice the text height, a run per stretch of the line', () => {
    const lines = [...ordinary(3), line(word('ol', 50, 100, 40, 70, 10), word('Di', 100, 100, 40, 70, 30), word('Officer', 1500, 100, 120, 70, 40)), line(word('FORM', 50, 20, 120, 40))];
    const places = mergedLinesOf(lines);
    assert.deepEqual(places.map((p) => ({ line: p.line, words: p.words })), [{ line: 3, words: [0, 1] }, { line: 3, words: [2] }]);
    assert.deepEqual(places[0]!.box, { x: 50, y: 100, width: 90, height: 70 });
  });

  it('find the bands of ink of a cut, specks and strokes lower than asked left out', () => {
    const cut: GrayImage = { width: 60, height: 80, data: new Uint8Array(60 * 80).fill(255), dpi: 300 };
    const ink = (top: number, rows: number) => {
      for (let y = top; y < top + rows; y += 1) cut.data.fill(0, y * 60 + 5, y * 60 + 50);
    };
    ink(5, 20);
    ink(30, 2);
    ink(45, 22);
    assert.deepEqual(inkBands(cut, 10), [{ top: 5, bottom: 25 }, { top: 45, bottom: 67 }]);
  });

  it('are read again band by band: the bands\' lines replace the tall words and what stands in them', async () => {
    // Two street lines 44 pixels apart, as box 1 prints them, and a large title above.
    const canvas = createCanvas(1200, 420);
    const context = canvas.getContext('2d');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, 1200, 420);
    context.fillStyle = '#000000';
    context.font = '64px sans-serif';
    context.fillText('FORM 4', 40, 80);
    context.font = '34px sans-serif';
    context.fillText('ONE LETTERMAN DRIVE', 40, 200);
    context.fillText('BUILDING D, 5TH FLOOR', 40, 244);
    context.fillText('SAN FRANCISCO CA 94129', 40, 340);
    const image = { ...decodePngToGray(new Uint8Array(await canvas.encode('png'))), dpi: 300 };
    // The page reading: the title as one line, the two street lines as tall rubble, and the end of
    // the first street line read apart on a line of its own.
    const lines = [
      line(word('FORM', 40, 32, 190, 48), word('4', 260, 32, 36, 48)),
      line(word('ol', 40, 172, 120, 80, 5), word('Di', 170, 172, 200, 80, 40)),
      line(word('DRIVE', 360, 176, 110, 26, 60)),
      line(word('SAN', 40, 314, 70, 26), word('FRANCISCO', 120, 314, 200, 26), word('CA', 330, 314, 50, 26), word('94129', 390, 314, 100, 26)),
    ];
    const pool = new OcrPool({ size: 1, orientation: 'off' });
    try {
      const out = await readMergedLinesApart(async () => image, lines, (strips) => pool.readStrips(strips));
      const texts = out.map((l) => l.words.map((w) => w.text).join(' '));
      assert.ok(texts.includes('FORM 4'), 'the title, one band, stays as read');
      assert.ok(texts.includes('SAN FRANCISCO CA 94129'));
      assert.ok(texts.includes('ONE LETTERMAN DRIVE'), texts.join(' | '));
      assert.ok(texts.includes('BUILDING D, 5TH FLOOR'), texts.join(' | '));
      assert.ok(!texts.some((t) => /\bol\b|\bDi\b/.test(t)) && texts.filter((t) => t.includes('DRIVE')).length === 1, 'the tall words and the kept end are replaced');
      const building = out.find((l) => l.words[0]?.text === 'BUILDING')!.words[0]!.box!;
      assert.ok(Math.abs(building.x - 40) < 8 && building.y > 210 && building.y < 225 && building.height < 35, JSON.stringify(building));
    } finally {
      await pool.close();
    }
  });

  it('leave a page with no tall words as it was', async () => {
    const lines = ordinary(4);
    const out = await readMergedLinesApart(() => Promise.reject(new Error('no page to make')), lines, () => Promise.reject(new Error('nothing to read')));
    assert.deepEqual(out, lines);
  });
});
