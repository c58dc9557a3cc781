import assert from 'node:assert/strict';
import { test } from 'node:test';
import { crc32, deflateSync } from 'node:zlib';
import { decodePngToGray } from '../../../main/ingest/png-decoder.js';
import { textPng } from './fixtures.js';

const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
];

/** A PNG of 8-bit samples, rows filtered with "none"; `interlaced` splits them into Adam7 passes. */
function png(width: number, height: number, colorType: number, depth: number, samples: number[][], extra: Array<[string, number[]]> = [], interlaced = false): Uint8Array {
  const packRow = (row: number[]) => {
    if (depth === 8) return row;
    if (depth === 16) return row.flatMap((value) => [value, 0]);
    const bytes: number[] = [];
    row.forEach((value, index) => {
      const perByte = 8 / depth;
      const byte = Math.floor(index / perByte);
      bytes[byte] = (bytes[byte] ?? 0) | (value << (8 - depth * ((index % perByte) + 1)));
    });
    return bytes;
  };
  const channels = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 }[colorType] ?? 1;
  const raw: number[] = [];
  const passes = interlaced ? ADAM7 : [[0, 0, 1, 1]];
  for (const [x0 = 0, y0 = 0, dx = 1, dy = 1] of passes) {
    for (let y = y0; y < height; y += dy) {
      const row: number[] = [];
      for (let x = x0; x < width; x += dx) row.push(...(samples[y]?.slice(x * channels, x * channels + channels) ?? []));
      if (row.length > 0) raw.push(0, ...packRow(row));
    }
  }
  const chunk = (type: string, data: number[]) => {
    const body = Buffer.from([...Buffer.from(type, 'ascii'), ...data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([depth, colorType, 0, 0, interlaced ? 1 : 0], 8);
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', [...header]),
      ...extra.map(([type, data]) => chunk(type, data)),
      chunk('IDAT', [...deflateSync(Buffer.from(raw))]),
      chunk('IEND', []),
    ]),
  );
}

test('1-bit gray, palette with transparency, 16-bit gray and RGBA over white all come out gray', () => {
  assert.deepEqual([...decodePngToGray(png(3, 1, 0, 1, [[0, 1, 0]])).data], [0, 255, 0]);
  // Palette: 0 = red, 1 = fully transparent black (white paper shows).
  const palette = png(2, 1, 3, 8, [[0, 1]], [['PLTE', [255, 0, 0, 0, 0, 0]], ['tRNS', [255, 0]]]);
  assert.deepEqual([...decodePngToGray(palette).data], [76, 255]);
  assert.deepEqual([...decodePngToGray(png(2, 1, 0, 16, [[200, 10]])).data], [200, 10]);
  assert.deepEqual([...decodePngToGray(png(2, 1, 6, 8, [[0, 0, 0, 255, 0, 0, 0, 0]])).data], [0, 255]);
});

test('an interlaced (Adam7) PNG is put back in place', () => {
  const width = 9;
  const height = 9;
  const samples = Array.from({ length: height }, (_, y) => Array.from({ length: width }, (_, x) => y * width + x));
  const decoded = decodePngToGray(png(width, height, 0, 8, samples, [], true));
  assert.deepEqual([...decoded.data], samples.flat());
});

test('a canvas-made page decodes to the same size, and damage throws', async () => {
  const bytes = await textPng(['Common Stock'], { width: 300, height: 80 });
  const decoded = decodePngToGray(bytes);
  assert.equal(decoded.width, 300);
  assert.ok(decoded.data.some((value) => value < 100));
  assert.throws(() => decodePngToGray(bytes.subarray(0, bytes.length - 40)));
  const flipped = bytes.slice();
  for (let index = 60; index < flipped.length - 20; index += 7) flipped[index]! ^= 0x55;
  assert.throws(() => decodePngToGray(flipped));
});
