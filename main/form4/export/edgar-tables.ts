// Table I and Table II lines as EDGAR's nonDerivative/derivative Transaction and Holding elements
// (X0306 ownership4Document.xsd), element order as the XSD's sequences fix it. A line with neither a
// transaction date nor a code is a holding, as form4.schema.json defines; every other line is a
// transaction.
import type { DerivativeLine, NonDerivativeLine } from '../../../shared/model.js';
import { element, flag, leaf, LineCells, type ExportContext } from './edgar-cells.js';
import type { XmlElementNode } from './xml-writer.js';

/** EDGAR's TRANS_CODE_PICKLIST: the paper form's V and K are not codes there (see transactionCoding). */
const EDGAR_TRANSACTION_CODES: ReadonlySet<string> = new Set('A C D E F G H I J L M O P S U W X Z'.split(' '));

/** EDGAR takes up to 30 lines per table; more must go on a second filing. */
const MAX_TABLE_LINES = 30;

type LineCommon = Pick<
  NonDerivativeLine,
  'securityTitle' | 'transactionDate' | 'deemedExecutionDate' | 'transactionCode' | 'equitySwapInvolved' | 'sharesOwnedFollowing' | 'directOrIndirect'
> & { natureOfOwnership?: string | null | undefined };

function isHolding(line: Pick<LineCommon, 'transactionDate' | 'transactionCode'>): boolean {
  return line.transactionDate === null && line.transactionCode === null;
}

function securityTitle(cells: LineCells, name: string, field: string, value: string | null | undefined): XmlElementNode {
  const path = `${cells.path}.${field}`;
  const title = value === null || value === undefined ? null : cells.context.text(path, value, { min: 1, max: 60 });
  return cells.required(name, field, title);
}

function transactionDate(cells: LineCells, line: LineCommon): XmlElementNode {
  const date = line.transactionDate === null ? null : cells.context.date(`${cells.path}.transactionDate`, line.transactionDate);
  return cells.required('transactionDate', 'transactionDate', date);
}

/** DATE_AND_OR_FOOTNOTE: written only when there is a date or a footnote to carry. */
function deemedExecutionDate(cells: LineCells, line: LineCommon): XmlElementNode | undefined {
  const date = line.deemedExecutionDate ?? null;
  if (date === null && !cells.hasFootnotes('deemedExecutionDate')) return undefined;
  const value = date === null ? undefined : leaf('value', cells.context.date(`${cells.path}.deemedExecutionDate`, date));
  return element('deemedExecutionDate', [value, ...cells.footnotes('deemedExecutionDate')]);
}

/**
 * transactionCoding, when the line has a code. transactionFormType is always 4: the model has no field
 * for a Form 5 transaction reported early, and the export must not invent one. The line's
 * transactionCode footnotes sit here, after equitySwapInvolved, as the XSD orders them.
 */
function transactionCoding(cells: LineCells, line: LineCommon): XmlElementNode | undefined {
  const code = line.transactionCode;
  if (code === null) {
    if (line.equitySwapInvolved === true) {
      cells.context.problem(`${cells.path}.equitySwapInvolved`, 'is set on a line with no transaction code; EDGAR records it with the code');
    }
    return undefined;
  }
  if (!EDGAR_TRANSACTION_CODES.has(code)) {
    cells.context.problem(
      `${cells.path}.transactionCode`,
      `${code} is not an EDGAR transaction code: the paper form's V marks early voluntary reporting and K an equity swap ` +
        '(EDGAR: equitySwapInvolved), each beside the real code, which this line needs',
    );
  }
  return element('transactionCoding', [
    leaf('transactionFormType', '4'),
    leaf('transactionCode', code),
    flag('equitySwapInvolved', line.equitySwapInvolved ?? false),
    ...cells.footnotes('transactionCode'),
  ]);
}

function decimalOrNull(cells: LineCells, field: string, value: number | null | undefined): string | null {
  return value === null || value === undefined ? null : cells.context.decimal(`${cells.path}.${field}`, value);
}

function postTransactionAmounts(cells: LineCells, line: LineCommon): XmlElementNode {
  const shares = decimalOrNull(cells, 'sharesOwnedFollowing', line.sharesOwnedFollowing);
  return element('postTransactionAmounts', [cells.required('sharesOwnedFollowingTransaction', 'sharesOwnedFollowing', shares)]);
}

