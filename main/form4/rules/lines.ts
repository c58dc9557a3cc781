// The lines of Tables I and II seen the same way, so that a rule about "a transaction line" is written
// once. Table I says (A)/(D) in its own column and the amount in `shares`; Table II has no such
// column: the amount sits under (A) or under (D), and which one is filled is the direction.
import { TRANSACTION_CODES, type TransactionCode } from '../../../shared/model.js';
import { finiteNumber, isBlank, list, record, type Loose } from './values.js';

export type TableName = 'nonDerivative' | 'derivative';
export type Direction = 'A' | 'D';

export interface TableLine {
  table: TableName;
  /** Position in its table, 0-based. */
  index: number;
  /** The line's path, e.g. `nonDerivative[1]`; a field's path is `${path}.${field}`. */
  path: string;
  /** How a person finds the line on the form, e.g. `Table I line 2`. */
  label: string;
  cells: Loose;
}

const TABLE_LABEL: Record<TableName, string> = { nonDerivative: 'Table I', derivative: 'Table II' };

/** Column headings as printed, so a message names the box a person looks at. */
const COLUMNS: Record<TableName, Readonly<Record<string, string>>> = {
  nonDerivative: {
    securityTitle: 'column 1 (title of security)',
    transactionDate: 'column 2 (transaction date)',
    deemedExecutionDate: 'column 2A (deemed execution date)',
    transactionCode: 'column 3 (transaction code)',
    shares: 'column 4 (amount)',
    acquiredDisposed: 'column 4 ((A) or (D))',
    pricePerShare: 'column 4 (price)',
    sharesOwnedFollowing: 'column 5 (amount owned following)',
    directOrIndirect: 'column 6 (ownership form D or I)',
    natureOfOwnership: 'column 7 (nature of indirect ownership)',
  },
  derivative: {
    securityTitle: 'column 1 (title of derivative security)',
    conversionOrExercisePrice: 'column 2 (conversion or exercise price)',
    transactionDate: 'column 3 (transaction date)',
    deemedExecutionDate: 'column 3A (deemed execution date)',
    transactionCode: 'column 4 (transaction code)',
    sharesAcquired: 'column 5 (A) (number acquired)',
    sharesDisposed: 'column 5 (D) (number disposed of)',
    dateExercisable: 'column 6 (date exercisable)',
    expirationDate: 'column 6 (expiration date)',
    underlyingTitle: 'column 7 (title of underlying)',
    underlyingShares: 'column 7 (amount of underlying)',
    pricePerShare: 'column 8 (price of derivative)',
    sharesOwnedFollowing: 'column 9 (number owned following)',
    directOrIndirect: 'column 10 (ownership form D or I)',
    natureOfOwnership: 'column 11 (nature of indirect ownership)',
  },
};

/** Every line of Table I, then every line of Table II, in form order. */
export function tableLines(filing: unknown): TableLine[] {
  const draft = record(filing);
  return (['nonDerivative', 'derivative'] as const).flatMap((table) =>
    list(draft[table]).map((cells, index) => ({
      table,
      index,
      path: `${table}[${index}]`,
      label: `${TABLE_LABEL[table]} line ${index + 1}`,
      cells: record(cells),
    })),
  );
}

export function fieldPath(line: TableLine, field: string): string {
  return `${line.path}.${field}`;
}

/** The printed column a field sits in, e.g. `column 5 (amount owned following)`. */
export function columnName(line: TableLine, field: string): string {
  return columnOf(line.table, field) ?? field;
}

export function columnOf(table: TableName, field: string): string | undefined {
  return COLUMNS[table][field];
}

export function tableLabel(table: TableName): string {
  return TABLE_LABEL[table];
}

/** A line that reports a change (it has a date or a code); the others are holdings. */
export function isTransactionLine(line: TableLine): boolean {
  return !isBlank(line.cells.transactionDate) || !isBlank(line.cells.transactionCode);
}

export function transactionCodeOf(line: TableLine): TransactionCode | null {
  const code = line.cells.transactionCode;
  return (TRANSACTION_CODES as readonly unknown[]).includes(code) ? (code as TransactionCode) : null;
}

/**
 * (A) or (D). Table II has it only by which of its two amount columns is filled; both filled is no
 * direction at all (the format rule says so).
 */
export function directionOf(line: TableLine): Direction | null {
  if (line.table === 'nonDerivative') {
    const marked = line.cells.acquiredDisposed;
    return marked === 'A' || marked === 'D' ? marked : null;
  }
  const acquired = !isBlank(line.cells.sharesAcquired);
  const disposed = !isBlank(line.cells.sharesDisposed);
  if (acquired === disposed) return null;
  return acquired ? 'A' : 'D';
}

/** The field that holds the line's amount: `shares` in Table I, the filled (A) or (D) column in Table II. */
export function amountField(line: TableLine): 'shares' | 'sharesAcquired' | 'sharesDisposed' {
  if (line.table === 'nonDerivative') return 'shares';
  return directionOf(line) === 'D' ? 'sharesDisposed' : 'sharesAcquired';
}

export function amountOf(line: TableLine): number | null {
  return finiteNumber(line.cells[amountField(line)]);
}
