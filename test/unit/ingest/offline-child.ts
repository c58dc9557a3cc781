// Run by offline.test.ts inside a network namespace with no interfaces up: reads a drawn page with
// OCR (orientation detection included) and prints what it read as JSON.
import { readDocument } from '../../../main/ingest/read-document.js';
import { OcrPool } from '../../../main/ingest/ocr-pool.js';
import { SAMPLE_LINES, textPng } from './fixtures.js';

const pool = new OcrPool({ size: 1, startTimeoutMs: 20_000 });
try {
  const { document, pages } = await readDocument({ name: 'offline.png', bytes: await textPng(SAMPLE_LINES, { rotate: 180 }) }, { pool });
  const lines = document.pages[0]?.lines.map((line) => line.words.map((word) => word.text).join(' '));
  process.stdout.write(`${JSON.stringify({ lines, rotation: pages[0]?.rotation })}\n`);
} finally {
  await pool.close();
}
