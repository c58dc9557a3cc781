import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanFiling, edited, findingsOf, pathsOf } from './drafts.js';

describe('late-filing', () => {
  it('accepts a signature two business days after the transaction', () => {
    assert.deepEqual(findingsOf(cleanFiling(), 'late-filing'), []);
  });

  it('flags each line signed more than two business days after its transaction', () => {
    const found = findingsOf(edited((draft) => { draft.signatures[0].date = '2022-03-10'; }), 'late-filing');
    assert.deepEqual(pathsOf(found), ['nonDerivative[0].transactionDate']);
    assert.match(found[0]?.message ?? '', /transaction on 2022-03-07, signed 2022-03-10: 3 business days later, over the 2 allowed \(due by 2022-03-09\)/);
    const later = findingsOf(edited((draft) => { draft.signatures[0].date = '2022-03-11'; }), 'late-filing');
    assert.deepEqual(pathsOf(later), ['nonDerivative[0].transactionDate', 'nonDerivative[1].transactionDate', 'derivative[0].transactionDate']);
  });

  it('skips weekends and federal holidays: Thursday before July 4th weekend to the Tuesday after is 2', () => {
    const filing = edited((draft) => {
      draft.nonDerivative = [{ ...draft.nonDerivative[0], transactionDate: '2020-07-02' }];
      draft.derivative = [];
      draft.periodOfReport = '2020-07-02';
      draft.signatures[0].date = '2020-07-07';
    });
    assert.deepEqual(findingsOf(filing, 'late-filing'), []);
    assert.equal(findingsOf(edited((draft) => { draft.signatures[0].date = '2020-07-08'; }, filing), 'late-filing').length, 1);
  });

  it('counts from the deemed execution date where one is given', () => {
    const filing = edited((draft) => {
      draft.signatures[0].date = '2022-03-14';
      draft.nonDerivative[0].deemedExecutionDate = '2022-03-10';
      draft.nonDerivative[1].deemedExecutionDate = '2022-03-10';
      draft.derivative[0].deemedExecutionDate = '2022-03-10';
    });
    assert.deepEqual(findingsOf(filing, 'late-filing'), []);
  });

  it('uses the latest of several signature dates', () => {
    const filing = edited((draft) => { draft.signatures.push({ name: 'Second Filer', date: '2022-03-15' }); });
    assert.equal(findingsOf(filing, 'late-filing').length, 3);
  });

  it('exempts L, W, and G before 2023-02-27, but not a G from that date', () => {
    const late = (code: string, date: string) => edited((draft) => {
      draft.nonDerivative = [{ ...draft.nonDerivative[0], transactionCode: code, transactionDate: date }];
      draft.derivative = [];
      draft.periodOfReport = date;
      draft.signatures[0].date = '2023-06-30';
    });
    assert.deepEqual(findingsOf(late('L', '2023-03-01'), 'late-filing'), []);
    assert.deepEqual(findingsOf(late('W', '2023-03-01'), 'late-filing'), []);
    assert.deepEqual(findingsOf(late('G', '2023-02-24'), 'late-filing'), []);
    assert.equal(findingsOf(late('G', '2023-02-27'), 'late-filing').length, 1);
  });

  it('says nothing without a signature date', () => {
    assert.deepEqual(findingsOf(edited((draft) => { draft.signatures[0].date = null; }), 'late-filing'), []);
  });
});
