// The extractor the composition roots (CLI, app) give the ImportService: any file the product takes
// (text from another OCR tool, PDF, PNG/JPEG/TIFF scans) read by ingest into a Document, its page
// images as PNG, then parsed and checked by extractFilings: one extraction per filing, as a scan may
// hold several back to back. One OCR pool serves a whole batch.
import { extractFilings } from '../form4/extract.js';
import { OcrPool } from '../ingest/ocr-pool.js';
import { secondLook } from '../form4/parse/look-again.js';
import { readSourceDocument } from '../ingest/source-document.js';
import type { Extractor, PageImageFile } from './import-service.js';

export interface SourceExtractor {
  extract: Extractor;
  /** Stops the OCR workers, if any were started. */
  close(): Promise<void>;
}

export function createSourceExtractor(options: { lowConfidenceThreshold?: number; dpi?: number } = {}): SourceExtractor {
  let pool: OcrPool | null = null;
  const extract: Extractor = async (source, { signal, onProgress }) => {
    const pageImages: PageImageFile[] = [];
    let pagesDone = 0;
    const read = await readSourceDocument(
      { name: source.name, bytes: source.bytes },
      {
        ...(options.dpi === undefined ? {} : { dpi: options.dpi }),
        secondLook,
        get pool() {
          pool ??= new OcrPool();
          return pool;
        },
        signal,
        onProgress: (progress) => {
          if (progress.phase === 'done') pagesDone += 1;
          onProgress({ fraction: progress.pages > 0 ? pagesDone / progress.pages : null, stage: `page ${progress.page}/${progress.pages} ${progress.phase}` });
        },
        onPageImage: async (page) => {
          pageImages.push({ page: page.number, extension: 'png', bytes: await page.png() });
        },
      },
    );
    const extractions = extractFilings(read.document, options.lowConfidenceThreshold === undefined ? {} : { lowConfidenceThreshold: options.lowConfidenceThreshold });
    return { document: read.document, extractions, pageImages };
  };
  return {
    extract,
    close: async () => {
      await (pool as OcrPool | null)?.close();
    },
  };
}
