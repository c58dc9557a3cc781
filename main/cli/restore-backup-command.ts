// `form4 restore-backup [FILE] [--list]`: puts the latest backup (or FILE) in place of a damaged
// database. The damaged file is moved aside, never deleted, and the database is not opened first.
import { existsSync } from 'node:fs';
import { listBackups, restoreBackup } from '../store/backups.js';
import { storeLayout } from '../store/data-folder.js';
import { CliError } from './command.js';
import { databasePath, printJson, STORE_OPTIONS_HELP, storeCommand } from './store-session.js';

const HELP = `Usage: form4 restore-backup [FILE] [--list] [options]

Replaces the database with its latest backup (or FILE). Backups are taken before every schema
migration and once a day; the replaced file is kept beside the database as *.damaged-<time>.

  --list          list the backups, newest first, and change nothing
${STORE_OPTIONS_HELP}`;

export const run = storeCommand(HELP, { list: { type: 'boolean', default: false } }, async ({ values, positionals }) => {
  const layout = storeLayout(databasePath(values.db));
  const backups = listBackups(layout);
  if (values.list) {
    if (values.json) printJson(backups.map((backup) => ({ ...backup, takenAt: backup.takenAt.toISOString() })));
    else if (backups.length === 0) process.stdout.write(`no backups in ${layout.backupsFolder}\n`);
    else for (const backup of backups) process.stdout.write(`${backup.path}  ${backup.takenAt.toISOString()}  schema v${backup.schemaVersion}  ${backup.reason}\n`);
    return 0;
  }
  const chosen = positionals[0] ?? backups[0]?.path;
  if (chosen === undefined) throw new CliError(`there is no backup of ${layout.databasePath} (looked in ${layout.backupsFolder})`, 1);
  if (!existsSync(chosen)) throw new CliError(`no backup at ${chosen}`, 1);
  const result = restoreBackup(layout, chosen, new Date());
  if (values.json) printJson(result);
  else process.stdout.write(`restored ${layout.databasePath} from ${result.restoredFrom}${result.setAside === null ? '' : `; the replaced file is kept as ${result.setAside}`}\n`);
  return 0;
});
