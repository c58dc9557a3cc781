// `npm run web`: the app in a browser, over loopback HTTP, on the same data folder as the desktop
// app (or --data/--db). Prints one line on stdout when ready, the URL with the token in its hash
// (the page keeps it and drops it from the address bar); everything else goes to stderr.
// Bundled to out/web/form4-web.js; the renderer is served from out/renderer/.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { homedir, userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import packageJson from '../../package.json' with { type: 'json' };
import { openAppApi, type AppApi } from '../api/app-api.js';
import { DATABASE_FILE_NAME, resolveDatabasePath } from '../store/data-folder.js';
import { StoreCorruptError, StoreTooNewError } from '../store/errors.js';
import { startWebServer, type WebServer } from './web-server.js';

const HELP = `Usage: npm run web -- [options]

Serves form4-reviewer to a browser on this computer only (http://127.0.0.1), with a token in the URL.

  --data DIR      the data folder (default: the desktop app's own)
  --db PATH       the database file (default: form4.db in the data folder; $FORM4_DB)
  --port N        the port (default: a free one)
  --user NAME     who acts, for the audit log (default: the OS user)
  --no-open       do not open the browser`;

function fail(message: string, code: number): never {
  process.stderr.write(`form4 web: ${message}\n`);
  process.exit(code);
}

function options(): { databasePath: string; port: number; user: string; open: boolean } {
  let values;
  try {
    ({ values } = parseArgs({
      args: process.argv.slice(2),
      options: {
        data: { type: 'string' },
        db: { type: 'string' },
        port: { type: 'string' },
        user: { type: 'string' },
        'no-open': { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
      strict: true,
    }));
  } catch (error) {
    fail(`${(error as Error).message}\n\n${HELP}`, 2);
  }
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    process.exit(0);
  }
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port takes 0 to 65535, not '${values.port}'`, 2);
  const databasePath =
    values.db !== undefined && values.db !== ''
      ? resolve(values.db)
      : values.data !== undefined && values.data !== ''
        ? join(resolve(values.data), DATABASE_FILE_NAME)
        : resolve(resolveDatabasePath(undefined, { platform: process.platform, env: process.env, home: homedir() }));
  return { databasePath, port, user: values.user?.trim() || osUser(), open: !values['no-open'] };
}

function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}

/** out/renderer/ beside this bundle (out/web/), or the build's output when run from source. */
function rendererFolder(): string {
  const candidates = [new URL('../renderer/', import.meta.url), new URL('../../out/renderer/', import.meta.url)].map((url) => fileURLToPath(url));
  return candidates.find((folder) => existsSync(join(folder, 'index.html'))) ?? (candidates[0] as string);
}

function openBrowser(url: string): void {
  const [command, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  const child = spawn(command as string, args as string[], { detached: true, stdio: 'ignore' });
  child.once('error', () => process.stderr.write(`form4 web: could not open a browser; open ${url} yourself\n`));
  child.unref();
}

async function main(): Promise<void> {
  const settings = options();
  let api: AppApi;
  try {
    api = openAppApi({ databasePath: settings.databasePath, user: settings.user, transport: 'web', version: packageJson.version });
  } catch (error) {
    if (error instanceof StoreCorruptError || error instanceof StoreTooNewError) fail(error.message, 3);
    throw error;
  }
  const staticDir = rendererFolder();
  if (!existsSync(join(staticDir, 'index.html'))) process.stderr.write(`form4 web: no renderer build in ${staticDir}; run npm run build\n`);
  let server: WebServer;
  try {
    server = await startWebServer({ api, staticDir, port: settings.port });
  } catch (error) {
    await api.close();
    const code = (error as NodeJS.ErrnoException).code;
    fail(code === 'EADDRINUSE' ? `port ${settings.port} is in use; choose another with --port` : (error as Error).message, 1);
  }
  const address = `${server.url}#token=${server.token}`;
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    void (async () => {
      await server.close();
      await api.close();
      process.exit(0);
    })();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  api.resumeImports();
  process.stdout.write(`form4 web: ${address}\n`);
  if (settings.open) openBrowser(address);
}

main().catch((error: unknown) => fail(error instanceof Error ? (error.stack ?? error.message) : String(error), 1));
