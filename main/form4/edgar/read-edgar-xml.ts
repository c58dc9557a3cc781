// Reads an EDGAR ownershipDocument (Form 4, schema versions X0202 to X0508) into the Filing of
// shared/model.ts, field by field as ../../../shared/spec/form4.schema.json describes. This is the ground
// truth of the scanned corpus and the reference for the XML export's round trip, so it is strict: any
// value that does not fit the schema is an error, never a silent guess.
import {
  filingSchema,
  type DerivativeLine,
  type Filing,
  type Footnote,
  type NonDerivativeLine,
  type ReportingOwner,
  type Signature,
} from '../../../shared/model.js';
import { child, childrenNamed, parseXmlTree, type XmlElement } from './xml-tree.js';

type FootnoteRefs = Record<string, string[]>;

/** Collapses runs of whitespace as the printed form does; empty text reads as null. */
function plainText(element: XmlElement | undefined): string | null {
  const text = element?.text.replace(/\s+/g, ' ').trim() ?? '';
  return text === '' ? null : text;
}

/** The `<value>` of an EDGAR cell such as `<transactionShares><value>167</value></transactionShares>`. */
function cellText(cell: XmlElement | undefined): string | null {
  return plainText(child(cell, 'value'));
}

function requiredText(element: XmlElement | undefined, where: string): string {
  const text = plainText(element);
  if (text === null) throw new Error(`EDGAR XML: ${where} is missing or empty`);
  return text;
}

function toNumber(text: string | null, where: string): number | null {
  if (text === null) return null;
  const value = Number(text.replace(/,/g, ''));
  if (!Number.isFinite(value)) throw new Error(`EDGAR XML: ${where} is not a number: "${text}"`);
  return value;
}

/** EDGAR booleans come as "1"/"0" in older filings and "true"/"false" in newer ones. */
function toBoolean(text: string | null, where: string): boolean | null {
  if (text === null) return null;
  const lower = text.toLowerCase();
  if (lower === '1' || lower === 'true') return true;
  if (lower === '0' || lower === 'false') return false;
  throw new Error(`EDGAR XML: ${where} is not a boolean: "${text}"`);
}

/** The footnote id as printed: EDGAR's `F1` is the superscript `(1)`. */
function footnoteNumber(id: string): string {
  return id.trim().replace(/^F/i, '');
}

function addFootnoteRefs(refs: FootnoteRefs, field: string, cell: XmlElement | undefined): void {
  for (const ref of childrenNamed(cell, 'footnoteId')) {
    const id = ref.attributes['id'];
    if (id === undefined) continue;
    const ids = (refs[field] ??= []);
    const number = footnoteNumber(id);
    if (!ids.includes(number)) ids.push(number);
  }
}

function readOwner(owner: XmlElement, index: number): ReportingOwner {
  const id = child(owner, 'reportingOwnerId');
  const address = child(owner, 'reportingOwnerAddress');
  const relationship = child(owner, 'reportingOwnerRelationship');
  const where = `reportingOwner ${index + 1}`;
  const flag = (name: string) => toBoolean(plainText(child(relationship, name)), `${where} ${name}`) ?? false;
  return {
    name: requiredText(child(id, 'rptOwnerName'), `${where} rptOwnerName`),
    street1: plainText(child(address, 'rptOwnerStreet1')),
    street2: plainText(child(address, 'rptOwnerStreet2')),
    city: plainText(child(address, 'rptOwnerCity')),
    state: plainText(child(address, 'rptOwnerState')),
    zip: plainText(child(address, 'rptOwnerZipCode')),
    isDirector: flag('isDirector'),
    isOfficer: flag('isOfficer'),
    isTenPercentOwner: flag('isTenPercentOwner'),
    isOther: flag('isOther'),
    officerTitle: plainText(child(relationship, 'officerTitle')),
    otherText: plainText(child(relationship, 'otherText')),
    cik: plainText(child(id, 'rptOwnerCik')),
  };
}

function acquiredDisposed(amounts: XmlElement | undefined, where: string): 'A' | 'D' | null {
  const code = cellText(child(amounts, 'transactionAcquiredDisposedCode'));
  if (code === null || code === 'A' || code === 'D') return code;
  throw new Error(`EDGAR XML: ${where} transactionAcquiredDisposedCode is "${code}", not A or D`);
}

