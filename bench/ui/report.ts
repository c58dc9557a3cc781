// The "Review UI" section of docs/BENCHMARKS.md from one run's measurements.
import type { FieldSaveResult } from './field-save.js';
import type { ProbeTiming } from './probe-result.js';
import type { FrameStats, QueueScrollResult } from './queue-scroll.js';
import { DROPPED_MS } from './queue-scroll.js';
import type { ReviewOpenResult } from './review-open.js';
import { summarize } from './stats.js';
import type { BenchStore } from './bench-store.js';

export interface UiRun {
  started: Date;
  machine: string;
  loadAtStart: number[];
  loadAtEnd: number[];
  store: BenchStore;
  open: ReviewOpenResult;
  save: FieldSaveResult;
  scroll: QueueScrollResult;
  slowQueries: string[];
  foreign: string[];
  pageErrors: string[];
}

const ms = (value: number): string => value.toFixed(1);
const load = (values: readonly number[]): string => values.map((value) => value.toFixed(2)).join(' / ');

const TIMING_HEADER = ['| action | n | p50 ms | p95 ms | max ms | p50 to paint ms | p95 to paint ms | target p95 | result |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |'];

function timingRow(label: string, times: readonly ProbeTiming[], target: number): string {
  const frame = summarize(times.map((time) => time.inputToFrame));
  const ready = summarize(times.map((time) => time.inputToReady));
  const result = ready.p95 < target ? (frame.p95 < target ? 'pass' : 'pass (to paint: **fail**)') : '**fail**';
  return `| ${label} | ${ready.n} | ${ms(ready.p50)} | ${ms(ready.p95)} | ${ms(ready.max)} | ${ms(frame.p50)} | ${ms(frame.p95)} | < ${target} | ${result} |`;
}

function longFrames(stats: FrameStats): string {
  const frames = stats.long.filter((entry) => entry.type === 'long-animation-frame');
  const tasks = stats.long.filter((entry) => entry.type === 'longtask');
  const worst = frames.reduce((max, entry) => Math.max(max, entry.duration), 0);
  return `${frames.length} LoAF${frames.length === 0 ? '' : ` (worst ${ms(worst)})`}, ${tasks.length} long tasks`;
}

function frameRow(label: string, stats: FrameStats, extra: string): string {
  const share = stats.frames === 0 ? 0 : (100 * stats.dropped) / stats.frames;
  const cpu = stats.cpu;
  return `| ${label} | ${stats.frames} | ${ms(stats.interval.p50)} | ${ms(stats.interval.p95)} | ${ms(stats.interval.max)} | ${stats.dropped} (${share.toFixed(1)}%) | ${ms(cpu.mainThread)} (${ms(cpu.script)} / ${ms(cpu.style)} / ${ms(cpu.layout)}) | ${ms(cpu.rendererProcess)} | ${longFrames(stats)} | ${extra} |`;
}

