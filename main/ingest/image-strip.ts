// Small pieces of a page cut out, enlarged and stacked one under the other with white between them:
// Tesseract reads the strip in one call, which costs far less than one call per piece, and each
// piece's reading is found again by its height in the strip.
import type { Box } from '../../shared/document.js';
import type { GrayImage } from './gray-image.js';

const PAD = 16;
const GAP = 36;

export interface StripPiece {
  /** The cut, in page pixels (whole, clipped to the page). */
  crop: Box;
  /** Where the enlarged cut starts down the strip. */
  top: number;
}

export interface Strip {
  image: GrayImage;
  pieces: StripPiece[];
  scale: number;
  pad: number;
}

/** `boxes` cut out of `image` (clipped to it), enlarged `scale` times and stacked. */
export function stackCrops(image: GrayImage, boxes: readonly Box[], scale: number): Strip {
  return stackCuts(boxes.map((box) => {
    const crop = clipBox(image, box);
    return { crop, pixels: cutOut(image, crop) };
  }), scale, image.dpi);
}

/** Cuts already made (and cleaned, if need be), enlarged `scale` times and stacked; `dpi` is their page's. */
export function stackCuts(cuts: ReadonlyArray<{ crop: Box; pixels: GrayImage }>, scale: number, dpi: number | null): Strip {
  const width = Math.max(1, ...cuts.map((c) => c.crop.width * scale)) + 2 * PAD;
  const height = cuts.reduce((sum, c) => sum + c.crop.height * scale + GAP, GAP);
  const data = new Uint8Array(width * height).fill(255);
  const pieces: StripPiece[] = [];
  let top = GAP;
  for (const { crop, pixels } of cuts) {
    for (let row = 0; row < crop.height * scale; row += 1) {
      const source = Math.floor(row / scale) * pixels.width;
      const target = (top + row) * width + PAD;
      for (let column = 0; column < crop.width * scale; column += 1) data[target + column] = pixels.data[source + Math.floor(column / scale)]!;
    }
    pieces.push({ crop, top });
    top += crop.height * scale + GAP;
  }
  return { image: { width, height, data, dpi: dpi === null ? null : dpi * scale }, pieces, scale, pad: PAD };
}

/** `box` in whole pixels, inside the image (at least one pixel). */
export function clipBox(image: GrayImage, box: Box): Box {
  const x = Math.min(image.width - 1, Math.max(0, Math.floor(box.x)));
  const y = Math.min(image.height - 1, Math.max(0, Math.floor(box.y)));
  return { x, y, width: Math.max(1, Math.min(image.width - x, Math.ceil(box.x + box.width) - x)), height: Math.max(1, Math.min(image.height - y, Math.ceil(box.y + box.height) - y)) };
}

/** The pixels of `crop` (whole pixels inside the image) as an image of their own. */
export function cutOut(image: GrayImage, crop: Box): GrayImage {
  const data = new Uint8Array(crop.width * crop.height);
  for (let row = 0; row < crop.height; row += 1) {
    const from = (crop.y + row) * image.width + crop.x;
    data.set(image.data.subarray(from, from + crop.width), row * crop.width);
  }
  return { width: crop.width, height: crop.height, data, dpi: image.dpi };
}
