// `format`: a filled box whose value is not of its kind. Empty boxes are left to `required`, so a value
// is judged here only when it is there.
import type { Finding } from '../../../shared/findings.js';
import { finding } from '../../../shared/findings.js';
import { TRANSACTION_CODES, type DraftFiling } from '../../../shared/model.js';
import { parseIsoDate } from '../calendar.js';
import { US_STATE_CODES } from '../us-states.js';
import { columnName, fieldPath, tableLines, type TableLine } from './lines.js';
import { formatAmount, isBlank, list, quote, record, text } from './values.js';

/** 1-5 letters, optionally a share class after a dot (BRK.B, MOG.A). */
const TICKER = /^[A-Za-z]{1,5}(\.[A-Za-z])?$/;

/** Something a person or the OCR meant as a numeric date (5/3/2017, 2017-5-3), as opposed to words. */
const DATE_LIKE = /^\d{1,4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,4}$/;

/** Why `value` is not a date as YYYY-MM-DD, or null when it is one. */
function dateProblem(value: unknown): string | null {
  if (parseIsoDate(value) !== null) return null;
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return `is ${quote(value)}, which is not a real calendar date`;
  return `is ${quote(value)}, not a date as YYYY-MM-DD`;
}

function dateFinding(path: string, where: string, value: unknown): Finding[] {
  if (isBlank(value)) return [];
  const problem = dateProblem(value);
  return problem === null ? [] : [finding('format', path, `${where} ${problem}: correct it from the form.`)];
}

/** Columns 6 of Table II hold a date or printed words ("Immediately", "(1)"): only a date-like value must be a real date. */
function exerciseDateFinding(line: TableLine, field: string): Finding[] {
  const value = line.cells[field];
  if (isBlank(value)) return [];
  if (typeof value === 'string' && !DATE_LIKE.test(value.trim())) return [];
  return dateFinding(fieldPath(line, field), `${line.label}: ${columnName(line, field)}`, value);
}

function amountFinding(line: TableLine, field: string): Finding[] {
  const value = line.cells[field];
  if (isBlank(value)) return [];
  const where = `${line.label}: ${columnName(line, field)}`;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    return [finding('format', fieldPath(line, field), `${where} is ${quote(value)}, not a number: enter the digits as printed, without commas or $.`)];
  }
  if (value < 0) {
    return [finding('format', fieldPath(line, field), `${where} is ${formatAmount(value)}: amounts and prices on Form 4 are never negative; enter it without the sign.`)];
  }
  return [];
}

const NUMBER_FIELDS = {
  nonDerivative: ['shares', 'pricePerShare', 'sharesOwnedFollowing'],
  derivative: [
    'conversionOrExercisePrice', 'sharesAcquired', 'sharesDisposed', 'underlyingShares', 'pricePerShare', 'sharesOwnedFollowing',
  ],
} as const;

function lineFindings(line: TableLine): Finding[] {
  const { cells } = line;
  const found: Finding[] = [];
  for (const field of ['transactionDate', 'deemedExecutionDate']) {
    found.push(...dateFinding(fieldPath(line, field), `${line.label}: ${columnName(line, field)}`, cells[field]));
  }
  if (line.table === 'derivative') {
    found.push(...exerciseDateFinding(line, 'dateExercisable'), ...exerciseDateFinding(line, 'expirationDate'));
  }
  const code = cells.transactionCode;
  if (!isBlank(code) && !(TRANSACTION_CODES as readonly unknown[]).includes(code)) {
    found.push(finding('format', fieldPath(line, 'transactionCode'),
      `${line.label}: transaction code ${quote(code)} is not a Form 4 code (${TRANSACTION_CODES.join(', ')}): enter the letter as printed.`));
  }
  for (const field of NUMBER_FIELDS[line.table]) found.push(...amountFinding(line, field));
  const ownership = cells.directOrIndirect;
  if (!isBlank(ownership) && ownership !== 'D' && ownership !== 'I') {
    found.push(finding('format', fieldPath(line, 'directOrIndirect'),
      `${line.label}: ${columnName(line, 'directOrIndirect')} is ${quote(ownership)}: it must be D (direct) or I (indirect).`));
  }
  if (line.table === 'nonDerivative') {
    const direction = cells.acquiredDisposed;
    if (!isBlank(direction) && direction !== 'A' && direction !== 'D') {
      found.push(finding('format', fieldPath(line, 'acquiredDisposed'),
        `${line.label}: ${columnName(line, 'acquiredDisposed')} is ${quote(direction)}: it must be A (acquired) or D (disposed of).`));
    }
  } else if (!isBlank(cells.sharesAcquired) && !isBlank(cells.sharesDisposed)) {
    found.push(finding('format', fieldPath(line, 'sharesDisposed'),
      `${line.label}: column 5 has a number under both (A) ${quote(cells.sharesAcquired)} and (D) ${quote(cells.sharesDisposed)}: a line is either acquired or disposed of; clear the wrong one.`));
  }
  return found;
}

function headerFindings(filing: DraftFiling): Finding[] {
  const draft = record(filing);
  const found: Finding[] = [];
  if (draft.documentType !== '4' && draft.documentType !== '4/A') {
    found.push(finding('format', 'documentType', `The document type is ${quote(draft.documentType)}: it must be 4 or 4/A.`));
  }
  const ticker = record(draft.issuer).tradingSymbol;
  if (!isBlank(ticker) && !(typeof ticker === 'string' && TICKER.test(ticker.trim()))) {
    found.push(finding('format', 'issuer.tradingSymbol',
      `Box 2: the ticker ${quote(ticker)} is not 1-5 letters (with an optional class suffix such as .A): correct it from the form.`));
  }
  found.push(
    ...dateFinding('periodOfReport', 'Box 3 (date of earliest transaction)', draft.periodOfReport),
    ...dateFinding('dateOfOriginalSubmission', 'Box 4 (date of original filing)', draft.dateOfOriginalSubmission),
  );
  list(draft.reportingOwners).forEach((owner, i) => {
    const state = record(owner).state;
    if (isBlank(state)) return;
    const code = text(state);
    if (code === null || !US_STATE_CODES.has(code)) {
      found.push(finding('format', `reportingOwners[${i}].state`,
        `Box 1: the state ${quote(state)} is not a US state or territory code: enter the two capital letters (e.g. NY, DC, PR).`));
    }
  });
  return found;
}

function signatureFindings(filing: DraftFiling): Finding[] {
  return list(record(filing).signatures).flatMap((signature, i) =>
    dateFinding(`signatures[${i}].date`, 'The date of the signature', record(signature).date));
}

export function formatFindings(filing: DraftFiling): Finding[] {
  return [...headerFindings(filing), ...tableLines(filing).flatMap(lineFindings), ...signatureFindings(filing)];
}
