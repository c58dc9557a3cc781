// A keystroke saved: in the review screen of a scanned filing, a new value typed into a field, then
// Enter, timed from the Enter keydown to the field's data-state="saved" (main has written the
// value, the audit row and re-run the rules, and the answer is on screen), then the frame after.
import type { Page } from 'playwright-core';
import { scrollQueueTo, timeInput, type ProbeTiming } from './probe-result.js';

/** Fields a reviewer corrects most: Table I amounts, each value new on every save. */
const FIELDS = [
  { path: 'nonDerivative[0].shares', value: (run: number) => String(1000 + run) },
  { path: 'nonDerivative[0].pricePerShare', value: (run: number) => (10 + run / 100).toFixed(2) },
  { path: 'nonDerivative[0].sharesOwnedFollowing', value: (run: number) => String(50_000 + run) },
];

export interface FieldSaveResult {
  times: ProbeTiming[];
  fields: string[];
}

async function openFiling(page: Page, filingId: number): Promise<void> {
  await scrollQueueTo(page, 0);
  const row = page.locator(`[data-testid="queue-row"][data-id="${filingId}"]`);
  await row.waitFor({ timeout: 30_000 });
  await row.dblclick();
  await page.locator(`[data-testid="review-screen"][data-filing-id="${filingId}"]`).waitFor({ timeout: 30_000 });
  await page.locator('body[data-ready="review"]').waitFor({ state: 'attached', timeout: 30_000 });
}

/** Saves in the first of `filingIds` (the queue's first rows) that shows the fields of FIELDS. */
export async function measureFieldSave(page: Page, filingIds: readonly number[], runs: number, warmUp = 5): Promise<FieldSaveResult> {
  const fields: typeof FIELDS = [];
  for (const filingId of filingIds.slice(0, 10)) {
    await openFiling(page, filingId);
    for (const field of FIELDS) if ((await page.getByTestId(`field-${field.path}`).count()) === 1) fields.push(field);
    if (fields.length > 0) break;
    await page.keyboard.press('Escape');
    await page.locator('body[data-ready="queue"]').waitFor({ state: 'attached', timeout: 30_000 });
  }
  if (fields.length === 0) throw new Error(`none of the first scanned filings shows ${FIELDS.map((field) => field.path).join(', ')}`);

  const times: ProbeTiming[] = [];
  for (let run = 0; run < warmUp + runs; run += 1) {
    const field = fields[run % fields.length] as (typeof fields)[number];
    const input = page.getByTestId(`field-${field.path}`);
    await input.fill(field.value(run));
    await page.locator(`[data-testid="field-${field.path}"][data-state="dirty"]`).waitFor({ timeout: 10_000 });
    const time = await timeInput(page, { name: 'fieldSaved', args: { path: field.path } }, () => input.press('Enter'));
    if (run >= warmUp) times.push(time);
  }
  await page.keyboard.press('Escape');
  await page.locator('body[data-ready="queue"]').waitFor({ state: 'attached', timeout: 30_000 });
  return { times, fields: fields.map((field) => field.path) };
}
