import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readEdgarXml } from '../../../../main/form4/edgar/read-edgar-xml.js';
import { filingSchema } from '../../../../shared/model.js';

const CORPUS = fileURLToPath(new URL('../../../../../shared/corpus/edgar-xml/', import.meta.url));
const readCorpus = (name: string) => readEdgarXml(readFileSync(join(CORPUS, name), 'utf8'));

/** The smallest ownershipDocument the reader accepts, with the table body given by the test. */
function minimalXml(tables: string, extra = ''): string {
  return `<?xml version="1.0"?>
<ownershipDocument>
  <schemaVersion>X0306</schemaVersion>
  <documentType>4/A</documentType>
  <periodOfReport>2020-01-02</periodOfReport>
  <dateOfOriginalSubmission>2020-01-05</dateOfOriginalSubmission>
  <issuer><issuerCik>0000000001</issuerCik><issuerName>Acme &amp; Co</issuerName><issuerTradingSymbol></issuerTradingSymbol></issuer>
  <reportingOwner>
    <reportingOwnerId><rptOwnerCik>0000000002</rptOwnerCik><rptOwnerName>Doe  Jane
      Q</rptOwnerName></reportingOwnerId>
    <reportingOwnerRelationship><isDirector>0</isDirector><isOfficer>1</isOfficer><officerTitle>CFO</officerTitle></reportingOwnerRelationship>
  </reportingOwner>
  ${extra}
  ${tables}
  <remarks>   </remarks>
  <ownerSignature><signatureName>/s/ Jane Doe</signatureName><signatureDate>2020-01-06</signatureDate></ownerSignature>
</ownershipDocument>`;
}

test('every corpus filing reads into a schema-valid Filing', () => {
  const files = readdirSync(CORPUS).filter((name) => name.endsWith('.xml'));
  assert.equal(files.length, 73);
  for (const name of files) {
    const filing = readCorpus(name);
    assert.ok(filingSchema.safeParse(filing).success, name);
    assert.ok(filing.reportingOwners.length >= 1, name);
  }
});

