import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanFiling, edited, findingsOf, pathsOf } from './drafts.js';

describe('code-direction', () => {
  it('accepts codes whose direction matches (M acquires in Table I and disposes in Table II)', () => {
    assert.deepEqual(findingsOf(cleanFiling(), 'code-direction'), []);
  });

  it('flags a Table I sale marked (A)', () => {
    const found = findingsOf(edited((draft) => { draft.nonDerivative[0].transactionCode = 'S'; draft.nonDerivative[0].acquiredDisposed = 'A'; }), 'code-direction');
    assert.deepEqual(pathsOf(found), ['nonDerivative[0].acquiredDisposed']);
    assert.match(found[0]?.message ?? '', /code S \(open market or private sale\) is a disposition \(D\)/);
  });

  it('flags M in Table I marked (D) and M in Table II under (A), where the tables differ', () => {
    const filing = edited((draft) => {
      draft.nonDerivative[1].acquiredDisposed = 'D';
      draft.derivative[0].sharesAcquired = 2192;
      draft.derivative[0].sharesDisposed = null;
    });
    assert.deepEqual(pathsOf(findingsOf(filing, 'code-direction')), ['nonDerivative[1].acquiredDisposed', 'derivative[0].sharesAcquired']);
  });

  it('lets codes that go either way (G, J, K, W, Z, I) pass in both directions', () => {
    for (const code of ['G', 'J', 'K', 'W', 'Z', 'I']) {
      const filing = edited((draft) => { draft.nonDerivative[0].transactionCode = code; draft.nonDerivative[0].acquiredDisposed = 'A'; });
      assert.deepEqual(findingsOf(filing, 'code-direction'), [], code);
    }
  });
});
