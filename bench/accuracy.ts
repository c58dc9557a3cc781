// `npm run bench:accuracy`: the scan pipeline (readDocument -> extractFiling, what `form4 extract`
// runs) over the corpus scans of `npm run corpus`, every field compared with the ground truth.
// Prints per set: fields compared, share read exactly, share wrong with no finding pointing at it
// (silent), share missing, seconds per page; then the field paths that miss most, with examples.
// The OCR of each PDF is cached under bench/.cache/ocr/<set>/, so re-runs only re-parse.
//   --set clean|damaged|both   (default both)
//   --limit N                  the first N PDFs of each set (sorted by name)
//   --only TEXT                PDFs whose name contains TEXT
//   --jobs N                   OCR workers (default: the cores); as many PDFs are read at once
//   --no-cache                 OCR again (and refresh the cache)
//   --ocr-only                 fill the cache, compare nothing
//   --top N                    field paths listed per set (default 15)
//   --docs                     write the figures under "## Accuracy" in docs/BENCHMARKS.md
//   --no-second-look           parse the first reading only (no cells read again)
// The full tally (every path, examples) is written to bench/.cache/accuracy-<set>.json, and every
// field not read exactly and every extra table line, one per line, to bench/.cache/misses-<set>.txt (to diff two runs).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { extractFiling } from '../main/form4/extract.js';
import { secondLook } from '../main/form4/parse/look-again.js';
import type { Rotation } from '../main/ingest/gray-image.js';
import { OcrPool } from '../main/ingest/ocr-pool.js';
import { lookAgainAt } from '../main/ingest/read-document.js';
import { compareFiling } from './accuracy/compare-filing.js';
import { cacheKey, cachePath, documentFromCache, engineFingerprint, readCache, writeCache, type CachedOcr, type OcrSettings } from './accuracy/ocr-cache.js';
import { BlockKeepingPool, scanPdf } from './accuracy/scan-pdf.js';
import { misses, percent, tallySet, type FilingOutcome, type SetTally } from './accuracy/tally.js';
import { addTiming, readTiming, type OcrTiming } from './accuracy/ocr-timing.js';
import { accuracySection } from './accuracy/docs-section.js';
import { writeSection } from './docs-section.js';

const root = resolve(import.meta.dirname, '..');
const corpusDir = join(root, 'bench', '.cache', 'corpus');
const cacheDir = join(root, 'bench', '.cache', 'ocr');
const SETTINGS: OcrSettings = { dpi: 300, orientation: 'osd' };

const { values } = parseArgs({
  options: {
    set: { type: 'string', default: 'both' },
    limit: { type: 'string' },
    only: { type: 'string' },
    jobs: { type: 'string' },
    'no-cache': { type: 'boolean', default: false },
    'ocr-only': { type: 'boolean', default: false },
    top: { type: 'string', default: '15' },
    docs: { type: 'boolean', default: false },
    'no-second-look': { type: 'boolean', default: false },
  },
});
if (!['clean', 'damaged', 'both'].includes(values.set)) throw new Error(`--set is clean, damaged or both, not "${values.set}"`);
const sets = values.set === 'both' ? ['clean', 'damaged'] : [values.set];
const limit = values.limit === undefined ? Infinity : wholeNumber('--limit', values.limit);
const jobs = values.jobs === undefined ? availableParallelism() : wholeNumber('--jobs', values.jobs);
const top = wholeNumber('--top', values.top);
const engine = engineFingerprint();

function wholeNumber(flag: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${flag} wants a positive whole number, not "${text}"`);
  return value;
}

function corpusPdfs(set: string): string[] {
  const folder = join(corpusDir, set);
  const names = existsSync(folder) ? readdirSync(folder).filter((name) => name.endsWith('.pdf')) : [];
  if (names.length === 0) throw new Error(`no corpus PDFs in ${folder}: run \`npm run corpus\` first`);
  return names
    .filter((name) => values.only === undefined || name.includes(values.only))
    .sort()
    .slice(0, limit)
    .map((name) => join(folder, name));
}

/** Runs `work` over `items`, `width` at a time, in order of start. */
async function eachLimited<T>(items: readonly T[], width: number, work: (item: T, index: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        await work(items[index] as T, index);
      }
    }),
  );
}

