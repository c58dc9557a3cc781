// The review flow in Debian's Chromium against the loopback web transport: files go in through the
// page's file input, as a browser uploads them.
import { test } from './fixtures.js';
import { reviewFlow } from './review-flow.js';

test('import a scanned PDF, correct a Table I amount, approve and export XML (web)', async ({ app, webApp }, testInfo) => {
  await reviewFlow(app, {
    importFile: (path) => app.getByTestId('import-input').setInputFiles(path),
    dataFolder: webApp.dataFolder,
    screenshots: 'test-results/screenshots/web',
  }, testInfo);
});
