// The same review flow in the desktop app through Playwright's _electron, with a fresh user-data
// folder. Where the Electron binary is not installed (these build machines cannot download it) the
// test is skipped with one line that says why.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { locateElectronBinary } from '../../main/app/electron-binary.js';
import { reviewFlow } from './review-flow.js';

const binary = locateElectronBinary();

test('import a scanned PDF, correct a Table I amount, approve and export XML (Electron)', async ({}, testInfo) => {
  if (!binary.present) {
    const reason = `skipped: the Electron binary is not installed here (${binary.reason}); the same flow ran in Chromium over the web transport`;
    console.log(reason);
    test.skip(true, reason);
  }
  const userData = mkdtempSync(join(tmpdir(), 'form4-electron-e2e-'));
  const app = await electron.launch({ executablePath: binary.path!, args: ['.', `--user-data-dir=${userData}`] });
  try {
    const window = await app.firstWindow();
    await expect(window.locator('body[data-ready="queue"]')).toBeAttached();
    await reviewFlow(window, {
      // The native open dialog answers with the file, as if the analyst had picked it.
      importFile: async (path) => {
        await app.evaluate(({ dialog }, chosen) => {
          dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [chosen] })) as typeof dialog.showOpenDialog;
        }, path);
        await window.getByTestId('import-button').click();
      },
      dataFolder: userData,
      screenshots: 'test-results/screenshots/electron',
    }, testInfo);
  } finally {
    await app.close();
    rmSync(userData, { recursive: true, force: true });
  }
});
