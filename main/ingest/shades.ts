// A scan's paper and ink, told by the histogram of its shades (every seventh pixel: enough to place
// the paper and the darkest ink, a few milliseconds a page).
import type { GrayImage } from './gray-image.js';

export interface Shades {
  /** The median shade: most of a page is paper. */
  paper: number;
  /**
   * What is darker than this is ink: halfway from the paper to the darkest ink (the 0.2%
   * percentile). A split of the histogram (Otsu) is not used: on a page that is mostly blank paper
   * shaded toward one edge, it splits the shading, not the ink.
   */
  inkBelow: number;
}

export function shadesOf(image: GrayImage): Shades {
  const histogram = new Uint32Array(256);
  for (let index = 0; index < image.data.length; index += 7) histogram[image.data[index]!]! += 1;
  const paper = percentile(histogram, 0.5);
  return { paper, inkBelow: (paper + percentile(histogram, 0.002)) / 2 };
}

function percentile(histogram: Uint32Array, share: number): number {
  const total = histogram.reduce((sum, count) => sum + count, 0);
  let seen = 0;
  for (let shade = 0; shade < 256; shade += 1) {
    seen += histogram[shade]!;
    if (seen >= total * share) return shade;
  }
  return 255;
}
