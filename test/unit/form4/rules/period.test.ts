import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanFiling, edited, findingsOf, pathsOf } from './drafts.js';

describe('period-mismatch', () => {
  it('accepts box 3 equal to the earliest transaction date', () => {
    assert.deepEqual(findingsOf(cleanFiling(), 'period-mismatch'), []);
  });

  it('flags box 3 that is not the earliest transaction date of Tables I and II', () => {
    const found = findingsOf(edited((draft) => { draft.derivative[0].transactionDate = '2022-03-04'; }), 'period-mismatch');
    assert.deepEqual(pathsOf(found), ['periodOfReport']);
    assert.match(found[0]?.message ?? '', /is 2022-03-07, but the earliest transaction date is 2022-03-04 \(Table II line 1\)/);
  });

  it('uses transaction dates, not deemed execution dates', () => {
    assert.deepEqual(findingsOf(edited((draft) => { draft.nonDerivative[1].deemedExecutionDate = '2022-03-01'; }), 'period-mismatch'), []);
  });

  it('says nothing when box 3 or every transaction date is unreadable (format and required say it)', () => {
    assert.deepEqual(findingsOf(edited((draft) => { draft.periodOfReport = '2022-02-30'; }), 'period-mismatch'), []);
    const noDates = edited((draft) => {
      for (const line of [...draft.nonDerivative, ...draft.derivative]) line.transactionDate = null;
      draft.periodOfReport = '2021-01-04';
    });
    assert.deepEqual(findingsOf(noDates, 'period-mismatch'), []);
  });
});