/** Parts every table line shares: title, transaction date and coding, post-transaction amount, ownership. */
function readCommonCells(line: XmlElement, where: string, refs: FootnoteRefs) {
  const coding = child(line, 'transactionCoding');
  const post = child(line, 'postTransactionAmounts');
  // A few filers report a dollar value instead of a share count (e.g. notes); it prints in the same column.
  const following = child(post, 'sharesOwnedFollowingTransaction') ?? child(post, 'valueOwnedFollowingTransaction');
  const nature = child(line, 'ownershipNature');
  const directCell = child(nature, 'directOrIndirectOwnership');
  const natureCell = child(nature, 'natureOfOwnership');

  const code = plainText(child(coding, 'transactionCode'));
  const directOrIndirect = cellText(directCell);
  if (directOrIndirect !== null && directOrIndirect !== 'D' && directOrIndirect !== 'I') {
    throw new Error(`EDGAR XML: ${where} directOrIndirectOwnership is "${directOrIndirect}", not D or I`);
  }

  addFootnoteRefs(refs, 'securityTitle', child(line, 'securityTitle'));
  addFootnoteRefs(refs, 'transactionDate', child(line, 'transactionDate'));
  addFootnoteRefs(refs, 'deemedExecutionDate', child(line, 'deemedExecutionDate'));
  addFootnoteRefs(refs, 'transactionCode', coding);
  addFootnoteRefs(refs, 'sharesOwnedFollowing', following);
  addFootnoteRefs(refs, 'directOrIndirect', directCell);
  addFootnoteRefs(refs, 'natureOfOwnership', natureCell);

  return {
    securityTitle: requiredText(child(child(line, 'securityTitle'), 'value'), `${where} securityTitle`),
    transactionDate: cellText(child(line, 'transactionDate')),
    deemedExecutionDate: cellText(child(line, 'deemedExecutionDate')),
    // The schema's enum rejects an unknown code when the filing is validated at the end.
    transactionCode: code as NonDerivativeLine['transactionCode'],
    equitySwapInvolved: toBoolean(plainText(child(coding, 'equitySwapInvolved')), `${where} equitySwapInvolved`) ?? false,
    sharesOwnedFollowing: toNumber(cellText(following), `${where} sharesOwnedFollowing`),
    directOrIndirect: directOrIndirect as 'D' | 'I' | null,
    natureOfOwnership: cellText(natureCell),
  };
}

function readNonDerivative(line: XmlElement, index: number): NonDerivativeLine {
  const where = `Table I line ${index + 1}`;
  const refs: FootnoteRefs = {};
  const common = readCommonCells(line, where, refs);
  const amounts = child(line, 'transactionAmounts');
  addFootnoteRefs(refs, 'shares', child(amounts, 'transactionShares'));
  addFootnoteRefs(refs, 'acquiredDisposed', child(amounts, 'transactionAcquiredDisposedCode'));
  addFootnoteRefs(refs, 'pricePerShare', child(amounts, 'transactionPricePerShare'));
  return {
    securityTitle: common.securityTitle,
    transactionDate: common.transactionDate,
    deemedExecutionDate: common.deemedExecutionDate,
    transactionCode: common.transactionCode,
    equitySwapInvolved: common.equitySwapInvolved,
    shares: toNumber(cellText(child(amounts, 'transactionShares')), `${where} transactionShares`),
    acquiredDisposed: acquiredDisposed(amounts, where),
    pricePerShare: toNumber(cellText(child(amounts, 'transactionPricePerShare')), `${where} transactionPricePerShare`),
    sharesOwnedFollowing: common.sharesOwnedFollowing,
    directOrIndirect: common.directOrIndirect,
    natureOfOwnership: common.natureOfOwnership,
    footnoteRefs: refs,
  };
}

