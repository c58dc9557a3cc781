// `form4 approve ID [--override RULE=REASON ...]`: approves a filing; refused while an error is open
// and not overridden with a written reason.
import { ReviewService, type OverrideRequest } from '../workflow/review-service.js';
import { printChange } from './change-output.js';
import { CliError } from './command.js';
import { filingId, STORE_OPTIONS_HELP, storeCommand, withStore } from './store-session.js';

const HELP = `Usage: form4 approve ID [--override RULE=REASON]... [--reason TEXT] [options]

Approves a filing in review. Every open error must be fixed first, or overridden with a reason that
goes into the audit log: --override rollforward="broker statement confirms 11,648". RULE@PATH=REASON
overrides the error at one field only. Warnings never block.

  --override RULE=REASON   override the open errors of RULE (repeatable)
  --reason TEXT            a note on the approval
${STORE_OPTIONS_HELP}`;

export function parseOverride(text: string): OverrideRequest {
  const equals = text.indexOf('=');
  if (equals <= 0) throw new CliError(`--override takes RULE=REASON, not '${text}'`);
  const target = text.slice(0, equals).trim();
  const at = target.indexOf('@');
  return at < 0 ? { rule: target, reason: text.slice(equals + 1) } : { rule: target.slice(0, at), path: target.slice(at + 1), reason: text.slice(equals + 1) };
}

export const run = storeCommand(HELP, { override: { type: 'string', multiple: true }, reason: { type: 'string' } }, async ({ values, positionals }) => {
  const id = filingId(positionals[0], HELP);
  const overrides = (values.override ?? []).map(parseOverride);
  return withStore(values, ({ repos, clock, actor, json }) => {
    const result = new ReviewService(repos, { clock }).approve({ id, actor, overrides, reason: values.reason });
    printChange(result, json, `approved${result.overridden.length > 0 ? ` with ${result.overridden.length} error(s) overridden` : ''}`);
    return 0;
  });
});
