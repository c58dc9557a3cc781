import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanFiling, edited, findingsOf, pathsOf } from './drafts.js';

describe('amendment', () => {
  it('accepts an original filing and an amendment dated after its original', () => {
    assert.deepEqual(findingsOf(cleanFiling(), 'amendment'), []);
    const amendment = edited((draft) => { draft.documentType = '4/A'; draft.dateOfOriginalSubmission = '2022-03-08'; });
    assert.deepEqual(findingsOf(amendment, 'amendment'), []);
  });

  it('flags box 4 that is not before the signature', () => {
    const found = findingsOf(edited((draft) => { draft.documentType = '4/A'; draft.dateOfOriginalSubmission = '2022-03-09'; }), 'amendment');
    assert.deepEqual(pathsOf(found), ['dateOfOriginalSubmission']);
    assert.match(found[0]?.message ?? '', /is 2022-03-09, not before the amendment was signed on 2022-03-09/);
  });

  it('compares with the earliest signature date', () => {
    const filing = edited((draft) => {
      draft.documentType = '4/A';
      draft.dateOfOriginalSubmission = '2022-03-10';
      draft.signatures.push({ name: 'Second Filer', date: '2022-03-11' });
    });
    assert.deepEqual(pathsOf(findingsOf(filing, 'amendment')), ['dateOfOriginalSubmission']);
  });

  it('flags a 4/A without box 4', () => {
    const found = findingsOf(edited((draft) => { draft.documentType = '4/A'; }), 'amendment');
    assert.deepEqual(pathsOf(found), ['dateOfOriginalSubmission']);
    assert.match(found[0]?.message ?? '', /amendment \(4\/A\) but box 4/);
  });
});
