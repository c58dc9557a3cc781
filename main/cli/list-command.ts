// `form4 list [--status S] [--search TEXT]`: the filings, latest box 3 date first.
import { FILING_STATUSES, type FilingListItem, type FilingStatus } from '../store/filings-repository.js';
import { ReviewService } from '../workflow/review-service.js';
import { CliError } from './command.js';
import { printJson, STORE_OPTIONS_HELP, storeCommand, withStore } from './store-session.js';

const HELP = `Usage: form4 list [--status S] [--search TEXT] [--limit N] [--offset N] [options]

Lists filings, latest date of earliest transaction (box 3) first.

  --status S      only filings that are ${FILING_STATUSES.join(', ')}
  --search TEXT   words matched against reporting person, issuer and ticker (word beginnings)
  --limit N       at most N filings (default 100)
  --offset N      skip the first N
${STORE_OPTIONS_HELP}`;

export const run = storeCommand(HELP, { status: { type: 'string' }, search: { type: 'string' }, limit: { type: 'string' }, offset: { type: 'string' } }, async ({ values }) => {
  const status = values.status;
  if (status !== undefined && !(FILING_STATUSES as readonly string[]).includes(status)) throw new CliError(`--status takes one of ${FILING_STATUSES.join(', ')}, not '${status}'`);
  const limit = count('--limit', values.limit, 100);
  const offset = count('--offset', values.offset, 0);
  return withStore(values, ({ repos, clock, json }) => {
    const items = new ReviewService(repos, { clock }).list({ status: status as FilingStatus | undefined, search: values.search, limit, offset });
    if (json) printJson(items);
    else process.stdout.write(formatList(items));
    return 0;
  });
});

function count(flag: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new CliError(`${flag} takes a whole number, not '${text}'`);
  return value;
}

export function formatList(items: readonly FilingListItem[]): string {
  if (items.length === 0) return 'no filings\n';
  const rows = [
    ['ID', 'STATUS', 'DATE', 'TICKER', 'ISSUER', 'REPORTING PERSON', 'ERR', 'WARN'],
    ...items.map((item) => [String(item.id), item.status, item.periodOfReport ?? '-', item.ticker || '-', item.issuer || '-', item.reportingPerson || '-', String(item.errors), String(item.warnings)]),
  ];
  const widths = rows[0]?.map((_, column) => Math.min(36, Math.max(...rows.map((row) => (row[column] ?? '').length)))) ?? [];
  return rows.map((row) => row.map((cell, column) => cell.slice(0, widths[column]).padEnd(widths[column] ?? 0)).join('  ').trimEnd()).join('\n') + '\n';
}
