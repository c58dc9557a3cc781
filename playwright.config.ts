// End-to-end tests of the real UI. Here they run in Debian's Chromium against the loopback web
// transport (the Electron binary cannot be installed on these machines); test/e2e/electron.spec.ts
// runs the same flow through Playwright's _electron where the binary exists.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e',
  // One app at a time: each test starts its own server and data folder, and the OCR of an import
  // wants both cores.
  workers: 1,
  timeout: 180_000,
  expect: { timeout: 60_000 },
  reporter: [['list']],
  use: {
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
});
