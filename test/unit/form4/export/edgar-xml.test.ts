import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import type { Filing } from '../../../../shared/model.js';
import { readEdgarXml } from '../../../../main/form4/edgar/read-edgar-xml.js';
import { child, childrenNamed, parseXmlTree, type XmlElement } from '../../../../main/form4/edgar/xml-tree.js';
import { EDGAR_STATE_CODES } from '../../../../main/form4/export/edgar-state-codes.js';
import {
  EdgarXmlError,
  edgarXmlProblems,
  NO_TRADING_SYMBOL,
  toEdgarXml,
  UNKNOWN_CIK,
} from '../../../../main/form4/export/edgar-xml.js';
import { EDGAR_XSD_DIR } from '../../../support/edgar-xsd.js';
import { corpusFiles, sampleFiling } from '../../../support/export-samples.js';

function tree(filing: Filing, options?: Parameters<typeof toEdgarXml>[1]): XmlElement {
  return parseXmlTree(toEdgarXml(filing, options));
}

function at(element: XmlElement | undefined, ...names: string[]): XmlElement {
  const found = names.reduce<XmlElement | undefined>((node, name) => child(node, name), element);
  assert.ok(found, `no <${names.join('/')}> in <${element?.name}>`);
  return found;
}

function footnoteIds(element: XmlElement | undefined): string[] {
  return childrenNamed(element, 'footnoteId').map((ref) => ref.attributes['id'] ?? '');
}

function childNames(element: XmlElement): string[] {
  return element.children.map((node) => node.name);
}

function problemPaths(filing: Filing, options?: Parameters<typeof edgarXmlProblems>[1]): string[] {
  return edgarXmlProblems(filing, options).map((problem) => problem.path);
}

/** A copy of the value with every object's keys in reverse order. */
function reverseKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reverseKeys) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([key, inner]) => [key, reverseKeys(inner)])) as T;
}

describe('toEdgarXml: document shape', () => {
  test('writes the header, issuer and every reporting owner in XSD order', () => {
    const root = tree(sampleFiling());
    assert.equal(root.name, 'ownershipDocument');
    assert.deepEqual(childNames(root), [
      'schemaVersion', 'documentType', 'periodOfReport', 'notSubjectToSection16', 'issuer', 'reportingOwner', 'reportingOwner',
      'nonDerivativeTable', 'derivativeTable', 'footnotes', 'remarks', 'ownerSignature', 'ownerSignature',
    ]);
    assert.equal(at(root, 'documentType').text, '4');
    assert.equal(at(root, 'periodOfReport').text, '2024-03-01');
    const [officer, entity] = childrenNamed(root, 'reportingOwner');
    assert.equal(at(officer, 'reportingOwnerId', 'rptOwnerName').text, "O'Neil Pat Q");
    assert.deepEqual(childNames(at(officer, 'reportingOwnerAddress')), ['rptOwnerStreet1', 'rptOwnerCity', 'rptOwnerState', 'rptOwnerZipCode']);
    assert.equal(at(officer, 'reportingOwnerAddress', 'rptOwnerZipCode').text, '62701-1234');
    const relationship = at(officer, 'reportingOwnerRelationship');
    assert.deepEqual(
      relationship.children.map((node) => [node.name, node.text]),
      [['isDirector', '0'], ['isOfficer', '1'], ['isTenPercentOwner', '0'], ['isOther', '0'], ['officerTitle', 'Chief Financial Officer']],
    );
    assert.equal(child(entity, 'reportingOwnerAddress'), undefined, 'an owner with no address parts gets no address element');
    assert.equal(at(entity, 'reportingOwnerRelationship', 'otherText').text, 'Member of 10% group');
    assert.deepEqual(
      childrenNamed(root, 'ownerSignature').map((signature) => [at(signature, 'signatureName').text, at(signature, 'signatureDate').text]),
      sampleFiling().signatures.map((signature) => [signature.name, signature.date]),
    );
  });

  test('a line with no transaction date and no code is a holding, in form order, in both tables', () => {
    const root = tree(sampleFiling());
    const tableI = at(root, 'nonDerivativeTable');
    const tableII = at(root, 'derivativeTable');
    assert.deepEqual(childNames(tableI), ['nonDerivativeTransaction', 'nonDerivativeHolding']);
    assert.deepEqual(childNames(tableII), ['derivativeTransaction', 'derivativeHolding']);
    assert.deepEqual(childNames(tableI.children[1]!), ['securityTitle', 'postTransactionAmounts', 'ownershipNature']);
    assert.deepEqual(childNames(tableII.children[1]!), [
      'securityTitle', 'conversionOrExercisePrice', 'exerciseDate', 'expirationDate', 'underlyingSecurity', 'postTransactionAmounts', 'ownershipNature',
    ]);
    assert.deepEqual(childNames(tableI.children[0]!), [
      'securityTitle', 'transactionDate', 'transactionCoding', 'transactionAmounts', 'postTransactionAmounts', 'ownershipNature',
    ]);
  });

  test('a transaction date with no code is still a transaction, written without transactionCoding', () => {
    const filing = sampleFiling();
    filing.nonDerivative[0]!.transactionCode = null;
    filing.nonDerivative[0]!.footnoteRefs = {};
    const line = at(tree(filing), 'nonDerivativeTable', 'nonDerivativeTransaction');
    assert.equal(child(line, 'transactionCoding'), undefined);
    assert.equal(at(line, 'transactionDate', 'value').text, '2024-03-01');
  });

  test('Table II column 5 becomes transactionShares with the A/D code of the column it was in', () => {
    const amounts = at(tree(sampleFiling()), 'derivativeTable', 'derivativeTransaction', 'transactionAmounts');
    assert.equal(at(amounts, 'transactionShares', 'value').text, '1500');
    assert.equal(at(amounts, 'transactionAcquiredDisposedCode', 'value').text, 'D');
    const acquired = sampleFiling();
    acquired.derivative[0] = { ...acquired.derivative[0]!, sharesAcquired: 250, sharesDisposed: null };
    const acquiredAmounts = at(tree(acquired), 'derivativeTable', 'derivativeTransaction', 'transactionAmounts');
    assert.equal(at(acquiredAmounts, 'transactionShares', 'value').text, '250');
    assert.equal(at(acquiredAmounts, 'transactionAcquiredDisposedCode', 'value').text, 'A');
  });

  test('numbers are written as plain decimals, exactly', () => {
    const line = at(tree(sampleFiling()), 'nonDerivativeTable', 'nonDerivativeTransaction');
    assert.equal(at(line, 'transactionAmounts', 'transactionPricePerShare', 'value').text, '10.2575');
    assert.equal(at(line, 'postTransactionAmounts', 'sharesOwnedFollowingTransaction', 'value').text, '20000.5');
    const small = sampleFiling();
    small.nonDerivative[0]!.pricePerShare = 0.0001;
    small.nonDerivative[0]!.shares = 123456789012.1234;
    const smallLine = at(tree(small), 'nonDerivativeTable', 'nonDerivativeTransaction', 'transactionAmounts');
    assert.equal(at(smallLine, 'transactionPricePerShare', 'value').text, '0.0001');
    assert.equal(at(smallLine, 'transactionShares', 'value').text, '123456789012.1234');
  });
});

