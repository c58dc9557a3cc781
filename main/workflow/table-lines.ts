// Adding and removing Table I/II lines: a blank line of each table, and the field rows of the lines
// after an insertion or removal point moved to their new index.
import type { DraftFiling } from '../../shared/model.js';
import { WorkflowError } from '../store/errors.js';
import type { FieldProvenance } from '../store/filings-repository.js';
import { parsePath, formatPath } from './field-path.js';

export type TableName = 'nonDerivative' | 'derivative';

/** `I`, `1`, `table1`, `nonDerivative` -> Table I; `II`, `2`, `table2`, `derivative` -> Table II. */
export function tableNamed(text: string): TableName {
  const lowered = text.toLowerCase();
  if (['i', '1', 'table1', 'nonderivative'].includes(lowered)) return 'nonDerivative';
  if (['ii', '2', 'table2', 'derivative'].includes(lowered)) return 'derivative';
  throw new WorkflowError('bad-request', `'${text}' is not a table: say I (non-derivative) or II (derivative)`);
}

export function blankLine(table: TableName): DraftFiling[TableName][number] {
  const common = {
    securityTitle: null,
    transactionDate: null,
    deemedExecutionDate: null,
    transactionCode: null,
    equitySwapInvolved: false,
    pricePerShare: null,
    sharesOwnedFollowing: null,
    directOrIndirect: null,
    natureOfOwnership: null,
    footnoteRefs: {},
  };
  if (table === 'nonDerivative') return { ...common, shares: null, acquiredDisposed: null };
  return {
    ...common,
    conversionOrExercisePrice: null,
    sharesAcquired: null,
    sharesDisposed: null,
    dateExercisable: null,
    expirationDate: null,
    underlyingTitle: null,
    underlyingShares: null,
  };
}

/**
 * The field rows of `table` renamed for a line inserted at `index` (delta +1) or removed from it
 * (delta -1; that line's own rows are dropped). Rows of other tables are not passed in.
 */
export function shiftedFieldRows(rows: readonly FieldProvenance[], table: TableName, index: number, delta: 1 | -1): FieldProvenance[] {
  return rows.flatMap((row) => {
    const segments = parsePath(row.path);
    const line = segments[1];
    if (segments[0] !== table || typeof line !== 'number' || line < index) return [row];
    if (delta === -1 && line === index) return [];
    return [{ ...row, path: formatPath([table, line + delta, ...segments.slice(2)]) }];
  });
}
