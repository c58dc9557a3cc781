// The queue over every filing (status "All", about 100,000 rows): frame times while it scrolls by
// script, one scrollTop step per animation frame (a steady scroll and a fling), and how long the
// rows take to appear after a jump to the middle, the end and random places. A frame is dropped
// when it comes more than 1.5 x 16.7 ms after the one before. An idle stretch first gives the
// noise floor of the machine (other work shares its cores).
import type { CDPSession, Page } from 'playwright-core';
import type { ProbeTiming } from './probe-result.js';
import { ROW_HEIGHT } from './review-open.js';
import { summarize, type Summary } from './stats.js';

/** renderer/queue/QueueScreen.tsx HEADER_HEIGHT: the sticky column headers over the list. */
const HEADER_HEIGHT = 29;
const FRAME_MS = 1000 / 60;
export const DROPPED_MS = 1.5 * FRAME_MS;

export interface LongFrame {
  type: string;
  duration: number;
  blockingDuration: number | null;
  scripts: Array<{ duration: number; invoker: string; source: string }>;
  renderStart: number | null;
  styleAndLayoutStart: number | null;
  startTime: number;
}

/**
 * CPU the page used per recorded frame (Chromium's Performance.getMetrics): main-thread CPU time,
 * the renderer process's CPU time (main thread, compositor, raster), and the main thread's script,
 * style and layout. Unlike frame intervals these hardly move with the machine's load.
 */
export interface CpuPerFrame {
  mainThread: number;
  rendererProcess: number;
  script: number;
  style: number;
  layout: number;
}

export interface FrameStats {
  cpu: CpuPerFrame;
  frames: number;
  seconds: number;
  interval: Summary;
  dropped: number;
  /** Long animation frames (> 50 ms) and long tasks the browser reported. */
  long: LongFrame[];
}

export interface ScrollRun extends FrameStats {
  label: string;
  pxPerSecond: number;
  rowsPassed: number;
  /** Frames on which a row in view was still a placeholder (its page of rows not yet fetched). */
  framesWithBlanks: number;
}

export interface JumpRun extends FrameStats {
  label: string;
  toRow: number;
  timing: ProbeTiming;
}

export interface QueueScrollResult {
  total: number;
  supportedEntryTypes: string[];
  idle: FrameStats;
  scrolls: ScrollRun[];
  jumps: JumpRun[];
}

interface PageFrames<Extra> {
  deltas: number[];
  long: LongFrame[];
  elapsed: number;
  extra: Extra;
  supported: string[];
}

type Metrics = Record<string, number>;

async function metrics(cdp: CDPSession): Promise<Metrics> {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  return Object.fromEntries(list.map((item) => [item.name, item.value]));
}

/** Runs `record` between two readings of the page's metrics. */
async function withCpu<T extends PageFrames<unknown>>(cdp: CDPSession, record: () => Promise<T>): Promise<{ recorded: T; cpu: CpuPerFrame }> {
  const before = await metrics(cdp);
  const recorded = await record();
  const after = await metrics(cdp);
  const perFrame = (name: string): number => (1000 * ((after[name] ?? 0) - (before[name] ?? 0))) / Math.max(1, recorded.deltas.length);
  return { recorded, cpu: { mainThread: perFrame('ThreadTime'), rendererProcess: perFrame('ProcessTime'), script: perFrame('ScriptDuration'), style: perFrame('RecalcStyleDuration'), layout: perFrame('LayoutDuration') } };
}

function frameStats({ recorded, cpu }: { recorded: PageFrames<unknown>; cpu: CpuPerFrame }): FrameStats {
  return {
    cpu,
    frames: recorded.deltas.length,
    seconds: recorded.elapsed / 1000,
    interval: summarize(recorded.deltas),
    dropped: recorded.deltas.filter((delta) => delta > DROPPED_MS).length,
    long: recorded.long,
  };
}

interface Bench {
  idle(ms: number): Promise<PageFrames<void>>;
  scrollRun(durationMs: number, pxPerSecond: number, rowHeight: number, headerHeight: number): Promise<PageFrames<{ frames: number; framesWithBlanks: number; rowsPassed: number }>>;
  jump(toRow: number, rowHeight: number, headerHeight: number, total: number): Promise<PageFrames<ProbeTiming | { timedOut: true }>>;
  scrollListTo(top: number): void;
}

export async function measureQueueScroll(page: Page, options: { scrollSeconds: number; speeds: Array<{ label: string; pxPerSecond: number }>; randomJumps: number }): Promise<QueueScrollResult> {
  await page.getByTestId('status-filter-all').click();
  await page.locator('[data-testid="status-filter-all"][aria-selected="true"]').waitFor();
  await page.locator('body[data-ready="queue"]').waitFor({ state: 'attached', timeout: 30_000 });
  await page.locator('[data-testid="queue-row"][data-index="0"]').waitFor({ timeout: 30_000 });
  const total = Number(await page.locator('.queue-table').getAttribute('aria-rowcount'));

  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const idle = await withCpu(cdp, () => page.evaluate(() => (globalThis as unknown as { __bench: Bench }).__bench.idle(3000)));

  const scrolls: ScrollRun[] = [];
  for (const speed of options.speeds) {
    await page.evaluate(() => (globalThis as unknown as { __bench: Bench }).__bench.scrollListTo(0));
    await page.locator('[data-testid="queue-row"][data-index="0"]').waitFor({ timeout: 30_000 });
    const run = await withCpu(cdp, () =>
      page.evaluate(
        ([durationMs, pxPerSecond, rowHeight, headerHeight]) => (globalThis as unknown as { __bench: Bench }).__bench.scrollRun(durationMs, pxPerSecond, rowHeight, headerHeight),
        [options.scrollSeconds * 1000, speed.pxPerSecond, ROW_HEIGHT, HEADER_HEIGHT] as const,
      ),
    );
    scrolls.push({ ...frameStats(run), label: speed.label, pxPerSecond: speed.pxPerSecond, rowsPassed: run.recorded.extra.rowsPassed, framesWithBlanks: run.recorded.extra.framesWithBlanks });
  }

  // Seeded positions, so every run jumps to the same rows.
  let seed = 7;
  const randomRow = (): number => {
    seed = (seed * 48271) % 2147483647;
    return Math.floor((seed / 2147483647) * total);
  };
  const targets = [
    { label: 'middle', toRow: Math.floor(total / 2) },
    { label: 'end', toRow: total - 1 },
    ...Array.from({ length: options.randomJumps }, () => ({ label: 'random', toRow: randomRow() })),
  ];
  const jumps: JumpRun[] = [];
  for (const target of targets) {
    const run = await withCpu(cdp, () =>
      page.evaluate(
        ([toRow, rowHeight, headerHeight, rows]) => (globalThis as unknown as { __bench: Bench }).__bench.jump(toRow, rowHeight, headerHeight, rows),
        [target.toRow, ROW_HEIGHT, HEADER_HEIGHT, total] as const,
      ),
    );
    const timing = run.recorded.extra;
    if ('timedOut' in timing) throw new Error(`rows at ${target.toRow} did not appear within 30 s`);
    jumps.push({ ...frameStats(run), label: target.label, toRow: target.toRow, timing });
  }
  await cdp.detach();
  return { total, supportedEntryTypes: idle.recorded.supported, idle: frameStats(idle), scrolls, jumps };
}