test('X0202 filing (CAO): header, owner, Table I transaction, Table II transaction then holdings', () => {
  const filing = readCorpus('0001209191-06-055343_CAO.xml');
  assert.equal(filing.documentType, '4');
  assert.equal(filing.periodOfReport, '2006-10-17');
  assert.equal(filing.dateOfOriginalSubmission, null);
  assert.equal(filing.notSubjectToSection16, false);
  assert.equal(filing.aff10b5One, null, 'no aff10b5One element before X0508');
  assert.deepEqual(filing.issuer, { name: 'CSK AUTO CORP', tradingSymbol: 'CAO', cik: '0001051848' });
  assert.deepEqual(filing.reportingOwners, [{
    name: 'Morrison Randi V',
    street1: 'C/O CSK AUTO CORPORATION',
    street2: '645 EAST MISSOURI AVE.',
    city: 'PHOENIX',
    state: 'AZ',
    zip: '85012',
    isDirector: false,
    isOfficer: true,
    isTenPercentOwner: false,
    isOther: false,
    officerTitle: 'VP, General Counsel, Secretary',
    otherText: null,
    cik: '0001335926',
  }]);
  assert.equal(filing.jointFiling, false);
  assert.deepEqual(filing.nonDerivative, [{
    securityTitle: 'Common Stock',
    transactionDate: '2006-10-18',
    deemedExecutionDate: null,
    transactionCode: 'F',
    equitySwapInvolved: false,
    shares: 167,
    acquiredDisposed: 'D',
    pricePerShare: 15.53,
    sharesOwnedFollowing: 4448,
    directOrIndirect: 'D',
    natureOfOwnership: null,
    footnoteRefs: { transactionCode: ['1'], sharesOwnedFollowing: ['2'] },
  }]);

  assert.equal(filing.derivative.length, 5);
  const [grant, firstHolding] = filing.derivative;
  assert.deepEqual(grant, {
    securityTitle: 'Incentive Bonus Unit',
    conversionOrExercisePrice: 20,
    transactionDate: '2006-10-17',
    deemedExecutionDate: null,
    transactionCode: 'A',
    equitySwapInvolved: false,
    sharesAcquired: 125000,
    sharesDisposed: null,
    dateExercisable: null,
    expirationDate: null,
    underlyingTitle: 'Incentive Bonus Unit',
    underlyingShares: 125000,
    pricePerShare: 0,
    sharesOwnedFollowing: 125000,
    directOrIndirect: 'D',
    natureOfOwnership: null,
    footnoteRefs: { pricePerShare: ['4'], dateExercisable: ['3'], expirationDate: ['3'] },
  });
  assert.deepEqual(firstHolding, {
    securityTitle: 'Non-Qualified Stock Option (right to buy)',
    conversionOrExercisePrice: 9.87,
    transactionDate: null,
    deemedExecutionDate: null,
    transactionCode: null,
    equitySwapInvolved: false,
    sharesAcquired: null,
    sharesDisposed: null,
    dateExercisable: null,
    expirationDate: '2009-04-05',
    underlyingTitle: 'Common Stock',
    underlyingShares: 660,
    pricePerShare: null,
    sharesOwnedFollowing: 660,
    directOrIndirect: 'D',
    natureOfOwnership: null,
    footnoteRefs: { dateExercisable: ['5'] },
  });
  assert.deepEqual(filing.derivative.map((line) => line.conversionOrExercisePrice), [20, 9.87, 19.58, 13.32, 16.35]);

  assert.deepEqual(filing.footnotes.map((footnote) => footnote.id), ['1', '2', '3', '4', '5', '6', '7', '8']);
  assert.equal(filing.footnotes[1]?.text, 'Includes 1,387 shares of Restricted Common Stock, which is subject to vesting.');
  assert.match(filing.footnotes[2]?.text ?? '', /^The reported incentive bonus units .* base value of \$20\.00 /);
  assert.ok(!/\s{2}/.test(filing.footnotes[5]?.text ?? ''), 'double spaces inside a footnote are collapsed');
  assert.match(filing.footnotes[5]?.text ?? '', /all "underwater" options/);
  assert.equal(filing.remarks, 'Executed pursuant to the Limited Power of Attorney for Section 16 Reporting Obligations dated October 13, 2005.');
  assert.deepEqual(filing.signatures, [
    { name: 'Randi V. Morrison By: /s/ James R. Todd Attorney in Fact', date: '2006-10-19' },
  ]);
});

test('Table II disposal (FB): shares go to sharesDisposed, footnote-only cells are null with their refs', () => {
  const filing = readCorpus('0000950103-21-007470_FB.xml');
  assert.equal(filing.nonDerivative[0]?.shares, 1386);
  assert.deepEqual(filing.nonDerivative[0]?.footnoteRefs, { shares: ['1'] });
  assert.equal(filing.nonDerivative[0]?.pricePerShare, 0);
  const rsu = filing.derivative[0];
  assert.equal(rsu?.securityTitle, 'Restricted Stock Units (RSU) (Class A)');
  assert.equal(rsu?.transactionCode, 'M');
  assert.equal(rsu?.sharesAcquired, null);
  assert.equal(rsu?.sharesDisposed, 1386);
  assert.equal(rsu?.conversionOrExercisePrice, null);
  assert.equal(rsu?.dateExercisable, null);
  assert.equal(rsu?.expirationDate, null);
  assert.equal(rsu?.sharesOwnedFollowing, 0);
  assert.deepEqual(rsu?.footnoteRefs, { conversionOrExercisePrice: ['2'], dateExercisable: ['3'], expirationDate: ['3'] });
  assert.equal(filing.remarks, null, 'no remarks element');
  assert.deepEqual(filing.signatures, [{ name: '/s/ Michael Johnson, attorney-in-fact for Peter Thiel', date: '2021-05-18' }]);
});

