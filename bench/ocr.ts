// OCR speed and memory: tesseract.js (one worker, then the pool) beside native Tesseract on the same
// 300 DPI page, orientation detection's cost, and peak RSS of the pool over a batch. Prints the
// figures and writes them under "## OCR" in docs/BENCHMARKS.md.
//   npm run bench:ocr [-- --images DIR] [--pages 50] [--workers 2]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createCanvas } from '@napi-rs/canvas';
import { halveGray, rotateGray, toPgm, type GrayImage } from '../main/ingest/gray-image.js';
import { OcrPool, type OrientationMode } from '../main/ingest/ocr-pool.js';
import { readDocument } from '../main/ingest/read-document.js';
import { defaultTesseractPaths, startOrientationDetector } from '../main/ingest/tesseract-workers.js';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const option = (name: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
};
const batchPages = Number(option('pages') ?? 50);
const workers = Number(option('workers') ?? 2);
const imagesDir = option('images');

/** A Form 4-like page drawn at 300 DPI: header, boxes, a Table I with rows of values, footnotes. */
function drawFormPage(): GrayImage {
  const width = 2550;
  const height = 3300;
  const canvas = createCanvas(width, height);
  const g = canvas.getContext('2d');
  g.fillStyle = '#fff';
  g.fillRect(0, 0, width, height);
  g.fillStyle = '#000';
  g.strokeStyle = '#000';
  g.lineWidth = 3;
  g.font = 'bold 54px sans-serif';
  g.fillText('FORM 4   UNITED STATES SECURITIES AND EXCHANGE COMMISSION', 150, 200);
  g.font = '40px sans-serif';
  g.fillText('STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP', 500, 280);
  const boxes: Array<[string, string]> = [
    ['1. Name and Address of Reporting Person', 'SMITH JOHN A, 100 MAIN STREET, SPRINGFIELD IL 62701'],
    ['2. Issuer Name and Ticker or Trading Symbol', 'ACME WIDGETS INC [ ACMW ]'],
    ['3. Date of Earliest Transaction (Month/Day/Year)', '05/23/2017'],
    ['5. Relationship of Reporting Person(s) to Issuer', 'X Director   X Officer (give title below)   Chief Financial Officer'],
  ];
  boxes.forEach(([label, value], index) => {
    const top = 360 + index * 190;
    g.strokeRect(150, top, 2250, 170);
    g.font = '34px sans-serif';
    g.fillText(label, 175, top + 55);
    g.font = '42px sans-serif';
    g.fillText(value, 175, top + 125);
  });
  g.font = 'bold 38px sans-serif';
  g.fillText('Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned', 150, 1200);
  const columns = [150, 620, 930, 1080, 1380, 1520, 1800, 2150];
  g.font = '30px sans-serif';
  ['1. Title of Security', '2. Date', '3. Code', '4. Amount', '(A)/(D)', 'Price', '5. Owned Following', '6. D/I'].forEach((head, index) =>
    g.fillText(head, (columns[index] ?? 0) + 10, 1280),
  );
  const rows = [
    ['Common Stock', '05/23/2017', 'P', '2,000', 'A', '$24.69', '12,400', 'D'],
    ['Common Stock', '05/24/2017', 'S', '1,150', 'D', '$25.10', '11,250', 'D'],
    ['Common Stock', '05/25/2017', 'M', '3,000', 'A', '$18.00', '14,250', 'D'],
    ['Common Stock', '05/25/2017', 'F', '1,012', 'D', '$25.31', '13,238', 'D'],
    ['Common Stock', '', '', '', '', '', '5,000', 'I'],
  ];
  g.font = '40px sans-serif';
  rows.forEach((row, rowIndex) => {
    const y = 1300 + rowIndex * 90;
    g.strokeRect(150, y, 2250, 90);
    row.forEach((cell, index) => g.fillText(cell, (columns[index] ?? 0) + 10, y + 60));
  });
  g.font = '34px sans-serif';
  const notes = [
    'Explanation of Responses:',
    '1. The price reported is a weighted average price. These shares were sold in multiple transactions',
    'at prices ranging from $25.00 to $25.20, inclusive.',
    '2. Shares held by the reporting person\'s spouse.',
    '/s/ John A. Smith                                   05/25/2017',
    '** Signature of Reporting Person                     Date',
  ];
  notes.forEach((line, index) => g.fillText(line, 150, 1900 + index * 70));
  const rgba = g.getImageData(0, 0, width, height).data;
  const data = new Uint8Array(width * height);
  for (let pixel = 0; pixel < data.length; pixel += 1) data[pixel] = rgba[pixel * 4] ?? 255;
  return { width, height, data, dpi: 300 };
}

