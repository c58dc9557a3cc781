// `npm run corpus`: renders every EDGAR XML of the shared corpus as a printed Form 4 and scans it twice,
// clean (300 DPI, lossless) and damaged (200 or 300 DPI, skewed, shaded, blurred, noisy, JPEG), each PDF
// beside its ground truth `<name>.truth.json` (= readEdgarXml of the XML). Some filings also get a 4/A
// variant. Options:
//   --limit N        only the first N filings (sorted by name)
//   --only TEXT      only filings whose file name contains TEXT
//   --xml DIR        the EDGAR XML folder (default: the shared corpus)
//   --out DIR        output folder (default bench/.cache/corpus); clean/ and damaged/ go under it
//   --set clean|damaged   build one set only
//   --png            also write each PDF's first page as PNG, for looking at
//   --jobs N         processes to split the filings over (default: 2, or 1 on a one-core machine); each
//                    runs its own Chromium, since rasterizing and damaging are CPU-bound JavaScript
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createCanvas } from '@napi-rs/canvas';
import { readEdgarXml } from '../../main/form4/edgar/read-edgar-xml.js';
import type { Filing } from '../../shared/model.js';
import { amendmentVariant } from './amendment-variant.js';
import { rgbaFromGray, type GrayImage } from './gray-image.js';
import type { ScannedPage } from './image-only-pdf.js';
import { decodeJpeg } from './jpeg-codec.js';
import { openPdfPrinter, type PdfPrinter } from './print-pdf.js';
import { scanFiling } from './make-scanned-pdf.js';
import { createRandom } from './seeded-random.js';

// The shared corpus sits beside the repository (/work/shared next to /work/main).
const CORPUS_XML_DIR = fileURLToPath(new URL('../../../shared/corpus/edgar-xml/', import.meta.url));
const AMENDMENT_SHARE = 0.2;

interface CorpusItem {
  stem: string;
  filing: Filing;
}

type ScanSet = 'clean' | 'damaged';

function corpusItems(xmlDir: string, limit: number | undefined, only: string | undefined): CorpusItem[] {
  const names = readdirSync(xmlDir)
    .filter((name) => name.endsWith('.xml') && (only === undefined || name.includes(only)))
    .sort()
    .slice(0, limit);
  return names.flatMap((name) => {
    const stem = basename(name, '.xml');
    const filing = readEdgarXml(readFileSync(join(xmlDir, name), 'utf8'));
    const items: CorpusItem[] = [{ stem, filing }];
    const random = createRandom(`amendment ${name}`);
    if (random.chance(AMENDMENT_SHARE)) items.push({ stem: `${stem}.4A`, filing: amendmentVariant(filing, random) });
    return items;
  });
}

async function previewImage(page: ScannedPage): Promise<GrayImage> {
  return page.kind === 'gray' ? page.image : decodeJpeg(page.bytes);
}

function writePng(path: string, image: GrayImage): void {
  const canvas = createCanvas(image.width, image.height);
  const context = canvas.getContext('2d');
  const pixels = context.createImageData(image.width, image.height);
  pixels.data.set(rgbaFromGray(image));
  context.putImageData(pixels, 0, 0);
  writeFileSync(path, canvas.encodeSync('png'));
}

async function buildOne(item: CorpusItem, set: ScanSet, outDir: string, printer: PdfPrinter, png: boolean) {
  // The damaged set mixes resolutions: half its filings are scanned at 200 DPI.
  const dpi = set === 'clean' ? 300 : createRandom(`dpi ${item.stem}`).chance(0.5) ? 200 : 300;
  const scanned = await scanFiling(item.filing, { dpi, damage: set === 'damaged', seed: item.stem, printer });
  const folder = join(outDir, set);
  writeFileSync(join(folder, `${item.stem}.pdf`), scanned.pdf);
  writeFileSync(join(folder, `${item.stem}.truth.json`), `${JSON.stringify(item.filing, null, 2)}\n`);
  const firstPage = scanned.pages[0];
  if (png && firstPage) writePng(join(folder, `${item.stem}.p1.png`), await previewImage(firstPage));
  return { dpi, pages: scanned.pageCount, bytes: scanned.pdf.length };
}

