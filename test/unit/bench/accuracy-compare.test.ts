import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareFiling, pointsAt, type FieldResult } from '../../../bench/accuracy/compare-filing.js';
import { tallySet } from '../../../bench/accuracy/tally.js';
import { finding } from '../../../shared/findings.js';

interface TableLine {
  securityTitle: string;
  shares: number | null;
  sharesOwnedFollowing: number;
  footnoteRefs: Record<string, string[]>;
}

function truth() {
  const nonDerivative: TableLine[] = [
    { securityTitle: 'Common Stock', shares: 100, sharesOwnedFollowing: 3625, footnoteRefs: { shares: ['1'] } },
    { securityTitle: 'Common Stock', shares: null, sharesOwnedFollowing: 50, footnoteRefs: {} },
  ];
  return {
    documentType: '4',
    periodOfReport: '2014-04-21',
    issuer: { name: 'LEGG MASON, INC.', tradingSymbol: 'LM', cik: '0000704051' },
    reportingOwners: [{ name: 'SCHMOKE KURT L', isDirector: true, cik: '0001206671' }],
    nonDerivative,
    footnotes: [{ id: '1', text: 'Held by a trust.' }],
  };
}

const byPath = (fields: FieldResult[]) => new Map(fields.map((field) => [field.path, field]));

test('an identical reading is exact in every printed field; CIKs (never printed) are not compared', () => {
  const { fields, extraLines } = compareFiling(truth(), truth(), []);
  assert.ok(fields.length > 0);
  assert.ok(fields.every((field) => field.outcome === 'exact'), JSON.stringify(fields.filter((field) => field.outcome !== 'exact')));
  assert.ok(!fields.some((field) => field.path.endsWith('.cik')));
  assert.deepEqual(extraLines, []);
  const paths = fields.map((field) => field.path);
  assert.ok(paths.includes('nonDerivative[1].sharesOwnedFollowing'));
  assert.ok(paths.includes('nonDerivative[0].footnoteRefs.shares'));
  assert.ok(paths.includes('footnotes[0].text'));
});

test('a wrong value is flagged when a finding names the field or its line, silent otherwise', () => {
  const got = truth();
  got.nonDerivative[0]!.sharesOwnedFollowing = 36250;
  got.nonDerivative[1]!.sharesOwnedFollowing = 5;
  got.issuer.tradingSymbol = 'LN';
  const findings = [
    finding('rollforward', 'nonDerivative[0].sharesOwnedFollowing', 'does not add up'),
    finding('low-confidence', 'nonDerivative[1]', 'line read with low confidence'),
    // Neither the empty (whole-filing) path nor a path that only shares a prefix of characters covers a field.
    finding('duplicate', '', 'duplicate of another filing'),
    finding('format', 'issuer.tradingSymbolX', 'not a field'),
  ];
  const fields = byPath(compareFiling(truth(), got, findings).fields);
  assert.deepEqual({ ...fields.get('nonDerivative[0].sharesOwnedFollowing') }, {
    path: 'nonDerivative[0].sharesOwnedFollowing', outcome: 'wrong', flagged: true, expected: 3625, got: 36250,
  });
  assert.equal(fields.get('nonDerivative[1].sharesOwnedFollowing')?.flagged, true);
  assert.equal(fields.get('issuer.tradingSymbol')?.outcome, 'wrong');
  assert.equal(fields.get('issuer.tradingSymbol')?.flagged, false);
});

test('a blank reading of a filled field is missing; a filled reading of a blank field is wrong', () => {
  const got = truth();
  got.issuer.name = '';
  got.nonDerivative[1]!.shares = 7;
  got.nonDerivative[0]!.footnoteRefs = { shares: [], sharesOwnedFollowing: ['2'] };
  const fields = byPath(compareFiling(truth(), got, []).fields);
  assert.equal(fields.get('issuer.name')?.outcome, 'missing');
  assert.equal(fields.get('nonDerivative[1].shares')?.outcome, 'wrong');
  assert.equal(fields.get('nonDerivative[0].footnoteRefs.shares')?.outcome, 'missing');
  assert.equal(fields.get('nonDerivative[0].footnoteRefs.sharesOwnedFollowing')?.outcome, 'wrong');
});

test('table lines are compared by position: a lost line is all missing, an added one is an extra line', () => {
  const short = truth();
  short.nonDerivative = short.nonDerivative.slice(0, 1);
  const lost = compareFiling(truth(), short, []).fields.filter((field) => field.path.startsWith('nonDerivative[1].'));
  assert.ok(lost.length > 0);
  // The line's blank cells (shares is null in the truth) read as blank, so they are still exact.
  assert.deepEqual([...new Set(lost.map((field) => field.outcome))].sort(), ['exact', 'missing']);

  const long = truth();
  long.nonDerivative.push({ securityTitle: 'Common Stock', shares: 1, sharesOwnedFollowing: 1, footnoteRefs: {} });
  long.nonDerivative.push({ securityTitle: 'Common Stock', shares: 2, sharesOwnedFollowing: 2, footnoteRefs: {} });
  const { extraLines } = compareFiling(truth(), long, [finding('rollforward', 'nonDerivative[3]', 'a line the roll-forward cannot place')]);
  assert.deepEqual(extraLines, [{ path: 'nonDerivative[2]', flagged: false }, { path: 'nonDerivative[3]', flagged: true }]);
  // A finding on one of an extra line's cells flags the line; one on a line beside it does not.
  const onCell = compareFiling(truth(), long, [finding('required', 'nonDerivative[2].directOrIndirect', 'ownership form is required'), finding('required', 'nonDerivative[1].shares', 'amount is required')]);
  assert.deepEqual(onCell.extraLines, [{ path: 'nonDerivative[2]', flagged: true }, { path: 'nonDerivative[3]', flagged: false }]);
});

test('text equal up to line breaks and spacing is exact; numbers compare as numbers', () => {
  const got = truth();
  got.footnotes[0]!.text = 'Held by\na  trust. ';
  const fields = byPath(compareFiling(truth(), got, []).fields);
  assert.equal(fields.get('footnotes[0].text')?.outcome, 'exact');
  assert.equal(pointsAt('nonDerivative[1]', 'nonDerivative[10].shares'), false);
  assert.equal(pointsAt('nonDerivative', 'nonDerivative[10].shares'), true);
});

test('the tally sums outcomes per set and folds line numbers per path', () => {
  const got = truth();
  got.nonDerivative[0]!.sharesOwnedFollowing = 1;
  got.nonDerivative[1]!.sharesOwnedFollowing = 2;
  got.issuer.name = '';
  const flagged = [finding('rollforward', 'nonDerivative[1].sharesOwnedFollowing', 'does not add up')];
  const comparison = compareFiling(truth(), got, flagged);
  const tally = tallySet([
    { name: 'a', comparison, failure: null, pages: 2 },
    { name: 'b', comparison: null, failure: 'not a Form 4', pages: 1 },
  ]);
  assert.equal(tally.fields, comparison.fields.length);
  assert.equal(tally.pages, 3);
  assert.deepEqual(tally.failed, [{ name: 'b', failure: 'not a Form 4' }]);
  assert.deepEqual([tally.wrongSilent, tally.wrongFlagged, tally.missing], [1, 1, 1]);
  assert.equal(tally.exact, tally.fields - 3);
  const worst = tally.byPath[0];
  assert.equal(worst?.path, 'nonDerivative[*].sharesOwnedFollowing');
  assert.deepEqual([worst?.fields, worst?.wrongSilent, worst?.wrongFlagged, worst?.examples.length], [2, 1, 1, 2]);
});
