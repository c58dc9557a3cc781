// OCR speed and memory on real pages: tesseract.js (one worker, then the pool) beside native Tesseract
// on the same pages, what orientation handling costs, the pool's speed-up over one worker, and peak
// RSS of the pool over a batch. Prints the figures and writes them under "## OCR" in
// docs/BENCHMARKS.md.
//   npm run bench:ocr [-- --corpus N | --images DIR | --drawn] [--pages 50] [--workers 2] [--params k=v,k=v]
// Pages: by default the pages of the first 3 PDFs of the clean corpus (`npm run corpus`), rasterized
// at 300 DPI as ingest does (--corpus N for another count); --images DIR reads the PNG/JPEG/TIFF/PDF
// files of a folder; --drawn uses one Form 4-like page drawn here. --params sets extra Tesseract
// parameters on both engines (tesseract.js and native `-c`) to measure a setting before adopting it.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createCanvas } from '@napi-rs/canvas';
import type Tesseract from 'tesseract.js';
import { halveGray, rotateGray, toPgm, type GrayImage } from '../main/ingest/gray-image.js';
import { OcrPool, type OrientationMode } from '../main/ingest/ocr-pool.js';
import { readDocument } from '../main/ingest/read-document.js';
import { defaultTesseractPaths, startOrientationDetector, startRecognizer } from '../main/ingest/tesseract-workers.js';
import { writeSection } from './docs-section.js';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const option = (name: string) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
};
const batchPages = Number(option('pages') ?? 50);
const workers = Number(option('workers') ?? 2);
const imagesDir = option('images');
const corpusCount = Number(option('corpus') ?? 3);
const drawn = args.includes('--drawn');
const extraParameters: Record<string, string> = Object.fromEntries(
  (option('params') ?? '').split(',').filter((pair) => pair.includes('=')).map((pair) => pair.split('=', 2) as [string, string]),
);
/** Page files for native tesseract, removed at the end. */
const scratch = mkdtempSync(join(tmpdir(), 'form4-bench-ocr-'));
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

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

function corpusPdfs(count: number): string[] {
  const folder = join(root, 'bench', '.cache', 'corpus', 'clean');
  if (!existsSync(folder)) return [];
  return readdirSync(folder).filter((name) => name.endsWith('.pdf')).sort().slice(0, count).map((name) => join(folder, name));
}

async function loadPages(): Promise<{ pages: GrayImage[]; source: string }> {
  if (imagesDir) {
    const files = readdirSync(imagesDir).filter((name) => /\.(png|jpe?g|tiff?|pdf)$/i.test(name)).sort();
    const pages = await pagesOf(files.map((name) => join(imagesDir, name)));
    if (pages.length === 0) throw new Error(`no page images found in ${imagesDir}`);
    return { pages, source: `${pages.length} page(s) from ${imagesDir}` };
  }
  const pdfs = drawn ? [] : corpusPdfs(corpusCount);
  if (pdfs.length === 0) return { pages: [drawFormPage()], source: 'a Form 4-like page drawn at 300 DPI (bench/ocr.ts)' };
  const pages = await pagesOf(pdfs);
  return { pages, source: `the ${pages.length} pages of the first ${pdfs.length} clean corpus PDFs (bench/.cache/corpus/clean), rasterized at 300 DPI` };
}

/** The page images readDocument prepares (rasterized or decoded, as ingest does), not OCR-read. */
async function pagesOf(paths: readonly string[]): Promise<GrayImage[]> {
  const pages: GrayImage[] = [];
  for (const path of paths) {
    const found: Array<{ number: number; image: GrayImage }> = [];
    await readDocument({ name: basename(path), path }, { forceOcr: true, pool: new NoOcr(), onPageImage: (page) => void found.push(page) });
    pages.push(...found.sort((left, right) => left.number - right.number).map((page) => page.image));
  }
  return pages;
}