test('X0508 (RUM): aff10b5One "1" is true; indirect ownership with its footnotes', () => {
  const filing = readCorpus('0001062993-24-008173_RUM.xml');
  assert.equal(filing.aff10b5One, true);
  assert.equal(filing.notSubjectToSection16, false, 'absent element reads as unchecked');
  assert.equal(filing.reportingOwners[0]?.street2, null, 'empty street2 is null');
  assert.equal(filing.reportingOwners[0]?.isDirector, true);
  assert.deepEqual(filing.nonDerivative[0], {
    securityTitle: 'Class A Common Stock, par value $0.0001 per share',
    transactionDate: '2024-04-04',
    deemedExecutionDate: null,
    transactionCode: 'S',
    equitySwapInvolved: false,
    shares: 141981,
    acquiredDisposed: 'D',
    pricePerShare: 6.7116,
    sharesOwnedFollowing: 661756,
    directOrIndirect: 'I',
    natureOfOwnership: 'See footnote',
    footnoteRefs: { transactionCode: ['1'], pricePerShare: ['2'], sharesOwnedFollowing: ['3'], natureOfOwnership: ['4'] },
  });
  assert.equal(filing.nonDerivative[1]?.shares, 1806);
  assert.equal(filing.nonDerivative[1]?.sharesOwnedFollowing, 8418);
});

test('X0508 (NTRA): "true"/"false" flags, aff10b5One "0" is false, a holding has no transaction fields', () => {
  const filing = readCorpus('0001415889-24-019064_NTRA.xml');
  assert.equal(filing.aff10b5One, false);
  const owner = filing.reportingOwners[0];
  assert.equal(owner?.name, 'BOTHA ROELOF');
  assert.equal(owner?.isDirector, true);
  assert.equal(owner?.isOfficer, false);
  assert.equal(owner?.officerTitle, null);
  assert.equal(owner?.street2, '13011 MCCALLEN PASS BUILDING A SUITE 100');
  const [grant, holding] = filing.nonDerivative;
  assert.equal(grant?.shares, 2964);
  assert.equal(grant?.pricePerShare, null, 'a price cell with only a footnote is null');
  assert.deepEqual(grant?.footnoteRefs, { shares: ['1'], pricePerShare: ['2'] });
  assert.equal(grant?.natureOfOwnership, null, 'an empty <value> is null');
  assert.deepEqual(holding, {
    securityTitle: 'Common Stock',
    transactionDate: null,
    deemedExecutionDate: null,
    transactionCode: null,
    equitySwapInvolved: false,
    shares: null,
    acquiredDisposed: null,
    pricePerShare: null,
    sharesOwnedFollowing: 1312260,
    directOrIndirect: 'I',
    natureOfOwnership: 'Estate planning vehicles',
    footnoteRefs: { sharesOwnedFollowing: ['3'] },
  });
  assert.deepEqual(filing.derivative, [], 'an empty derivativeTable');
});

test('six reporting owners (GUTS): all read in order, joint filing, one signature each', () => {
  const filing = readCorpus('0000950170-24-012830_GUTS.xml');
  assert.equal(filing.aff10b5One, false, '"false" reads as false');
  assert.equal(filing.jointFiling, true);
  assert.deepEqual(filing.reportingOwners.map((owner) => owner.name), [
    'Mithril LP', 'Mithril II UGP LLC', 'Mithril II GP LP', 'MITHRIL II LP', 'Mithril GP LP', 'THIEL PETER',
  ]);
  assert.deepEqual(filing.reportingOwners.map((owner) => owner.cik), [
    '0001552273', '0001878230', '0001878232', '0001669609', '0001881891', '0001211060',
  ]);
  assert.ok(filing.reportingOwners.every((owner) => owner.isTenPercentOwner && !owner.isDirector && !owner.isOfficer && !owner.isOther));
  assert.equal(filing.reportingOwners[5]?.city, 'AUSTIN');
  assert.equal(filing.signatures.length, 6);
  assert.deepEqual(filing.signatures[5], { name: '/s/ Peter Thiel', date: '2024-02-08' });
});

