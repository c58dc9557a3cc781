// The analyst's day in one flow, through the real UI: import a scanned PDF, find it in the queue, open
// it, see a Table I amount's source outlined on the page, break the roll-forward and see the error,
// fix it, approve, export EDGAR XML and check the file. The web spec runs it in Chromium over the
// loopback transport; the Electron spec runs the same flow in the desktop app where it exists.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { writeScannedFiling } from './scanned-filing.js';

/** A one-owner filing whose Table I has two lines of the same security, so the second rolls forward from the first. */
const CORPUS_FILING = '0001209191-12-054358_YELP';
const XSD = fileURLToPath(new URL('../../../shared/spec/edgar-xsd/ownership4Document.xsd', import.meta.url));

export interface FlowContext {
  /** Hands the scanned PDF to the UI the way this transport takes files. */
  importFile(path: string): Promise<void>;
  /** The app's data folder, where exports go by default. */
  dataFolder: string;
  /** Where the screenshots of the queue and the review screen are kept, e.g. test-results/screenshots/web. */
  screenshots: string;
}

export async function reviewFlow(app: Page, context: FlowContext, testInfo: TestInfo): Promise<void> {
  const scan = await writeScannedFiling(CORPUS_FILING, testInfo.outputDir);
  const lines = scan.truth.nonDerivative;
  const line = lines.findIndex((item, index) => index > 0 && item.shares !== null && item.securityTitle === lines[index - 1]?.securityTitle);
  expect(line, 'the corpus filing has a Table I line that rolls forward from the one before').toBeGreaterThan(0);
  const truthLine = scan.truth.nonDerivative[line]!;
  const ticker = scan.truth.issuer.tradingSymbol;
  expect(ticker, 'the corpus filing names its ticker').not.toBeNull();
  const sharesField = app.getByTestId(`field-nonDerivative[${line}].shares`);
  const findings = app.getByTestId('findings');

  await test.step('import through the UI', async () => {
    await context.importFile(scan.path);
    const file = app.getByTestId('import-file').filter({ hasText: `${CORPUS_FILING}.pdf` });
    await expect(file).toHaveAttribute('data-state', 'done');
    const row = app.getByTestId('queue-row').filter({ hasText: ticker! });
    await expect(row).toHaveCount(1);
    mkdirSync(context.screenshots, { recursive: true });
    await app.screenshot({ path: `${context.screenshots}/queue.png` });
    await row.dblclick();
    await expect(app.locator('body[data-ready="review"]')).toBeAttached();
  });

  await test.step('focusing a Table I amount outlines its source on the page', async () => {
    await expect(app.getByTestId('page-image')).toBeVisible();
    await sharesField.focus();
    const outline = app.getByTestId('source-outline');
    await expect(outline).toBeVisible();
    const box = await outline.boundingBox();
    expect(box?.width ?? 0).toBeGreaterThan(4);
    expect(box?.height ?? 0).toBeGreaterThan(4);
    await expect(sharesField).toHaveValue(new RegExp(String(truthLine.shares).replace(/\B(?=(\d{3})+(?!\d))/g, ',?')));
    await app.screenshot({ path: `${context.screenshots}/review.png` });
  });

  const rollforward = findings.getByTestId('finding').filter({ hasText: /roll-?forward/i });

  await test.step('the two lines say what the scan says (the analyst corrects what OCR misread)', async () => {
    for (const index of [line - 1, line]) {
      const truth = lines[index]!;
      const checked = { securityTitle: truth.securityTitle, shares: truth.shares, acquiredDisposed: truth.acquiredDisposed, sharesOwnedFollowing: truth.sharesOwnedFollowing, directOrIndirect: truth.directOrIndirect };
      for (const [field, value] of Object.entries(checked)) {
        const input = app.getByTestId(`field-nonDerivative[${index}].${field}`);
        if ((await input.inputValue()).replace(/,/g, '').trim() === String(value ?? '')) continue;
        await input.fill(String(value ?? ''));
        await input.press('Enter');
        await expect(input).toHaveAttribute('data-state', 'saved');
      }
    }
    await expect(rollforward).toHaveCount(0);
  });

  await test.step('a wrong amount raises a roll-forward error; the right one clears it', async () => {
    const wrong = String((truthLine.shares ?? 0) + 1000);
    await sharesField.fill(wrong);
    await sharesField.press('Enter');
    await expect(sharesField).toHaveAttribute('data-state', 'saved');
    await expect(rollforward).not.toHaveCount(0);

    await sharesField.focus();
    await sharesField.fill(String(truthLine.shares));
    await sharesField.press('Enter');
    await expect(sharesField).toHaveAttribute('data-state', 'saved');
    await expect(rollforward).toHaveCount(0);
  });

  await test.step('approve (Ctrl+Enter), overriding with a reason any error the scan still leaves', async () => {
    await app.keyboard.press('Control+Enter');
    const dialog = app.getByTestId('approve-dialog');
    const banner = app.getByTestId('status-banner');
    await expect(dialog.or(app.getByTestId('review-screen').and(app.locator('[data-status="approved"]')))).toBeVisible();
    if (await dialog.isVisible()) {
      const overrides = dialog.getByTestId('override');
      for (let index = 0; index < (await overrides.count()); index += 1) {
        await dialog.getByTestId(`override-reason-${index}`).fill('checked against the scan by the e2e test');
      }
      await dialog.getByTestId('approve-confirm').click();
    }
    await expect(app.getByTestId('review-screen')).toHaveAttribute('data-status', 'approved');
    await expect(banner).toContainText(/approved/i);
  });

  await test.step('export XML and check the file against the SEC schema', async () => {
    await app.getByTestId('back-button').click();
    await expect(app.locator('body[data-ready="queue"]')).toBeAttached();
    await app.getByTestId('export-button').click();
    await app.getByTestId('export-format-xml').check();
    await expect(app.getByTestId('export-preview-row')).toHaveCount(1);
    await app.getByTestId('export-run').click();
    const written = app.getByTestId('export-file');
    await expect(written).toHaveCount(1);
    const path = (await written.innerText()).trim();
    expect(path.startsWith(context.dataFolder), `${path} is inside the data folder`).toBe(true);
    expect(existsSync(path)).toBe(true);
    const xml = readFileSync(path, 'utf8');
    expect(xml).toContain(`<issuerTradingSymbol>${ticker}</issuerTradingSymbol>`);
    expect(xml).toContain(`<value>${truthLine.shares}</value>`);
    const lint = spawnSync('xmllint', ['--noout', '--schema', XSD, path], { encoding: 'utf8' });
    expect(lint.status, lint.stderr).toBe(0);
    await app.getByTestId('export-done').click();
    await app.getByTestId('status-filter-all').click();
    await expect(app.getByTestId('queue-row').getByTestId('status-pill')).toHaveAttribute('data-status', 'exported');
  });
}
