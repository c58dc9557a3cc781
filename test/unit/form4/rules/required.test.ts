import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanFiling, edited, findingsOf, pathsOf } from './drafts.js';

describe('required', () => {
  it('finds nothing missing on a complete filing', () => {
    assert.deepEqual(findingsOf(cleanFiling(), 'required'), []);
  });

  it('names each empty header box by its path', () => {
    const filing = edited((draft) => {
      draft.reportingOwners[0].name = '  ';
      draft.reportingOwners[0].isOfficer = false;
      draft.issuer = { name: null, tradingSymbol: null };
      draft.periodOfReport = null;
    });
    assert.deepEqual(pathsOf(findingsOf(filing, 'required')), [
      'reportingOwners[0].name', 'reportingOwners[0].isDirector', 'issuer.name', 'issuer.tradingSymbol', 'periodOfReport',
    ]);
  });

  it('asks for a reporting person when there is none', () => {
    assert.deepEqual(pathsOf(findingsOf(edited((draft) => { draft.reportingOwners = []; }), 'required')), ['reportingOwners']);
  });

  it('wants a signature, and one that has both a name and a date', () => {
    assert.deepEqual(pathsOf(findingsOf(edited((draft) => { draft.signatures = []; }), 'required')), ['signatures']);
    const undated = edited((draft) => { draft.signatures[0].date = null; });
    assert.deepEqual(pathsOf(findingsOf(undated, 'required')), ['signatures[0].date']);
    const secondComplete = edited((draft) => {
      draft.signatures = [{ name: 'A. Filer', date: null }, { name: 'B. Filer', date: '2022-03-09' }];
    });
    assert.deepEqual(findingsOf(secondComplete, 'required'), []);
  });

  it('wants title, ownership form and amount following on a holding line, but no transaction columns', () => {
    const filing = edited((draft) => {
      Object.assign(draft.nonDerivative[2], { securityTitle: null, directOrIndirect: null, sharesOwnedFollowing: null });
    });
    const found = findingsOf(filing, 'required');
    assert.deepEqual(pathsOf(found), [
      'nonDerivative[2].securityTitle', 'nonDerivative[2].directOrIndirect', 'nonDerivative[2].sharesOwnedFollowing',
    ]);
    assert.match(found[2]?.message ?? '', /Table I line 3: column 5 \(amount owned following\) is empty/);
  });

  it('wants date, code, amount and (A)/(D) on a Table I transaction line', () => {
    const filing = edited((draft) => {
      Object.assign(draft.nonDerivative[0], { transactionDate: null, shares: null, acquiredDisposed: '' });
    });
    assert.deepEqual(pathsOf(findingsOf(filing, 'required')), [
      'nonDerivative[0].transactionDate', 'nonDerivative[0].shares', 'nonDerivative[0].acquiredDisposed',
    ]);
  });

  it('counts a number under (A) or (D) as both amount and direction in Table II', () => {
    const filing = edited((draft) => {
      Object.assign(draft.derivative[0], { sharesDisposed: null });
    });
    const found = findingsOf(filing, 'required');
    assert.deepEqual(pathsOf(found), ['derivative[0].sharesAcquired']);
    assert.match(found[0]?.message ?? '', /under \(A\) if acquired or under \(D\) if disposed of/);
    const holding = edited((draft) => {
      Object.assign(draft.derivative[0], { transactionDate: null, transactionCode: null, sharesDisposed: null });
    });
    assert.deepEqual(findingsOf(holding, 'required'), []);
  });
});