/**
 * ownershipNature. natureOfOwnership is written when there is a nature or a footnote on it; the XSD
 * requires a `<value>` in it, and an empty one is what EDGAR filers write for "see the footnote".
 */
function ownershipNature(cells: LineCells, line: LineCommon): XmlElementNode {
  const nature = line.natureOfOwnership ?? null;
  const natureCell =
    nature === null && !cells.hasFootnotes('natureOfOwnership')
      ? undefined
      : element('natureOfOwnership', [
          leaf('value', cells.context.text(`${cells.path}.natureOfOwnership`, nature ?? '', { max: 100 })),
          ...cells.footnotes('natureOfOwnership'),
        ]);
  return element('ownershipNature', [
    cells.required('directOrIndirectOwnership', 'directOrIndirect', line.directOrIndirect),
    natureCell,
  ]);
}

/** A holding has no transaction columns in EDGAR: a value in one would be lost, so it is reported. */
function reportTransactionValuesOnHolding(cells: LineCells, values: Record<string, unknown>): void {
  for (const [field, value] of Object.entries(values)) {
    if (value === null || value === undefined || value === false) continue;
    cells.context.problem(
      `${cells.path}.${field}`,
      'is filled on a holding line (no date, no code); EDGAR holdings have no such column: add the date and code, or clear it',
    );
  }
}

function dateOrFootnote(cells: LineCells, name: string, field: string, value: string | null | undefined): XmlElementNode {
  const text = value ?? null;
  if (text !== null && !/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    cells.context.problem(`${cells.path}.${field}`, `"${text}" is not a date; EDGAR's ${name} takes a date or, for words such as this, a footnote`);
    return element(name, cells.footnotes(field));
  }
  return cells.valueOrFootnote(name, field, text === null ? null : cells.context.date(`${cells.path}.${field}`, text));
}

function nonDerivativeLine(context: ExportContext, line: NonDerivativeLine, index: number): XmlElementNode {
  const cells = new LineCells(context, `nonDerivative[${index}]`, line.footnoteRefs ?? {});
  const title = securityTitle(cells, 'securityTitle', 'securityTitle', line.securityTitle);
  if (isHolding(line)) {
    reportTransactionValuesOnHolding(cells, {
      deemedExecutionDate: line.deemedExecutionDate,
      equitySwapInvolved: line.equitySwapInvolved,
      shares: line.shares,
      acquiredDisposed: line.acquiredDisposed,
      pricePerShare: line.pricePerShare,
    });
    const holding = element('nonDerivativeHolding', [title, postTransactionAmounts(cells, line), ownershipNature(cells, line)]);
    cells.reportUnplaced('nonDerivativeHolding');
    return holding;
  }
  const transaction = element('nonDerivativeTransaction', [
    title,
    transactionDate(cells, line),
    deemedExecutionDate(cells, line),
    transactionCoding(cells, line),
    element('transactionAmounts', [
      cells.required('transactionShares', 'shares', decimalOrNull(cells, 'shares', line.shares)),
      cells.valueOrFootnote('transactionPricePerShare', 'pricePerShare', decimalOrNull(cells, 'pricePerShare', line.pricePerShare)),
      cells.required('transactionAcquiredDisposedCode', 'acquiredDisposed', line.acquiredDisposed),
    ]),
    postTransactionAmounts(cells, line),
    ownershipNature(cells, line),
  ]);
  cells.reportUnplaced('nonDerivativeTransaction');
  return transaction;
}

/**
 * Column 5 of Table II is one count under (A) or (D); EDGAR writes it as transactionShares plus an
 * acquired/disposed code that cannot carry footnotes, so footnotes on either column go on the count.
 */
