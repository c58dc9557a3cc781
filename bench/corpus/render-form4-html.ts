// The printed Form 4 as HTML, laid out like the form EDGAR renders from an ownershipDocument: header with
// the OMB box, boxes 1 to 6, Table I, Table II, the other reporting persons, Explanation of Responses,
// Remarks and the signature block. Pure: a Filing and a layout variant in, an HTML string out. The variant
// moves fonts, sizes, column widths and spacing so that a parser cannot lean on one template.
import type { DerivativeLine, Filing, NonDerivativeLine, ReportingOwner } from '../../shared/model.js';
import { createRandom } from './seeded-random.js';
import { footnoteMarks, printDate, printPrice, printShares, type PriceStyle } from './printed-values.js';

export interface LayoutVariant {
  /** CSS font stack; only fonts installed with Chromium on Debian (Liberation, DejaVu). */
  fontFamily: string;
  /** Text outside the tables, in points (8 to 11). */
  fontSizePt: number;
  /** Table cells, in points: never larger than the body text, as on printed filings. */
  tableFontSizePt: number;
  lineHeight: number;
  cellPaddingPt: number;
  pageMarginIn: number;
  /** Relative widths of Table I's 11 and Table II's 16 leaf columns. */
  tableIColumns: number[];
  tableIIColumns: number[];
  priceStyle: PriceStyle;
  checkbox: 'boxed' | 'bracketed';
  /** Whether table headers sit in <thead>, which Chromium repeats on every page a table spans. */
  repeatTableHeaders: boolean;
  borderPx: number;
}

const FONT_STACKS = [
  "'Liberation Serif', 'Times New Roman', serif",
  "'Liberation Sans', Arial, sans-serif",
  "'DejaVu Serif', serif",
  "'DejaVu Sans', sans-serif",
  "'Liberation Sans Narrow', 'Arial Narrow', sans-serif",
  "'DejaVu Sans Condensed', 'DejaVu Sans', sans-serif",
] as const;

// Base widths as on EDGAR's rendering: titles and nature wide, code and V narrow.
const TABLE_I_BASE = [16, 8, 8, 4, 2.5, 9, 4.5, 8, 11, 6.5, 11];
const TABLE_II_BASE = [11, 6.5, 6.5, 6.5, 3.5, 2, 5.5, 5.5, 6.5, 6.5, 8, 6.5, 5.5, 7, 5, 8];