async function loadPages(): Promise<{ pages: GrayImage[]; source: string }> {
  if (!imagesDir) return { pages: [drawFormPage()], source: 'a Form 4-like page drawn at 300 DPI (bench/ocr.ts)' };
  const files = readdirSync(imagesDir).filter((name) => /\.(png|jpe?g|tiff?|pdf)$/i.test(name)).sort();
  const pages: GrayImage[] = [];
  for (const name of files) {
    await readDocument(
      { name, path: join(imagesDir, name) },
      { forceOcr: true, pool: new NoOcr(), onPageImage: (page) => void pages.push(page.image) },
    ).catch(() => undefined);
  }
  if (pages.length === 0) throw new Error(`no page images found in ${imagesDir}`);
  return { pages, source: `${pages.length} page(s) from ${imagesDir}` };
}

/** Collects the page images readDocument prepares without reading them (the bench reads them itself). */
class NoOcr extends OcrPool {
  constructor() {
    super({ size: 1 });
  }
  override read(image: GrayImage) {
    return Promise.resolve({ image, rotation: 0 as const, lines: [], meanConfidence: 0, attempts: 0 });
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function timePool(pages: GrayImage[], count: number, size: number, orientation: OrientationMode, sampleRss = false) {
  const pool = new OcrPool({ size, orientation });
  try {
    await Promise.all(Array.from({ length: size }, (_, index) => pool.read(pages[index % pages.length]!))); // warm-up: workers start
    let peak = process.memoryUsage().rss;
    const sampler = sampleRss ? setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 100) : null;
    const started = performance.now();
    await Promise.all(Array.from({ length: count }, (_, index) => pool.read(pages[index % pages.length]!)));
    const elapsed = performance.now() - started;
    if (sampler) clearInterval(sampler);
    return { msPerPage: elapsed / count, peakRssMb: peak / 1024 / 1024, stats: pool.stats };
  } finally {
    await pool.close();
  }
}

function nativeTesseract(page: GrayImage, runs: number): { msPerPage: number; version: string } | null {
  const version = spawnSync('tesseract', ['--version'], { encoding: 'utf8' });
  if (version.status !== 0) return null;
  // The same model tesseract.js uses (eng 4.0.0_best_int), unpacked once into the bench cache.
  const cache = join(root, 'bench', '.cache');
  const tessdata = join(cache, 'tessdata');
  mkdirSync(tessdata, { recursive: true });
  const model = join(tessdata, 'eng.traineddata');
  if (!existsSync(model)) writeFileSync(model, gunzipSync(readFileSync(join(defaultTesseractPaths().engDir, 'eng.traineddata.gz'))));
  const image = join(cache, 'page.pgm');
  writeFileSync(image, toPgm(page));
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    const result = spawnSync('tesseract', [image, '-', '--psm', '3', '--dpi', String(page.dpi ?? 300), '-l', 'eng', '--tessdata-dir', tessdata], {
      encoding: 'utf8',
      env: { ...process.env, OMP_THREAD_LIMIT: '1' },
    });
    if (result.status !== 0) throw new Error(`native tesseract failed: ${result.stderr}`);
    times.push(performance.now() - started);
  }
  return { msPerPage: median(times), version: version.stdout.split('\n')[0] ?? 'tesseract' };
}

