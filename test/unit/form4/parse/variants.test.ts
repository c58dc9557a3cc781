// The parser on variants made from the seeds: lines added and removed, a number changed so the
// roll-forward breaks, a footnote reference removed, columns reordered, a Table II line, and input
// that is not a Form 4.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractFiling, NotAForm4Error } from '../../../../main/form4/extract.js';
import { readTextDocument } from '../../../../main/ingest/text-document.js';
import { differences, loadSeed } from '../../../support/seeds.js';

const extract = (text: string) => extractFiling(readTextDocument(text));
const rules = (text: string) => extract(text).findings.map((f) => `${f.rule}@${f.path}`);

const seed003 = loadSeed('003');
const seed000 = loadSeed('000');
const seed001 = loadSeed('001');

describe('parser variants', () => {
  it('reads a Table I line added in the middle, and the roll-forward still holds', () => {
    const added = '| Common Stock | 03/08/2022 | | A | | 1,000 | A | \\$34.39 | 109,047 | D | |';
    const text = seed003.text.replace(/(\| Common Stock \| 03\/08\/2022 \|[^\n]*108,047[^\n]*\n)/, (line) => `${line}${added}\n`);
    const { filing, findings } = extract(text);
    assert.equal(filing.nonDerivative.length, 5);
    assert.deepEqual(filing.nonDerivative[3], {
      securityTitle: 'Common Stock', transactionDate: '2022-03-08', deemedExecutionDate: null, transactionCode: 'A',
      equitySwapInvolved: false, shares: 1000, acquiredDisposed: 'A', pricePerShare: 34.39, sharesOwnedFollowing: 109047,
      directOrIndirect: 'D', natureOfOwnership: null, footnoteRefs: {},
    });
    assert.equal(findings.filter((f) => f.rule === 'rollforward').length, 0);
  });

  it('flags the roll-forward when a line is removed', () => {
    const text = seed003.text.replace(/\| Common Stock \| 03\/08\/2022 \|[^\n]*105,855[^\n]*\n/, '');
    const { filing } = extract(text);
    assert.equal(filing.nonDerivative.length, 3);
    assert.ok(rules(text).includes('rollforward@nonDerivative[1].sharesOwnedFollowing'));
    assert.ok(rules(text).includes('footnote-unused@footnotes[1]'));
  });

  it('flags the roll-forward when an amount is changed', () => {
    const text = seed003.text.replace('105,855', '105,955');
    assert.equal(extract(text).filing.nonDerivative[1]!.sharesOwnedFollowing, 105955);
    assert.ok(rules(text).includes('rollforward@nonDerivative[1].sharesOwnedFollowing'));
    assert.ok(rules(seed003.text).every((r) => !r.startsWith('rollforward')));
  });

  it('flags a footnote no cell refers to once its reference is removed', () => {
    const text = seed000.text.replace('| D ⁽⁶⁾ |', '| D |');
    const { filing } = extract(text);
    assert.deepEqual(filing.nonDerivative[2]!.footnoteRefs, {});
    assert.ok(rules(text).includes('footnote-unused@footnotes[5]'));
  });

  it('flags a reference to a footnote that is not there', () => {
    const text = seed000.text.replace(/- Includes shares purchased[^\n]*\n/, '');
    const { filing } = extract(text);
    assert.equal(filing.footnotes.length, 5);
    assert.ok(rules(text).includes('footnote-ref@nonDerivative[2].directOrIndirect'));
  });

  it('reads Table I by its header when the columns are reordered', () => {
    // Swap "5. Amount ... Following" with "7. Nature" and "6. Ownership Form" with "1. Title" in every
    // row of Table I: the header moves with its cells, so reading by column must still be exact.
    const permutation = [9, 1, 2, 3, 4, 5, 6, 7, 10, 0, 8];
    const lines = seed000.text.split('\n');
    const start = lines.findIndex((l) => l.startsWith('| 1. Title of Security'));
    const end = lines.findIndex((l, i) => i > start && l.trim() === '');
    for (let i = start; i < end; i += 1) {
      const cells = lines[i]!.trim().replace(/^\||\|$/g, '').split('|');
      if (cells.length !== permutation.length) continue;
      lines[i] = `|${permutation.map((from) => cells[from]).join('|')}|`;
    }
    const reordered = lines.join('\n');
    assert.notEqual(reordered, seed000.text);
    const { filing } = extract(reordered);
    assert.deepEqual(differences(seed000.expected.nonDerivative, filing.nonDerivative), []);
  });

  it('reads a Table II line, taking (A) or (D) from the header cells', () => {
    const row = 'Stock Option (right to buy)\t\\$10.50\t03/07/2022\t\tM\t\t\t1,000 ⁽²⁾\t03/07/2020\t03/07/2030\tCommon Stock\t1,000\t\\$0\t4,000\tD\t';
    const text = seed001.text.replace(/(\t\t\t\tCode\tV\t\(A\)\t\(D\)[^\n]*\n)/, (header) => `${header}${row}\n`);
    const { filing } = extract(text);
    assert.deepEqual(filing.derivative, [{
      securityTitle: 'Stock Option (right to buy)', conversionOrExercisePrice: 10.5, transactionDate: '2022-03-07',
      deemedExecutionDate: null, transactionCode: 'M', equitySwapInvolved: false, sharesAcquired: null, sharesDisposed: 1000,
      dateExercisable: '2020-03-07', expirationDate: '2030-03-07', underlyingTitle: 'Common Stock', underlyingShares: 1000,
      pricePerShare: 0, sharesOwnedFollowing: 4000, directOrIndirect: 'D', natureOfOwnership: null,
      footnoteRefs: { sharesDisposed: ['2'] },
    }]);
  });

  it('guesses (A) or (D) from the code, and says so, where no header cells tell', () => {
    const row = 'Stock Option (right to buy) $10.50 03/07/2022 A 500 Immediately 03/07/2030 Common Stock 500 $0 500 D';
    const text = seed001.text.replace(/(\t\t\t\tCode\tV\t\(A\)\t\(D\)[^\n]*\n)/, (header) => `${header}${row}\n`);
    const { filing, findings } = extract(text);
    assert.equal(filing.derivative[0]!.sharesAcquired, 500);
    assert.equal(filing.derivative[0]!.dateExercisable, 'Immediately');
    assert.ok(findings.some((f) => f.rule === 'low-confidence' && f.path === 'derivative[0].sharesAcquired'));
  });

  it('reads the address, relationship and amendment box however the boxes are filled', () => {
    const text = seed003.text
      .replace('(Check all applicable) Director', '(Check all applicable) ☒ Director')
      .replace('| 4. If Amendment, Date of Original Filed (Month/Day/Year) |', '| 4. If Amendment, Date of Original Filed (Month/Day/Year) 03/01/2022 |');
    const { filing, findings } = extract(text);
    assert.equal(filing.documentType, '4/A');
    assert.equal(filing.dateOfOriginalSubmission, '2022-03-01');
    assert.equal(filing.reportingOwners[0]!.isDirector, true);
    assert.equal(filing.reportingOwners[0]!.isOfficer, true);
    assert.ok(!findings.some((f) => f.rule === 'amendment'));
  });

  it('refuses text that is not a Form 4', () => {
    assert.throws(() => extract('# Quarterly report\n\nRevenue grew 4%.\n'), NotAForm4Error);
  });
});