describe('toEdgarXml: footnotes', () => {
  test('footnote "1" is written F1, and each cell carries the ids filed under its field name', () => {
    const root = tree(sampleFiling());
    assert.deepEqual(childrenNamed(at(root, 'footnotes'), 'footnote').map((note) => note.attributes['id']), ['F1', 'F2', 'F3', 'F4', 'F5']);
    const sale = at(root, 'nonDerivativeTable', 'nonDerivativeTransaction');
    const coding = at(sale, 'transactionCoding');
    assert.deepEqual(childNames(coding), ['transactionFormType', 'transactionCode', 'equitySwapInvolved', 'footnoteId']);
    assert.deepEqual(footnoteIds(coding), ['F1']);
    assert.deepEqual(footnoteIds(at(sale, 'transactionAmounts', 'transactionPricePerShare')), ['F2']);
    assert.deepEqual(footnoteIds(at(sale, 'transactionAmounts', 'transactionShares')), []);
    const trust = at(root, 'nonDerivativeTable', 'nonDerivativeHolding');
    assert.deepEqual(footnoteIds(at(trust, 'ownershipNature', 'natureOfOwnership')), ['F3']);
    assert.equal(at(trust, 'ownershipNature', 'natureOfOwnership', 'value').text, 'By Trust');
  });

  test('a cell with only a footnote is written with no value, as the XSD allows', () => {
    const root = tree(sampleFiling());
    const option = at(root, 'derivativeTable', 'derivativeTransaction');
    assert.deepEqual(childNames(at(option, 'exerciseDate')), ['footnoteId']);
    assert.deepEqual(footnoteIds(at(option, 'exerciseDate')), ['F4']);
    assert.equal(at(option, 'expirationDate', 'value').text, '2030-01-31');
    const units = at(root, 'derivativeTable', 'derivativeHolding');
    for (const name of ['conversionOrExercisePrice', 'exerciseDate', 'expirationDate']) {
      assert.deepEqual(childNames(at(units, name)), ['footnoteId'], name);
      assert.deepEqual(footnoteIds(at(units, name)), ['F5'], name);
    }
  });

  test('a nature of ownership known only from its footnote gets an empty value beside the footnote', () => {
    const filing = sampleFiling();
    filing.nonDerivative[1]!.natureOfOwnership = null;
    const nature = at(tree(filing), 'nonDerivativeTable', 'nonDerivativeHolding', 'ownershipNature', 'natureOfOwnership');
    assert.equal(at(nature, 'value').text, '');
    assert.deepEqual(footnoteIds(nature), ['F3']);
  });

  test('footnotes on either side of Table II column 5 go on transactionShares, each id once', () => {
    const filing = sampleFiling();
    filing.derivative[0]!.footnoteRefs = { dateExercisable: ['4'], sharesDisposed: ['2', '1'], sharesAcquired: ['1'] };
    const shares = at(tree(filing), 'derivativeTable', 'derivativeTransaction', 'transactionAmounts', 'transactionShares');
    assert.deepEqual(footnoteIds(shares), ['F1', 'F2']);
  });
});