function readDerivative(line: XmlElement, index: number): DerivativeLine {
  const where = `Table II line ${index + 1}`;
  const refs: FootnoteRefs = {};
  const common = readCommonCells(line, where, refs);
  const amounts = child(line, 'transactionAmounts');
  const sharesCell = child(amounts, 'transactionShares');
  const shares = toNumber(cellText(sharesCell), `${where} transactionShares`);
  const direction = acquiredDisposed(amounts, where);
  // Column 5 of Table II prints the count under (A) or under (D); a count with no code goes under (A).
  const sharesField = direction === 'D' ? 'sharesDisposed' : 'sharesAcquired';
  const underlying = child(line, 'underlyingSecurity');
  const underlyingSharesCell = child(underlying, 'underlyingSecurityShares');

  addFootnoteRefs(refs, 'conversionOrExercisePrice', child(line, 'conversionOrExercisePrice'));
  addFootnoteRefs(refs, sharesField, sharesCell);
  addFootnoteRefs(refs, sharesField, child(amounts, 'transactionAcquiredDisposedCode'));
  addFootnoteRefs(refs, 'pricePerShare', child(amounts, 'transactionPricePerShare'));
  addFootnoteRefs(refs, 'dateExercisable', child(line, 'exerciseDate'));
  addFootnoteRefs(refs, 'expirationDate', child(line, 'expirationDate'));
  addFootnoteRefs(refs, 'underlyingTitle', child(underlying, 'underlyingSecurityTitle'));
  addFootnoteRefs(refs, 'underlyingShares', underlyingSharesCell ?? child(underlying, 'underlyingSecurityValue'));

  return {
    securityTitle: common.securityTitle,
    conversionOrExercisePrice: toNumber(cellText(child(line, 'conversionOrExercisePrice')), `${where} conversionOrExercisePrice`),
    transactionDate: common.transactionDate,
    deemedExecutionDate: common.deemedExecutionDate,
    transactionCode: common.transactionCode,
    equitySwapInvolved: common.equitySwapInvolved,
    sharesAcquired: direction === 'D' ? null : shares,
    sharesDisposed: direction === 'D' ? shares : null,
    dateExercisable: cellText(child(line, 'exerciseDate')),
    expirationDate: cellText(child(line, 'expirationDate')),
    underlyingTitle: cellText(child(underlying, 'underlyingSecurityTitle')),
    underlyingShares: toNumber(cellText(underlyingSharesCell ?? child(underlying, 'underlyingSecurityValue')), `${where} underlyingSecurityShares`),
    pricePerShare: toNumber(cellText(child(amounts, 'transactionPricePerShare')), `${where} transactionPricePerShare`),
    sharesOwnedFollowing: common.sharesOwnedFollowing,
    directOrIndirect: common.directOrIndirect,
    natureOfOwnership: common.natureOfOwnership,
    footnoteRefs: refs,
  };
}

function readFootnotes(root: XmlElement): Footnote[] {
  return childrenNamed(child(root, 'footnotes'), 'footnote').map((footnote, index) => {
    const id = footnote.attributes['id'];
    if (id === undefined) throw new Error(`EDGAR XML: footnote ${index + 1} has no id`);
    return { id: footnoteNumber(id), text: plainText(footnote) ?? '' };
  });
}

function readSignatures(root: XmlElement): Signature[] {
  return childrenNamed(root, 'ownerSignature').map((signature, index) => ({
    name: requiredText(child(signature, 'signatureName'), `ownerSignature ${index + 1} signatureName`),
    date: plainText(child(signature, 'signatureDate')),
  }));
}

/**
 * Reads one EDGAR Form 4 ownershipDocument. Throws with the offending element named when the XML is
 * not a Form 4 or a value does not fit the Filing schema.
 */
export function readEdgarXml(xml: string): Filing {
  // A byte-order mark before the declaration is common in files saved by Windows tools.
  const root = parseXmlTree(xml.replace(/^\uFEFF/, ''));
  if (root.name !== 'ownershipDocument') throw new Error(`EDGAR XML: root element is <${root.name}>, not <ownershipDocument>`);

  const documentType = requiredText(child(root, 'documentType'), 'documentType');
  if (documentType !== '4' && documentType !== '4/A') {
    throw new Error(`EDGAR XML: documentType is "${documentType}"; only Form 4 and 4/A are read`);
  }
  const issuer = child(root, 'issuer');
  const owners = childrenNamed(root, 'reportingOwner').map(readOwner);
  const nonDerivativeLines = child(root, 'nonDerivativeTable')?.children.filter(
    (line) => line.name === 'nonDerivativeTransaction' || line.name === 'nonDerivativeHolding',
  ) ?? [];
  const derivativeLines = child(root, 'derivativeTable')?.children.filter(
    (line) => line.name === 'derivativeTransaction' || line.name === 'derivativeHolding',
  ) ?? [];

  const filing = {
    documentType,
    periodOfReport: requiredText(child(root, 'periodOfReport'), 'periodOfReport'),
    dateOfOriginalSubmission: plainText(child(root, 'dateOfOriginalSubmission')),
    notSubjectToSection16: toBoolean(plainText(child(root, 'notSubjectToSection16')), 'notSubjectToSection16') ?? false,
    aff10b5One: toBoolean(plainText(child(root, 'aff10b5One')), 'aff10b5One'),
    issuer: {
      name: requiredText(child(issuer, 'issuerName'), 'issuerName'),
      tradingSymbol: plainText(child(issuer, 'issuerTradingSymbol')),
      cik: plainText(child(issuer, 'issuerCik')),
    },
    reportingOwners: owners,
    jointFiling: owners.length > 1,
    nonDerivative: nonDerivativeLines.map(readNonDerivative),
    derivative: derivativeLines.map(readDerivative),
    footnotes: readFootnotes(root),
    remarks: plainText(child(root, 'remarks')),
    signatures: readSignatures(root),
  };

  const parsed = filingSchema.safeParse(filing);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(`EDGAR XML does not fit the Form 4 schema: ${problems}`);
  }
  return parsed.data;
}
