// Filings as one CSV table for spreadsheets (RFC 4180: CRLF between records, fields quoted when they
// hold a comma, a double quote, CR or LF, double quotes doubled inside). One row per Table I or Table II
// line; a filing with no lines still gets one row, with the filing columns only.
//
// Column order is fixed, and is the contract of the file:
//   filing columns, repeated on each of the filing's rows
//     filing               1-based position of the filing in the export, to group its rows
//     documentType, periodOfReport, dateOfOriginalSubmission, notSubjectToSection16, aff10b5One
//     issuerName, issuerTradingSymbol, issuerCik
//     reportingOwnerName, reportingOwnerCik, isDirector, isOfficer, isTenPercentOwner, isOther,
//     officerTitle, otherText            the first reporting owner (box 1 and box 5)
//     otherReportingOwners               the names of the others, joined by "; "
//     jointFiling
//     signatureName, signatureDate       the first signature
//     remarks
//     footnotes            every footnote as "(id) text", one per line within the field
//   line columns, empty on a filing's only row when it has no lines
//     table                I or II
//     line                 1-based position within its table
//     securityTitle, conversionOrExercisePrice, transactionDate, deemedExecutionDate, transactionCode,
//     equitySwapInvolved, shares, acquiredDisposed, sharesAcquired, sharesDisposed, pricePerShare,
//     dateExercisable, expirationDate, underlyingTitle, underlyingShares, sharesOwnedFollowing,
//     directOrIndirect, natureOfOwnership      the fields of form4.schema.json, blank where a table has none
//     footnoteRefs         "field:id,id;field:id", fields in the column order above
// Blank boxes (null) are empty fields; booleans are true/false; numbers are written exactly as stored.
// Text is written as it is, formula-like text included: this is a data export, not a spreadsheet.
import type { DerivativeLine, Filing, NonDerivativeLine } from '../../../shared/model.js';
import { LINE_FIELDS, orderedFootnoteRefs, type LineField } from './line-fields.js';

type Cell = string | number | boolean | null | undefined;

const FILING_COLUMNS = [
  'filing', 'documentType', 'periodOfReport', 'dateOfOriginalSubmission', 'notSubjectToSection16', 'aff10b5One',
  'issuerName', 'issuerTradingSymbol', 'issuerCik',
  'reportingOwnerName', 'reportingOwnerCik', 'isDirector', 'isOfficer', 'isTenPercentOwner', 'isOther', 'officerTitle', 'otherText',
  'otherReportingOwners', 'jointFiling', 'signatureName', 'signatureDate', 'remarks', 'footnotes',
] as const;

export const CSV_COLUMNS: readonly string[] = [...FILING_COLUMNS, 'table', 'line', ...LINE_FIELDS, 'footnoteRefs'];

type FilingColumn = (typeof FILING_COLUMNS)[number];
type AnyLine = Partial<NonDerivativeLine> & Partial<DerivativeLine>;

function csvField(value: Cell): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function filingCells(filing: Filing, position: number): Record<FilingColumn, Cell> {
  const [owner, ...others] = filing.reportingOwners;
  const signature = filing.signatures[0];
  return {
    filing: position,
    documentType: filing.documentType,
    periodOfReport: filing.periodOfReport,
    dateOfOriginalSubmission: filing.dateOfOriginalSubmission,
    notSubjectToSection16: filing.notSubjectToSection16,
    aff10b5One: filing.aff10b5One,
    issuerName: filing.issuer.name,
    issuerTradingSymbol: filing.issuer.tradingSymbol,
    issuerCik: filing.issuer.cik,
    reportingOwnerName: owner?.name,
    reportingOwnerCik: owner?.cik,
    isDirector: owner?.isDirector,
    isOfficer: owner?.isOfficer,
    isTenPercentOwner: owner?.isTenPercentOwner,
    isOther: owner?.isOther,
    officerTitle: owner?.officerTitle,
    otherText: owner?.otherText,
    otherReportingOwners: others.length === 0 ? null : others.map((other) => other.name).join('; '),
    jointFiling: filing.jointFiling,
    signatureName: signature?.name,
    signatureDate: signature?.date,
    remarks: filing.remarks,
    footnotes: filing.footnotes.length === 0 ? null : filing.footnotes.map((footnote) => `(${footnote.id}) ${footnote.text}`).join('\n'),
  };
}

/** Footnote references in a stable order: the line columns' order, then any other field by name. */
function footnoteRefsCell(refs: Record<string, string[]> | undefined): string | null {
  const listed = Object.entries(orderedFootnoteRefs(refs ?? {})).filter(([, ids]) => ids.length > 0);
  return listed.length === 0 ? null : listed.map(([field, ids]) => `${field}:${ids.join(',')}`).join(';');
}

function lineCells(table: 'I' | 'II', position: number, line: AnyLine): Cell[] {
  return [table, position, ...LINE_FIELDS.map((field: LineField) => line[field]), footnoteRefsCell(line.footnoteRefs)];
}

function record(cells: readonly Cell[]): string {
  return `${cells.map(csvField).join(',')}\r\n`;
}

/** The filings as CSV text: a header row, then the rows, each record ending in CRLF. */
export function toCsv(filings: readonly Filing[]): string {
  const blankLine: Cell[] = new Array<Cell>(CSV_COLUMNS.length - FILING_COLUMNS.length).fill(null);
  const rows = filings.flatMap((filing, index) => {
    const cells = filingCells(filing, index + 1);
    const header = FILING_COLUMNS.map((column) => cells[column]);
    const lines = [
      ...filing.nonDerivative.map((line, at) => lineCells('I', at + 1, line)),
      ...filing.derivative.map((line, at) => lineCells('II', at + 1, line)),
    ];
    // Every record has every column (RFC 4180): a filing without lines has its line columns empty.
    return (lines.length === 0 ? [blankLine] : lines).map((line) => record([...header, ...line]));
  });
  return record(CSV_COLUMNS) + rows.join('');
}
