// A Filing as the EDGAR ownershipDocument a filer agent submits: the SEC's X0306 Form 4 schema with
// its X0304 common part, or X0508 when the 10b5-1 box is known (X0508 differs only by `aff10b5One`
// after the last reportingOwner). A pure function of the filing: same filing, same bytes.
//
// The XSD requires two things a paper Form 4 never prints, so the export has to say something there:
// - issuerCik and rptOwnerCik (type CIK: 1 to 10 digits). With no CIK known, the export writes
//   UNKNOWN_CIK, ten zeros: it satisfies the pattern, EDGAR assigns no such CIK so nobody can take it
//   for a real one, and an XML comment beside it says it is a placeholder to replace before filing.
// - issuerTradingSymbol (1 to 10 characters). With none on the form, the export writes NONE, the word
//   EDGAR filers use for an issuer without a symbol, with the same kind of comment.
// Anything else the XSD would refuse (a blank required box, a title over 60 characters, a footnote with
// no place, a code EDGAR does not have) is not guessed at: toEdgarXml throws EdgarXmlError listing each
// problem by field path, and edgarXmlProblems gives the same list without throwing.
import { filingSchema, type Filing, type Footnote, type ReportingOwner, type Signature } from '../../../shared/model.js';
import { element, ExportContext, flag, leaf, type EdgarXmlProblem } from './edgar-cells.js';
import { EDGAR_STATE_CODES } from './edgar-state-codes.js';
import { fieldPath } from './field-path.js';
import { derivativeTable, nonDerivativeTable } from './edgar-tables.js';
import { renderXmlDocument, type XmlElementNode, type XmlNode } from './xml-writer.js';

export type { EdgarXmlProblem } from './edgar-cells.js';

export type EdgarSchemaVersion = 'X0306' | 'X0508';

export interface EdgarXmlOptions {
  /**
   * Defaults to X0508 when the 10b5-1 box is known (`aff10b5One` is a boolean), else X0306. Asking for
   * X0306 leaves `aff10b5One` out, since X0306 has no such element; asking for X0508 when the box is
   * not known is a problem, as X0508 exists to carry it.
   */
  schemaVersion?: EdgarSchemaVersion;
}

/** Written where the XSD requires a CIK and the filing has none; never a CIK EDGAR assigns. */
export const UNKNOWN_CIK = '0000000000';
/** Written where the XSD requires a trading symbol and the form shows none. */
export const NO_TRADING_SYMBOL = 'NONE';

export class EdgarXmlError extends Error {
  constructor(readonly problems: readonly EdgarXmlProblem[]) {
    super(
      `the filing cannot be written as EDGAR XML (${problems.length} problem${problems.length === 1 ? '' : 's'}): ` +
        problems.map((problem) => `${problem.path}: ${problem.message}`).join('; '),
    );
    this.name = 'EdgarXmlError';
  }
}

