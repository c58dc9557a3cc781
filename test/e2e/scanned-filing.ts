// A scanned PDF of a real filing, made the way the accuracy corpus is made (bench/corpus): the EDGAR
// XML in ../shared/corpus read as the truth, printed as the form by Chromium, rasterized at 300 DPI
// and wrapped as an image-only PDF. The test imports it through the UI and checks against the truth.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Filing } from '../../shared/model.js';
import { makeScannedPdf } from '../../bench/corpus/make-scanned-pdf.js';
import { readEdgarXml } from '../../main/form4/edgar/read-edgar-xml.js';

const CORPUS_DIR = fileURLToPath(new URL('../../../shared/corpus/edgar-xml/', import.meta.url));

export interface ScannedFixture {
  path: string;
  truth: Filing;
}

export async function writeScannedFiling(corpusName: string, folder: string): Promise<ScannedFixture> {
  const truth = readEdgarXml(readFileSync(join(CORPUS_DIR, `${corpusName}.xml`), 'utf8'));
  const pdf = await makeScannedPdf(truth, { dpi: 300, damage: false, seed: corpusName });
  mkdirSync(folder, { recursive: true });
  const path = join(folder, `${corpusName}.pdf`);
  writeFileSync(path, pdf);
  return { path, truth };
}
