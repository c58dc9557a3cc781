// The app served over the loopback web transport on the bench store, and Debian's Chromium started
// the way these machines allow (as test/e2e does). Ready is the server's one stdout line.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { chromium, type Browser } from 'playwright-core';

const READY_LINE = /^form4 web: (http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]+)$/;

export interface WebApp {
  url: string;
  /** Lines the server wrote on stderr (slow queries are logged there). */
  stderr: string[];
  close(): Promise<void>;
}

/** BENCH_UI_WEB: another build of the web bundle (with its renderer/ beside it), to compare two builds. */
export async function startWebApp(databasePath: string): Promise<WebApp> {
  const child = spawn(process.execPath, [process.env.BENCH_UI_WEB ?? 'out/web/form4-web.js', '--db', databasePath, '--port', '0', '--user', 'bench', '--no-open'], { stdio: ['ignore', 'pipe', 'pipe'] });
  const stderr: string[] = [];
  createInterface({ input: child.stderr }).on('line', (line) => stderr.push(line));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      const match = READY_LINE.exec(line.trim());
      if (match !== null) resolve(match[1] as string);
    });
    child.once('exit', (code) => reject(new Error(`form4-web exited (${code}) before it was ready:\n${stderr.join('\n')}`)));
  });
  return {
    url,
    stderr,
    close: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
