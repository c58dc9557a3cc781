// PDF -> grayscale page images with pdf.js (the legacy build: the modern one needs DOMMatrix, missing in
// Node 20) drawing into @napi-rs/canvas 0.1.x, which is the canvas pdf.js itself loads in Node.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createCanvas } from '@napi-rs/canvas';
import { getDocument, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { grayFromRgba, type GrayImage } from './gray-image.js';

const PDFJS_DIR = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
// pdf.js wants folder URLs ending in a slash for its fonts, character maps and wasm decoders: local ones,
// so that nothing is fetched.
const folderUrl = (name: string) => `${pathToFileURL(join(PDFJS_DIR, name)).href}/`;

const POINTS_PER_INCH = 72;

type RenderParameters = Parameters<PDFPageProxy['render']>[0];

/** Renders every page at `dpi` on white, as a scanner sees the paper. */
export async function rasterizePdf(pdf: Uint8Array, dpi: number): Promise<GrayImage[]> {
  // getDocument transfers (empties) the buffer it is given: hand it a copy so the caller's stays whole.
  const document = await getDocument({
    data: pdf.slice(),
    standardFontDataUrl: folderUrl('standard_fonts'),
    cMapUrl: folderUrl('cmaps'),
    cMapPacked: true,
    wasmUrl: folderUrl('wasm'),
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  try {
    const pages: GrayImage[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      const viewport = page.getViewport({ scale: dpi / POINTS_PER_INCH });
      const width = Math.round(viewport.width);
      const height = Math.round(viewport.height);
      const canvas = createCanvas(width, height);
      const context = canvas.getContext('2d');
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, width, height);
      // pdf.js types its canvas as the DOM's; @napi-rs/canvas implements the part it draws with.
      await page.render({ canvas: canvas as unknown as RenderParameters['canvas'], viewport }).promise;
      pages.push(grayFromRgba(context.getImageData(0, 0, width, height).data, width, height));
      page.cleanup();
    }
    return pages;
  } finally {
    await document.destroy();
  }
}
