import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanFiling, edited, findingsOf, pathsOf } from './drafts.js';

describe('footnote-ref', () => {
  it('accepts marks that all have a footnote', () => {
    assert.deepEqual(findingsOf(cleanFiling(), 'footnote-ref'), []);
  });

  it('flags a mark with no footnote at the cell it sits in, once even if listed twice', () => {
    const found = findingsOf(edited((draft) => { draft.nonDerivative[1].footnoteRefs = { pricePerShare: ['7', '7'] }; }), 'footnote-ref');
    assert.deepEqual(pathsOf(found), ['nonDerivative[1].pricePerShare']);
    assert.match(found[0]?.message ?? '', /refers to footnote \(7\), but the Explanation of Responses has only \(1\), \(2\)/);
  });
});

describe('footnote-unused', () => {
  it('accepts footnotes that cells refer to', () => {
    assert.deepEqual(findingsOf(cleanFiling(), 'footnote-unused'), []);
  });

  it('flags a footnote no cell refers to', () => {
    const found = findingsOf(edited((draft) => { draft.derivative[0].footnoteRefs = {}; }), 'footnote-unused');
    assert.deepEqual(pathsOf(found), ['footnotes[1]']);
    assert.match(found[0]?.message ?? '', /Footnote \(2\) is not referred to by any cell/);
  });
});