function parseShard(text: string): [number, number] {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || index >= count) throw new Error(`--shard wants INDEX/COUNT, e.g. 0/2, not "${text}"`);
  return [index, count];
}

/** Runs this same script once per shard, in parallel, with the same options; output goes straight through. */
async function runShards(jobs: number): Promise<void> {
  const script = fileURLToPath(import.meta.url);
  const codes = await Promise.all(
    Array.from({ length: jobs }, (_, index) => new Promise<number>((resolve, reject) => {
      const child = spawn(
        process.execPath,
        [...process.execArgv, script, ...process.argv.slice(2), '--shard', `${index}/${jobs}`],
        { stdio: 'inherit' },
      );
      child.on('error', reject);
      child.on('exit', (code) => resolve(code ?? 1));
    })),
  );
  if (codes.some((code) => code !== 0)) throw new Error(`a corpus shard failed (exit codes ${codes.join(', ')})`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      limit: { type: 'string' },
      xml: { type: 'string', default: CORPUS_XML_DIR },
      only: { type: 'string' },
      out: { type: 'string', default: join('bench', '.cache', 'corpus') },
      set: { type: 'string' },
      png: { type: 'boolean', default: false },
      jobs: { type: 'string' },
      shard: { type: 'string' },
    },
  });
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) throw new Error(`--limit wants a positive whole number, not "${values.limit}"`);
  if (values.set !== undefined && values.set !== 'clean' && values.set !== 'damaged') throw new Error('--set is clean or damaged');
  const sets: ScanSet[] = values.set ? [values.set as ScanSet] : ['clean', 'damaged'];
  const outDir = values.out;
  for (const set of sets) mkdirSync(join(outDir, set), { recursive: true });

  const started = performance.now();
  const items = corpusItems(values.xml, limit, values.only);
  if (items.length === 0) throw new Error('no corpus filing matches');
  const jobs = Math.min(items.length, values.jobs === undefined ? Math.min(2, availableParallelism()) : Number(values.jobs));
  if (!(Number.isInteger(jobs) && jobs > 0)) throw new Error(`--jobs wants a positive whole number, not "${values.jobs}"`);
  if (values.shard === undefined && jobs > 1) {
    await runShards(jobs);
    console.log(`corpus: ${items.length} filings incl. 4/A variants x ${sets.length} sets with ${jobs} processes in ${((performance.now() - started) / 1000).toFixed(1)} s -> ${outDir}`);
    return;
  }
  const [shardIndex, shardCount] = values.shard === undefined ? [0, 1] : parseShard(values.shard);
  const printer = await openPdfPrinter();
  const totals = { pdfs: 0, pages: 0, bytes: 0 };
  try {
    for (const [index, item] of items.entries()) {
      if (index % shardCount !== shardIndex) continue;
      for (const set of sets) {
        const itemStarted = performance.now();
        const result = await buildOne(item, set, outDir, printer, values.png);
        totals.pdfs += 1;
        totals.pages += result.pages;
        totals.bytes += result.bytes;
        const seconds = ((performance.now() - itemStarted) / 1000).toFixed(2);
        console.log(`[${index + 1}/${items.length}] ${set.padEnd(7)} ${item.stem}  ${result.pages} p @ ${result.dpi} DPI  ${(result.bytes / 1024).toFixed(0)} KB  ${seconds} s`);
      }
    }
  } finally {
    await printer.close();
  }
  const elapsed = (performance.now() - started) / 1000;
  console.log(
    `${shardCount > 1 ? `shard ${shardIndex + 1}/${shardCount}: ` : 'corpus: '}${totals.pdfs} PDFs (${items.length} filings incl. 4/A variants), ${totals.pages} pages, ` +
      `${(totals.bytes / 1048576).toFixed(1)} MB in ${outDir}; ${elapsed.toFixed(1)} s ` +
      `(${(elapsed / Math.max(1, totals.pages)).toFixed(2)} s/page)`,
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
