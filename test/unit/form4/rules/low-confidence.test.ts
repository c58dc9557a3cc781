import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_LOW_CONFIDENCE_THRESHOLD } from '../../../../main/form4/rules/index.js';
import { cleanFiling, findingsOf, pathsOf } from './drafts.js';

describe('low-confidence', () => {
  it('defaults the threshold to 80', () => {
    assert.equal(DEFAULT_LOW_CONFIDENCE_THRESHOLD, 80);
  });

  it('accepts fields read at or over the threshold, and fields with no confidence (typed by a person)', () => {
    const context = { confidence: { 'issuer.name': 80, 'periodOfReport': 99 }, guesses: {} };
    assert.deepEqual(findingsOf(cleanFiling(), 'low-confidence', context), []);
  });

  it('flags each field under the threshold, in path order with line numbers compared as numbers', () => {
    const context = { confidence: { 'nonDerivative[10].shares': 12, 'nonDerivative[9].shares': 79.4, 'issuer.name': 95 }, guesses: {} };
    const found = findingsOf(cleanFiling(), 'low-confidence', context);
    assert.deepEqual(pathsOf(found), ['nonDerivative[9].shares', 'nonDerivative[10].shares']);
    assert.match(found[0]?.message ?? '', /Table I line 10, column 4 \(amount\): read with 79% confidence \(under 80%\)/);
  });

  it('follows a threshold set by the caller', () => {
    const context = { confidence: { 'issuer.name': 90 }, guesses: {}, lowConfidenceThreshold: 95 };
    assert.deepEqual(pathsOf(findingsOf(cleanFiling(), 'low-confidence', context)), ['issuer.name']);
  });

  it('flags each guessed field with the reason, once even when it is also under the threshold', () => {
    const context = {
      confidence: { 'nonDerivative[1].sharesOwnedFollowing': 40 },
      guesses: { 'nonDerivative[1].sharesOwnedFollowing': "printed split as '1 | 1,648': read as 11648", periodOfReport: 'box 3 was torn' },
    };
    const found = findingsOf(cleanFiling(), 'low-confidence', context);
    assert.deepEqual(pathsOf(found), ['nonDerivative[1].sharesOwnedFollowing', 'periodOfReport']);
    assert.match(found[0]?.message ?? '', /read with 40% confidence .*; guessed by the parser: printed split as '1 \| 1,648': read as 11648/);
    assert.match(found[1]?.message ?? '', /box 3 was torn/);
  });
});
