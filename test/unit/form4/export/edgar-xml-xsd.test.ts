// The EDGAR export checked by the SEC's own schema, through xmllint. Skipped, with one line saying
// why, where xmllint is not installed; CI installs it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Filing } from '../../../../shared/model.js';
import { readEdgarXml } from '../../../../main/form4/edgar/read-edgar-xml.js';
import { toEdgarXml, UNKNOWN_CIK } from '../../../../main/form4/export/edgar-xml.js';
import { validateEdgarXml, xmllintMissing, type XsdVariant } from '../../../support/edgar-xsd.js';
import { corpusFiles, sampleFiling, seedFilings } from '../../../support/export-samples.js';

const X0306: XsdVariant = { documentType: '4', schemaVersion: 'X0306' };
const X0508: XsdVariant = { documentType: '4', schemaVersion: 'X0508' };

function assertValid(xml: string, variant: XsdVariant, label: string): void {
  const result = validateEdgarXml(xml, variant);
  assert.ok(result.valid, `${label} fails ${variant.documentType} ${variant.schemaVersion}:\n${result.output}`);
}

function withoutAff10b5One(xml: string): string {
  const stripped = xml.replace(/^ *<aff10b5One>[^<]*<\/aff10b5One>\n/m, '');
  assert.notEqual(stripped, xml, 'the document had an aff10b5One element to remove');
  return stripped;
}

/** The seed as the EDGAR reader sees it after the export: optional fields filled, CIKs as the placeholder. */
function asReadBack(filing: Filing): Filing {
  return {
    ...filing,
    dateOfOriginalSubmission: filing.dateOfOriginalSubmission ?? null,
    notSubjectToSection16: filing.notSubjectToSection16 ?? false,
    aff10b5One: filing.aff10b5One ?? null,
    issuer: { ...filing.issuer, cik: filing.issuer.cik ?? UNKNOWN_CIK },
    reportingOwners: filing.reportingOwners.map((owner) => ({
      street1: null, street2: null, city: null, state: null, zip: null, officerTitle: null, otherText: null,
      ...owner,
      cik: owner.cik ?? UNKNOWN_CIK,
    })),
    jointFiling: filing.reportingOwners.length > 1,
    nonDerivative: filing.nonDerivative.map((line) => ({ deemedExecutionDate: null, equitySwapInvolved: false, ...line, footnoteRefs: line.footnoteRefs ?? {} })),
  };
}

describe('toEdgarXml against the EDGAR XSD (xmllint)', { skip: xmllintMissing }, () => {
  test('the validator refuses what it should (a document with an element out of order)', () => {
    const xml = toEdgarXml(sampleFiling());
    const swapped = xml.replace(/( *<documentType>.*\n)( *<periodOfReport>.*\n)/, '$2$1');
    assert.notEqual(swapped, xml);
    assert.equal(validateEdgarXml(xml, X0306).valid, true);
    assert.equal(validateEdgarXml(swapped, X0306).valid, false);
  });

  test('a constructed joint filing with both tables, holdings and footnote-only cells is valid X0306', () => {
    assertValid(toEdgarXml(sampleFiling()), X0306, 'sample');
  });

  test('X0508 when the 10b5-1 box is known: valid X0508, and valid X0306 once aff10b5One is removed', () => {
    for (const box of [true, false]) {
      const xml = toEdgarXml({ ...sampleFiling(), aff10b5One: box });
      assertValid(xml, X0508, `box ${box}`);
      assertValid(withoutAff10b5One(xml), X0306, `box ${box} without aff10b5One`);
      assert.equal(validateEdgarXml(xml, X0306).valid, false, 'X0306 has no aff10b5One');
    }
  });

  test('a 4/A with the date of the original filing is valid, in X0306 and X0508', () => {
    const amendment: Filing = { ...sampleFiling(), documentType: '4/A', dateOfOriginalSubmission: '2024-03-04' };
    assertValid(toEdgarXml(amendment), { documentType: '4/A', schemaVersion: 'X0306' }, '4/A');
    assertValid(toEdgarXml({ ...amendment, aff10b5One: false }), { documentType: '4/A', schemaVersion: 'X0508' }, '4/A X0508');
  });

  test('the five seeds are valid and read back as they went in', () => {
    const seeds = seedFilings();
    assert.equal(seeds.length, 5);
    for (const { name, filing } of seeds) {
      const xml = toEdgarXml(filing);
      assertValid(xml, X0306, name);
      assert.deepEqual(readEdgarXml(xml), asReadBack(filing), name);
    }
  });

  test('all 73 corpus filings, read and written again, are valid (X0508 ones also as X0306 without the box)', () => {
    const files = corpusFiles();
    assert.equal(files.length, 73);
    let x0508 = 0;
    for (const { name, xml } of files) {
      const written = toEdgarXml(readEdgarXml(xml));
      if (written.includes('<schemaVersion>X0508</schemaVersion>')) {
        x0508 += 1;
        assertValid(written, X0508, name);
        assertValid(withoutAff10b5One(written), X0306, `${name} without aff10b5One`);
      } else {
        assertValid(written, X0306, name);
      }
    }
    assert.equal(x0508, 22, 'the corpus has 22 filings with the 10b5-1 box');
  });
});
