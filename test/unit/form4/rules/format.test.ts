import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanFiling, edited, findingsOf, pathsOf } from './drafts.js';

describe('format', () => {
  it('accepts a filing whose values are all of their kind', () => {
    assert.deepEqual(findingsOf(cleanFiling(), 'format'), []);
  });

  it('rejects dates that are not real calendar dates or not YYYY-MM-DD', () => {
    const filing = edited((draft) => {
      draft.periodOfReport = '2019-02-30';
      draft.nonDerivative[0].transactionDate = '03/07/2022';
      draft.signatures[0].date = '2022-13-01';
      draft.derivative[0].expirationDate = '2030-02-29';
    });
    const found = findingsOf(filing, 'format');
    assert.deepEqual(pathsOf(found), [
      'periodOfReport', 'nonDerivative[0].transactionDate', 'derivative[0].expirationDate', 'signatures[0].date',
    ]);
    assert.match(found[0]?.message ?? '', /"2019-02-30", which is not a real calendar date/);
    assert.match(found[1]?.message ?? '', /"03\/07\/2022", not a date as YYYY-MM-DD/);
  });

  it('lets words stand in column 6 of Table II but not a misread date', () => {
    const words = edited((draft) => { draft.derivative[0].dateExercisable = '(1)'; draft.derivative[0].expirationDate = 'None'; });
    assert.deepEqual(findingsOf(words, 'format'), []);
    const misread = edited((draft) => { draft.derivative[0].dateExercisable = '3/8/2023'; });
    assert.deepEqual(pathsOf(findingsOf(misread, 'format')), ['derivative[0].dateExercisable']);
  });

  it('rejects amounts that are not finite non-negative numbers', () => {
    const filing = edited((draft) => {
      draft.nonDerivative[0].shares = '2,16';
      draft.nonDerivative[0].pricePerShare = -33.85;
      draft.nonDerivative[1].sharesOwnedFollowing = Number.POSITIVE_INFINITY;
      draft.derivative[0].conversionOrExercisePrice = Number.NaN;
    });
    const found = findingsOf(filing, 'format');
    assert.deepEqual(pathsOf(found), [
      'nonDerivative[0].shares', 'nonDerivative[0].pricePerShare', 'nonDerivative[1].sharesOwnedFollowing',
      'derivative[0].conversionOrExercisePrice',
    ]);
    assert.match(found[0]?.message ?? '', /"2,16", not a number/);
    assert.match(found[1]?.message ?? '', /-33\.85: amounts and prices on Form 4 are never negative/);
  });

  it('rejects codes and letters that are not of their set', () => {
    const filing = edited((draft) => {
      draft.nonDerivative[0].transactionCode = 's';
      draft.nonDerivative[0].acquiredDisposed = 'B';
      draft.nonDerivative[1].directOrIndirect = '0';
      draft.derivative[0].sharesAcquired = 100;
    });
    assert.deepEqual(pathsOf(findingsOf(filing, 'format')), [
      'nonDerivative[0].transactionCode', 'nonDerivative[0].acquiredDisposed', 'nonDerivative[1].directOrIndirect',
      'derivative[0].sharesDisposed',
    ]);
  });

  it('checks the ticker: 1-5 letters with an optional class suffix', () => {
    for (const ticker of ['A', 'AMOT', 'GOOGL', 'BRK.B', 'mog.a']) {
      assert.deepEqual(findingsOf(edited((draft) => { draft.issuer.tradingSymbol = ticker; }), 'format'), [], ticker);
    }
    for (const ticker of ['AM0T', 'TOOLONG', 'BRK.BB', 'BRK-B', 'n/a']) {
      assert.deepEqual(pathsOf(findingsOf(edited((draft) => { draft.issuer.tradingSymbol = ticker; }), 'format')), ['issuer.tradingSymbol'], ticker);
    }
  });

  it('checks the state against US state, territory and military codes', () => {
    for (const state of ['NY', 'DC', 'PR', 'GU', 'VI', 'AS', 'MP', 'AA', 'AE', 'AP']) {
      assert.deepEqual(findingsOf(edited((draft) => { draft.reportingOwners[0].state = state; }), 'format'), [], state);
    }
    for (const state of ['N.Y.', 'ONTARIO', 'ZZ', 'E9']) {
      assert.deepEqual(pathsOf(findingsOf(edited((draft) => { draft.reportingOwners[0].state = state; }), 'format')), ['reportingOwners[0].state'], state);
    }
  });

  it('checks the document type', () => {
    assert.deepEqual(pathsOf(findingsOf(edited((draft) => { draft.documentType = '5'; }), 'format')), ['documentType']);
  });
});