describe('toEdgarXml: schema version and the 10b5-1 box', () => {
  test('an unknown 10b5-1 box gives X0306 with no aff10b5One', () => {
    const root = tree(sampleFiling());
    assert.equal(at(root, 'schemaVersion').text, 'X0306');
    assert.equal(child(root, 'aff10b5One'), undefined);
  });

  test('a known box gives X0508 with aff10b5One right after the last reportingOwner', () => {
    for (const box of [true, false]) {
      const root = tree({ ...sampleFiling(), aff10b5One: box });
      assert.equal(at(root, 'schemaVersion').text, 'X0508');
      const names = childNames(root);
      assert.equal(names.indexOf('aff10b5One'), names.lastIndexOf('reportingOwner') + 1);
      assert.equal(at(root, 'aff10b5One').text, box ? '1' : '0');
    }
  });

  test('asking for X0306 leaves the box out; asking for X0508 without a box is refused', () => {
    const root = tree({ ...sampleFiling(), aff10b5One: true }, { schemaVersion: 'X0306' });
    assert.equal(at(root, 'schemaVersion').text, 'X0306');
    assert.equal(child(root, 'aff10b5One'), undefined);
    assert.throws(() => toEdgarXml(sampleFiling(), { schemaVersion: 'X0508' }), (error: unknown) => {
      assert.ok(error instanceof EdgarXmlError);
      assert.deepEqual(error.problems.map((problem) => problem.path), ['aff10b5One']);
      return true;
    });
  });
});

describe('toEdgarXml: amendments', () => {
  test('a 4/A carries dateOfOriginalSubmission right after periodOfReport', () => {
    const root = tree({ ...sampleFiling(), documentType: '4/A', dateOfOriginalSubmission: '2024-03-04' });
    assert.equal(at(root, 'documentType').text, '4/A');
    assert.deepEqual(childNames(root).slice(0, 5), ['schemaVersion', 'documentType', 'periodOfReport', 'dateOfOriginalSubmission', 'notSubjectToSection16']);
    assert.equal(at(root, 'dateOfOriginalSubmission').text, '2024-03-04');
  });

  test('a 4/A without box 4, or a 4 with it, is refused rather than half written', () => {
    assert.deepEqual(problemPaths({ ...sampleFiling(), documentType: '4/A', dateOfOriginalSubmission: null }), ['dateOfOriginalSubmission']);
    assert.deepEqual(problemPaths({ ...sampleFiling(), documentType: '4', dateOfOriginalSubmission: '2024-03-04' }), ['dateOfOriginalSubmission']);
  });
});

describe('toEdgarXml: what the paper form does not give', () => {
  test('a missing CIK is written as the all-zero placeholder, with a comment saying so', () => {
    const xml = toEdgarXml(sampleFiling());
    const root = parseXmlTree(xml);
    assert.equal(at(root, 'issuer', 'issuerCik').text, UNKNOWN_CIK);
    const [officer, entity] = childrenNamed(root, 'reportingOwner');
    assert.equal(at(officer, 'reportingOwnerId', 'rptOwnerCik').text, UNKNOWN_CIK);
    assert.equal(at(entity, 'reportingOwnerId', 'rptOwnerCik').text, '1234567', 'a known CIK is written as given');
    assert.match(xml, /<!-- issuerCik 0000000000 is a placeholder[^>]*-->\n\s*<issuerCik>0000000000<\/issuerCik>/);
    assert.equal(xml.match(/<!-- rptOwnerCik 0000000000 is a placeholder/g)?.length, 1);
    const known = sampleFiling();
    known.issuer.cik = '0000320193';
    known.reportingOwners[0]!.cik = '0001214156';
    assert.doesNotMatch(toEdgarXml(known), /placeholder/);
  });

  test('a missing trading symbol is written NONE, with a comment', () => {
    const filing = sampleFiling();
    filing.issuer.tradingSymbol = null;
    const xml = toEdgarXml(filing);
    assert.equal(at(parseXmlTree(xml), 'issuer', 'issuerTradingSymbol').text, NO_TRADING_SYMBOL);
    assert.match(xml, /<!-- issuerTradingSymbol NONE: the form shows no trading symbol -->/);
  });
});

