// `npm run bench:ui`: the review UI in Debian's Chromium (Playwright) over the loopback web
// transport, on a store of 100,000 generated filings plus scanned ones with page images
// (bench/ui/bench-store.ts). Measures, with clocks inside the page:
//   1. opening a filing in the review screen (Enter or double click in the queue, Alt+Down in the
//      review) until body[data-ready="review"] and the page image loaded: target p95 < 300 ms;
//   2. a field saved: Enter after typing until the field's data-state="saved": target p95 < 50 ms;
//   3. the queue of every filing scrolled by script, and jumps: no dropped frame.
// Prints the figures and writes them under "## Review UI" in docs/BENCHMARKS.md (not with
// BENCH_UI_NO_DOCS=1). BENCH_UI_OPENS, BENCH_UI_SAVES, BENCH_UI_SCROLL_SECONDS change the sizes.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { benchStoreCopy } from './ui/bench-store.js';
import { measureFieldSave } from './ui/field-save.js';
import { PAGE_PROBES } from './ui/page-probes.js';
import { measureQueueScroll } from './ui/queue-scroll.js';
import { uiReport } from './ui/report.js';
import { measureReviewOpen } from './ui/review-open.js';
import { launchChromium, startWebApp } from './ui/web-app.js';

const OPENS = Number(process.env.BENCH_UI_OPENS ?? 30);
const SAVES = Number(process.env.BENCH_UI_SAVES ?? 60);
const SCROLL_SECONDS = Number(process.env.BENCH_UI_SCROLL_SECONDS ?? 5);
const RUN_FOLDER = 'bench/.cache/bench-ui/run';

const log = (line: string): void => void process.stderr.write(`bench:ui: ${line}\n`);

const store = await benchStoreCopy(RUN_FOLDER, log);
log('starting the web app on the bench store…');
const app = await startWebApp(store.databasePath);
const browser = await launchChromium();
const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
await context.addInitScript({ content: PAGE_PROBES });
const origin = new URL(app.url).origin;
const foreign: string[] = [];
await context.route('**/*', (route) => {
  const url = route.request().url();
  if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
  foreign.push(url);
  return route.abort('blockedbyclient');
});
const pageErrors: string[] = [];

async function openApp() {
  const page = await context.newPage();
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(app.url);
  await page.locator('body[data-ready="queue"]').waitFor({ state: 'attached', timeout: 120_000 });
  return page;
}

try {
  const loadAtStart = loadavg();
  const started = new Date();
  let page = await openApp();
  log(`opening ${OPENS} + ${OPENS} scanned filings…`);
  const open = await measureReviewOpen(page, store.scannedIds, OPENS);
  log(`saving ${SAVES} field values…`);
  const save = await measureFieldSave(page, store.scannedIds, SAVES);
  await page.close();
  page = await openApp();
  log(`scrolling the queue (${SCROLL_SECONDS} s per speed) and jumping…`);
  const scroll = await measureQueueScroll(page, {
    scrollSeconds: SCROLL_SECONDS,
    speeds: [
      { label: 'steady scroll, 1,500 px/s (~54 rows/s)', pxPerSecond: 1500 },
      { label: 'fling, 6,000 px/s (~214 rows/s)', pxPerSecond: 6000 },
    ],
    randomJumps: 10,
  });
  await page.close();
  const loadAtEnd = loadavg();
  const machine = `${cpus().length} cores (${cpus()[0]?.model.trim() ?? 'unknown CPU'}), ${Math.round(totalmem() / 2 ** 30)} GB RAM, Chromium ${browser.version()} headless with --disable-gpu (software rendering), Node ${process.version}`;
  const report = uiReport({ started, machine, loadAtStart, loadAtEnd, store, open, save, scroll, slowQueries: app.stderr.filter((line) => line.includes('slow query')), foreign, pageErrors });
  process.stdout.write(`${report}\n`);
  writeFileSync('bench/.cache/bench-ui/last-run.json', JSON.stringify({ started, loadAtStart, loadAtEnd, open, save, scroll }, null, 1));
  if (process.env.BENCH_UI_NO_DOCS === undefined) {
    const docs = 'docs/BENCHMARKS.md';
    const section = `## Review UI\n\n${report}\n`;
    const current = existsSync(docs) ? readFileSync(docs, 'utf8') : '# Benchmarks\n';
    const pattern = /## Review UI\n[\s\S]*?(?=\n## |$)/;
    writeFileSync(docs, pattern.test(current) ? current.replace(pattern, section.trimEnd() + '\n') : `${current.trimEnd()}\n\n${section}`);
  }
} finally {
  await browser.close();
  await app.close();
}
