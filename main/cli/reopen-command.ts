// `form4 reopen ID [--reason TEXT]`: brings an approved, rejected or exported filing back to review.
import { ReviewService } from '../workflow/review-service.js';
import { printChange } from './change-output.js';
import { filingId, STORE_OPTIONS_HELP, storeCommand, withStore } from './store-session.js';

const HELP = `Usage: form4 reopen ID [--reason TEXT] [options]

Puts an approved, rejected or exported filing back in review so it can be corrected.
${STORE_OPTIONS_HELP}`;

export const run = storeCommand(HELP, { reason: { type: 'string' } }, async ({ values, positionals }) => {
  const id = filingId(positionals[0], HELP);
  return withStore(values, ({ repos, clock, actor, json }) => {
    printChange(new ReviewService(repos, { clock }).reopen({ id, actor, reason: values.reason }), json, 'reopened');
    return 0;
  });
});
