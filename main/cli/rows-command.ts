// `form4 rows ID add I|II [FIELD=VALUE...] [--at N]` and `form4 rows ID remove I|II N`: adds a Table
// I/II line the reader missed, or removes line N (1-based, as 'form4 show' numbers them).
import { ReviewService } from '../workflow/review-service.js';
import { tableNamed } from '../workflow/table-lines.js';
import { printChange } from './change-output.js';
import { CliError } from './command.js';
import { filingId, STORE_OPTIONS_HELP, storeCommand, withStore } from './store-session.js';

const HELP = `Usage: form4 rows ID add I|II [FIELD=VALUE...] [--at N] [--reason TEXT] [options]
       form4 rows ID remove I|II N [--reason TEXT] [options]

Adds a line to Table I (non-derivative) or II (derivative), at the end or as line N, with the fields
given (e.g. securityTitle="Common Stock" shares=500 acquiredDisposed=A); or removes line N.

  --at N          add as line N (1-based) instead of at the end
  --reason TEXT   why, for the audit log
${STORE_OPTIONS_HELP}`;

export const run = storeCommand(HELP, { at: { type: 'string' }, reason: { type: 'string' } }, async ({ values, positionals }) => {
  const id = filingId(positionals[0], HELP);
  const [action, tableText, ...rest] = positionals.slice(1);
  if ((action !== 'add' && action !== 'remove') || tableText === undefined) throw new CliError(`rows takes ID add|remove I|II ...\n\n${HELP}`);
  const table = tableNamed(tableText);
  if (action === 'add') {
    const fields: Record<string, string> = {};
    for (const pair of rest) {
      const equals = pair.indexOf('=');
      if (equals <= 0) throw new CliError(`'${pair}' is not FIELD=VALUE`);
      fields[pair.slice(0, equals)] = pair.slice(equals + 1);
    }
    const index = values.at === undefined ? undefined : lineNumber(values.at) - 1;
    return withStore(values, ({ repos, clock, actor, json }) => {
      const result = new ReviewService(repos, { clock }).addRow({ id, table, values: fields, index, actor, reason: values.reason });
      printChange(result, json, `line added to ${table === 'nonDerivative' ? 'Table I' : 'Table II'}`);
      return 0;
    });
  }
  if (rest.length !== 1) throw new CliError(`rows ID remove I|II N takes one line number\n\n${HELP}`);
  const line = lineNumber(rest[0] ?? '');
  return withStore(values, ({ repos, clock, actor, json }) => {
    const result = new ReviewService(repos, { clock }).removeRow({ id, table, index: line - 1, actor, reason: values.reason });
    printChange(result, json, `line ${line} of ${table === 'nonDerivative' ? 'Table I' : 'Table II'} removed`);
    return 0;
  });
});

function lineNumber(text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new CliError(`'${text}' is not a line number (1, 2, ...)`);
  return value;
}
