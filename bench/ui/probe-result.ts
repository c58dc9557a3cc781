// The answer of window.__bench.armUntil / timeUntil (bench/ui/page-probes.ts), read on the Node side.
import type { Page } from 'playwright-core';

export interface ProbeTiming {
  /** From the input event (or the scripted jump) to the DOM change that met the condition. */
  inputToReady: number;
  /** The same, to the next frame's rendering done on the main thread (bench/ui/page-probes.ts afterPaint). */
  inputToFrame: number;
}

export type Condition =
  | { name: 'reviewOf'; args: { id: number } }
  | { name: 'reviewAfter'; args: { from: number } }
  | { name: 'fieldSaved'; args: { path: string } }
  | { name: 'rowsShown'; args: { rowHeight: number; headerHeight: number; total: number } };

/**
 * Arms the probe in the page, runs `act` (a Playwright input), and waits for the condition. The
 * clock in the page starts at the input event, so the Playwright round trip is outside it.
 */
export async function timeInput(page: Page, condition: Condition, act: () => Promise<void>, timeoutMs = 30_000): Promise<ProbeTiming> {
  await page.evaluate(([name, args, timeout]) => {
    const probe = (globalThis as unknown as { __bench: { armUntil(name: string, args: unknown, timeout: number): Promise<unknown> } }).__bench;
    (globalThis as unknown as { __armed: Promise<unknown> }).__armed = probe.armUntil(name, args, timeout);
  }, [condition.name, condition.args, timeoutMs] as const);
  await act();
  const result = (await page.evaluate(() => (globalThis as unknown as { __armed: Promise<unknown> }).__armed)) as ProbeTiming | { timedOut: true };
  if ('timedOut' in result) throw new Error(`${condition.name} ${JSON.stringify(condition.args)} not met within ${timeoutMs} ms`);
  return result;
}

/** Sets the queue list's scrollTop (the list is virtual: rows outside the window are not in the DOM). */
export async function scrollQueueTo(page: Page, top: number): Promise<void> {
  await page.evaluate((value) => (globalThis as unknown as { __bench: { scrollListTo(top: number): void } }).__bench.scrollListTo(value), top);
}
