// JPEG through @napi-rs/canvas: the format scanners save in, and so the source of the block artifacts
// and ringing a damaged corpus page carries.
import { createCanvas, loadImage } from '@napi-rs/canvas';
import { grayFromRgba, rgbaFromGray, type GrayImage } from './gray-image.js';

/** Encodes at `quality` (0-1). The canvas has no grayscale JPEG, so the file is YCbCr with flat chroma. */
export function encodeJpeg(image: GrayImage, quality: number): Uint8Array {
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  const pixels = context.createImageData(image.width, image.height);
  pixels.data.set(rgbaFromGray(image));
  context.putImageData(pixels, 0, 0);
  return new Uint8Array(canvas.encodeSync('jpeg', Math.round(quality * 100)));
}

/** What a reader of the PDF sees: the page with its compression artifacts. */
export async function decodeJpeg(bytes: Uint8Array): Promise<GrayImage> {
  const picture = await loadImage(Buffer.from(bytes));
  const canvas = createCanvas(picture.width, picture.height);
  const context = canvas.getContext('2d');
  context.drawImage(picture, 0, 0);
  return grayFromRgba(context.getImageData(0, 0, picture.width, picture.height).data, picture.width, picture.height);
}
