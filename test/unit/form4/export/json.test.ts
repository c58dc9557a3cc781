import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Filing } from '../../../../shared/model.js';
import { toJson } from '../../../../main/form4/export/json.js';
import { sampleFiling, seedFilings } from '../../../support/export-samples.js';

function reverseKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reverseKeys) as T;
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([key, inner]) => [key, reverseKeys(inner)])) as T;
}

describe('toJson', () => {
  test('an array of the filings, pretty-printed, ending in a newline', () => {
    const filings = [sampleFiling(), { ...sampleFiling(), documentType: '4/A' as const, dateOfOriginalSubmission: '2024-03-04' }];
    const json = toJson(filings);
    assert.deepEqual(JSON.parse(json), filings);
    assert.ok(json.startsWith('[\n  {\n    "documentType": "4",\n'));
    assert.ok(json.endsWith('}\n]\n'));
    assert.equal(toJson([]), '[]\n');
  });

  test('keys come in the schema order, so equal filings give equal text', () => {
    assert.equal(toJson([reverseKeys(sampleFiling())]), toJson([sampleFiling()]));
  });

  test('the seeds come out as their expected.json', () => {
    for (const { name, filing } of seedFilings()) {
      assert.deepEqual(JSON.parse(toJson([filing])), [filing], name);
    }
  });

  test('a filing that does not match the schema stops the export, naming its index and the fields', () => {
    const bad = { ...sampleFiling(), periodOfReport: '03/01/2024', extra: true } as unknown as Filing;
    assert.throws(() => toJson([sampleFiling(), bad]), (error: unknown) => {
      assert.ok(error instanceof Error);
      assert.match(error.message, /^filing 1 does not match form4\.schema\.json: /);
      assert.match(error.message, /periodOfReport: a date as YYYY-MM-DD/);
      assert.match(error.message, /extra/);
      return true;
    });
    const badLine = sampleFiling();
    (badLine.nonDerivative[0] as { shares: unknown }).shares = '1,500';
    assert.throws(() => toJson([badLine]), /filing 0 does not match form4\.schema\.json: nonDerivative\[0\]\.shares: /);
  });
});
