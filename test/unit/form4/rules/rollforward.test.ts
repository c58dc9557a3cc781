import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanFiling, edited, findingsOf, pathsOf } from './drafts.js';

/** Two lines of the same holding, the second starting from the first's following. */
function twoLines(change: (second: Record<string, unknown>, first: Record<string, unknown>) => void) {
  return edited((draft) => {
    draft.nonDerivative[0] = { ...draft.nonDerivative[0], transactionCode: 'S', shares: 2000, acquiredDisposed: 'D', sharesOwnedFollowing: 0, directOrIndirect: 'I', natureOfOwnership: 'By IRA' };
    draft.nonDerivative[1] = { ...draft.nonDerivative[1], transactionCode: 'P', shares: 2000, acquiredDisposed: 'A', sharesOwnedFollowing: 2000, directOrIndirect: 'I', natureOfOwnership: 'By IRA' };
    change(draft.nonDerivative[1], draft.nonDerivative[0]);
  });
}

describe('rollforward', () => {
  it('accepts following amounts that add up, in Table I and Table II', () => {
    assert.deepEqual(findingsOf(cleanFiling(), 'rollforward'), []);
    assert.deepEqual(findingsOf(twoLines(() => undefined), 'rollforward'), []);
  });

  it('flags a following amount that is not the previous one plus the amount acquired, naming the values', () => {
    const found = findingsOf(twoLines((second) => { second.sharesOwnedFollowing = 2100; }), 'rollforward');
    assert.deepEqual(pathsOf(found), ['nonDerivative[1].sharesOwnedFollowing']);
    assert.match(found[0]?.message ?? '', /is 2,100, but Table I line 1's 0 \+ 2,000 acquired gives 2,000/);
  });

  it('flags a disposition that does not subtract', () => {
    const found = findingsOf(edited((draft) => { draft.nonDerivative[1].sharesOwnedFollowing = 103663; }), 'rollforward');
    assert.match(found[0]?.message ?? '', /103,663 \+ 2,192 acquired gives 105,855/);
  });

  it('compares titles and natures without case or spacing, and tolerates fractional shares', () => {
    const filing = twoLines((second) => {
      second.securityTitle = ' common  STOCK ';
      second.natureOfOwnership = 'by ira';
      second.shares = 0.001;
      second.sharesOwnedFollowing = 0.001;
    });
    assert.deepEqual(findingsOf(filing, 'rollforward'), []);
    const off = twoLines((second) => { second.shares = 0.001; second.sharesOwnedFollowing = 0.002; });
    assert.deepEqual(pathsOf(findingsOf(off, 'rollforward')), ['nonDerivative[1].sharesOwnedFollowing']);
  });

  it('does not chain different holdings: other nature, other footnoted vehicle, D against I', () => {
    for (const change of [
      (second: Record<string, unknown>) => { second.natureOfOwnership = 'By Family Trust'; },
      (second: Record<string, unknown>) => { second.directOrIndirect = 'D'; second.natureOfOwnership = null; },
      (second: Record<string, unknown>, first: Record<string, unknown>) => {
        first.natureOfOwnership = 'See footnote';
        first.footnoteRefs = { natureOfOwnership: ['1'] };
        second.natureOfOwnership = 'See footnote';
        second.footnoteRefs = { natureOfOwnership: ['2'] };
      },
      (second: Record<string, unknown>) => { second.securityTitle = 'Class B Common Stock'; },
    ]) {
      const filing = twoLines((second, first) => { change(second, first); second.sharesOwnedFollowing = 999; });
      assert.deepEqual(findingsOf(filing, 'rollforward'), []);
    }
  });

  it('chains across lines of other holdings but leaves holding lines out', () => {
    const filing = edited((draft) => {
      const other = { ...draft.nonDerivative[0], directOrIndirect: 'I', natureOfOwnership: 'By Spouse', sharesOwnedFollowing: 1 };
      const sameHolding = { ...draft.nonDerivative[2], directOrIndirect: 'D', natureOfOwnership: null, sharesOwnedFollowing: 5 };
      draft.nonDerivative.splice(1, 0, other, sameHolding);
    });
    assert.deepEqual(findingsOf(filing, 'rollforward'), []);
    const broken = edited((draft) => { draft.nonDerivative[3].sharesOwnedFollowing = 1; }, filing);
    const found = findingsOf(broken, 'rollforward');
    assert.deepEqual(pathsOf(found), ['nonDerivative[3].sharesOwnedFollowing']);
    assert.match(found[0]?.message ?? '', /Table I line 1's 103,663/);
  });

  it('treats Table II series with another exercise price or expiration as separate holdings', () => {
    const second = (change: (line: Record<string, unknown>) => void) => edited((draft) => {
      const line = { ...draft.derivative[0], sharesDisposed: 1000, sharesOwnedFollowing: 6808 };
      change(line);
      draft.derivative.push(line);
    });
    assert.deepEqual(findingsOf(second(() => undefined), 'rollforward'), []);
    assert.deepEqual(pathsOf(findingsOf(second((line) => { line.sharesOwnedFollowing = 7808; }), 'rollforward')), ['derivative[1].sharesOwnedFollowing']);
    assert.deepEqual(findingsOf(second((line) => { line.sharesOwnedFollowing = 3000; line.conversionOrExercisePrice = 25; }), 'rollforward'), []);
    assert.deepEqual(findingsOf(second((line) => { line.sharesOwnedFollowing = 3000; line.expirationDate = '2031-03-08'; }), 'rollforward'), []);
  });

  it('points at the footnote on the following cell that may explain a difference', () => {
    const found = findingsOf(twoLines((second) => { second.sharesOwnedFollowing = 5019; second.footnoteRefs = { sharesOwnedFollowing: ['1'] }; }), 'rollforward');
    assert.match(found[0]?.message ?? '', /footnote \(1\) on that cell may explain the difference/);
  });
});
