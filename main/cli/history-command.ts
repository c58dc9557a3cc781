// `form4 history ID`: the audit trail of one filing, oldest first.
import { ReviewService } from '../workflow/review-service.js';
import { filingId, printJson, STORE_OPTIONS_HELP, storeCommand, withStore } from './store-session.js';

const HELP = `Usage: form4 history ID [options]

Shows who did what to a filing and when: imports, edits (old -> new), overrides, decisions, exports.
${STORE_OPTIONS_HELP}`;

export const run = storeCommand(HELP, {}, async ({ values, positionals }) => {
  const id = filingId(positionals[0], HELP);
  return withStore(values, ({ repos, clock, json }) => {
    const rows = new ReviewService(repos, { clock }).history(id);
    if (json) {
      printJson(rows);
      return 0;
    }
    for (const row of rows) {
      const change = row.oldValue === null && row.newValue === null ? '' : ` ${row.oldValue ?? '∅'} -> ${row.newValue ?? '∅'}`;
      process.stdout.write(`#${row.seq} ${row.at} ${row.actor} ${row.action}${row.path === null || row.path === '' ? '' : ` ${row.path}`}${change}${row.reason === null ? '' : ` (${row.reason})`}\n`);
    }
    return 0;
  });
});