/** Collects the page images readDocument prepares without reading them (the bench reads them itself). */
class NoOcr extends OcrPool {
  constructor() {
    super({ size: 1 });
  }
  override read(image: GrayImage) {
    return Promise.resolve({ image, rotation: 0 as const, lines: [], meanConfidence: 0, attempts: 0, blocks: [] });
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function sum(values: number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

/** Pages read through the pool as the product reads them; init (worker start) excluded by a warm-up. */
async function timePool(pages: readonly GrayImage[], count: number, size: number, orientation: OrientationMode, sampleRss = false) {
  const pool = new OcrPool({ size, orientation });
  try {
    await Promise.all(Array.from({ length: size }, (_, index) => pool.read(pages[index % pages.length]!)));
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

/** The same model tesseract.js uses (eng 4.0.0_best_int), unpacked once into the bench cache. */
function nativeModelDir(): string {
  const tessdata = join(root, 'bench', '.cache', 'tessdata');
  mkdirSync(tessdata, { recursive: true });
  const model = join(tessdata, 'eng.traineddata');
  if (!existsSync(model)) writeFileSync(model, gunzipSync(readFileSync(join(defaultTesseractPaths().engDir, 'eng.traineddata.gz'))));
  return tessdata;
}

function nativeVersion(): string | null {
  const version = spawnSync('tesseract', ['--version'], { encoding: 'utf8' });
  return version.status === 0 ? (version.stdout.split('\n')[0] ?? 'tesseract') : null;
}

function nativeArgs(dpi: number): string[] {
  const settings = Object.entries(extraParameters).flatMap(([key, value]) => ['-c', `${key}=${value}`]);
  return ['--psm', '3', '--dpi', String(dpi), '-l', 'eng', '--tessdata-dir', nativeModelDir(), ...settings];
}

/** Wall-clock and CPU time of one measured step. CPU time holds up when other work shares the cores. */
interface Timing {
  wallMs: number;
  cpuMs: number;
}

/** `tesseract ARGS` under /usr/bin/time, which reports the child's user + system CPU seconds. */
function runNative(args: string[]): Timing {
  const times = join(scratch, 'time.txt');
  const started = performance.now();
  const result = spawnSync('/usr/bin/time', ['-f', '%U %S', '-o', times, 'tesseract', ...args], { encoding: 'utf8', env: { ...process.env, OMP_THREAD_LIMIT: '1' } });
  const wallMs = performance.now() - started;
  if (result.status !== 0) throw new Error(`native tesseract failed: ${result.stderr}`);
  const [user = 0, system = 0] = readFileSync(times, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number);
  return { wallMs, cpuMs: (user + system) * 1000 };
}

/** One process per page, as a script calling `tesseract` would (model load included). */
function nativeOnePage(page: GrayImage, index: number): Timing {
  const image = join(scratch, `page-${index}.pgm`);
  writeFileSync(image, toPgm(page));
  return runNative([image, join(scratch, 'one'), ...nativeArgs(page.dpi ?? 300)]);
}

/** Every page in one process (a list file), so the model is loaded once: the engine's own speed. */
function nativeBatch(pages: readonly GrayImage[]): Timing {
  const list = join(scratch, 'pages.txt');
  writeFileSync(list, pages.map((page, index) => {
    const image = join(scratch, `page-${index}.pgm`);
    writeFileSync(image, toPgm(page));
    return image;
  }).join('\n'));
  return runNative([list, join(scratch, 'batch'), ...nativeArgs(pages[0]?.dpi ?? 300)]);
}

/** One tesseract.js recognizer with the product's parameters (plus --params), page by page. */
async function startJsRecognizer() {
  const recognizer = await startRecognizer(defaultTesseractPaths(), 30_000);
  if (Object.keys(extraParameters).length > 0) await recognizer.setParameters(extraParameters);
  return {
    /** The main thread only waits meanwhile, so the process's CPU time is the worker thread's. */
    async read(page: GrayImage): Promise<Timing> {
      const started = performance.now();
      const cpu = process.cpuUsage();
      // The pool passes the page's DPI the same way (RecognizeOptions does not type worker parameters).
      const dpi = { user_defined_dpi: String(page.dpi ?? 300) } as Partial<Tesseract.RecognizeOptions>;
      await recognizer.recognize(toPgm(page), dpi, { blocks: true, text: false });
      const used = process.cpuUsage(cpu);
      return { wallMs: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
    },
    terminate: () => recognizer.terminate(),
  };
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
const sample = pages.slice(0, Math.min(pages.length, 6));
const version = nativeVersion();
const loadAtStart = loadavg()[0] ?? 0;
console.log(`OCR bench: ${source}; ${first.width} x ${first.height} px; ${cpus().length} cores; load average ${loadAtStart.toFixed(1)}`);
if (Object.keys(extraParameters).length > 0) console.log(`extra Tesseract parameters on both engines: ${JSON.stringify(extraParameters)}`);

// tesseract.js and native take turns page by page, so load from other processes falls on both alike.
const js = await startJsRecognizer();
const jsTimes: Timing[] = [];
const nativeTimes: Timing[] = [];
try {
  await js.read(first); // warm-up: the first recognize pays for loading the model into the engine
  for (const [index, page] of sample.entries()) {
    jsTimes.push(await js.read(page));
    if (version) nativeTimes.push(nativeOnePage(page, index));
  }
} finally {
  await js.terminate();
}
const perPage = (times: Timing[], key: keyof Timing) => sum(times.map((time) => time[key])) / sample.length;
const jsMs = perPage(jsTimes, 'wallMs');
const jsCpuMs = perPage(jsTimes, 'cpuMs');
const native = version ? { wallMs: perPage(nativeTimes, 'wallMs'), cpuMs: perPage(nativeTimes, 'cpuMs') } : null;
const batchRun = version ? nativeBatch(sample) : null;
const nativeBatchTimes = batchRun ? { wallMs: batchRun.wallMs / sample.length, cpuMs: batchRun.cpuMs / sample.length } : null;
console.log(`tesseract.js, 1 worker: ${jsMs.toFixed(0)} ms/page (${jsCpuMs.toFixed(0)} ms CPU) over ${sample.length} pages`);
if (version && native && nativeBatchTimes) {
  console.log(`native ${version}, OMP_THREAD_LIMIT=1: ${native.wallMs.toFixed(0)} ms/page (${native.cpuMs.toFixed(0)} ms CPU) one process per page, ` +
    `${nativeBatchTimes.wallMs.toFixed(0)} ms/page (${nativeBatchTimes.cpuMs.toFixed(0)} ms CPU) all pages in one process`);
  console.log(`tesseract.js / native, wall: ${(jsMs / native.wallMs).toFixed(2)}x per-page process, ${(jsMs / nativeBatchTimes.wallMs).toFixed(2)}x one process; ` +
    `CPU: ${(jsCpuMs / native.cpuMs).toFixed(2)}x, ${(jsCpuMs / nativeBatchTimes.cpuMs).toFixed(2)}x`);
} else console.log('native tesseract: not installed');

const osd = await osdMs(first, 3);
console.log(`orientation detection alone (OSD, page halved): ${osd.toFixed(0)} ms/page`);
const uprightOff = await timePool(sample, sample.length, 1, 'off');
const uprightOsd = await timePool(sample, sample.length, 1, 'osd');
console.log(`upright pages through the pool (1 worker): ${uprightOsd.msPerPage.toFixed(0)} ms/page with orientation handling, ${uprightOff.msPerPage.toFixed(0)} ms/page with none`);
const upsideDown = [rotateGray(first, 180)];
const withOsd = await timePool(upsideDown, 1, 1, 'osd');
const withRetry = await timePool(upsideDown, 1, 1, 'retry');
console.log(`upside-down page: ${withOsd.msPerPage.toFixed(0)} ms with OSD, ${withRetry.msPerPage.toFixed(0)} ms by retrying turns (no OSD)`);
const speedupPages = Math.max(8, sample.length * 2);
const one = await timePool(pages, speedupPages, 1, 'osd');
const many = await timePool(pages, speedupPages, workers, 'osd');
const speedup = one.msPerPage / many.msPerPage;
console.log(`pool of ${workers} vs 1 worker over ${speedupPages} pages: ${many.msPerPage.toFixed(0)} vs ${one.msPerPage.toFixed(0)} ms/page = ${speedup.toFixed(2)}x`);
const batch = await timePool(pages, batchPages, workers, 'osd', true);
console.log(
  `pool of ${workers}, ${batchPages} pages: ${batch.msPerPage.toFixed(0)} ms/page, peak RSS ${batch.peakRssMb.toFixed(0)} MB, ` +
    `${batch.stats.recognizersStarted} recognizers and ${batch.stats.detectorsStarted} detectors started (recycled every 25 pages)`,
);

const ratio = (left: number, right: number | undefined) => (right ? `${(left / right).toFixed(2)}x` : 'n/a');
const ms = (value: number | undefined) => (value === undefined ? 'n/a' : `${value.toFixed(0)} ms`);
const section = [
  '## OCR',
  '',
  `Run by \`npm run bench:ocr\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} cores (${cpus()[0]?.model.trim()}), ${(totalmem() / 1024 ** 3).toFixed(0)} GB RAM, ` +
    `load average ${loadAtStart.toFixed(1)} at the start and ${loadavg()[0]?.toFixed(1)} at the end. With other work on the cores wall-clock times stretch;`,
  'CPU times (user + system of the worker thread, or of the native process) hold up and give the engine ratio.',
  `Pages: ${source}, ${first.width} x ${first.height} px. tesseract.js 7 with eng 4.0.0_best_int, PSM 3, worker start excluded.` +
    (Object.keys(extraParameters).length > 0 ? ` Extra parameters on both engines: \`${JSON.stringify(extraParameters)}\`.` : ''),
  '',
  '| measure | wall | CPU |',
  '| --- | ---: | ---: |',
  `| tesseract.js, 1 worker, recognition only (mean of ${sample.length} pages) | ${ms(jsMs)} | ${ms(jsCpuMs)} |`,
  `| native ${version ?? 'tesseract (not installed)'}, \`OMP_THREAD_LIMIT=1\`, same model and PSM, one process per page | ${ms(native?.wallMs)} | ${ms(native?.cpuMs)} |`,
  `| native, all pages in one process (model loaded once) | ${ms(nativeBatchTimes?.wallMs)} | ${ms(nativeBatchTimes?.cpuMs)} |`,
  `| tesseract.js / native, per-page process | ${ratio(jsMs, native?.wallMs)} | ${ratio(jsCpuMs, native?.cpuMs)} |`,
  `| tesseract.js / native, one process | ${ratio(jsMs, nativeBatchTimes?.wallMs)} | ${ratio(jsCpuMs, nativeBatchTimes?.cpuMs)} |`,
  `| orientation detection alone (OSD, legacy osd model, page halved to 150 DPI) | ${ms(osd)} | |`,
  `| upright pages through the pool, 1 worker: orientation handling on / off | ${ms(uprightOsd.msPerPage)} / ${ms(uprightOff.msPerPage)} | |`,
  `| upside-down page: OSD then one read / no OSD, turns retried | ${ms(withOsd.msPerPage)} / ${ms(withRetry.msPerPage)} | |`,
  `| pool of ${workers} workers vs 1 worker, ${speedupPages} pages, orientation on (per page) | ${ms(many.msPerPage)} vs ${ms(one.msPerPage)} = ${speedup.toFixed(2)}x | |`,
  `| pool of ${workers} workers, ${batchPages}-page batch (per page) | ${ms(batch.msPerPage)} | |`,
  `| peak RSS of the process over that batch (workers recycled every 25 pages) | ${batch.peakRssMb.toFixed(0)} MB | |`,
  '',
].join('\n');

const benchmarks = join(root, 'docs', 'BENCHMARKS.md');
// Only the figures above are rewritten; the section's own `###` subsections (notes, the 10-page run) stay.
writeSection(benchmarks, '## OCR', section);
console.log(`written to ${benchmarks}`);