/** OSD alone, on the page as the pool gives it (halved to 150 DPI). */
async function osdMs(page: GrayImage, runs: number): Promise<number> {
  page = halveGray(page);
  const detector = await startOrientationDetector(defaultTesseractPaths(), 30_000);
  try {
    await detector.setParameters({ user_defined_dpi: String(page.dpi ?? 300) });
    const times: number[] = [];
    for (let run = 0; run < runs; run += 1) {
      const started = performance.now();
      await detector.detect(toPgm(page));
      times.push(performance.now() - started);
    }
    return median(times);
  } finally {
    await detector.terminate();
  }
}

const { pages, source } = await loadPages();
const first = pages[0]!;
console.log(`OCR bench: ${source}; ${first.width} x ${first.height} px; ${cpus().length} cores`);

const single = await timePool(pages, 3, 1, 'off');
console.log(`tesseract.js, 1 worker: ${single.msPerPage.toFixed(0)} ms/page`);
const native = nativeTesseract(first, 3);
console.log(native ? `native ${native.version}, OMP_THREAD_LIMIT=1: ${native.msPerPage.toFixed(0)} ms/page` : 'native tesseract: not installed');
const osd = await osdMs(first, 3);
console.log(`orientation detection (OSD, page halved): ${osd.toFixed(0)} ms/page`);
const upsideDown = [rotateGray(first, 180)];
const withOsd = await timePool(upsideDown, 1, 1, 'osd');
const withRetry = await timePool(upsideDown, 1, 1, 'retry');
console.log(`upside-down page: ${withOsd.msPerPage.toFixed(0)} ms with OSD, ${withRetry.msPerPage.toFixed(0)} ms by retrying turns (no OSD)`);
const batch = await timePool(pages, batchPages, workers, 'osd', true);
console.log(
  `pool of ${workers}, ${batchPages} pages with OSD: ${batch.msPerPage.toFixed(0)} ms/page, peak RSS ${batch.peakRssMb.toFixed(0)} MB, ` +
    `${batch.stats.recognizersStarted} recognizers started (recycled every 25 pages)`,
);

const ratio = native ? single.msPerPage / native.msPerPage : null;
const section = [
  '## OCR',
  '',
  `Run by \`npm run bench:ocr\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} cores (${cpus()[0]?.model.trim()}), ${(totalmem() / 1024 ** 3).toFixed(0)} GB RAM.`,
  `Page: ${source}, ${first.width} x ${first.height} px. tesseract.js 7 with eng 4.0.0_best_int, PSM 3, init excluded.`,
  '',
  '| measure | value |',
  '| --- | --- |',
  `| tesseract.js, 1 worker (no orientation step) | ${single.msPerPage.toFixed(0)} ms/page |`,
  `| native ${native?.version ?? 'tesseract (not installed)'}, \`OMP_THREAD_LIMIT=1\`, same model and PSM | ${native ? `${native.msPerPage.toFixed(0)} ms/page` : 'n/a'} |`,
  `| tesseract.js / native | ${ratio ? `${ratio.toFixed(2)}x` : 'n/a'} |`,
  `| orientation detection (OSD, legacy osd model, on the page halved to 150 DPI) | ${osd.toFixed(0)} ms/page |`,
  `| upside-down page: OSD then one read / no OSD, turns retried | ${withOsd.msPerPage.toFixed(0)} ms / ${withRetry.msPerPage.toFixed(0)} ms |`,
  `| pool of ${workers} workers, ${batchPages}-page batch, OSD on | ${batch.msPerPage.toFixed(0)} ms/page |`,
  `| peak RSS of the process over that batch (workers recycled every 25 pages) | ${batch.peakRssMb.toFixed(0)} MB |`,
  '',
].join('\n');

const benchmarks = join(root, 'docs', 'BENCHMARKS.md');
mkdirSync(join(root, 'docs'), { recursive: true });
const current = existsSync(benchmarks) ? readFileSync(benchmarks, 'utf8') : '# Benchmarks\n';
const pattern = /## OCR\n[\s\S]*?(?=\n## |$)/;
const updated = pattern.test(current) ? current.replace(pattern, section.trimEnd() + '\n') : `${current.trimEnd()}\n\n${section}`;
writeFileSync(benchmarks, updated);
console.log(`written to ${benchmarks}`);
