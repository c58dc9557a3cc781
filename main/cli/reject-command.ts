// `form4 reject ID --reason TEXT`: rejects a filing in review (or approved, not yet exported).
import { ReviewService } from '../workflow/review-service.js';
import { printChange } from './change-output.js';
import { CliError } from './command.js';
import { filingId, parseCommand, STORE_OPTIONS_HELP, withStore } from './store-session.js';

const HELP = `Usage: form4 reject ID --reason TEXT [options]

Rejects a filing: it will not be exported. 'form4 reopen ID' brings it back to review.
${STORE_OPTIONS_HELP}`;

export async function run(args: string[]): Promise<number> {
  const { values, positionals } = parseCommand(args, { reason: { type: 'string' } });
  if (values.help) {
    process.stdout.write(`${HELP}\n`);
    return 0;
  }
  const id = filingId(positionals[0], HELP);
  if (values.reason === undefined || values.reason.trim() === '') throw new CliError(`reject needs --reason TEXT\n\n${HELP}`);
  const reason = values.reason;
  return withStore(values, ({ repos, clock, actor, json }) => {
    printChange(new ReviewService(repos, { clock }).reject({ id, actor, reason }), json, 'rejected');
    return 0;
  });
}
