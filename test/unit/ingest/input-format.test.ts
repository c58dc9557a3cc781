import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createCanvas } from '@napi-rs/canvas';
import { detectFormat, readImageSize } from '../../../main/ingest/input-format.js';
import { textPdf, textPng } from './fixtures.js';

test('formats are told by content, not by name', async () => {
  assert.equal(detectFormat(await textPng(['x'])), 'png');
  assert.equal(detectFormat(await textPdf(['x'])), 'pdf');
  const canvas = createCanvas(20, 10);
  assert.equal(detectFormat(new Uint8Array(await canvas.encode('jpeg'))), 'jpeg');
  assert.equal(detectFormat(Uint8Array.from([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0])), 'tiff');
  assert.equal(detectFormat(Uint8Array.from([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8])), 'tiff');
  assert.equal(detectFormat(new TextEncoder().encode('junk before the header\n%PDF-1.4\n')), 'pdf');
  assert.equal(detectFormat(new TextEncoder().encode('FORM 4 as plain text')), null);
  assert.equal(detectFormat(new Uint8Array(0)), null);
});

test('PNG and JPEG sizes and DPI come from the header', async () => {
  const png = await textPng(['x'], { width: 321, height: 123 });
  assert.deepEqual(readImageSize(png, 'png'), { width: 321, height: 123, dpi: null });

  const jpeg = new Uint8Array(await createCanvas(300, 200).encode('jpeg'));
  assert.deepEqual({ ...readImageSize(jpeg, 'jpeg'), dpi: undefined }, { width: 300, height: 200, dpi: undefined });

  // A PNG with a pHYs chunk of 11811 pixels per metre (300 DPI) before its data.
  const phys = Uint8Array.from([0, 0, 0, 9, ...ascii('pHYs'), 0, 0, 0x2e, 0x23, 0, 0, 0x2e, 0x23, 1, 0, 0, 0, 0]);
  const withDpi = new Uint8Array([...png.subarray(0, 33), ...phys, ...png.subarray(33)]);
  assert.equal(readImageSize(withDpi, 'png')?.dpi, 300);
});

test('a damaged header reads as no size', () => {
  assert.equal(readImageSize(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), 'png'), null);
  assert.equal(readImageSize(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 2, 0x12]), 'jpeg'), null);
});

function ascii(text: string): number[] {
  return [...text].map((character) => character.charCodeAt(0));
}
