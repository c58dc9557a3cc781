// The display copy of a stored page image: the 300 DPI page OCR read, halved to 150 DPI and kept as a
// JPEG beside it. The review screen shows a page at a quarter to a half of its pixels; decoding and
// scaling the 8.4-megapixel PNG on every opening was most of the time to paint it (docs/BENCHMARKS.md,
// "Review UI"). Boxes stay in the page's 300 DPI pixels: the screen sizes either image to the page.
import { grayToJpeg, halveGray } from '../ingest/gray-image.js';
import { decodePngToGray } from '../ingest/png-decoder.js';

/** JPEG quality: text on paper at 150 DPI shows no artefacts at the sizes it is shown. */
const QUALITY = 85;

/** Where the display copy of a stored page image goes: `pages/<sha>/1.png` -> `pages/<sha>/1.display.jpg`. */
export function displayRenditionPath(image: string): string {
  return `${image.replace(/\.[a-z0-9]+$/i, '')}.display.jpg`;
}

/** The display copy (JPEG bytes) of a page image's PNG bytes; throws on bytes that are not a PNG. */
export async function displayRendition(png: Uint8Array): Promise<Uint8Array> {
  const page = decodePngToGray(png);
  return grayToJpeg(halveGray({ ...page, dpi: null }), QUALITY);
}
