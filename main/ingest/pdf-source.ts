// Opening a PDF with pdf.js (legacy build: the modern one needs DOMMatrix, which Node 20 lacks) and
// reading one page at a time: its text layer when it has one, else its pixels for OCR. Fonts, CMaps
// and the JBIG2/JPEG 2000 decoders come from the package folder, never from the network.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PDFDict, PDFDocument, PDFName, PDFNumber, PDFStream } from 'pdf-lib';
import type { PDFDocumentProxy, PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { Page } from '../../shared/document.js';
import { IngestError } from './errors.js';
import { grayFromRgba, type GrayImage } from './gray-image.js';
import { countTextCharacters, linesFromTextRuns, type TextRun } from './pdf-text-layer.js';

const require = createRequire(import.meta.url);
const pdfjsRoot = dirname(require.resolve('pdfjs-dist/package.json'));
/** pdf.js wants folder URLs with a trailing slash; in Node plain paths are read with fs. */
const assetFolder = (name: string) => `${join(pdfjsRoot, name)}/`;

/** Loaded on first use: pdf.js is a large module and text-only or image inputs never need it. */
let pdfjsModule: Promise<typeof import('pdfjs-dist/legacy/build/pdf.mjs')> | null = null;
function loadPdfjs() {
  pdfjsModule ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjsModule;
}

export interface PdfSourceOptions {
  /** Give up on a file whose structure pdf.js cannot parse within this time. */
  openTimeoutMs: number;
  /**
   * Images embedded with more pixels than this are not decoded: pdf.js would otherwise spend tens
   * of seconds and hundreds of MB turning a 20000 x 20000 image into a page that is then scaled
   * down to 300 DPI anyway. A page that comes out blank because of it is refused by name.
   */
  maxImagePixels: number;
}

export interface PdfPageSize {
  /** Pixels at the DPI the page will be read at. */
  width: number;
  height: number;
  dpi: number;
}

export class PdfSource {
  private constructor(
    private readonly file: string,
    private readonly pdf: PDFDocumentProxy,
    /** The caller's bytes (not copied), read again only to explain a blank page. */
    private readonly bytes: Uint8Array,
    private readonly maxImagePixels: number,
  ) {}

  static async open(bytes: Uint8Array, file: string, options: PdfSourceOptions): Promise<PdfSource> {
    const task = await openTask(bytes, options.maxImagePixels);
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new IngestError('timeout', file, `PDF could not be read within ${options.openTimeoutMs} ms`)), options.openTimeoutMs);
    });
    try {
      const pdf = await Promise.race([task.promise, deadline]);
      if (pdf.numPages < 1 || !(await hasReadableFirstPage(pdf))) {
        await pdf.destroy();
        throw new IngestError('no-pages', file, 'PDF has no readable pages');
      }
      return new PdfSource(file, pdf, bytes, options.maxImagePixels);
    } catch (error) {
      await task.destroy().catch(() => undefined);
      throw openError(file, error);
    } finally {
      clearTimeout(timer);
    }
  }

  get pageCount(): number {
    return this.pdf.numPages;
  }

  /** The page's size in pixels at `dpi`, lowered so it stays within `maxPixels`. */
  async pageSize(number: number, dpi: number, maxPixels: number): Promise<PdfPageSize> {
    const page = await this.page(number);
    const natural = page.getViewport({ scale: dpi / 72 });
    const pixels = natural.width * natural.height;
    const fitted = pixels > maxPixels ? dpi * Math.sqrt(maxPixels / pixels) : dpi;
    const viewport = page.getViewport({ scale: fitted / 72 });
    return { width: Math.floor(viewport.width), height: Math.floor(viewport.height), dpi: fitted };
  }

  /**
   * The page read from its text layer, or null when the layer has fewer than `minCharacters`
   * characters (a scan, or a scan with a stamp on it).
   */
  async textPage(number: number, dpi: number, minCharacters: number): Promise<Page | null> {
    const page = await this.page(number);
    try {
      const content = await page.getTextContent();
      const runs = content.items.filter((item): item is TextRun & typeof item => 'str' in item);
      if (countTextCharacters(runs) < minCharacters) return null;
      const viewport = page.getViewport({ scale: dpi / 72 });
      return {
        number,
        width: Math.floor(viewport.width),
        height: Math.floor(viewport.height),
        lines: linesFromTextRuns(runs, content.styles, viewport.transform),
      };
    } catch (error) {
      throw pageError(this.file, number, error);
    }
  }

  async renderPage(number: number, dpi: number): Promise<GrayImage> {
    const page = await this.page(number);
    const viewport = page.getViewport({ scale: dpi / 72 });
    const width = Math.floor(viewport.width);
    const height = Math.floor(viewport.height);
    const factory = this.pdf.canvasFactory as CanvasFactory;
    const target = factory.create(width, height);
    try {
      // Scans are often transparent-backed images; paper is white.
      target.context.fillStyle = '#ffffff';
      target.context.fillRect(0, 0, width, height);
      await page.render({ canvas: target.canvas as never, canvasContext: target.context as never, viewport }).promise;
      const pixels = target.context.getImageData(0, 0, width, height);
      const gray = grayFromRgba(pixels.data, width, height, dpi);
      if (isBlank(gray)) await this.refuseRemovedImage(number);
      return gray;
    } catch (error) {
      throw pageError(this.file, number, error);
    } finally {
      factory.destroy(target);
      page.cleanup();
    }
  }

  async close(): Promise<void> {
    await this.pdf.destroy();
  }

  /**
   * A blank page is either blank paper or a page whose scan pdf.js left out for being over the image
   * limit, which it does without saying so; the page's own image objects tell which (read with
   * pdf-lib, only for blank pages, so the cost falls on the rare case).
   */
  private async refuseRemovedImage(number: number): Promise<void> {
    const largest = await largestImageOnPage(this.bytes, number).catch(() => null);
    if (largest && largest.width * largest.height > this.maxImagePixels) {
      const megapixels = (largest.width * largest.height) / 1e6;
      throw new IngestError(
        'too-large',
        this.file,
        `the page's scanned image is ${largest.width} x ${largest.height} pixels (${megapixels.toFixed(0)} MP); the limit is ${(this.maxImagePixels / 1e6).toFixed(0)} MP — scan at 300 DPI`,
        number,
      );
    }
  }

  private async page(number: number): Promise<PDFPageProxy> {
    try {
      return await this.pdf.getPage(number);
    } catch (error) {
      throw pageError(this.file, number, error);
    }
  }
}

