// An AppApi on a fresh data folder for each test, waits on its events (never on time), and a
// snapshot of everything a call could change, to show a refused call changed nothing.
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import Database from 'better-sqlite3';
import type { ApiEvents, ApiResult, CallName, CallValue, EventName } from '../../../shared/api.js';
import { openAppApi, type AppApi, type AppApiOptions } from '../../../main/api/app-api.js';
import type { Extractor } from '../../../main/workflow/import-service.js';
import { createSourceExtractor } from '../../../main/workflow/source-extractor.js';
import { SEEDS, tickingClock } from '../workflow/store-fixture.js';

export { SEEDS };

export interface TestApi {
  api: AppApi;
  dir: string;
  dataFolder: string;
  databasePath: string;
  /** Calls and asserts success, giving the value typed by the contract. */
  value<N extends CallName>(name: N, input: unknown): Promise<CallValue<N>>;
  /** Imports the five seeds (by path, as Electron does) and waits for the run to end. */
  importSeeds(): Promise<number[]>;
  snapshot(): string;
  cleanup(): Promise<void>;
}

/** The text extractor: the seeds are text, so nothing is OCR'd and imports take milliseconds. */
export const textExtract: Extractor = createSourceExtractor().extract;

export function openTestApi(options: Partial<AppApiOptions> = {}): TestApi {
  const dir = mkdtempSync(join(tmpdir(), 'form4-api-'));
  const dataFolder = join(dir, 'data');
  const databasePath = join(dataFolder, 'form4.db');
  const api = openAppApi({ databasePath, user: 'alice', transport: 'electron', version: '0.0.0-test', clock: tickingClock(), extract: textExtract, ...options });
  const value = async <N extends CallName>(name: N, input: unknown): Promise<CallValue<N>> => {
    const result = await api.call(name, input);
    if (!result.ok) throw new Error(`${name} failed: ${result.error.code}: ${result.error.message}`);
    return result.value as CallValue<N>;
  };
  return {
    api,
    dir,
    dataFolder,
    databasePath,
    value,
    async importSeeds() {
      const done = nextEvent(api, 'import:running', (payload) => !payload.running);
      const jobs = await value('import:paths', { paths: [SEEDS] });
      await done;
      const state = await value('import:state', {});
      return state.jobs.filter((job) => jobs.some((queued) => queued.id === job.id) && job.state === 'done').map((job) => job.filingId as number);
    },
    snapshot: () => snapshot(databasePath, dataFolder),
    async cleanup() {
      await api.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The next event `name` whose payload passes `accept`; subscribe before causing it. */
export function nextEvent<E extends EventName>(api: AppApi, name: E, accept: (payload: ApiEvents[E]) => boolean = () => true): Promise<ApiEvents[E]> {
  return new Promise((resolve) => {
    const off = api.onEvent((event, payload) => {
      if (event === name && accept(payload as ApiEvents[E])) {
        off();
        resolve(payload as ApiEvents[E]);
      }
    });
  });
}

/** Every row a call could touch and every file under the data folder but the database's own. */
export function snapshot(databasePath: string, dataFolder: string): string {
  const db = new Database(databasePath, { readonly: true, fileMustExist: true });
  try {
    const tables = ['filings', 'filing_fields', 'findings', 'audit_log', 'audit_head', 'decisions', 'exports', 'export_filings', 'import_jobs', 'sources', 'pages'];
    const rows = Object.fromEntries(tables.map((table) => [table, db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all()]));
    const files = listFiles(dataFolder).filter((file) => !/^form4\.db(-wal|-shm)?$/.test(file));
    return JSON.stringify({ rows, files });
  } finally {
    db.close();
  }
}

function listFiles(folder: string, root = folder): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? listFiles(path, root) : [`${relative(root, path)}:${statSync(path).size}`];
  });
}

export function assertRefused(result: ApiResult<unknown>, code: string, message?: RegExp): asserts result is { ok: false; error: { code: string; message: string } } {
  if (result.ok) throw new Error(`expected a refusal (${code}), got ${JSON.stringify(result.value).slice(0, 300)}`);
  if (result.error.code !== code) throw new Error(`expected code ${code}, got ${result.error.code}: ${result.error.message}`);
  if (!/\S/.test(result.error.message) || result.error.message.includes('\n')) throw new Error(`the message should be one clear line: ${JSON.stringify(result.error.message)}`);
  if (message !== undefined && !message.test(result.error.message)) throw new Error(`message ${JSON.stringify(result.error.message)} does not match ${message}`);
}
