// Finding the printed labels of the form, also where OCR damaged them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { approximateSubstring, findLabel, normalize, type Token } from '../../../../main/form4/parse/tokens.js';

const tokens = (text: string): Token[] =>
  text.split(' ').map((t, i) => ({ text: t, norm: normalize(t), confidence: 100, box: null, page: 1, line: 0, cell: null, gapBefore: false, ...{ index: i } }));

describe('label search', () => {
  it('finds an exact label and the whole tokens it covers', () => {
    const found = findLabel(tokens('x 1. Name and Address of Reporting Person* Winter'), 'nameandaddressofreportingperson');
    assert.deepEqual(found, { start: 2, end: 8, distance: 0 });
  });

  it('finds a label an OCR tool damaged, within the allowed share of edits', () => {
    const found = findLabel(tokens('S. Relatlonship of Reportng Person(s) to Issuer'), 'relationshipofreportingperson(s)toissuer');
    assert.ok(found !== null && found.distance === 2 && found.start === 1);
  });

  it('does not find a label that is not there, nor a short one inside a word', () => {
    assert.equal(findLabel(tokens('Common Stock 2,000 D'), 'nameandaddressofreportingperson'), null);
    assert.equal(findLabel(tokens('123 Main Street'), '(street)'), null);
  });

  it('prefers the closest match, then the leftmost', () => {
    assert.deepEqual(approximateSubstring('abcdefXabcdef', 'abcdef', 1), { start: 0, end: 6, distance: 0 });
    assert.deepEqual(approximateSubstring('abXdef abcdef', 'abcdef', 1), { start: 7, end: 13, distance: 0 });
  });
});
