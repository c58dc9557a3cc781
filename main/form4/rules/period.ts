// `period-mismatch`: box 3 names the earliest transaction of the form. The transaction date is compared,
// not the deemed execution date: box 3 is defined by the transactions themselves.
import type { Finding } from '../../../shared/findings.js';
import { finding } from '../../../shared/findings.js';
import type { DraftFiling } from '../../../shared/model.js';
import { isRealIsoDate } from '../calendar.js';
import { tableLines, type TableLine } from './lines.js';
import { record } from './values.js';

export function periodMismatchFindings(filing: DraftFiling): Finding[] {
  const period = record(filing).periodOfReport;
  if (!isRealIsoDate(period)) return [];
  let earliest: { date: string; line: TableLine } | null = null;
  for (const line of tableLines(filing)) {
    const date = line.cells.transactionDate;
    if (isRealIsoDate(date) && (earliest === null || date < earliest.date)) earliest = { date, line };
  }
  if (earliest === null || earliest.date === period) return [];
  return [finding('period-mismatch', 'periodOfReport',
    `Box 3 (date of earliest transaction) is ${period}, but the earliest transaction date is ${earliest.date} ` +
    `(${earliest.line.label}): check box 3 and that date against the form.`)];
}
