// `form4 verify`: checks the audit log's hash chain, that each filing matches its audit trail, and
// the database pages; names every row or filing that does not hold up. Exit 1 when any does not.
import { VerifyService } from '../workflow/verify-service.js';
import { printJson, STORE_OPTIONS_HELP, storeCommand, withStore } from './store-session.js';

const HELP = `Usage: form4 verify [options]

Checks that no audit row was edited or deleted, that every filing is as its audit trail left it, and
that the database file is sound. Exits 1 and names what is wrong when something is.
${STORE_OPTIONS_HELP}`;

export const run = storeCommand(HELP, {}, async ({ values }) => {
  return withStore(values, ({ repos, json }) => {
    const report = new VerifyService(repos).verify();
    if (json) printJson(report);
    else if (report.ok) process.stdout.write(`ok: ${report.auditRows} audit rows chained, ${report.filings} filings match their trail\n`);
    else for (const problem of report.problems) process.stdout.write(`${problem.message}\n`);
    return report.ok ? 0 : 1;
  });
});
