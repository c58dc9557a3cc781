// A page image as 8-bit grayscale in memory: what OCR reads, what a PDF page is rasterized into and
// what the review screen shows. Tesseract takes it as PGM, which needs no encoding (PNG at 300 DPI
// costs ~1.3 s a page); PNG is made only when someone asks for it.
import { createCanvas } from '@napi-rs/canvas';

export interface GrayImage {
  width: number;
  height: number;
  /** One byte per pixel, row by row, 0 = black. */
  data: Uint8Array;
  /** Pixels per inch when known (PDF rasterization, TIFF tags); null lets Tesseract estimate it. */
  dpi: number | null;
}

/** Clockwise quarter turns that make a page upright. */
export type Rotation = 0 | 90 | 180 | 270;

/** RGBA to gray with Rec. 601 weights; transparent pixels count as white paper. */
export function grayFromRgba(rgba: Uint8Array | Uint8ClampedArray, width: number, height: number, dpi: number | null): GrayImage {
  const data = new Uint8Array(width * height);
  for (let pixel = 0, offset = 0; pixel < data.length; pixel += 1, offset += 4) {
    const alpha = rgba[offset + 3] ?? 255;
    const luma = ((rgba[offset] ?? 0) * 299 + (rgba[offset + 1] ?? 0) * 587 + (rgba[offset + 2] ?? 0) * 114) / 1000;
    data[pixel] = Math.round((luma * alpha + 255 * (255 - alpha)) / 255);
  }
  return { width, height, data, dpi };
}

export function toPgm(image: GrayImage): Buffer {
  const header = Buffer.from(`P5\n${image.width} ${image.height}\n255\n`, 'ascii');
  const pgm = Buffer.allocUnsafe(header.length + image.data.length);
  header.copy(pgm, 0);
  pgm.set(image.data, header.length);
  return pgm;
}

/** Turns the image clockwise by `rotation` degrees. */
export function rotateGray(image: GrayImage, rotation: Rotation): GrayImage {
  if (rotation === 0) return image;
  const { width, height, data } = image;
  const turned = new Uint8Array(data.length);
  const outWidth = rotation === 180 ? width : height;
  for (let y = 0; y < height; y += 1) {
    const row = y * width;
    for (let x = 0; x < width; x += 1) {
      let target: number;
      if (rotation === 90) target = x * outWidth + (height - 1 - y);
      else if (rotation === 180) target = (height - 1 - y) * width + (width - 1 - x);
      else target = (width - 1 - x) * outWidth + y;
      turned[target] = data[row + x] ?? 255;
    }
  }
  return { width: outWidth, height: rotation === 180 ? height : width, data: turned, dpi: image.dpi };
}

/**
 * The image turned about its centre by `degrees` counter-clockwise as seen (so a page skewed
 * clockwise by `degrees` comes out level), sampled bilinearly, the same size; what the turn
 * uncovers is `fill`. The scanner simulation of the bench skews its pages with it too.
 */
export function turnGray(image: GrayImage, degrees: number, fill: number): GrayImage {
  const { width, height, data } = image;
  // Clamped, so a sample is rounded to the nearest shade.
  const out = new Uint8ClampedArray(width * height);
  const radians = (degrees * Math.PI) / 180;
  const cos = Math.cos(radians);
  const sin = Math.sin(radians);
  const centerX = (width - 1) / 2;
  const centerY = (height - 1) / 2;
  for (let y = 0; y < height; y += 1) {
    const dy = y - centerY;
    // Inverse mapping: each pixel of the turned image is sampled where it lies on the original.
    let sourceX = centerX - centerX * cos - dy * sin;
    let sourceY = centerY - centerX * sin + dy * cos;
    for (let x = 0, index = y * width; x < width; x += 1, index += 1, sourceX += cos, sourceY += sin) {
      if (sourceX < 0 || sourceY < 0 || sourceX > width - 1 || sourceY > height - 1) {
        out[index] = fill;
        continue;
      }
      const left = Math.floor(sourceX);
      const top = Math.floor(sourceY);
      const fx = sourceX - left;
      const fy = sourceY - top;
      const at = top * width + left;
      // On the last row or column the "next" pixel is the pixel itself.
      const right = left + 1 < width ? 1 : 0;
      const below = top + 1 < height ? width : 0;
      const upper = data[at]! + (data[at + right]! - data[at]!) * fx;
      const lower = data[at + below]! + (data[at + below + right]! - data[at + below]!) * fx;
      out[index] = upper + (lower - upper) * fy;
    }
  }
  return { width, height, data: new Uint8Array(out.buffer), dpi: image.dpi };
}

/** PNG bytes of the image, for the store and the review screen. */
export function grayToPng(image: GrayImage): Promise<Uint8Array> {
  return encodeGray(image, 'png');
}

/** JPEG bytes of the image at `quality` (0-100): the review screen's display copies of pages. */
export function grayToJpeg(image: GrayImage, quality: number): Promise<Uint8Array> {
  return encodeGray(image, 'jpeg', quality);
}

async function encodeGray(image: GrayImage, format: 'png' | 'jpeg', quality?: number): Promise<Uint8Array> {
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  const pixels = context.createImageData(image.width, image.height);
  for (let pixel = 0, offset = 0; pixel < image.data.length; pixel += 1, offset += 4) {
    const value = image.data[pixel] ?? 255;
    pixels.data[offset] = value;
    pixels.data[offset + 1] = value;
    pixels.data[offset + 2] = value;
    pixels.data[offset + 3] = 255;
  }
  context.putImageData(pixels, 0, 0);
  return new Uint8Array(format === 'png' ? await canvas.encode('png') : await canvas.encode('jpeg', quality));
}

/** Half the width and height, each pixel the mean of a 2 x 2 block (for steps that need no detail). */
export function halveGray(image: GrayImage): GrayImage {
  const width = Math.max(1, image.width >> 1);
  const height = Math.max(1, image.height >> 1);
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y += 1) {
    const top = 2 * y * image.width;
    const bottom = Math.min(2 * y + 1, image.height - 1) * image.width;
    for (let x = 0; x < width; x += 1) {
      const left = 2 * x;
      const right = Math.min(left + 1, image.width - 1);
      const sum = (image.data[top + left] ?? 255) + (image.data[top + right] ?? 255) + (image.data[bottom + left] ?? 255) + (image.data[bottom + right] ?? 255);
      data[y * width + x] = (sum + 2) >> 2;
    }
  }
  return { width, height, data, dpi: image.dpi === null ? null : image.dpi / 2 };
}