test('document order is kept when a holding comes before a transaction; 4/A with its original date', () => {
  const holding = `<nonDerivativeHolding><securityTitle><value>Common Stock</value></securityTitle>
    <postTransactionAmounts><sharesOwnedFollowingTransaction><value>10</value></sharesOwnedFollowingTransaction></postTransactionAmounts>
    <ownershipNature><directOrIndirectOwnership><value>I</value><footnoteId id="F2"/></directOrIndirectOwnership>
    <natureOfOwnership><value>By Trust</value></natureOfOwnership></ownershipNature></nonDerivativeHolding>`;
  const transaction = `<nonDerivativeTransaction><securityTitle><value>Common Stock</value><footnoteId id="F1"/></securityTitle>
    <transactionDate><value>2020-01-02</value><footnoteId id="F1"/><footnoteId id="F2"/></transactionDate>
    <deemedExecutionDate><value>2020-01-03</value></deemedExecutionDate>
    <transactionCoding><transactionFormType>4</transactionFormType><transactionCode>P</transactionCode><equitySwapInvolved>true</equitySwapInvolved></transactionCoding>
    <transactionAmounts><transactionShares><value>1,000</value></transactionShares>
    <transactionPricePerShare><value>12.5</value></transactionPricePerShare>
    <transactionAcquiredDisposedCode><value>A</value><footnoteId id="F3"/></transactionAcquiredDisposedCode></transactionAmounts>
    <postTransactionAmounts><sharesOwnedFollowingTransaction><value>1010</value></sharesOwnedFollowingTransaction></postTransactionAmounts>
    <ownershipNature><directOrIndirectOwnership><value>D</value></directOrIndirectOwnership></ownershipNature></nonDerivativeTransaction>`;
  const filing = readEdgarXml(minimalXml(`<nonDerivativeTable>${holding}${transaction}</nonDerivativeTable>`));
  assert.equal(filing.documentType, '4/A');
  assert.equal(filing.dateOfOriginalSubmission, '2020-01-05');
  assert.equal(filing.issuer.name, 'Acme & Co');
  assert.equal(filing.issuer.tradingSymbol, null);
  assert.equal(filing.reportingOwners[0]?.name, 'Doe Jane Q');
  assert.equal(filing.reportingOwners[0]?.street1, null, 'no address element');
  assert.equal(filing.reportingOwners[0]?.isTenPercentOwner, false, 'absent flag is unchecked');
  assert.equal(filing.remarks, null, 'blank remarks are null');
  assert.deepEqual(filing.nonDerivative.map((line) => line.transactionCode), [null, 'P']);
  assert.deepEqual(filing.nonDerivative[0]?.footnoteRefs, { directOrIndirect: ['2'] });
  const bought = filing.nonDerivative[1];
  assert.equal(bought?.deemedExecutionDate, '2020-01-03');
  assert.equal(bought?.equitySwapInvolved, true);
  assert.equal(bought?.shares, 1000);
  assert.deepEqual(bought?.footnoteRefs, {
    securityTitle: ['1'], transactionDate: ['1', '2'], acquiredDisposed: ['3'],
  });
});

test('values that do not fit the schema are clear errors', () => {
  assert.throws(() => readEdgarXml('<ownershipDocument><documentType>5</documentType></ownershipDocument>'), /documentType is "5"/);
  assert.throws(() => readEdgarXml('<html><body/></html>'), /not <ownershipDocument>/);
  const badCode = `<nonDerivativeTable><nonDerivativeTransaction><securityTitle><value>Common</value></securityTitle>
    <transactionDate><value>2020-01-02</value></transactionDate>
    <transactionCoding><transactionCode>Q</transactionCode></transactionCoding>
    <ownershipNature><directOrIndirectOwnership><value>D</value></directOrIndirectOwnership></ownershipNature>
    </nonDerivativeTransaction></nonDerivativeTable>`;
  assert.throws(() => readEdgarXml(minimalXml(badCode)), /does not fit the Form 4 schema: nonDerivative\.0\.transactionCode/);
  const badNumber = badCode.replace('<transactionCode>Q</transactionCode>', '<transactionCode>P</transactionCode>')
    .replace('<ownershipNature>', '<postTransactionAmounts><sharesOwnedFollowingTransaction><value>12a</value></sharesOwnedFollowingTransaction></postTransactionAmounts><ownershipNature>');
  assert.throws(() => readEdgarXml(minimalXml(badNumber)), /Table I line 1 sharesOwnedFollowing is not a number: "12a"/);
  assert.throws(() => readEdgarXml(minimalXml('', '<aff10b5One>maybe</aff10b5One>')), /aff10b5One is not a boolean/);
  assert.equal(readEdgarXml(`\uFEFF${minimalXml('')}`).documentType, '4/A', 'a byte-order mark is tolerated');
});