export function uiReport(run: UiRun): string {
  const { open, save, scroll } = run;
  const allOpens = [...open.enter, ...open.doubleClick, ...open.nextKey];
  const scrolled = scroll.scrolls.reduce((sum, item) => sum + item.dropped, 0);
  const jumped = scroll.jumps.reduce((sum, item) => sum + item.dropped, 0);
  const randomJumps = scroll.jumps.filter((jump) => jump.label === 'random');
  const jumpRows = summarize(randomJumps.map((jump) => jump.timing.inputToFrame));
  const scans = Object.entries(run.store.scanPages).map(([name, pages]) => `${name} (${pages} p.)`).join(', ');
  const lines = [
    `Run with \`npm run bench:ui\` (bench/ui.ts, bench/ui/) on ${run.started.toISOString().slice(0, 16).replace('T', ' ')} UTC: ${run.machine}.`,
    `Load average (1 / 5 / 15 min) ${load(run.loadAtStart)} at the start, ${load(run.loadAtEnd)} at the end: other work shares the 2 cores, so the p95s move with it.`,
    `Store: ${run.store.generated.toLocaleString('en-US')} generated filings (bench/generated-filings.ts, as bench:store) plus ${run.store.scannedIds.length} with page images: the clean corpus scans ${scans} imported with OCR by \`form4 import\` and copied, with the display copies (150 DPI JPEG) of their page images that the app makes after an import. Served by out/web/form4-web.js on 127.0.0.1; a 1440 x 900 page.`,
    'Clocks run in the page: from the input event\'s timeStamp (the keydown or dblclick Playwright sends) to the DOM change that meets the condition (a MutationObserver; the targets are checked on its p95), and to the next frame painted ("to paint": a message posted from the next animation frame callback runs once that frame\'s style, layout and paint are done on the main thread; raster and compositing after that are not counted). Playwright\'s round trips are outside them.',
    '',
    '### Opening a filing (to `body[data-ready="review"]` with its page image loaded)',
    '',
    'Each filing opened once (its image not in the browser\'s cache); scanned filings, queue in review sorted by # descending. Enter on the selected row and a double click alternate; the next-filing key (Alt+Down) steps through the following filings.',
    '',
    ...TIMING_HEADER,
    timingRow('Enter on a queue row', open.enter, 300),
    timingRow('double click on a queue row', open.doubleClick, 300),
    timingRow('next-filing key (Alt+Down)', open.nextKey, 300),
    timingRow('all', allOpens, 300),
    '',
    '### A field saved (Enter until its `data-state="saved"`)',
    '',
    `Table I fields of a scanned filing in review (${save.fields.join(', ')}), a new value each time typed with fill(), then Enter: main writes the value and its audit row and re-runs the filing's rules against the 100,000-filing store (same-day duplicates it affects are re-checked just after the answer); the field shows saved.`,
    '',
    ...TIMING_HEADER,
    timingRow('Enter after typing a value', save.times, 50),
    '',
    `### The queue of ${scroll.total.toLocaleString('en-US')} filings scrolling`,
    '',
    `Status "All". requestAnimationFrame intervals in the page; a frame is dropped when it comes more than ${ms(DROPPED_MS)} ms after the one before. The scroll sets scrollTop once per frame (time-based: ${run.scroll.scrolls[0] === undefined ? '' : `${(run.scroll.scrolls[0].seconds).toFixed(1)} s`} per speed, back up at the end), so the list's React render runs on the main thread whenever the scroll brings in another block of rows; a wheel would scroll on the compositor. "Blank" counts frames on which a row in view was still a placeholder (its page of 100 rows not yet fetched). Long animation frames (LoAF, > 50 ms) and long tasks are from PerformanceObserver (supported here: ${scroll.supportedEntryTypes.filter((type) => type === 'long-animation-frame' || type === 'longtask').join(', ') || 'neither'}). The idle row is the same page doing nothing: the noise floor of this machine.`,
    '',
    '| run | frames | p50 interval ms | p95 interval ms | max ms | dropped | main-thread CPU ms/frame (script / style / layout) | renderer CPU ms/frame | long frames | other |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |',
    frameRow('idle, 3 s', scroll.idle, '—'),
    ...scroll.scrolls.map((item) => frameRow(item.label, item, `${item.rowsPassed.toLocaleString('en-US')} rows passed, ${item.framesWithBlanks} frames with blank rows`)),
    ...scroll.jumps.filter((jump) => jump.label !== 'random').map((jump) => frameRow(`jump to the ${jump.label} (row ${jump.toRow.toLocaleString('en-US')})`, jump, `rows shown in ${ms(jump.timing.inputToFrame)} ms`)),
    '',
    `Rows appearing after a jump to ${randomJumps.length} random places: p50 ${ms(jumpRows.p50)} ms, p95 ${ms(jumpRows.p95)} ms, max ${ms(jumpRows.max)} ms (to the paint showing every row in view); dropped frames over all jumps: ${jumped}.`,
    `Target "no dropped frame" while scrolling: ${scrolled === 0 ? 'pass' : `**fail** (${scrolled} dropped over the scroll runs; idle dropped ${scroll.idle.dropped})`}.`,
    '',
    run.slowQueries.length === 0 ? 'The server logged no query slower than 40 ms.' : `The server logged ${run.slowQueries.length} queries slower than 40 ms (e.g. ${run.slowQueries.slice(0, 3).map((line) => line.replace(/^form4: slow query /, '')).join('; ')}).`,
    run.pageErrors.length === 0 && run.foreign.length === 0 ? 'No page error; no request left 127.0.0.1.' : `Page errors: ${run.pageErrors.length}; requests that left 127.0.0.1: ${run.foreign.length}.`,
  ];
  return lines.join('\n');
}