function derivativeAmounts(cells: LineCells, line: DerivativeLine): XmlElementNode {
  const acquired = line.sharesAcquired ?? null;
  const disposed = line.sharesDisposed ?? null;
  if (acquired !== null && disposed !== null) {
    cells.context.problem(`${cells.path}.sharesDisposed`, 'is filled as well as sharesAcquired; an EDGAR line is either acquired or disposed');
  }
  const field = acquired === null && disposed !== null ? 'sharesDisposed' : 'sharesAcquired';
  const count = decimalOrNull(cells, field, acquired ?? disposed);
  if (count === null) cells.context.problem(`${cells.path}.sharesAcquired`, 'column 5 is blank; an EDGAR derivative transaction needs its count under (A) or (D)');
  return element('transactionAmounts', [
    element('transactionShares', [count === null ? undefined : leaf('value', count), ...cells.footnotes('sharesAcquired', 'sharesDisposed')]),
    cells.valueOrFootnote('transactionPricePerShare', 'pricePerShare', decimalOrNull(cells, 'pricePerShare', line.pricePerShare)),
    element('transactionAcquiredDisposedCode', [leaf('value', field === 'sharesDisposed' ? 'D' : 'A')]),
  ]);
}

function underlyingSecurity(cells: LineCells, line: DerivativeLine): XmlElementNode {
  const shares = decimalOrNull(cells, 'underlyingShares', line.underlyingShares);
  const sharesCell =
    shares === null && !cells.hasFootnotes('underlyingShares') ? undefined : cells.valueOrFootnote('underlyingSecurityShares', 'underlyingShares', shares);
  return element('underlyingSecurity', [securityTitle(cells, 'underlyingSecurityTitle', 'underlyingTitle', line.underlyingTitle), sharesCell]);
}

function derivativeLine(context: ExportContext, line: DerivativeLine, index: number): XmlElementNode {
  const cells = new LineCells(context, `derivative[${index}]`, line.footnoteRefs ?? {});
  const title = securityTitle(cells, 'securityTitle', 'securityTitle', line.securityTitle);
  const price = cells.valueOrFootnote(
    'conversionOrExercisePrice',
    'conversionOrExercisePrice',
    decimalOrNull(cells, 'conversionOrExercisePrice', line.conversionOrExercisePrice),
  );
  if (isHolding(line)) {
    reportTransactionValuesOnHolding(cells, {
      deemedExecutionDate: line.deemedExecutionDate,
      equitySwapInvolved: line.equitySwapInvolved,
      sharesAcquired: line.sharesAcquired,
      sharesDisposed: line.sharesDisposed,
      pricePerShare: line.pricePerShare,
    });
    const holding = element('derivativeHolding', [
      title,
      price,
      dateOrFootnote(cells, 'exerciseDate', 'dateExercisable', line.dateExercisable),
      dateOrFootnote(cells, 'expirationDate', 'expirationDate', line.expirationDate),
      underlyingSecurity(cells, line),
      postTransactionAmounts(cells, line),
      ownershipNature(cells, line),
    ]);
    cells.reportUnplaced('derivativeHolding');
    return holding;
  }
  const transaction = element('derivativeTransaction', [
    title,
    price,
    transactionDate(cells, line),
    deemedExecutionDate(cells, line),
    transactionCoding(cells, line),
    derivativeAmounts(cells, line),
    dateOrFootnote(cells, 'exerciseDate', 'dateExercisable', line.dateExercisable),
    dateOrFootnote(cells, 'expirationDate', 'expirationDate', line.expirationDate),
    underlyingSecurity(cells, line),
    postTransactionAmounts(cells, line),
    ownershipNature(cells, line),
  ]);
  cells.reportUnplaced('derivativeTransaction');
  return transaction;
}

function checkLineCount(context: ExportContext, path: string, count: number): void {
  if (count > MAX_TABLE_LINES) context.problem(path, `has ${count} lines; EDGAR takes at most ${MAX_TABLE_LINES} per table`);
}

/** `<nonDerivativeTable>`, or nothing for an empty Table I (the element is optional). */
export function nonDerivativeTable(context: ExportContext, lines: readonly NonDerivativeLine[]): XmlElementNode | undefined {
  checkLineCount(context, 'nonDerivative', lines.length);
  if (lines.length === 0) return undefined;
  return element('nonDerivativeTable', lines.map((line, index) => nonDerivativeLine(context, line, index)));
}

/** `<derivativeTable>`, or nothing for an empty Table II. */
export function derivativeTable(context: ExportContext, lines: readonly DerivativeLine[]): XmlElementNode | undefined {
  checkLineCount(context, 'derivative', lines.length);
  if (lines.length === 0) return undefined;
  return element('derivativeTable', lines.map((line, index) => derivativeLine(context, line, index)));
}
