// One filing -> the scanned PDF an analyst would receive: printed like EDGAR's form, rasterized as a
// scanner would, optionally damaged, wrapped as images only. Used by the corpus build and by tests that
// need a realistic scan of a known filing.
import type { Filing } from '../../shared/model.js';
import { imageOnlyPdf, type ScannedPage } from './image-only-pdf.js';
import { encodeJpeg } from './jpeg-codec.js';
import { openPdfPrinter, type PdfPrinter } from './print-pdf.js';
import { rasterizePdf } from './rasterize-pdf.js';
import { layoutVariant, renderForm4Html } from './render-form4-html.js';
import { damagePage, type DamagePlan } from './scan-damage.js';

export interface ScanOptions {
  /** Scan resolution: 300 for a good office scanner, 200 for a fast or fax-grade one. */
  dpi: number;
  /** Skew, light, blur, noise and JPEG at the plan's quality; false keeps the page lossless and straight. */
  damage: boolean;
  /** Chooses the layout variant and the damage; the same seed gives the same PDF. */
  seed: string | number;
  /** A printer to reuse across filings; without one, a Chromium is started and closed for this call. */
  printer?: PdfPrinter;
}

export interface ScannedFiling {
  pdf: Uint8Array;
  /** The printed (text) PDF before scanning, for callers that want its page count or text. */
  printedPdf: Uint8Array;
  pageCount: number;
  /** Each page's damage, or null for a clean page. */
  damage: Array<DamagePlan | null>;
  /** The page images as stored in the PDF (JPEG or gray), for previews. */
  pages: ScannedPage[];
}

export async function scanFiling(filing: Filing, options: ScanOptions): Promise<ScannedFiling> {
  const layout = layoutVariant(options.seed);
  const html = renderForm4Html(filing, layout);
  const printer = options.printer ?? (await openPdfPrinter());
  let printedPdf: Uint8Array;
  try {
    printedPdf = await printer.print(html, layout.pageMarginIn);
  } finally {
    if (!options.printer) await printer.close();
  }
  const images = await rasterizePdf(printedPdf, options.dpi);
  const damage: Array<DamagePlan | null> = [];
  const pages: ScannedPage[] = images.map((image, index) => {
    if (!options.damage) {
      damage.push(null);
      return { kind: 'gray', dpi: options.dpi, image };
    }
    const damaged = damagePage(image, `${options.seed}#page${index + 1}`, options.dpi);
    damage.push(damaged.plan);
    return {
      kind: 'jpeg',
      dpi: options.dpi,
      width: image.width,
      height: image.height,
      bytes: encodeJpeg(damaged.image, damaged.plan.jpegQuality),
    };
  });
  return { pdf: await imageOnlyPdf(pages), printedPdf, pageCount: pages.length, damage, pages };
}

/** The scanned, image-only PDF of one filing. */
export async function makeScannedPdf(filing: Filing, options: ScanOptions): Promise<Uint8Array> {
  return (await scanFiling(filing, options)).pdf;
}
