// End to end: one small corpus filing -> printed by Chromium -> rasterized -> damaged -> image-only PDF.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PDFDict, PDFDocument, PDFName, PDFNumber, PDFStream } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { makeScannedPdf, scanFiling } from '../../../../bench/corpus/make-scanned-pdf.js';
import { CHROMIUM_PATH, openPdfPrinter } from '../../../../bench/corpus/print-pdf.js';
import { readEdgarXml } from '../../../../main/form4/edgar/read-edgar-xml.js';

const NAME = '0000704051-14-000037_LM';
const xmlPath = fileURLToPath(new URL(`../../../../../shared/corpus/edgar-xml/${NAME}.xml`, import.meta.url));
const skip = existsSync(CHROMIUM_PATH) ? false : `chromium is not installed at ${CHROMIUM_PATH}`;

async function pageTexts(pdf: Uint8Array): Promise<string[]> {
  const document = await getDocument({ data: pdf.slice(), isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const texts: string[] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const content = await (await document.getPage(number)).getTextContent();
      texts.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
    }
    return texts;
  } finally {
    await document.destroy();
  }
}

test('one filing becomes a valid, deterministic, image-only scanned PDF with the printed page count', { skip }, async () => {
  const filing = readEdgarXml(readFileSync(xmlPath, 'utf8'));
  const printer = await openPdfPrinter();
  try {
    const options = { dpi: 200, damage: true, seed: NAME, printer };
    const scanned = await scanFiling(filing, options);
    const again = await makeScannedPdf(filing, options);
    assert.deepEqual(again, scanned.pdf, 'the same seed gives the same bytes');

    const printedTexts = await pageTexts(scanned.printedPdf);
    assert.equal(printedTexts.length, 1, 'this small filing prints on one page');
    assert.match(printedTexts[0] ?? '', /SCHMOKE KURT L/);
    assert.match(printedTexts[0] ?? '', /3,625/);

    assert.equal(new TextDecoder().decode(scanned.pdf.slice(0, 5)), '%PDF-');
    const document = await PDFDocument.load(scanned.pdf);
    assert.equal(document.getPageCount(), printedTexts.length);
    assert.equal(scanned.pageCount, printedTexts.length);
    for (const page of document.getPages()) {
      const { width, height } = page.getSize();
      assert.ok(Math.abs(width - 612) < 1 && Math.abs(height - 792) < 1, `Letter size, got ${width}x${height}`);
      const resources = page.node.Resources();
      const fonts = resources?.lookupMaybe(PDFName.of('Font'), PDFDict);
      assert.equal(fonts?.keys().length ?? 0, 0, 'no fonts: nothing to read as text');
      const xObjects = resources?.lookup(PDFName.of('XObject'), PDFDict);
      const image = xObjects?.lookup(PDFName.of('Scan'), PDFStream);
      assert.equal(image?.dict.get(PDFName.of('Subtype'))?.toString(), '/Image');
      assert.equal(image?.dict.lookup(PDFName.of('Width'), PDFNumber).asNumber(), 1700, '8.5 in at 200 DPI');
      assert.equal(image?.dict.get(PDFName.of('Filter'))?.toString(), '/DCTDecode', 'a damaged scan is JPEG');
    }
    assert.deepEqual(await pageTexts(scanned.pdf), [''], 'no text layer');
    assert.ok(scanned.damage.every((plan) => plan !== null && Math.abs(plan.skewDegrees) <= 1.5));
  } finally {
    await printer.close();
  }
});
