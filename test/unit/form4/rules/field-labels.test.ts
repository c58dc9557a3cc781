import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { describeFieldPath } from '../../../../main/form4/rules/field-labels.js';

describe('describeFieldPath', () => {
  it('names the printed box or column of a path', () => {
    assert.equal(describeFieldPath('periodOfReport'), 'Box 3 (date of earliest transaction)');
    assert.equal(describeFieldPath('issuer.tradingSymbol'), 'Box 2 (ticker or trading symbol)');
    assert.equal(describeFieldPath('reportingOwners[1].zip'), 'Box 1 (zip) of reporting person 2');
    assert.equal(describeFieldPath('nonDerivative[0].sharesOwnedFollowing'), 'Table I line 1, column 5 (amount owned following)');
    assert.equal(describeFieldPath('derivative[2].expirationDate'), 'Table II line 3, column 6 (expiration date)');
    assert.equal(describeFieldPath('signatures[0].date'), 'Signature 1 (date)');
  });

  it('falls back to the path for anything not printed', () => {
    assert.equal(describeFieldPath('issuer.cik'), 'issuer.cik');
    assert.equal(describeFieldPath('nonDerivative[0].footnoteRefs'), 'nonDerivative[0].footnoteRefs');
  });
});
