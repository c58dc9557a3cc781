// OCR of one corpus PDF along the product's own path (readDocument: rasterize at the DPI asked, turn
// upright, OCR in the pool), keeping Tesseract's block tree per page for the cache.
import { readFileSync } from 'node:fs';
import type { GrayImage } from '../../main/ingest/gray-image.js';
import type { OcrBlock } from '../../main/ingest/ocr-lines.js';
import { OcrPool, type OcrPoolOptions, type OcrReading } from '../../main/ingest/ocr-pool.js';
import { readDocument } from '../../main/ingest/read-document.js';
import { CACHE_FORMAT, pruneBlocks, type CachedOcr, type CachedPage, type OcrSettings } from './ocr-cache.js';

/** The product's pool, remembering each reading's block tree by the upright image it hands back. */
export class BlockKeepingPool extends OcrPool {
  private readonly blocksByImage = new WeakMap<GrayImage, OcrBlock[]>();

  constructor(options: OcrPoolOptions) {
    super(options);
  }

  override async read(image: GrayImage, options: { signal?: AbortSignal } = {}): Promise<OcrReading> {
    const reading = await super.read(image, options);
    this.blocksByImage.set(reading.image, pruneBlocks(reading.blocks));
    return reading;
  }

  blocksOf(image: GrayImage): OcrBlock[] | undefined {
    return this.blocksByImage.get(image);
  }
}

export async function scanPdf(path: string, name: string, pool: BlockKeepingPool, settings: OcrSettings, engine: Record<string, string>): Promise<CachedOcr> {
  const started = performance.now();
  const blocks = new Map<number, OcrBlock[]>();
  const result = await readDocument(
    { name, bytes: new Uint8Array(readFileSync(path)) },
    {
      pool,
      dpi: settings.dpi,
      onPageImage: (page) => {
        const pageBlocks = pool.blocksOf(page.image);
        if (pageBlocks) blocks.set(page.number, pageBlocks);
      },
    },
  );
  const seconds = (performance.now() - started) / 1000;
  const pages: CachedPage[] = result.document.pages.map((page, index) => {
    const info = result.pages[index];
    const pageBlocks = blocks.get(page.number);
    if (!info || info.source !== 'ocr' || !pageBlocks) throw new Error(`${name} page ${page.number}: not read by OCR (a text layer?); the accuracy bench measures scans`);
    return { number: page.number, width: page.width, height: page.height, rotation: info.rotation, skew: info.skew, meanConfidence: info.meanConfidence, blocks: pageBlocks };
  });
  return { format: CACHE_FORMAT, file: name, settings: { ...settings, engine }, seconds, workers: pool.size, pages };
}
