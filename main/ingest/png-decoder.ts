// A PNG decoder to grayscale on top of node:zlib. The native decoder of @napi-rs/canvas crashes the
// process on a damaged PNG and UPNG loops forever on a truncated one; zlib rejects both cleanly, and
// decoding straight to gray skips an RGBA copy of the page (4 bytes a pixel instead of 1).
import { inflateSync } from 'node:zlib';

export interface DecodedGray {
  width: number;
  height: number;
  data: Uint8Array;
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
/** Adam7 passes: x start, y start, x step, y step. */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

export function decodePngToGray(bytes: Uint8Array): DecodedGray {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let width = 0;
  let height = 0;
  let depth = 0;
  let colorType = 0;
  let interlaced = false;
  let palette: Uint8Array | null = null;
  let paletteAlpha: Uint8Array | null = null;
  const compressed: Uint8Array[] = [];
  let offset = 8;
  let ended = false;
  while (offset + 12 <= bytes.length && !ended) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...bytes.subarray(offset + 4, offset + 8));
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    if (body.length < length) throw new Error(`${type} chunk is cut short`);
    if (type === 'IHDR') {
      width = view.getUint32(offset + 8);
      height = view.getUint32(offset + 12);
      depth = bytes[offset + 16] ?? 0;
      colorType = bytes[offset + 17] ?? 0;
      interlaced = bytes[offset + 20] === 1;
    } else if (type === 'PLTE') palette = body;
    else if (type === 'tRNS') paletteAlpha = body;
    else if (type === 'IDAT') compressed.push(body);
    else if (type === 'IEND') ended = true;
    offset += 12 + length;
  }
  const channels = CHANNELS[colorType];
  if (!channels || ![1, 2, 4, 8, 16].includes(depth) || width < 1 || height < 1) throw new Error('unsupported PNG header');
  if (colorType === 3 && !palette) throw new Error('palette missing');
  if (compressed.length === 0) throw new Error('no image data');

  const bitsPerPixel = channels * depth;
  const bytesPerPixel = Math.max(1, bitsPerPixel >> 3);
  const passes = interlaced ? ADAM7 : ([[0, 0, 1, 1]] as const);
  const expected = passes.reduce((sum, [x0, y0, dx, dy]) => {
    const passWidth = Math.ceil((width - x0) / dx);
    const passHeight = Math.ceil((height - y0) / dy);
    return passWidth > 0 && passHeight > 0 ? sum + passHeight * (1 + Math.ceil((passWidth * bitsPerPixel) / 8)) : sum;
  }, 0);
  const raw = inflateSync(Buffer.concat(compressed), { maxOutputLength: expected + 1 });
  if (raw.length < expected) throw new Error('image data is incomplete');

  const gray = new Uint8Array(width * height);
  const sample = sampleReader(depth);
  let position = 0;
  for (const [x0, y0, dx, dy] of passes) {
    const passWidth = Math.ceil((width - x0) / dx);
    const passHeight = Math.ceil((height - y0) / dy);
    if (passWidth <= 0 || passHeight <= 0) continue;
    const stride = Math.ceil((passWidth * bitsPerPixel) / 8);
    let previous: Uint8Array = new Uint8Array(stride);
    for (let row = 0; row < passHeight; row += 1) {
      const filter = raw[position] ?? 0;
      const line = unfilter(filter, raw.subarray(position + 1, position + 1 + stride), previous, bytesPerPixel);
      position += 1 + stride;
      const y = y0 + row * dy;
      for (let column = 0; column < passWidth; column += 1) {
        const base = column * channels;
        const first = sample(line, base);
        const second = channels > 1 ? sample(line, base + 1) : 0;
        const third = channels > 2 ? sample(line, base + 2) : 0;
        const fourth = channels > 3 ? sample(line, base + 3) : 255;
        gray[y * width + x0 + column * dx] = toGray(colorType, depth, first, second, third, fourth, palette, paletteAlpha);
      }
      previous = line;
    }
  }
  return { width, height, data: gray };
}

function unfilter(filter: number, line: Uint8Array, previous: Uint8Array, bpp: number): Uint8Array {
  const out = new Uint8Array(line.length);
  for (let index = 0; index < line.length; index += 1) {
    const left = index >= bpp ? (out[index - bpp] ?? 0) : 0;
    const up = previous[index] ?? 0;
    const upLeft = index >= bpp ? (previous[index - bpp] ?? 0) : 0;
    const value = line[index] ?? 0;
    let predicted: number;
    if (filter === 0) predicted = 0;
    else if (filter === 1) predicted = left;
    else if (filter === 2) predicted = up;
    else if (filter === 3) predicted = (left + up) >> 1;
    else if (filter === 4) predicted = paeth(left, up, upLeft);
    else throw new Error(`unknown row filter ${filter}`);
    out[index] = (value + predicted) & 0xff;
  }
  return out;
}

function paeth(left: number, up: number, upLeft: number): number {
  const estimate = left + up - upLeft;
  const toLeft = Math.abs(estimate - left);
  const toUp = Math.abs(estimate - up);
  const toUpLeft = Math.abs(estimate - upLeft);
  if (toLeft <= toUp && toLeft <= toUpLeft) return left;
  return toUp <= toUpLeft ? up : upLeft;
}

/** Reads the n-th sample of a row as 0-255 (16-bit samples keep their high byte). */
function sampleReader(depth: number): (line: Uint8Array, index: number) => number {
  if (depth === 8) return (line, index) => line[index] ?? 0;
  if (depth === 16) return (line, index) => line[index * 2] ?? 0;
  const perByte = 8 / depth;
  const mask = (1 << depth) - 1;
  return (line, index) => ((line[Math.floor(index / perByte)] ?? 0) >> (8 - depth * ((index % perByte) + 1))) & mask;
}

/** Rec. 601 gray, alpha composited over white paper; palette indices stay raw until looked up. */
function toGray(
  colorType: number,
  depth: number,
  first: number,
  second: number,
  third: number,
  fourth: number,
  palette: Uint8Array | null,
  paletteAlpha: Uint8Array | null,
): number {
  const scale = depth < 8 && colorType !== 3 ? 255 / ((1 << depth) - 1) : 1;
  let red: number;
  let green: number;
  let blue: number;
  let alpha = 255;
  if (colorType === 3) {
    const index = first;
    red = palette?.[index * 3] ?? 0;
    green = palette?.[index * 3 + 1] ?? 0;
    blue = palette?.[index * 3 + 2] ?? 0;
    alpha = paletteAlpha?.[index] ?? 255;
  } else if (colorType === 0 || colorType === 4) {
    red = green = blue = first * scale;
    if (colorType === 4) alpha = second;
  } else {
    red = first;
    green = second;
    blue = third;
    if (colorType === 6) alpha = fourth;
  }
  const luma = (red * 299 + green * 587 + blue * 114) / 1000;
  return Math.round((luma * alpha + 255 * (255 - alpha)) / 255);
}
