// `form4 extract` on a scanned PDF: a progress line per page on stderr while it is read, stdout left
// to the results; a scan of something else ends in one line naming the file and "not a Form 4".
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { PDFDocument } from 'pdf-lib';
import { SAMPLE_LINES, textPng } from '../ingest/fixtures.js';

function form4(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'main/cli/index.ts', ...args]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

test('a scanned PDF gets a progress line per page on stderr, then one line if it is not a Form 4', async () => {
  const pdf = await PDFDocument.create();
  const scan = await pdf.embedPng(await textPng(SAMPLE_LINES));
  for (let page = 0; page < 2; page += 1) pdf.addPage([612, 792]).drawImage(scan, { x: 36, y: 500, width: 540, height: 540 * (scan.height / scan.width) });
  const file = join(mkdtempSync(join(tmpdir(), 'form4-progress-')), 'scan.pdf');
  writeFileSync(file, await pdf.save());

  const run = await form4('extract', file, '--json');
  assert.equal(run.status, 1);
  assert.equal(run.stdout, '');
  const lines = run.stderr.trim().split('\n');
  for (const page of [1, 2]) {
    assert.ok(lines.includes(`scan.pdf: page ${page}/2 ocr`), `no OCR progress for page ${page} in:\n${run.stderr}`);
  }
  assert.match(lines.at(-1) ?? '', new RegExp(`^form4: ${file}: not a Form 4`));
});
