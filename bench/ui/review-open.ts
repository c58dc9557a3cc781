// Opening a filing in the review screen: from the analyst's action to the screen ready
// (body[data-ready="review"]) with the scanned page's image loaded, then the frame that shows it.
// Three actions: Enter on the selected queue row, a double click on a row, and the next-filing key
// (Alt+Down) in the review screen. Every filing is opened once (no image from the browser's cache).
import type { Page } from 'playwright-core';
import { scrollQueueTo, timeInput, type ProbeTiming } from './probe-result.js';

/** renderer/queue/QueueScreen.tsx ROW_HEIGHT. */
export const ROW_HEIGHT = 28;

export interface ReviewOpenResult {
  enter: ProbeTiming[];
  doubleClick: ProbeTiming[];
  nextKey: ProbeTiming[];
}

/** Queue sorted by # descending, so the scanned filings (the highest ids) are its first rows. */
async function sortByIdDescending(page: Page, highestId: number): Promise<void> {
  const first = page.locator('[data-testid="queue-row"][data-index="0"]');
  for (let attempt = 0; attempt < 2 && (await first.getAttribute('data-id')) !== String(highestId); attempt += 1) {
    await page.getByTestId('sort-id').click();
    await page.locator(`[data-testid="queue-row"][data-index="0"][data-id="${highestId}"]`).waitFor({ timeout: 30_000 });
  }
}

async function backToQueue(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await page.locator('body[data-ready="queue"]').waitFor({ state: 'attached', timeout: 30_000 });
}

async function openRow(page: Page, index: number, how: 'enter' | 'doubleClick'): Promise<ProbeTiming> {
  // The list is virtual: bring the row into the rendered window first.
  await scrollQueueTo(page, Math.max(0, (index - 5) * ROW_HEIGHT));
  const row = page.locator(`[data-testid="queue-row"][data-index="${index}"]`);
  await row.waitFor({ timeout: 30_000 });
  const id = Number(await row.getAttribute('data-id'));
  if (how === 'enter') {
    // The press selects the row (outside the clock), Enter opens it.
    await row.click();
    return timeInput(page, { name: 'reviewOf', args: { id } }, () => page.keyboard.press('Enter'));
  }
  return timeInput(page, { name: 'reviewOf', args: { id } }, () => row.dblclick());
}

async function nextFiling(page: Page): Promise<ProbeTiming> {
  const from = Number(await page.getByTestId('review-screen').getAttribute('data-filing-id'));
  return timeInput(page, { name: 'reviewAfter', args: { from } }, () => page.keyboard.press('Alt+ArrowDown'));
}

/**
 * Uses the first `2 * opens + 2` scanned rows: `opens` opened from the queue (Enter and double click
 * alternating), then `opens` steps of the next-filing key from the row after them; the last row,
 * opened first, warms the code paths up.
 */
export async function measureReviewOpen(page: Page, scannedIds: readonly number[], opens: number): Promise<ReviewOpenResult> {
  if (scannedIds.length < 2 * opens + 3) throw new Error(`need ${2 * opens + 3} scanned filings, the store has ${scannedIds.length}`);
  await sortByIdDescending(page, scannedIds[0] as number);
  const result: ReviewOpenResult = { enter: [], doubleClick: [], nextKey: [] };

  // Warm-up: the screen's code, the words overlay, the image decoder.
  await openRow(page, scannedIds.length - 2, 'enter');
  await nextFiling(page);
  await backToQueue(page);

  for (let index = 0; index < opens; index += 1) {
    const how = index % 2 === 0 ? 'enter' : 'doubleClick';
    result[how].push(await openRow(page, index, how));
    await backToQueue(page);
  }
  await openRow(page, opens, 'enter');
  for (let step = 0; step < opens; step += 1) result.nextKey.push(await nextFiling(page));
  await backToQueue(page);
  return result;
}
