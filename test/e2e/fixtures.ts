// Each test gets a fresh data folder and its own app served over the loopback transport, and a page
// that has loaded the queue. Readiness is the server's one stdout line and the UI's
// `body[data-ready]`, never a sleep. Any request that leaves 127.0.0.1 fails the test: the app must
// work offline.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { test as base, expect, type Browser, type Page } from '@playwright/test';
import { launchChromium } from './chromium.js';

export interface WebApp {
  /** The URL with its token, as the server printed it. */
  url: string;
  origin: string;
  dataFolder: string;
  /** Requests the page made to anywhere but the app's own origin. */
  foreignRequests: string[];
}

const READY_LINE = /^form4 web: (http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]+)$/;

async function startServer(dataFolder: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['out/web/form4-web.js', '--data', dataFolder, '--port', '0', '--user', 'e2e-analyst', '--no-open'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const url = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const match = READY_LINE.exec(line.trim());
      if (match) resolve(match[1]!);
    });
    child.once('exit', (code) => reject(new Error(`form4-web exited (${code}) before it was ready:\n${stderr}`)));
  });
  return { child, url };
}

export const test = base.extend<{ webApp: WebApp; app: Page }, { browser: Browser }>({
  browser: [
    async ({}, use) => {
      const browser = await launchChromium();
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],

  webApp: async ({}, use) => {
    const dataFolder = mkdtempSync(join(tmpdir(), 'form4-e2e-'));
    const { child, url } = await startServer(dataFolder);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      await use({ url, origin: new URL(url).origin, dataFolder, foreignRequests: [] });
    } finally {
      child.kill('SIGTERM');
      await exited;
      rmSync(dataFolder, { recursive: true, force: true });
    }
  },

  app: async ({ browser, webApp }, use, testInfo) => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(webApp.origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      webApp.foreignRequests.push(url);
      return route.abort('blockedbyclient');
    });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(webApp.url);
    await expect(page.locator('body[data-ready="queue"]')).toBeAttached();
    await use(page);
    await context.close();
    expect(pageErrors, `uncaught errors in the page during ${testInfo.title}`).toEqual([]);
    expect(webApp.foreignRequests, 'requests that left 127.0.0.1').toEqual([]);
  },
});

export { expect };
