// A PDF of several real filings printed back to back, as a filer's bundle arrives: each EDGAR XML of
// ../shared/corpus printed as the form by Chromium (bench/corpus, the accuracy corpus's printer) and
// the printouts joined into one file. It keeps Chromium's text layer, so it is read without OCR.
import { existsSync, readFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';
import { CHROMIUM_PATH, openPdfPrinter } from '../../bench/corpus/print-pdf.js';
import { layoutVariant, renderForm4Html } from '../../bench/corpus/render-form4-html.js';
import { readEdgarXml } from '../../main/form4/edgar/read-edgar-xml.js';
import type { Filing } from '../../shared/model.js';
import { CORPUS_DIR } from './export-samples.js';

/** Why tests of printed filings cannot run here, or false when they can. */
export const printedFilingsSkip: string | false = existsSync(CHROMIUM_PATH) ? false : `chromium is not installed at ${CHROMIUM_PATH}`;

export interface PrintedFilings {
  pdf: Uint8Array;
  /** Per filing, in order: what was printed, and the pages of the joined PDF it is on. */
  filings: Array<{ name: string; truth: Filing; pages: number[] }>;
}

/** The corpus filings `names` (file names without .xml) printed one after the other in one PDF. */
export async function printedFilingsPdf(names: readonly string[]): Promise<PrintedFilings> {
  const printer = await openPdfPrinter();
  const joined = await PDFDocument.create();
  const filings: PrintedFilings['filings'] = [];
  try {
    for (const name of names) {
      const truth = readEdgarXml(readFileSync(`${CORPUS_DIR}${name}.xml`, 'utf8'));
      const layout = layoutVariant(name);
      const printed = await PDFDocument.load(await printer.print(renderForm4Html(truth, layout), layout.pageMarginIn));
      const first = joined.getPageCount() + 1;
      for (const page of await joined.copyPages(printed, printed.getPageIndices())) joined.addPage(page);
      filings.push({ name, truth, pages: Array.from({ length: printed.getPageCount() }, (_, index) => first + index) });
    }
  } finally {
    await printer.close();
  }
  return { pdf: await joined.save(), filings };
}