const MAX_REPORTING_OWNERS = 10;
const MAX_SIGNATURES = 10;
const MAX_FOOTNOTES = 99;
/** FID: "F" then 1 to 99, so our ids are "1" to "99" without leading zeros. */
const FOOTNOTE_ID = /^[1-9][0-9]?$/;
const ZIP = /^[0-9A-Za-z #-]*$/;

function issuerElement(context: ExportContext, issuer: Filing['issuer']): XmlElementNode {
  const children: XmlNode[] = [];
  const cik = issuer.cik ?? '';
  if (cik === '') {
    children.push({ comment: `issuerCik ${UNKNOWN_CIK} is a placeholder: the form gives no CIK; replace it before filing` });
  } else if (!/^[0-9]{1,10}$/.test(cik)) {
    context.problem('issuer.cik', `"${cik}" is not a CIK (1 to 10 digits)`);
  }
  children.push(leaf('issuerCik', cik === '' ? UNKNOWN_CIK : cik));
  children.push(leaf('issuerName', context.text('issuer.name', issuer.name, { max: 150 })));
  const symbol = issuer.tradingSymbol ?? '';
  if (symbol === '') children.push({ comment: `issuerTradingSymbol ${NO_TRADING_SYMBOL}: the form shows no trading symbol` });
  children.push(leaf('issuerTradingSymbol', symbol === '' ? NO_TRADING_SYMBOL : context.text('issuer.tradingSymbol', symbol, { min: 1, max: 10 })));
  return { name: 'issuer', children };
}

function ownerAddress(context: ExportContext, owner: ReportingOwner, path: string): XmlElementNode | undefined {
  const lines: Array<[name: string, field: 'street1' | 'street2' | 'city', max: number]> = [
    ['rptOwnerStreet1', 'street1', 40],
    ['rptOwnerStreet2', 'street2', 40],
    ['rptOwnerCity', 'city', 30],
  ];
  const children: XmlElementNode[] = [];
  for (const [name, field, max] of lines) {
    const value = owner[field];
    if (value !== null && value !== undefined) children.push(leaf(name, context.text(`${path}.${field}`, value, { max })));
  }
  if (owner.state !== null && owner.state !== undefined) {
    if (!EDGAR_STATE_CODES.has(owner.state)) {
      context.problem(`${path}.state`, `"${owner.state}" is not an EDGAR state or country code (two characters, e.g. NY, or X0 for the UK)`);
    }
    children.push(leaf('rptOwnerState', owner.state));
  }
  if (owner.zip !== null && owner.zip !== undefined) {
    const zip = context.text(`${path}.zip`, owner.zip, { max: 10 });
    if (!ZIP.test(zip)) context.problem(`${path}.zip`, `"${zip}" has characters EDGAR does not take in a ZIP code (letters, digits, space, #, -)`);
    children.push(leaf('rptOwnerZipCode', zip));
  }
  return children.length === 0 ? undefined : element('reportingOwnerAddress', children);
}

function reportingOwnerElement(context: ExportContext, owner: ReportingOwner, index: number): XmlElementNode {
  const path = `reportingOwners[${index}]`;
  const cik = owner.cik ?? '';
  const id: XmlNode[] = [];
  if (cik === '') {
    id.push({ comment: `rptOwnerCik ${UNKNOWN_CIK} is a placeholder: the form gives no CIK; replace it before filing` });
  } else if (!/^[0-9]{1,10}$/.test(cik)) {
    context.problem(`${path}.cik`, `"${cik}" is not a CIK (1 to 10 digits)`);
  }
  id.push(leaf('rptOwnerCik', cik === '' ? UNKNOWN_CIK : cik));
  id.push(leaf('rptOwnerName', context.text(`${path}.name`, owner.name, { max: 150 })));

  const optionalText = (name: string, field: 'officerTitle' | 'otherText') => {
    const value = owner[field];
    return value === null || value === undefined ? undefined : leaf(name, context.text(`${path}.${field}`, value, { max: 30 }));
  };
  return element('reportingOwner', [
    { name: 'reportingOwnerId', children: id },
    ownerAddress(context, owner, path),
    element('reportingOwnerRelationship', [
      flag('isDirector', owner.isDirector),
      flag('isOfficer', owner.isOfficer),
      flag('isTenPercentOwner', owner.isTenPercentOwner),
      flag('isOther', owner.isOther),
      optionalText('officerTitle', 'officerTitle'),
      optionalText('otherText', 'otherText'),
    ]),
  ]);
}

function footnotesElement(context: ExportContext, footnotes: readonly Footnote[]): XmlElementNode | undefined {
  if (footnotes.length > MAX_FOOTNOTES) context.problem('footnotes', `has ${footnotes.length} footnotes; EDGAR takes at most ${MAX_FOOTNOTES}`);
  const seen = new Set<string>();
  footnotes.forEach((footnote, index) => {
    if (!FOOTNOTE_ID.test(footnote.id)) context.problem(`footnotes[${index}].id`, `"${footnote.id}" is not a footnote number EDGAR takes (1 to 99)`);
    if (seen.has(footnote.id)) context.problem(`footnotes[${index}].id`, `footnote (${footnote.id}) appears twice`);
    seen.add(footnote.id);
  });
  if (footnotes.length === 0) return undefined;
  return element(
    'footnotes',
    footnotes.map((footnote, index) => ({
      name: 'footnote',
      attributes: { id: `F${footnote.id}` },
      text: context.text(`footnotes[${index}].text`, footnote.text),
    })),
  );
}

function signatureElements(context: ExportContext, signatures: readonly Signature[]): XmlElementNode[] {
  if (signatures.length === 0) context.problem('signatures', 'is empty; EDGAR requires at least one ownerSignature');
  if (signatures.length > MAX_SIGNATURES) context.problem('signatures', `has ${signatures.length} signatures; EDGAR takes at most ${MAX_SIGNATURES}`);
  return signatures.map((signature, index) => {
    const path = `signatures[${index}]`;
    if (signature.date === null) context.problem(`${path}.date`, 'is blank; EDGAR requires a signature date');
    return element('ownerSignature', [
      leaf('signatureName', context.text(`${path}.name`, signature.name, { min: 1, max: 255 })),
      signature.date === null ? undefined : leaf('signatureDate', context.date(`${path}.date`, signature.date)),
    ]);
  });
}

/** The documentType, period and amendment elements that open the document. */
function documentHeader(context: ExportContext, filing: Filing): XmlElementNode[] {
  const original = filing.dateOfOriginalSubmission ?? null;
  const header = [leaf('documentType', filing.documentType), leaf('periodOfReport', context.date('periodOfReport', filing.periodOfReport))];
  if (filing.documentType === '4/A') {
    // The SEC's 4/A schema puts the original filing's date right after periodOfReport, and requires it.
    if (original === null) context.problem('dateOfOriginalSubmission', 'is blank; a 4/A needs the date of the filing it amends (box 4)');
    else header.push(leaf('dateOfOriginalSubmission', context.date('dateOfOriginalSubmission', original)));
  } else if (original !== null) {
    context.problem('dateOfOriginalSubmission', 'is filled (box 4) but documentType is 4; a Form 4 has no such element: make it a 4/A or clear box 4');
  }
  if (filing.notSubjectToSection16 !== undefined) header.push(flag('notSubjectToSection16', filing.notSubjectToSection16));
  return header;
}

function chooseSchemaVersion(filing: Filing, options: EdgarXmlOptions): EdgarSchemaVersion {
  return options.schemaVersion ?? (typeof filing.aff10b5One === 'boolean' ? 'X0508' : 'X0306');
}

function buildDocument(filing: Filing, options: EdgarXmlOptions): { root: XmlElementNode; problems: EdgarXmlProblem[] } {
  const context = new ExportContext(new Set(filing.footnotes.map((footnote) => footnote.id)));
  const schemaVersion = chooseSchemaVersion(filing, options);
  const box10b5One = filing.aff10b5One ?? null;
  if (schemaVersion === 'X0508' && box10b5One === null) {
    context.problem('aff10b5One', 'is not known; X0508 exists to carry the 10b5-1 box: fill it or export X0306');
  }
  if (filing.reportingOwners.length > MAX_REPORTING_OWNERS) {
    context.problem('reportingOwners', `has ${filing.reportingOwners.length} owners; EDGAR takes at most ${MAX_REPORTING_OWNERS}`);
  }
  const root = element('ownershipDocument', [
    leaf('schemaVersion', schemaVersion),
    ...documentHeader(context, filing),
    issuerElement(context, filing.issuer),
    ...filing.reportingOwners.map((owner, index) => reportingOwnerElement(context, owner, index)),
    schemaVersion === 'X0508' && box10b5One !== null ? flag('aff10b5One', box10b5One) : undefined,
    nonDerivativeTable(context, filing.nonDerivative),
    derivativeTable(context, filing.derivative),
    footnotesElement(context, filing.footnotes),
    filing.remarks === null ? undefined : leaf('remarks', context.text('remarks', filing.remarks, { max: 2000 })),
    ...signatureElements(context, filing.signatures),
  ]);
  return { root, problems: context.problems };
}

function schemaProblems(filing: unknown): EdgarXmlProblem[] {
  const parsed = filingSchema.safeParse(filing);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => ({
    path: fieldPath(issue.path),
    message: issue.message,
  }));
}

/** Everything that keeps the filing from being a valid EDGAR document, by field path; empty when none. */
export function edgarXmlProblems(filing: Filing, options: EdgarXmlOptions = {}): EdgarXmlProblem[] {
  const invalid = schemaProblems(filing);
  return invalid.length > 0 ? invalid : buildDocument(filing, options).problems;
}

/**
 * The filing as an EDGAR ownershipDocument (Form 4 or 4/A), UTF-8 text ending in a newline. Throws
 * EdgarXmlError, listing every problem, when the filing does not fit the Form 4 schema or the XSD.
 */
export function toEdgarXml(filing: Filing, options: EdgarXmlOptions = {}): string {
  const invalid = schemaProblems(filing);
  if (invalid.length > 0) throw new EdgarXmlError(invalid);
  const { root, problems } = buildDocument(filing, options);
  if (problems.length > 0) throw new EdgarXmlError(problems);
  return renderXmlDocument(root);
}