describe('toEdgarXml: escaping and determinism', () => {
  test('markup characters are escaped and every text reads back exactly, line breaks included', () => {
    const filing = sampleFiling();
    const xml = toEdgarXml(filing);
    assert.match(xml, /<issuerName>Acme &amp; Sons, "Holdings" &lt;Inc&gt;<\/issuerName>/);
    assert.doesNotMatch(xml, /<Inc>/);
    const root = parseXmlTree(xml);
    assert.equal(at(root, 'issuer', 'issuerName').text, filing.issuer.name);
    assert.deepEqual(childrenNamed(at(root, 'footnotes'), 'footnote').map((note) => note.text), filing.footnotes.map((note) => note.text));
    assert.equal(at(root, 'remarks').text, filing.remarks, 'CR LF in remarks survives (CR as a character reference)');
  });

  test('the same filing gives the same bytes, whatever the key order of its objects', () => {
    const filing = sampleFiling();
    const xml = toEdgarXml(filing);
    assert.equal(toEdgarXml(sampleFiling()), xml);
    assert.equal(toEdgarXml(reverseKeys(filing)), xml);
    assert.ok(xml.endsWith('</ownershipDocument>\n'));
    assert.ok(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<ownershipDocument>\n'));
  });
});

describe('edgarXmlProblems: what the XSD would refuse is reported by field path, never guessed', () => {
  test('a filing that fits is problem-free', () => {
    assert.deepEqual(edgarXmlProblems(sampleFiling()), []);
  });

  test('a filing that does not fit form4.schema.json is refused with the schema paths', () => {
    const broken = { ...sampleFiling(), documentType: '5' } as unknown as Filing;
    assert.deepEqual(problemPaths(broken), ['documentType']);
    assert.throws(() => toEdgarXml(broken), EdgarXmlError);
  });

  test('V and K are codes of the paper form, not of EDGAR', () => {
    for (const code of ['V', 'K'] as const) {
      const filing = sampleFiling();
      filing.nonDerivative[0]!.transactionCode = code;
      assert.deepEqual(problemPaths(filing), ['nonDerivative[0].transactionCode']);
    }
  });

  test('lengths, numbers, dates, states and ZIP codes beyond what the XSD holds', () => {
    const filing = sampleFiling();
    filing.reportingOwners[0]!.officerTitle = 'Executive Vice President and Chief Financial Officer';
    filing.reportingOwners[0]!.state = 'Illinois';
    filing.reportingOwners[0]!.zip = '62701/1234';
    filing.nonDerivative[0]!.securityTitle = 'Common Stock '.repeat(5);
    filing.nonDerivative[0]!.pricePerShare = 10.25755;
    filing.nonDerivative[0]!.shares = -5;
    filing.nonDerivative[0]!.transactionDate = '2024-02-30';
    filing.derivative[0]!.expirationDate = 'Immediately';
    filing.remarks = 'x'.repeat(2001);
    filing.footnotes[0]!.text = 'bell \u0007 in a footnote';
    assert.deepEqual(problemPaths(filing), [
      'reportingOwners[0].state',
      'reportingOwners[0].zip',
      'reportingOwners[0].officerTitle',
      'nonDerivative[0].securityTitle',
      'nonDerivative[0].transactionDate',
      'nonDerivative[0].shares',
      'nonDerivative[0].pricePerShare',
      'derivative[0].expirationDate',
      'footnotes[0].text',
      'remarks',
    ]);
    assert.match(edgarXmlProblems(filing)[2]!.message, /52 characters; EDGAR holds at most 30/);
  });

  test('required boxes left blank on a transaction', () => {
    const filing = sampleFiling();
    Object.assign(filing.nonDerivative[0]!, { shares: null, pricePerShare: null, acquiredDisposed: null, sharesOwnedFollowing: null, directOrIndirect: null, footnoteRefs: {} });
    Object.assign(filing.derivative[0]!, { sharesDisposed: null, underlyingTitle: null, conversionOrExercisePrice: null });
    assert.deepEqual(problemPaths(filing), [
      'nonDerivative[0].shares',
      'nonDerivative[0].pricePerShare',
      'nonDerivative[0].acquiredDisposed',
      'nonDerivative[0].sharesOwnedFollowing',
      'nonDerivative[0].directOrIndirect',
      'derivative[0].conversionOrExercisePrice',
      'derivative[0].sharesAcquired',
      'derivative[0].underlyingTitle',
    ]);
  });

  test('a code with no date, and a Table II line with both (A) and (D) filled', () => {
    const filing = sampleFiling();
    filing.nonDerivative[0]!.transactionDate = null;
    filing.derivative[0]!.sharesAcquired = 10;
    assert.deepEqual(problemPaths(filing), ['nonDerivative[0].transactionDate', 'derivative[0].sharesDisposed']);
  });

  test('transaction values or transaction footnotes on a holding have nowhere to go', () => {
    const filing = sampleFiling();
    filing.nonDerivative[1]!.shares = 100;
    filing.nonDerivative[1]!.footnoteRefs = { natureOfOwnership: ['3'], pricePerShare: ['2'] };
    const problems = edgarXmlProblems(filing);
    assert.deepEqual(problems.map((problem) => problem.path), ['nonDerivative[1].shares', 'nonDerivative[1].footnoteRefs.pricePerShare']);
    assert.match(problems[1]!.message, /footnote \(2\) on pricePerShare has no place in EDGAR's nonDerivativeHolding/);
  });

  test('footnote references and ids EDGAR cannot link', () => {
    const filing = sampleFiling();
    filing.nonDerivative[0]!.footnoteRefs = { transactionCode: ['1'], pricePerShare: ['9'] };
    filing.footnotes.push({ id: 'a', text: 'lettered' }, { id: '2', text: 'twice' });
    assert.deepEqual(problemPaths(filing), ['nonDerivative[0].footnoteRefs.pricePerShare', 'footnotes[5].id', 'footnotes[6].id']);
  });

  test('signatures, owners and lines beyond what EDGAR takes', () => {
    const unsigned = { ...sampleFiling(), signatures: [] };
    assert.deepEqual(problemPaths(unsigned), ['signatures']);
    const undated = sampleFiling();
    undated.signatures[1]!.date = null;
    assert.deepEqual(problemPaths(undated), ['signatures[1].date']);
    const long = sampleFiling();
    long.nonDerivative = Array.from({ length: 31 }, () => ({ ...sampleFiling().nonDerivative[1]! }));
    assert.deepEqual(problemPaths(long), ['nonDerivative']);
    const crowded = sampleFiling();
    crowded.reportingOwners = Array.from({ length: 11 }, () => ({ ...sampleFiling().reportingOwners[1]! }));
    assert.deepEqual(problemPaths(crowded), ['reportingOwners']);
  });

  test('toEdgarXml throws one error listing every problem', () => {
    const filing = sampleFiling();
    filing.nonDerivative[0]!.transactionCode = 'V';
    filing.signatures = [];
    assert.throws(() => toEdgarXml(filing), (error: unknown) => {
      assert.ok(error instanceof EdgarXmlError);
      assert.equal(error.problems.length, 2);
      assert.match(error.message, /2 problems\): nonDerivative\[0\]\.transactionCode: V is not an EDGAR transaction code.*; signatures: is empty/);
      return true;
    });
  });
});

test('the state codes are exactly those of the XSD', () => {
  const xsd = readFileSync(join(EDGAR_XSD_DIR, 'ownershipDocumentCommon.xsd'), 'utf8');
  const block = /<xs:element name="rptOwnerState"[\s\S]*?<\/xs:restriction>/.exec(xsd)?.[0] ?? '';
  const codes = [...block.matchAll(/<xs:enumeration value="([^"]*)"\/>/g)].map((match) => match[1]);
  assert.equal(codes.length, 334);
  assert.deepEqual([...EDGAR_STATE_CODES].sort(), [...new Set(codes)].sort());
});

describe('round trip over the 73 corpus filings (EDGAR reader)', () => {
  const files = corpusFiles();

  test('the corpus is all there', () => {
    assert.equal(files.length, 73);
  });

  test('read(toEdgarXml(read(x))) equals read(x), and writing again gives the same bytes', () => {
    for (const { name, xml } of files) {
      const filing = readEdgarXml(xml);
      const written = toEdgarXml(filing);
      const back = readEdgarXml(written);
      assert.deepEqual(back, filing, name);
      assert.equal(toEdgarXml(back), written, name);
    }
  });
});
