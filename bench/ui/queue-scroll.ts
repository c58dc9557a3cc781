// The queue over every filing (status "All", about 100,000 rows): frame times while it scrolls by
// script, one scrollTop step per animation frame (a steady scroll and a fling), and how long the
// rows take to appear after a jump to the middle, the end and random places. A frame is dropped
// when it comes more than 1.5 x 16.7 ms after the one before. An idle stretch first gives the
// noise floor of the machine (other work shares its cores).
import type { Page } from 'playwright-core';
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

export interface FrameStats {
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

function frameStats(recorded: PageFrames<unknown>): FrameStats {
  return {
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

  const idle = await page.evaluate(() => (globalThis as unknown as { __bench: Bench }).__bench.idle(3000));

  const scrolls: ScrollRun[] = [];
  for (const speed of options.speeds) {
    await page.evaluate(() => (globalThis as unknown as { __bench: Bench }).__bench.scrollListTo(0));
    await page.locator('[data-testid="queue-row"][data-index="0"]').waitFor({ timeout: 30_000 });
    const recorded = await page.evaluate(
      ([durationMs, pxPerSecond, rowHeight, headerHeight]) => (globalThis as unknown as { __bench: Bench }).__bench.scrollRun(durationMs, pxPerSecond, rowHeight, headerHeight),
      [options.scrollSeconds * 1000, speed.pxPerSecond, ROW_HEIGHT, HEADER_HEIGHT] as const,
    );
    scrolls.push({ ...frameStats(recorded), label: speed.label, pxPerSecond: speed.pxPerSecond, rowsPassed: recorded.extra.rowsPassed, framesWithBlanks: recorded.extra.framesWithBlanks });
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
    const recorded = await page.evaluate(
      ([toRow, rowHeight, headerHeight, rows]) => (globalThis as unknown as { __bench: Bench }).__bench.jump(toRow, rowHeight, headerHeight, rows),
      [target.toRow, ROW_HEIGHT, HEADER_HEIGHT, total] as const,
    );
    if ('timedOut' in recorded.extra) throw new Error(`rows at ${target.toRow} did not appear within 30 s`);
    jumps.push({ ...frameStats(recorded), label: target.label, toRow: target.toRow, timing: recorded.extra });
  }
  return { total, supportedEntryTypes: idle.supported, idle: frameStats(idle), scrolls, jumps };
}