async function openTask(bytes: Uint8Array, maxImagePixels: number) {
  const pdfjs = await loadPdfjs();
  return pdfjs.getDocument({
    // pdf.js detaches the buffer it is given, so it gets a copy; a plain Uint8Array, since it refuses
    // a Node Buffer (which is what reading a file gives) and Buffer#slice would not copy.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    standardFontDataUrl: assetFolder('standard_fonts'),
    cMapUrl: assetFolder('cmaps'),
    cMapPacked: true,
    wasmUrl: assetFolder('wasm'),
    iccUrl: assetFolder('iccs'),
    verbosity: pdfjs.VerbosityLevel.ERRORS,
    maxImageSize: maxImagePixels,
  });
}

/** The image XObject with the most pixels drawn by the page, looking one level into form XObjects. */
async function largestImageOnPage(bytes: Uint8Array, number: number): Promise<{ width: number; height: number } | null> {
  const pdf = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
  const page = pdf.getPage(number - 1);
  let largest: { width: number; height: number } | null = null;
  const visit = (resources: PDFDict | undefined, depth: number) => {
    const xObjects = resources?.lookupMaybe(PDFName.of('XObject'), PDFDict);
    for (const [, ref] of xObjects?.entries() ?? []) {
      const object = pdf.context.lookup(ref);
      if (!(object instanceof PDFStream)) continue;
      const subtype = object.dict.lookupMaybe(PDFName.of('Subtype'), PDFName);
      if (subtype === PDFName.of('Image')) {
        const width = object.dict.lookupMaybe(PDFName.of('Width'), PDFNumber)?.asNumber() ?? 0;
        const height = object.dict.lookupMaybe(PDFName.of('Height'), PDFNumber)?.asNumber() ?? 0;
        if (!largest || width * height > largest.width * largest.height) largest = { width, height };
      } else if (subtype === PDFName.of('Form') && depth < 2) {
        visit(object.dict.lookupMaybe(PDFName.of('Resources'), PDFDict), depth + 1);
      }
    }
  };
  visit(page.node.Resources(), 0);
  return largest;
}

/** Every pixel paper-white: nothing was drawn on the page. */
function isBlank(image: GrayImage): boolean {
  // A plain loop: `every` with a callback costs ~15x as much over a page's 8 million pixels.
  const { data } = image;
  for (let index = 0; index < data.length; index += 1) if ((data[index] ?? 0) < 250) return false;
  return true;
}

/** pdf.js's canvas factory in Node hands out @napi-rs/canvas canvases (the 0.1.x it depends on). */
interface CanvasFactory {
  create(width: number, height: number): { canvas: unknown; context: CanvasContext };
  destroy(target: { canvas: unknown; context: CanvasContext }): void;
}
interface CanvasContext {
  fillStyle: string;
  fillRect(x: number, y: number, width: number, height: number): void;
  getImageData(x: number, y: number, width: number, height: number): { data: Uint8ClampedArray };
}

/**
 * pdf.js reports one page for a page tree that has none (it assumes a damaged tree) and fails only
 * when that page is asked for; asking once here turns that into a clear error at open.
 */
async function hasReadableFirstPage(pdf: PDFDocumentProxy): Promise<boolean> {
  try {
    await pdf.getPage(1);
    return true;
  } catch {
    return false;
  }
}

function openError(file: string, error: unknown): IngestError {
  if (error instanceof IngestError) return error;
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException') return new IngestError('encrypted', file, 'PDF is password protected (encrypted); save an unprotected copy and import that', null, { cause: error });
  if (name === 'InvalidPDFException') return new IngestError('corrupt', file, `not a readable PDF (${message})`, null, { cause: error });
  return new IngestError('corrupt', file, `PDF could not be read (${message})`, null, { cause: error });
}

function pageError(file: string, number: number, error: unknown): IngestError {
  if (error instanceof IngestError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new IngestError('corrupt', file, `PDF page could not be read (${message})`, number, { cause: error });
}
