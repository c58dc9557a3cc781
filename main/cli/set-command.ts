// `form4 set ID PATH VALUE [--reason TEXT]`: corrects one field; the rules run again.
import { ReviewService } from '../workflow/review-service.js';
import { printChange } from './change-output.js';
import { CliError } from './command.js';
import { filingId, STORE_OPTIONS_HELP, storeCommand, withStore } from './store-session.js';

const HELP = `Usage: form4 set ID PATH VALUE [--reason TEXT] [options]

Sets a field of a filing in review, e.g. form4 set 12 nonDerivative[1].sharesOwnedFollowing 11648.
PATH is the field's path as 'form4 show' prints it. Numbers may carry commas and $, dates may be
MM/DD/YYYY, an empty VALUE clears the field. The value then counts as checked (confidence 100), the
change goes into the audit log and the rules run again.

  --reason TEXT   why, for the audit log
${STORE_OPTIONS_HELP}`;

export const run = storeCommand(HELP, { reason: { type: 'string' } }, async ({ values, positionals }) => {
  const id = filingId(positionals[0], HELP);
  const [path, value] = [positionals[1], positionals[2]];
  if (path === undefined || value === undefined || positionals.length > 3) throw new CliError(`set takes ID PATH VALUE (quote a VALUE with spaces)\n\n${HELP}`);
  return withStore(values, ({ repos, clock, actor, json }) => {
    const result = new ReviewService(repos, { clock }).setField({ id, path, value, actor, reason: values.reason });
    printChange(result, json, `${path} set`);
    return 0;
  });
});
