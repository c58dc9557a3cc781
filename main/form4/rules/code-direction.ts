// `code-direction`: (A)/(D) contradicts the transaction code. M, C, X and O each give up a derivative to
// receive the underlying shares, so they are acquisitions in Table I and dispositions in Table II.
import type { Finding } from '../../../shared/findings.js';
import { finding } from '../../../shared/findings.js';
import type { DraftFiling, TransactionCode } from '../../../shared/model.js';
import { amountField, directionOf, fieldPath, isTransactionLine, tableLines, transactionCodeOf, type Direction, type TableLine, type TableName } from './lines.js';

const DIRECTION_OF_CODE: Record<TableName, ReadonlyMap<TransactionCode, Direction>> = {
  nonDerivative: codeMap('PALMCXO', 'SFDEHU'),
  derivative: codeMap('PAL', 'SFDEHUMCXO'),
};

/** Whether a code acquires or disposes of shares in a table; undefined for a code that may do either (G, J, ...). */
export function directionOfCode(table: TableName, code: TransactionCode): Direction | undefined {
  return DIRECTION_OF_CODE[table].get(code);
}

function codeMap(acquisitions: string, dispositions: string): ReadonlyMap<TransactionCode, Direction> {
  return new Map([
    ...[...acquisitions].map((code) => [code as TransactionCode, 'A' as const] as const),
    ...[...dispositions].map((code) => [code as TransactionCode, 'D' as const] as const),
  ]);
}

/** What each code means, from the General Instructions, so the message explains itself. */
const CODE_MEANING: Readonly<Record<TransactionCode, string>> = {
  P: 'open market or private purchase',
  S: 'open market or private sale',
  V: 'transaction voluntarily reported earlier than required',
  A: 'grant or award from the issuer',
  D: 'disposition to the issuer',
  F: 'payment of exercise price or tax liability by delivering securities',
  I: 'discretionary transaction',
  M: 'exercise or conversion of a derivative security',
  C: 'conversion of a derivative security',
  E: 'expiration of a short derivative position',
  H: 'expiration or cancellation of a long derivative position with value received',
  O: 'exercise of an out-of-the-money derivative security',
  X: 'exercise of an in-the-money or at-the-money derivative security',
  G: 'gift',
  L: 'small acquisition',
  W: 'acquisition or disposition by will or the laws of descent',
  Z: 'deposit into or withdrawal from a voting trust',
  J: 'other acquisition or disposition',
  K: 'equity swap or similar instrument',
  U: 'disposition in a tender of shares in a change of control',
};

const DIRECTION_WORD: Record<Direction, string> = { A: 'an acquisition (A)', D: 'a disposition (D)' };

function lineFinding(line: TableLine): Finding[] {
  const code = transactionCodeOf(line);
  const marked = directionOf(line);
  if (!isTransactionLine(line) || code === null || marked === null) return [];
  const expected = directionOfCode(line.table, code);
  if (expected === undefined || expected === marked) return [];
  const where = line.table === 'nonDerivative'
    ? `column 4 says (${marked})`
    : `the number is under column 5 (${marked})`;
  return [finding('code-direction', fieldPath(line, line.table === 'nonDerivative' ? 'acquiredDisposed' : amountField(line)),
    `${line.label}: code ${code} (${CODE_MEANING[code]}) is ${DIRECTION_WORD[expected]} in this table, but ${where}: check the code and the (A)/(D) against the form.`)];
}

export function codeDirectionFindings(filing: DraftFiling): Finding[] {
  return tableLines(filing).flatMap(lineFinding);
}
