// `form4 reject ID --reason TEXT`: rejects a filing in review (or approved, not yet exported).
import { ReviewService } from '../workflow/review-service.js';
import { printChange } from './change-output.js';
import { CliError } from './command.js';
import { filingId, STORE_OPTIONS_HELP, storeCommand, withStore } from './store-session.js';

const HELP = `Usage: form4 reject ID --reason TEXT [options]

Rejects a filing: it will not be exported. 'form4 reopen ID' brings it back to review.
${STORE_OPTIONS_HELP}`;

export const run = storeCommand(HELP, { reason: { type: 'string' } }, async ({ values, positionals }) => {
  const id = filingId(positionals[0], HELP);
  if (values.reason === undefined || values.reason.trim() === '') throw new CliError(`reject needs --reason TEXT\n\n${HELP}`);
  const reason = values.reason;
  return withStore(values, ({ repos, clock, actor, json }) => {
    printChange(new ReviewService(repos, { clock }).reject({ id, actor, reason }), json, 'rejected');
    return 0;
  });
});
