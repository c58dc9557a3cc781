// What every store command shares: the options --db/--user/--json/--help, opening the store (with a
// clear way out when the file is damaged or too new), the acting user, and printing either text or,
// with --json, JSON only on stdout (errors too, as {"error": {...}}), so scripts can rely on it.
import { homedir, userInfo } from 'node:os';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { resolveDatabasePath } from '../store/data-folder.js';
import { Store } from '../store/database.js';
import { isCorruptionError, StoreCorruptError, StoreTooNewError, WorkflowError } from '../store/errors.js';
import { repositoriesOf, type Repositories } from '../store/repositories.js';
import { CliError } from './command.js';

export const STORE_OPTIONS = {
  db: { type: 'string' },
  user: { type: 'string' },
  json: { type: 'boolean', default: false },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies ParseArgsConfig['options'];

export const STORE_OPTIONS_HELP = `  --db PATH       the database (default: $FORM4_DB, else the app's own in its data folder)
  --user NAME     who acts, for the audit log (default: the OS user)
  --json          print JSON only`;

export interface StoreSession {
  repos: Repositories;
  clock: () => Date;
  actor: string;
  json: boolean;
}

export function databasePath(flag: string | undefined): string {
  return resolveDatabasePath(flag, { platform: process.platform, env: process.env, home: homedir() });
}

export function currentUser(flag: string | undefined): string {
  if (flag !== undefined && flag.trim() !== '') return flag.trim();
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}

function parseCommand<O extends ParseArgsConfig['options']>(args: string[], options: O) {
  try {
    return parseArgs({ args, options: { ...STORE_OPTIONS, ...options }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError((error as Error).message);
  }
}

/** A store command's `run`: parses its options with the shared ones, answers --help with `help`, else runs `body`. */
export function storeCommand<O extends ParseArgsConfig['options']>(
  help: string,
  options: O,
  body: (parsed: ReturnType<typeof parseCommand<O>>) => Promise<number> | number,
): (args: string[]) => Promise<number> {
  return async (args) => {
    const parsed = parseCommand(args, options);
    if ((parsed.values as { help?: boolean }).help === true) {
      process.stdout.write(`${help}\n`);
      return 0;
    }
    return body(parsed);
  };
}

/** Opens the store, runs `work`, closes; turns store and workflow refusals into one clear line. */
export async function withStore(values: { db?: string | undefined; user?: string | undefined; json?: boolean | undefined }, work: (session: StoreSession) => Promise<number> | number): Promise<number> {
  const json = values.json === true;
  let store: Store | null = null;
  try {
    store = Store.open({
      path: databasePath(values.db),
      onSlowQuery: (label, ms) => process.stderr.write(`form4: slow query ${label}: ${ms.toFixed(1)} ms\n`),
    });
    return await work({ repos: repositoriesOf(store), clock: () => new Date(), actor: currentUser(values.user), json });
  } catch (error) {
    return reportError(error, json);
  } finally {
    store?.close();
  }
}

function reportError(error: unknown, json: boolean): number {
  let code: string;
  let message: string;
  let exitCode = 1;
  const extra: Record<string, unknown> = {};
  if (error instanceof StoreCorruptError) {
    code = 'store-corrupt';
    message = `${error.message}${error.latestBackup === null ? '' : ' Run `form4 restore-backup` to put it in place (the damaged file is kept beside it).'}`;
    extra.latestBackup = error.latestBackup;
    exitCode = 3;
  } else if (isCorruptionError(error)) {
    code = 'store-corrupt';
    message = `the database is damaged (${(error as Error).message}). Run \`form4 restore-backup\` to go back to the latest backup.`;
    exitCode = 3;
  } else if (error instanceof StoreTooNewError) {
    code = 'store-too-new';
    message = error.message;
    exitCode = 3;
  } else if (error instanceof WorkflowError) {
    code = error.code;
    message = error.message;
  } else if (error instanceof CliError) {
    code = 'usage';
    message = error.message;
    exitCode = error.exitCode;
  } else {
    throw error;
  }
  if (json) process.stdout.write(`${JSON.stringify({ error: { code, message, ...extra } })}\n`);
  else process.stderr.write(`form4: ${message}\n`);
  return exitCode;
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export function filingId(text: string | undefined, usage: string): number {
  if (text === undefined) throw new CliError(`missing filing ID\n\n${usage}`);
  const id = Number(text.replace(/^#/, ''));
  if (!Number.isInteger(id) || id <= 0) throw new CliError(`'${text}' is not a filing ID`);
  return id;
}
