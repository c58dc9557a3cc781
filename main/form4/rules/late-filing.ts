// `late-filing`: Form 4 is due within two business days of the transaction (the deemed execution date
// where one is given). The signature date stands in for the filing date, the latest one when several
// people signed, since the form is filed once all have signed.
import type { Finding } from '../../../shared/findings.js';
import { finding } from '../../../shared/findings.js';
import type { DraftFiling } from '../../../shared/model.js';
import { addBusinessDays, businessDaysAfter, isRealIsoDate } from '../calendar.js';
import { fieldPath, isTransactionLine, tableLines, transactionCodeOf, type TableLine } from './lines.js';
import { list, record } from './values.js';

const BUSINESS_DAYS_ALLOWED = 2;
/** Gifts (G) had to be reported within two business days only from this date (SEC Release 33-11138). */
const GIFTS_DUE_IN_TWO_DAYS_FROM = '2023-02-27';

function latestSignatureDate(filing: DraftFiling): string | null {
  const dates = list(record(filing).signatures).map((signature) => record(signature).date).filter(isRealIsoDate);
  return dates.length === 0 ? null : dates.reduce((latest, date) => (date > latest ? date : latest));
}

/** L and W may be reported on a later Form 4 or Form 5, and so could gifts before the 2023 amendment. */
function isExempt(line: TableLine, transactionDate: string): boolean {
  const code = transactionCodeOf(line);
  return code === 'L' || code === 'W' || (code === 'G' && transactionDate < GIFTS_DUE_IN_TWO_DAYS_FROM);
}

function lateLine(line: TableLine, signed: string): Finding[] {
  const transactionDate = line.cells.transactionDate;
  if (!isTransactionLine(line) || !isRealIsoDate(transactionDate) || isExempt(line, transactionDate)) return [];
  const deemed = line.cells.deemedExecutionDate;
  const from = isRealIsoDate(deemed) ? deemed : transactionDate;
  const elapsed = businessDaysAfter(from, signed);
  if (elapsed <= BUSINESS_DAYS_ALLOWED) return [];
  const what = from === deemed ? `deemed execution date ${from}` : `transaction on ${from}`;
  return [finding('late-filing', fieldPath(line, 'transactionDate'),
    `${line.label}: ${what}, signed ${signed}: ${elapsed} business days later, over the ${BUSINESS_DAYS_ALLOWED} allowed ` +
    `(due by ${addBusinessDays(from, BUSINESS_DAYS_ALLOWED)}). If the dates are read right, the filing was late.`)];
}

export function lateFilingFindings(filing: DraftFiling): Finding[] {
  const signed = latestSignatureDate(filing);
  return signed === null ? [] : tableLines(filing).flatMap((line) => lateLine(line, signed));
}
