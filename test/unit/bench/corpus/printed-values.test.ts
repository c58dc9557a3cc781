import { test } from 'node:test';
import assert from 'node:assert/strict';
import { footnoteMarks, printDate, printPrice, printShares } from '../../../../bench/corpus/printed-values.js';

test('dates print as MM/DD/YYYY; blank stays blank', () => {
  assert.equal(printDate('2017-05-23'), '05/23/2017');
  assert.equal(printDate(null), '');
  assert.equal(printDate(undefined), '');
  assert.equal(printDate('Immediately'), 'Immediately');
});

test('share counts get thousands commas and keep their decimals', () => {
  assert.equal(printShares(2000), '2,000');
  assert.equal(printShares(1312260), '1,312,260');
  assert.equal(printShares(0), '0');
  assert.equal(printShares(999), '999');
  assert.equal(printShares(7579548.5), '7,579,548.5');
  assert.equal(printShares(0.466), '0.466');
  assert.equal(printShares(null), '');
});

test('prices get a dollar sign, as filed or padded to cents', () => {
  assert.equal(printPrice(24.6901, 'as-filed'), '$24.6901');
  assert.equal(printPrice(0, 'as-filed'), '$0');
  assert.equal(printPrice(0, 'cents'), '$0.00');
  assert.equal(printPrice(15.5, 'cents'), '$15.50');
  assert.equal(printPrice(6.7116, 'cents'), '$6.7116');
  assert.equal(printPrice(1250.75, 'as-filed'), '$1,250.75');
  assert.equal(printPrice(0.0001, 'as-filed'), '$0.0001');
  assert.equal(printPrice(null, 'cents'), '');
});

test('footnote marks print as (1)(2)', () => {
  assert.equal(footnoteMarks(['1', '2']), '(1)(2)');
  assert.equal(footnoteMarks([]), '');
  assert.equal(footnoteMarks(undefined), '');
});