/** The layout variant of one corpus page, the same for the same seed (the file name). */
export function layoutVariant(seed: string | number): LayoutVariant {
  const random = createRandom(seed);
  const jitter = (widths: number[]) => widths.map((width) => Number((width * random.between(0.75, 1.3)).toFixed(2)));
  const fontSizePt = Number(random.between(8, 11).toFixed(1));
  return {
    fontFamily: random.pick(FONT_STACKS),
    fontSizePt,
    tableFontSizePt: Number(Math.min(fontSizePt, random.between(8, 10)).toFixed(1)),
    lineHeight: Number(random.between(1.1, 1.45).toFixed(2)),
    cellPaddingPt: Number(random.between(1, 4).toFixed(1)),
    pageMarginIn: Number(random.between(0.3, 0.65).toFixed(2)),
    tableIColumns: jitter(TABLE_I_BASE),
    tableIIColumns: jitter(TABLE_II_BASE),
    priceStyle: random.chance(0.7) ? 'as-filed' : 'cents',
    checkbox: random.chance(0.6) ? 'boxed' : 'bracketed',
    repeatTableHeaders: random.chance(0.5),
    borderPx: random.pick([1, 1, 1.5, 2]),
  };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** A printed value followed by its footnote marks in superscript, e.g. 2,000<sup>(1)</sup>. */
function cell(value: string, refs: readonly string[] | undefined, className = ''): string {
  const marks = footnoteMarks(refs);
  const sup = marks ? `<sup>${escapeHtml(marks)}</sup>` : '';
  return `<td${className ? ` class="${className}"` : ''}>${escapeHtml(value)}${sup}</td>`;
}

function checkbox(checked: boolean, layout: LayoutVariant): string {
  if (layout.checkbox === 'bracketed') return `<span class="bracket">[${checked ? 'X' : '&nbsp;&nbsp;'}]</span>`;
  return `<span class="box">${checked ? 'X' : '&nbsp;'}</span>`;
}

function ownerNameAndAddress(owner: ReportingOwner): string {
  const street = [owner.street1, owner.street2].filter((line): line is string => Boolean(line));
  const cityLine = [owner.city, owner.state, owner.zip].filter((part): part is string => Boolean(part)).join(' ');
  return `
    <div class="label">1. Name and Address of Reporting Person<sup>*</sup></div>
    <div class="value">${escapeHtml(owner.name)}</div>
    <div class="hint three"><span>(Last)</span><span>(First)</span><span>(Middle)</span></div>
    ${street.map((line) => `<div class="value">${escapeHtml(line)}</div>`).join('') || '<div class="empty">&nbsp;</div>'}
    <div class="hint">(Street)</div>
    ${cityLine ? `<div class="value">${escapeHtml(cityLine)}</div>` : '<div class="empty">&nbsp;</div>'}
    <div class="hint three"><span>(City)</span><span>(State)</span><span>(Zip)</span></div>`;
}

function relationship(owner: ReportingOwner, layout: LayoutVariant, title: string): string {
  const described = [owner.officerTitle, owner.otherText].filter((text): text is string => Boolean(text));
  return `
    <div class="label">${title}</div>
    <table class="checks"><tr>
      <td>${checkbox(owner.isDirector, layout)} Director</td>
      <td>${checkbox(owner.isTenPercentOwner, layout)} 10% Owner</td>
    </tr><tr>
      <td>${checkbox(owner.isOfficer, layout)} Officer (give title below)</td>
      <td>${checkbox(owner.isOther, layout)} Other (specify below)</td>
    </tr></table>
    <div class="title-line">${described.map(escapeHtml).join('<br>') || '&nbsp;'}</div>`;
}

function header(filing: Filing, layout: LayoutVariant): string {
  const tenB5One = filing.aff10b5One === null || filing.aff10b5One === undefined ? '' : `
    <div class="check-line">${checkbox(filing.aff10b5One, layout)}
      Check this box to indicate that a transaction was made pursuant to a contract, instruction or written plan
      for the purchase or sale of equity securities of the issuer that is intended to satisfy the affirmative
      defense conditions of Rule 10b5-1(c). See Instruction 10.</div>`;
  return `
  <table class="head"><tr>
    <td class="form-name">FORM 4</td>
    <td class="agency">
      <div class="big">UNITED STATES SECURITIES AND EXCHANGE COMMISSION</div>
      <div>Washington, D.C. 20549</div>
      <div class="big">STATEMENT OF CHANGES IN BENEFICIAL OWNERSHIP</div>
      <div class="small">Filed pursuant to Section 16(a) of the Securities Exchange Act of 1934
        or Section 30(h) of the Investment Company Act of 1940</div>
    </td>
    <td class="omb">
      <div class="omb-title">OMB APPROVAL</div>
      <div>OMB Number: 3235-0287</div>
      <div>Estimated average burden hours per response: 0.5</div>
    </td>
  </tr></table>
  <div class="check-line">${checkbox(filing.notSubjectToSection16 === true, layout)}
    Check this box if no longer subject to Section 16. Form 4 or Form 5 obligations may continue.
    See Instruction 1(b).</div>
  ${tenB5One}`;
}

function boxes(filing: Filing, layout: LayoutVariant): string {
  const first = filing.reportingOwners[0];
  if (!first) throw new Error('a Form 4 has at least one reporting person');
  const joint = filing.reportingOwners.length > 1;
  const ticker = filing.issuer.tradingSymbol ? ` [ ${escapeHtml(filing.issuer.tradingSymbol)} ]` : ' [ ]';
  return `
  <table class="boxes"><tr>
    <td class="box1" rowspan="3">${ownerNameAndAddress(first)}</td>
    <td class="box2">
      <div class="label">2. Issuer Name <b>and</b> Ticker or Trading Symbol</div>
      <div class="value">${escapeHtml(filing.issuer.name)}${ticker}</div>
    </td>
    <td class="box5" rowspan="2">${relationship(first, layout, '5. Relationship of Reporting Person(s) to Issuer<br>(Check all applicable)')}</td>
  </tr><tr>
    <td class="box3">
      <div class="label">3. Date of Earliest Transaction (Month/Day/Year)</div>
      <div class="value">${printDate(filing.periodOfReport)}</div>
    </td>
  </tr><tr>
    <td class="box4">
      <div class="label">4. If Amendment, Date of Original Filed (Month/Day/Year)</div>
      ${filing.dateOfOriginalSubmission ? `<div class="value">${printDate(filing.dateOfOriginalSubmission)}</div>` : '<div class="empty">&nbsp;</div>'}
    </td>
    <td class="box6">
      <div class="label">6. Individual or Joint/Group Filing (Check Applicable Line)</div>
      <div>${checkbox(!joint, layout)} Form filed by One Reporting Person</div>
      <div>${checkbox(joint, layout)} Form filed by More than One Reporting Person</div>
    </td>
  </tr></table>`;
}

function colgroup(weights: number[]): string {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return `<colgroup>${weights.map((weight) => `<col style="width:${((weight / total) * 100).toFixed(2)}%">`).join('')}</colgroup>`;
}

function tableHead(rows: string, layout: LayoutVariant): string {
  return layout.repeatTableHeaders ? `<thead>${rows}</thead><tbody>` : `<tbody>${rows}`;
}

function nonDerivativeRow(line: NonDerivativeLine, layout: LayoutVariant): string {
  const refs = line.footnoteRefs ?? {};
  return `<tr>
    ${cell(line.securityTitle, refs['securityTitle'], 'text')}
    ${cell(printDate(line.transactionDate), refs['transactionDate'], 'date')}
    ${cell(printDate(line.deemedExecutionDate), refs['deemedExecutionDate'], 'date')}
    ${cell(line.transactionCode ?? '', refs['transactionCode'], 'code')}
    <td class="code"></td>
    ${cell(printShares(line.shares), refs['shares'], 'num')}
    ${cell(line.acquiredDisposed ?? '', refs['acquiredDisposed'], 'code')}
    ${cell(printPrice(line.pricePerShare, layout.priceStyle), refs['pricePerShare'], 'num')}
    ${cell(printShares(line.sharesOwnedFollowing), refs['sharesOwnedFollowing'], 'num')}
    ${cell(line.directOrIndirect ?? '', refs['directOrIndirect'], 'code')}
    ${cell(line.natureOfOwnership ?? '', refs['natureOfOwnership'], 'text')}
  </tr>`;
}

function tableI(filing: Filing, layout: LayoutVariant): string {
  const headRows = `<tr>
      <th rowspan="2">1. Title of Security (Instr. 3)</th>
      <th rowspan="2">2. Transaction Date (Month/Day/Year)</th>
      <th rowspan="2">2A. Deemed Execution Date, if any (Month/Day/Year)</th>
      <th colspan="2">3. Transaction Code (Instr. 8)</th>
      <th colspan="3">4. Securities Acquired (A) or Disposed Of (D) (Instr. 3, 4 and 5)</th>
      <th rowspan="2">5. Amount of Securities Beneficially Owned Following Reported Transaction(s) (Instr. 3 and 4)</th>
      <th rowspan="2">6. Ownership Form: Direct (D) or Indirect (I) (Instr. 4)</th>
      <th rowspan="2">7. Nature of Indirect Beneficial Ownership (Instr. 4)</th>
    </tr><tr>
      <th>Code</th><th>V</th><th>Amount</th><th>(A) or (D)</th><th>Price</th>
    </tr>`;
  return `
  <div class="table-title">Table I - Non-Derivative Securities Acquired, Disposed of, or Beneficially Owned</div>
  <table class="grid">${colgroup(layout.tableIColumns)}${tableHead(headRows, layout)}
    ${filing.nonDerivative.map((line) => nonDerivativeRow(line, layout)).join('')}
  </tbody></table>`;
}

function derivativeRow(line: DerivativeLine, layout: LayoutVariant): string {
  const refs = line.footnoteRefs ?? {};
  return `<tr>
    ${cell(line.securityTitle, refs['securityTitle'], 'text')}
    ${cell(printPrice(line.conversionOrExercisePrice, layout.priceStyle), refs['conversionOrExercisePrice'], 'num')}
    ${cell(printDate(line.transactionDate), refs['transactionDate'], 'date')}
    ${cell(printDate(line.deemedExecutionDate), refs['deemedExecutionDate'], 'date')}
    ${cell(line.transactionCode ?? '', refs['transactionCode'], 'code')}
    <td class="code"></td>
    ${cell(printShares(line.sharesAcquired), refs['sharesAcquired'], 'num')}
    ${cell(printShares(line.sharesDisposed), refs['sharesDisposed'], 'num')}
    ${cell(printDate(line.dateExercisable), refs['dateExercisable'], 'date')}
    ${cell(printDate(line.expirationDate), refs['expirationDate'], 'date')}
    ${cell(line.underlyingTitle ?? '', refs['underlyingTitle'], 'text')}
    ${cell(printShares(line.underlyingShares), refs['underlyingShares'], 'num')}
    ${cell(printPrice(line.pricePerShare, layout.priceStyle), refs['pricePerShare'], 'num')}
    ${cell(printShares(line.sharesOwnedFollowing), refs['sharesOwnedFollowing'], 'num')}
    ${cell(line.directOrIndirect ?? '', refs['directOrIndirect'], 'code')}
    ${cell(line.natureOfOwnership ?? '', refs['natureOfOwnership'], 'text')}
  </tr>`;
}

function tableII(filing: Filing, layout: LayoutVariant): string {
  const headRows = `<tr>
      <th rowspan="2">1. Title of Derivative Security (Instr. 3)</th>
      <th rowspan="2">2. Conversion or Exercise Price of Derivative Security</th>
      <th rowspan="2">3. Transaction Date (Month/Day/Year)</th>
      <th rowspan="2">3A. Deemed Execution Date, if any (Month/Day/Year)</th>
      <th colspan="2">4. Transaction Code (Instr. 8)</th>
      <th colspan="2">5. Number of Derivative Securities Acquired (A) or Disposed of (D) (Instr. 3, 4 and 5)</th>
      <th colspan="2">6. Date Exercisable and Expiration Date (Month/Day/Year)</th>
      <th colspan="2">7. Title and Amount of Securities Underlying Derivative Security (Instr. 3 and 4)</th>
      <th rowspan="2">8. Price of Derivative Security (Instr. 5)</th>
      <th rowspan="2">9. Number of derivative Securities Beneficially Owned Following Reported Transaction(s) (Instr. 4)</th>
      <th rowspan="2">10. Ownership Form: Direct (D) or Indirect (I) (Instr. 4)</th>
      <th rowspan="2">11. Nature of Indirect Beneficial Ownership (Instr. 4)</th>
    </tr><tr>
      <th>Code</th><th>V</th><th>(A)</th><th>(D)</th><th>Date Exercisable</th><th>Expiration Date</th>
      <th>Title</th><th>Amount or Number of Shares</th>
    </tr>`;
  return `
  <div class="table-title">Table II - Derivative Securities Acquired, Disposed of, or Beneficially Owned<br>
    (e.g., puts, calls, warrants, options, convertible securities)</div>
  <table class="grid">${colgroup(layout.tableIIColumns)}${tableHead(headRows, layout)}
    ${filing.derivative.map((line) => derivativeRow(line, layout)).join('')}
  </tbody></table>`;
}

/** EDGAR prints every reporting person after the first in its own name-and-relationship block. */
function otherReportingPersons(filing: Filing, layout: LayoutVariant): string {
  return filing.reportingOwners.slice(1).map((owner) => `
  <table class="boxes owner-block"><tr>
    <td class="box1">${ownerNameAndAddress(owner)}</td>
    <td class="box5">${relationship(owner, layout, '1. Relationship of Reporting Person(s) to Issuer')}</td>
  </tr></table>`).join('');
}

function explanation(filing: Filing): string {
  const footnotes = filing.footnotes.map((footnote) =>
    `<div class="footnote">${escapeHtml(footnote.id)}. ${escapeHtml(footnote.text)}</div>`).join('');
  return `
  <div class="section-title">Explanation of Responses:</div>
  ${footnotes}
  <div class="section-title">Remarks:</div>
  <div class="remarks">${filing.remarks ? escapeHtml(filing.remarks) : ''}</div>`;
}

function signatureBlock(filing: Filing): string {
  return filing.signatures.map((signature) => `
  <table class="signature"><tr>
    <td class="sig-name">${escapeHtml(signature.name)}</td>
    <td class="sig-date">${printDate(signature.date)}</td>
  </tr><tr>
    <td class="sig-label">** Signature of Reporting Person</td>
    <td class="sig-label">Date</td>
  </tr></table>`).join('');
}

const FOOTER = `
  <div class="fine">Reminder: Report on a separate line for each class of securities beneficially owned directly or indirectly.</div>
  <div class="fine">* If the form is filed by more than one reporting person, see Instruction 4 (b)(v).</div>
  <div class="fine">** Intentional misstatements or omissions of facts constitute Federal Criminal Violations See 18 U.S.C. 1001 and 15 U.S.C. 78ff(a).</div>
  <div class="fine">Note: File three copies of this Form, one of which must be manually signed. If space is insufficient, see Instruction 6 for procedure.</div>
  <div class="fine">Persons who respond to the collection of information contained in this form are not required to respond unless the form displays a currently valid OMB Number.</div>`;

function styles(layout: LayoutVariant): string {
  const border = `${layout.borderPx}px solid #000`;
  return `
  @page { size: Letter; margin: ${layout.pageMarginIn}in; }
  * { box-sizing: border-box; }
  body { margin: 0; font-family: ${layout.fontFamily}; font-size: ${layout.fontSizePt}pt; line-height: ${layout.lineHeight}; color: #000; background: #fff; }
  table { border-collapse: collapse; width: 100%; }
  td, th { vertical-align: top; padding: ${layout.cellPaddingPt}pt; }
  .head td { border: ${border}; }
  .form-name { font-size: 1.9em; font-weight: bold; width: 14%; vertical-align: middle; }
  .agency { text-align: center; }
  .agency .big { font-weight: bold; }
  .small, .fine { font-size: 0.85em; }
  .omb { width: 24%; font-size: 0.85em; }
  .omb-title { font-weight: bold; text-align: center; border-bottom: ${border}; margin-bottom: 2pt; }
  .check-line { margin: ${layout.cellPaddingPt + 2}pt 0; }
  .boxes { margin-top: 4pt; }
  .boxes > tbody > tr > td { border: ${border}; }
  .box1 { width: 33%; } .box5 { width: 32%; }
  .label { font-size: 0.9em; }
  .value { text-decoration: underline; margin-top: 2pt; }
  .empty { margin-top: 2pt; }
  .hint { font-size: 0.8em; }
  .hint.three { display: flex; justify-content: space-between; }
  .checks td { padding: 1pt 3pt 1pt 0; border: none; }
  .title-line { text-align: center; border-top: 1px solid #000; margin-top: 3pt; padding-top: 2pt; }
  .box { display: inline-block; width: 1.15em; height: 1.15em; line-height: 1.1em; border: 1px solid #000; text-align: center; font-weight: bold; vertical-align: middle; }
  .bracket { font-weight: bold; }
  .table-title { text-align: center; font-weight: bold; margin-top: 8pt; border: ${border}; border-bottom: none; padding: 2pt; }
  .grid { table-layout: auto; font-size: ${layout.tableFontSizePt}pt; }
  .grid th, .grid td { border: ${border}; overflow-wrap: break-word; }
  .grid th { font-weight: normal; font-size: 0.92em; text-align: left; }
  .grid td.num { text-align: right; }
  .grid td.code { text-align: center; }
  .grid td.num, .grid td.date, .grid td.code { white-space: nowrap; }
  .grid tr { break-inside: avoid; }
  sup { font-size: 0.65em; vertical-align: super; line-height: 0; }
  .owner-block { margin-top: 6pt; break-inside: avoid; }
  .section-title { font-weight: bold; margin-top: 8pt; }
  .footnote { margin-top: 2pt; }
  .signature { width: 70%; margin: 10pt 0 0 auto; break-inside: avoid; }
  .sig-name { border-bottom: 1px solid #000; width: 75%; }
  .sig-date { border-bottom: 1px solid #000; }
  .sig-label { font-size: 0.85em; }
  .fine { margin-top: 3pt; }`;
}

/** The whole printed form as one HTML document; Chromium paginates it on Letter paper. */
export function renderForm4Html(filing: Filing, layout: LayoutVariant): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Form 4</title><style>${styles(layout)}</style></head>
<body>
  ${header(filing, layout)}
  ${boxes(filing, layout)}
  ${tableI(filing, layout)}
  ${tableII(filing, layout)}
  ${otherReportingPersons(filing, layout)}
  ${explanation(filing)}
  ${signatureBlock(filing)}
  ${FOOTER}
</body></html>`;
}