async function ocrSet(set: string, pdfs: readonly string[]): Promise<Map<string, CachedOcr>> {
  const readings = new Map<string, CachedOcr>();
  let pool: BlockKeepingPool | null = null;
  let ocrPages = 0;
  const started = performance.now();
  try {
    await eachLimited(pdfs, jobs, async (pdf, index) => {
      const name = basename(pdf, '.pdf');
      const bytes = readFileSync(pdf);
      const path = cachePath(cacheDir, set, name, cacheKey(bytes, SETTINGS, engine));
      const cached = values['no-cache'] ? null : readCache(path);
      if (cached) {
        readings.set(pdf, cached);
        return;
      }
      pool ??= new BlockKeepingPool({ size: jobs, orientation: SETTINGS.orientation });
      try {
        const scanned = await scanPdf(pdf, `${name}.pdf`, pool, SETTINGS, engine);
        writeCache(path, scanned);
        readings.set(pdf, scanned);
        ocrPages += scanned.pages.length;
        console.log(`[${set} ${index + 1}/${pdfs.length}] ${name}: ${scanned.pages.length} p OCR'd in ${scanned.seconds.toFixed(1)} s`);
      } catch (error) {
        console.log(`[${set} ${index + 1}/${pdfs.length}] ${name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
  } finally {
    await (pool as BlockKeepingPool | null)?.close();
  }
  if (ocrPages > 0) {
    const seconds = (performance.now() - started) / 1000;
    const engineKey = createHash('sha256').update(JSON.stringify({ SETTINGS, engine })).digest('hex').slice(0, 16);
    addTiming(cacheDir, set, { pages: ocrPages, seconds, workers: jobs, date: new Date().toISOString().slice(0, 10), engine: engineKey }, values['no-cache']);
    console.log(`${set}: OCR'd ${ocrPages} pages in ${seconds.toFixed(0)} s with ${jobs} workers (${(seconds / ocrPages).toFixed(2)} s/page)`);
  }
  return readings;
}

/**
 * The cached first reading of each PDF, given what readDocument does after the page readings (the
 * pages rasterized again; lines run together read apart, then the parser's second look at its unsure
 * cells), then parsed and compared.
 */
async function compareSet(pdfs: readonly string[], readings: Map<string, CachedOcr>): Promise<{ outcomes: FilingOutcome[]; look: SecondLookTiming | null }> {
  const outcomes: FilingOutcome[] = new Array<FilingOutcome>(pdfs.length);
  let lookPages = 0;
  const started = performance.now();
  const pool = values['no-second-look'] ? null : new OcrPool({ size: jobs, orientation: 'off' });
  try {
    await eachLimited(pdfs, jobs, async (pdf, index) => {
      const name = basename(pdf, '.pdf');
      const cached = readings.get(pdf);
      if (!cached) {
        outcomes[index] = { name, comparison: null, failure: 'OCR failed (see above)', pages: 0 };
        return;
      }
      const truth: unknown = JSON.parse(readFileSync(pdf.replace(/\.pdf$/, '.truth.json'), 'utf8'));
      try {
        const first = documentFromCache(cached);
        const infos = cached.pages.map((page) => ({ number: page.number, source: 'ocr' as const, rotation: page.rotation as Rotation, skew: page.skew, dpi: SETTINGS.dpi, meanConfidence: page.meanConfidence, ocrAttempts: 1 }));
        const document = pool === null ? first : await lookAgainAt({ name, bytes: new Uint8Array(readFileSync(pdf)) }, { document: first, pages: infos }, secondLook, { pool, dpi: SETTINGS.dpi });
        lookPages += cached.pages.length;
        const extraction = extractFiling(document);
        outcomes[index] = { name, comparison: compareFiling(truth, extraction.filing, extraction.findings), failure: null, pages: cached.pages.length };
      } catch (error) {
        outcomes[index] = { name, comparison: null, failure: error instanceof Error ? error.message : String(error), pages: cached.pages.length };
      }
    });
  } finally {
    await pool?.close();
  }
  // PDFs are looked at `jobs` at a time: the set's wall-clock over its pages is the cost per page.
  return { outcomes, look: pool === null || lookPages === 0 ? null : { pages: lookPages, seconds: (performance.now() - started) / 1000 } };
}

/** The second look's cost over a set: wall-clock, PDFs `jobs` at a time (parsing and comparing included, a few ms). */
interface SecondLookTiming {
  pages: number;
  seconds: number;
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > 70 ? `${text.slice(0, 67)}...` : text;
}

function report(set: string, tally: SetTally, timing: OcrTiming | null): void {
  console.log(`\n== ${set}: ${tally.filings} PDFs, ${tally.pages} pages${tally.failed.length ? `, ${tally.failed.length} gave no filing` : ''}`);
  console.log(`fields compared ${tally.fields}: exact ${percent(tally.exact, tally.fields)}, wrong and silent ${percent(tally.wrongSilent, tally.fields)}, ` +
    `wrong and flagged ${percent(tally.wrongFlagged, tally.fields)}, missing ${percent(tally.missing, tally.fields)}`);
  console.log(`non-blank truth fields ${tally.filledFields}: exact ${percent(tally.filledExact, tally.filledFields)}; extra table lines ${tally.extraLines} (${tally.extraLinesSilent} silent)`);
  console.log(`exact fields a finding still points at (noise): ${percent(tally.exactFlagged, tally.exact)}`);
  console.log(timing ? `OCR ${(timing.seconds / timing.pages).toFixed(2)} s/page (${timing.pages} pages, ${timing.workers} workers, uncached, ${timing.date})` : 'OCR s/page: no uncached run recorded');
  for (const failed of tally.failed.slice(0, 10)) console.log(`  no filing: ${failed.name}: ${failed.failure}`);
  console.log(`worst field paths (misses of fields: silent / flagged / missing):`);
  for (const path of tally.byPath.slice(0, top).filter((entry) => misses(entry) > 0)) {
    console.log(`  ${path.path}: ${misses(path)} of ${path.fields} (${path.wrongSilent} / ${path.wrongFlagged} / ${path.missing})`);
    for (const example of path.examples.slice(0, 2)) {
      console.log(`      ${example.file} ${example.path}: got ${show(example.got)}, expected ${show(example.expected)}${example.flagged ? ' [flagged]' : ''}`);
    }
  }
}

const machine = `${cpus().length} cores (${cpus()[0]?.model.trim()}), ${(totalmem() / 1024 ** 3).toFixed(0)} GB RAM`;
const results: Array<{ set: string; tally: SetTally; timing: OcrTiming | null; lookSecondsPerPage: number | null }> = [];
console.log(`accuracy bench: ${cpus().length} cores (${cpus()[0]?.model.trim()}), ${(totalmem() / 1024 ** 3).toFixed(0)} GB; OCR ${SETTINGS.dpi} DPI, orientation ${SETTINGS.orientation}, ${jobs} workers`);
for (const set of sets) {
  const pdfs = corpusPdfs(set);
  const readings = await ocrSet(set, pdfs);
  if (values['ocr-only']) {
    console.log(`${set}: ${readings.size} of ${pdfs.length} PDFs in the OCR cache`);
    continue;
  }
  const parseStarted = performance.now();
  const { outcomes, look } = await compareSet(pdfs, readings);
  const tally = tallySet(outcomes);
  console.log(`${set}: ${values['no-second-look'] ? '' : 'second look, '}parsed and compared in ${((performance.now() - parseStarted) / 1000).toFixed(1)} s`);
  if (look) console.log(`${set}: second look ${(look.seconds / look.pages).toFixed(2)} s/page wall-clock with ${jobs} workers (rasterizing again included)`);
  report(set, tally, readTiming(cacheDir, set));
  writeFileSync(join(root, 'bench', '.cache', `accuracy-${set}.json`), `${JSON.stringify(tally, null, 1)}\n`);
  writeFileSync(join(root, 'bench', '.cache', `misses-${set}.txt`), missLines(outcomes));
  results.push({ set, tally, timing: readTiming(cacheDir, set), lookSecondsPerPage: look ? look.seconds / look.pages : null });
}
if (values.docs && results.length > 0) {
  const path = join(root, 'docs', 'BENCHMARKS.md');
  writeSection(path, '## Accuracy', accuracySection(results, machine, new Date().toISOString().slice(0, 10)));
  console.log(`written to ${path}`);
}

/** Every field not read exactly, one sorted line each: file, path, outcome (flagged or not), what was read, the truth. */
function missLines(outcomes: readonly FilingOutcome[]): string {
  const lines = outcomes.flatMap((outcome) => [
    ...(outcome.comparison?.fields ?? [])
      .filter((field) => field.outcome !== 'exact')
      .map((field) => `${outcome.name} ${field.path} ${field.outcome}${field.flagged ? ' flagged' : ''} got ${JSON.stringify(field.got)} truth ${JSON.stringify(field.expected)}`),
    ...(outcome.comparison?.extraLines ?? []).map((line) => `${outcome.name} ${line.path} extra line${line.flagged ? ' flagged' : ''}`),
  ]);
  return `${lines.sort().join('\n')}\n`;
}
