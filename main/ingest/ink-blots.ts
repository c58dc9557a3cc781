// The blots of a gray image: each set of dark pixels that touch (8-connected), with its box. The
// second look cleans a cell's cut by its blots (specks, blots running in from the cut's edge) and
// finds footnote marks among them (the blots raised above the line, raised-marks.ts).
import type { Box } from '../../shared/document.js';
import type { GrayImage } from './gray-image.js';

/** A pixel darker than this is ink: what a cell's letters are read and cleaned by. */
export const INK_DARK = 140;
/** Lighter than ink, darker than a scan's paper and most of its noise: the strokes of a faint letter or mark. */
export const FAINT_DARK = 180;
/** A blot of fewer dark pixels (at 300 DPI) is scanner noise. */
export const SPECK_AT_300 = 6;

export interface Blot {
  /** Indexes of the blot's pixels in the image's data. */
  pixels: number[];
  box: Box;
  /** Whether the blot reaches the image's border. */
  touchesEdge: boolean;
}

/** Every blot of pixels darker than `dark`, in the order their first pixel comes (row by row). */
export function blotsOf(image: GrayImage, dark: number): Blot[] {
  const { width, height, data } = image;
  const seen = new Uint8Array(width * height);
  const blots: Blot[] = [];
  for (let start = 0; start < data.length; start += 1) {
    if (seen[start] || data[start]! >= dark) continue;
    const pixels: number[] = [start];
    seen[start] = 1;
    let [left, top, right, bottom] = [width, height, -1, -1];
    for (let i = 0; i < pixels.length; i += 1) {
      const at = pixels[i]!;
      const x = at % width;
      const y = (at - x) / width;
      [left, top, right, bottom] = [Math.min(left, x), Math.min(top, y), Math.max(right, x), Math.max(bottom, y)];
      for (let dy = -1; dy <= 1; dy += 1) {
        for (let dx = -1; dx <= 1; dx += 1) {
          const nx = x + dx;
          const ny = y + dy;
          if (nx < 0 || ny < 0 || nx >= width || ny >= height) continue;
          const next = ny * width + nx;
          if (seen[next] || data[next]! >= dark) continue;
          seen[next] = 1;
          pixels.push(next);
        }
      }
    }
    const box = { x: left, y: top, width: right - left + 1, height: bottom - top + 1 };
    blots.push({ pixels, box, touchesEdge: left === 0 || top === 0 || right === width - 1 || bottom === height - 1 });
  }
  return blots;
}
