// Filings built for the export tests: every kind of line (Table I and II, transactions and holdings),
// footnotes on many cells, joint filers, and text that needs escaping in XML and quoting in CSV.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { filingSchema, type Filing } from '../../shared/model.js';

const SEEDS_DIR = fileURLToPath(new URL('../../../shared/fixtures/seeds/', import.meta.url));
export const CORPUS_DIR = fileURLToPath(new URL('../../../shared/corpus/edgar-xml/', import.meta.url));

/** The five seeds' expected filings, by file name. */
export function seedFilings(): Array<{ name: string; filing: Filing }> {
  return readdirSync(SEEDS_DIR)
    .filter((name) => name.endsWith('.expected.json'))
    .sort()
    .map((name) => ({ name, filing: filingSchema.parse(JSON.parse(readFileSync(join(SEEDS_DIR, name), 'utf8'))) }));
}

export function corpusFiles(): Array<{ name: string; xml: string }> {
  return readdirSync(CORPUS_DIR)
    .filter((name) => name.endsWith('.xml'))
    .sort()
    .map((name) => ({ name, xml: readFileSync(join(CORPUS_DIR, name), 'utf8') }));
}

/** A joint Form 4 with both tables, both kinds of line in each, and awkward text. A fresh copy per call. */
export function sampleFiling(): Filing {
  return {
    documentType: '4',
    periodOfReport: '2024-03-01',
    dateOfOriginalSubmission: null,
    notSubjectToSection16: false,
    aff10b5One: null,
    issuer: { name: 'Acme & Sons, "Holdings" <Inc>', tradingSymbol: 'ACME', cik: null },
    reportingOwners: [
      {
        name: "O'Neil Pat Q",
        street1: '1 Main St, Suite 5',
        street2: null,
        city: 'Springfield',
        state: 'IL',
        zip: '62701-1234',
        isDirector: false,
        isOfficer: true,
        isTenPercentOwner: false,
        isOther: false,
        officerTitle: 'Chief Financial Officer',
        otherText: null,
        cik: null,
      },
      {
        name: 'Acme Family Holdings LLC',
        isDirector: false,
        isOfficer: false,
        isTenPercentOwner: true,
        isOther: true,
        officerTitle: null,
        otherText: 'Member of 10% group',
        cik: '1234567',
      },
    ],
    jointFiling: true,
    nonDerivative: [
      {
        securityTitle: 'Common Stock',
        transactionDate: '2024-03-01',
        deemedExecutionDate: null,
        transactionCode: 'S',
        equitySwapInvolved: false,
        shares: 1500,
        acquiredDisposed: 'D',
        pricePerShare: 10.2575,
        sharesOwnedFollowing: 20000.5,
        directOrIndirect: 'D',
        natureOfOwnership: null,
        footnoteRefs: { transactionCode: ['1'], pricePerShare: ['2'] },
      },
      {
        securityTitle: 'Common Stock',
        transactionDate: null,
        deemedExecutionDate: null,
        transactionCode: null,
        equitySwapInvolved: false,
        shares: null,
        acquiredDisposed: null,
        pricePerShare: null,
        sharesOwnedFollowing: 5000,
        directOrIndirect: 'I',
        natureOfOwnership: 'By Trust',
        footnoteRefs: { natureOfOwnership: ['3'] },
      },
    ],
    derivative: [
      {
        securityTitle: 'Stock Option (right to buy)',
        conversionOrExercisePrice: 4.5,
        transactionDate: '2024-03-01',
        deemedExecutionDate: null,
        transactionCode: 'M',
        equitySwapInvolved: false,
        sharesAcquired: null,
        sharesDisposed: 1500,
        dateExercisable: null,
        expirationDate: '2030-01-31',
        underlyingTitle: 'Common Stock',
        underlyingShares: 1500,
        pricePerShare: 0,
        sharesOwnedFollowing: 3000,
        directOrIndirect: 'D',
        natureOfOwnership: null,
        footnoteRefs: { dateExercisable: ['4'] },
      },
      {
        securityTitle: 'Restricted Stock Units',
        conversionOrExercisePrice: null,
        transactionDate: null,
        deemedExecutionDate: null,
        transactionCode: null,
        equitySwapInvolved: false,
        sharesAcquired: null,
        sharesDisposed: null,
        dateExercisable: null,
        expirationDate: null,
        underlyingTitle: 'Common Stock',
        underlyingShares: 800,
        pricePerShare: null,
        sharesOwnedFollowing: 800,
        directOrIndirect: 'D',
        natureOfOwnership: null,
        footnoteRefs: { conversionOrExercisePrice: ['5'], dateExercisable: ['5'], expirationDate: ['5'] },
      },
    ],
    footnotes: [
      { id: '1', text: 'Sold under a Rule 10b5-1 plan adopted on 2023-09-01.' },
      { id: '2', text: 'Weighted average; prices ranged from $10.00 to $10.50, inclusive.' },
      { id: '3', text: 'Held by the "O\'Neil Family" Trust,\nof which the reporting person is a trustee.' },
      { id: '4', text: 'The option vested in full on 2021-01-31.' },
      { id: '5', text: 'Each unit converts into one share < 1 year after grant & vests at once.' },
    ],
    remarks: 'Exhibit 24, Power of Attorney, "attached".\r\nSecond line',
    signatures: [
      { name: "/s/ Pat Q. O'Neil", date: '2024-03-05' },
      { name: 'Acme Family Holdings LLC, by /s/ Pat Q. O\'Neil, Manager', date: '2024-03-05' },
    ],
  };
}
