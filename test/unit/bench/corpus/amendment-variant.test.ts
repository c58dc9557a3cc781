import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { amendmentVariant } from '../../../../bench/corpus/amendment-variant.js';
import { createRandom } from '../../../../bench/corpus/seeded-random.js';
import { readEdgarXml } from '../../../../main/form4/edgar/read-edgar-xml.js';
import { filingSchema, type Filing } from '../../../../shared/model.js';

const corpusFiling = (name: string) => readEdgarXml(readFileSync(
  fileURLToPath(new URL(`../../../../../shared/corpus/edgar-xml/${name}`, import.meta.url)), 'utf8'));

function assertAmendment(original: Filing, amended: Filing): void {
  assert.equal(amended.documentType, '4/A');
  const filed = amended.dateOfOriginalSubmission ?? '';
  assert.ok(filed >= original.periodOfReport, `original filed ${filed}, not before the period`);
  for (const signature of amended.signatures) assert.ok((signature.date ?? '') > filed, 'signed after the original');
  assert.ok(filingSchema.safeParse(amended).success);
  assert.deepEqual(
    { ...amended, documentType: '4', dateOfOriginalSubmission: null, signatures: original.signatures },
    original,
    'nothing but box 4, the form type and the signature dates changes',
  );
}

test('a 4/A variant dates the original on its signature day and signs the amendment later (CAO, 6 owners GUTS)', () => {
  const cao = corpusFiling('0001209191-06-055343_CAO.xml');
  const guts = corpusFiling('0000950170-24-012830_GUTS.xml');
  for (let seed = 0; seed < 30; seed += 1) {
    const amended = amendmentVariant(cao, createRandom(seed));
    assert.equal(amended.dateOfOriginalSubmission, '2006-10-19', 'the day the original was signed');
    assertAmendment(cao, amended);
    assertAmendment(guts, amendmentVariant(guts, createRandom(seed)));
  }
});

test('a signature dated on the transaction day still gives an original no earlier than the period', () => {
  const ktos = corpusFiling('0001094718-14-000001_KTOS.xml');
  assert.equal(ktos.signatures[0]?.date, ktos.periodOfReport);
  assertAmendment(ktos, amendmentVariant(ktos, createRandom(3)));
});

test('without a dated signature the original is dated two days after the period', () => {
  const cao = corpusFiling('0001209191-06-055343_CAO.xml');
  const undated = { ...cao, signatures: [{ name: 'x', date: null }] };
  const amended = amendmentVariant(undated, createRandom(1));
  assert.equal(amended.dateOfOriginalSubmission, '2006-10-19');
  assertAmendment(undated, amended);
});
