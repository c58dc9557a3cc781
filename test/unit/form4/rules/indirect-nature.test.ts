import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanFiling, edited, findingsOf, pathsOf } from './drafts.js';

describe('indirect-nature', () => {
  it('accepts I with a nature and D without one', () => {
    assert.deepEqual(findingsOf(cleanFiling(), 'indirect-nature'), []);
  });

  it('flags I with no nature', () => {
    const found = findingsOf(edited((draft) => { draft.nonDerivative[2].natureOfOwnership = ' '; }), 'indirect-nature');
    assert.deepEqual(pathsOf(found), ['nonDerivative[2].natureOfOwnership']);
    assert.match(found[0]?.message ?? '', /ownership is I \(indirect\) but column 7/);
  });

  it('flags D with a nature, in Table II too', () => {
    const found = findingsOf(edited((draft) => { draft.derivative[0].natureOfOwnership = 'By Trust'; }), 'indirect-nature');
    assert.deepEqual(pathsOf(found), ['derivative[0].natureOfOwnership']);
    assert.match(found[0]?.message ?? '', /ownership is D \(direct\) but column 11 .* says "By Trust"/);
  });
});
