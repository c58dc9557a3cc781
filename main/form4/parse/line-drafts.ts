// One table line as the model holds it, whichever reader read its cells: the text reader (columns of
// another tool's table, or the printed order of the values, tables.ts) or the layout reader (cells by
// position on a scan, layout-tables.ts). Each reads its cells its own way; the fields are listed once.
import type { DraftFiling, TransactionCode } from '../../../shared/model.js';

type NonDerivativeDraft = DraftFiling['nonDerivative'][number];
type DerivativeDraft = DraftFiling['derivative'][number];

/** A line's cells read into typed values, recording provenance and guesses as they are read. */
export interface LineCells {
  readonly footnoteRefs: Record<string, string[]>;
  text(field: string): string | null;
  date(field: string): string | null;
  /** A date, or the words printed instead of one ("Immediately"). */
  dateOrWord(field: string): string | null;
  amount(field: string): number | null;
  code(): TransactionCode | null;
  acquiredDisposed(): 'A' | 'D' | null;
  ownership(): 'D' | 'I' | null;
}

export function nonDerivativeLine(line: LineCells): NonDerivativeDraft {
  return {
    securityTitle: line.text('securityTitle'),
    transactionDate: line.date('transactionDate'),
    deemedExecutionDate: line.date('deemedExecutionDate'),
    transactionCode: line.code(),
    equitySwapInvolved: false,
    shares: line.amount('shares'),
    acquiredDisposed: line.acquiredDisposed(),
    pricePerShare: line.amount('pricePerShare'),
    sharesOwnedFollowing: line.amount('sharesOwnedFollowing'),
    directOrIndirect: line.ownership(),
    natureOfOwnership: line.text('natureOfOwnership'),
    footnoteRefs: line.footnoteRefs,
  };
}

export function derivativeLine(line: LineCells): DerivativeDraft {
  return {
    securityTitle: line.text('securityTitle'),
    conversionOrExercisePrice: line.amount('conversionOrExercisePrice'),
    transactionDate: line.date('transactionDate'),
    deemedExecutionDate: line.date('deemedExecutionDate'),
    transactionCode: line.code(),
    equitySwapInvolved: false,
    sharesAcquired: line.amount('sharesAcquired'),
    sharesDisposed: line.amount('sharesDisposed'),
    dateExercisable: line.dateOrWord('dateExercisable'),
    expirationDate: line.dateOrWord('expirationDate'),
    underlyingTitle: line.text('underlyingTitle'),
    underlyingShares: line.amount('underlyingShares'),
    pricePerShare: line.amount('pricePerShare'),
    sharesOwnedFollowing: line.amount('sharesOwnedFollowing'),
    directOrIndirect: line.ownership(),
    natureOfOwnership: line.text('natureOfOwnership'),
    footnoteRefs: line.footnoteRefs,
  };
}
