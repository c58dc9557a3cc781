import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OcrPool } from '../../../main/ingest/ocr-pool.js';
import { decodePngToGray } from '../../../main/ingest/png-decoder.js';
import type { GrayImage } from '../../../main/ingest/gray-image.js';
import { SAMPLE_LINES, textPng } from './fixtures.js';

async function page(lines: readonly string[], options: Parameters<typeof textPng>[1] = {}): Promise<GrayImage> {
  return { ...decodePngToGray(await textPng(lines, options)), dpi: null };
}

const words = (lines: { words: { text: string }[] }[]) => lines.map((line) => line.words.map((word) => word.text).join(' '));

test('workers are replaced after `recycleAfter` pages and keep reading right', async () => {
  const pool = new OcrPool({ size: 1, recycleAfter: 2, orientation: 'off' });
  try {
    const image = await page(SAMPLE_LINES.slice(0, 1));
    for (let index = 0; index < 5; index += 1) {
      const reading = await pool.read(image);
      assert.deepEqual(words(reading.lines), SAMPLE_LINES.slice(0, 1));
    }
    assert.deepEqual(pool.stats, { recognizersStarted: 3, detectorsStarted: 0, pagesRead: 5 });
  } finally {
    await pool.close();
  }
});

test('without OSD an upside-down page is found by trying turns; an upright one is read once', async () => {
  const pool = new OcrPool({ size: 1, orientation: 'retry' });
  try {
    const upright = await pool.read(await page(SAMPLE_LINES));
    assert.equal(upright.attempts, 1);
    const turned = await pool.read(await page(SAMPLE_LINES, { rotate: 180 }));
    assert.equal(turned.rotation, 180);
    assert.ok(turned.attempts >= 2);
    assert.deepEqual(words(turned.lines), SAMPLE_LINES);
  } finally {
    await pool.close();
  }
});

test('cancelling drops queued pages and stops the running one; the pool then reads again', async () => {
  const pool = new OcrPool({ size: 1, orientation: 'off' });
  try {
    // A full page of text: long enough to still be running when cancelled.
    const busy = await page(Array.from({ length: 40 }, () => SAMPLE_LINES[0] ?? ''), { width: 2000 });
    const controller = new AbortController();
    const reads = [pool.read(busy, { signal: controller.signal }), pool.read(busy, { signal: controller.signal }), pool.read(busy, { signal: controller.signal })];
    const outcomes = Promise.allSettled(reads);
    await new Promise((resolve) => setTimeout(resolve, 1200));
    const abortedAt = Date.now();
    controller.abort();
    const settled = await outcomes;
    assert.ok(Date.now() - abortedAt < 500, 'cancel should not wait for the running page');
    for (const outcome of settled) {
      assert.equal(outcome.status, 'rejected');
      assert.equal((outcome.reason as Error).name, 'AbortError');
    }
    assert.equal(pool.stats.pagesRead, 0);
    const again = await pool.read(await page(SAMPLE_LINES.slice(0, 1)));
    assert.deepEqual(words(again.lines), SAMPLE_LINES.slice(0, 1));
    // The cancelled page's worker was terminated, so a new one was started.
    assert.equal(pool.stats.recognizersStarted, 2);
    await assert.rejects(pool.read(busy, { signal: AbortSignal.abort() }), { name: 'AbortError' });
  } finally {
    await pool.close();
  }
});

test('a closed pool refuses work and rejects what was queued', async () => {
  const pool = new OcrPool({ size: 1, orientation: 'off' });
  const image = await page(SAMPLE_LINES.slice(0, 1));
  const running = assert.rejects(pool.read(image), /OCR pool is closed/);
  const queued = assert.rejects(pool.read(image), /OCR pool is closed/);
  await pool.close();
  await Promise.all([running, queued]);
  await assert.rejects(pool.read(image), /OCR pool is closed/);
});

test('a cancel landing as a read starts leaves no error behind, and the pool reads on', async () => {
  const unhandled: unknown[] = [];
  const listener = (reason: unknown) => void unhandled.push(reason);
  process.on('unhandledRejection', listener);
  const pool = new OcrPool({ size: 1, orientation: 'off' });
  try {
    const image = await page(SAMPLE_LINES.slice(0, 1));
    await pool.read(image);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const controller = new AbortController();
      const reading = pool.read(image, { signal: controller.signal });
      controller.abort();
      await assert.rejects(reading, { name: 'AbortError' });
      const strips = pool.readStrips([{ image, parameters: { tessedit_char_whitelist: 'DI' } }], { signal: controller.signal });
      await assert.rejects(strips, { name: 'AbortError' });
    }
    const after = await pool.read(image);
    assert.deepEqual(words(after.lines), SAMPLE_LINES.slice(0, 1));
    // Rejections tesseract.js would raise from a terminated worker arrive within a few turns.
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(unhandled, []);
  } finally {
    process.off('unhandledRejection', listener);
    await pool.close();
  }
});
