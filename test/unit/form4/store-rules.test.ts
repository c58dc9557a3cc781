import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import type { DraftFiling } from '../../../shared/model.js';
import { duplicate } from '../../../main/form4/rules/duplicate.js';
import { historyMismatch, startingHolding } from '../../../main/form4/rules/history-mismatch.js';
import { issuerKey, personKey } from '../../../main/form4/rules/identity.js';

const SEEDS = '/work/shared/fixtures/seeds';
const seed = (name: string): DraftFiling => JSON.parse(readFileSync(`${SEEDS}/${name}.expected.json`, 'utf8')) as DraftFiling;
/** Maida, 2016-10-18: F 1,707 (D) leaving 49,713 direct; 11,648 held by the ESOP trust. */
const maida = () => seed('004_f43b8188a223fc90');

describe('history-mismatch', () => {
  test('the starting holding is following - amount for A, + amount for D, the amount itself on a holdings line', () => {
    const filing = maida();
    assert.equal(startingHolding('nonDerivative', filing.nonDerivative[0] as DraftFiling['nonDerivative'][number]), 49713 + 1707);
    assert.equal(startingHolding('nonDerivative', filing.nonDerivative[1] as DraftFiling['nonDerivative'][number]), 11648);
  });

  test('no finding when the latest earlier approved filing left what this one starts from', () => {
    const earlier = structuredClone(maida());
    earlier.periodOfReport = '2016-01-05';
    (earlier.nonDerivative[0] as { sharesOwnedFollowing: number }).sharesOwnedFollowing = 51420;
    assert.deepEqual(historyMismatch(maida(), { earlierApproved: [{ id: 7, periodOfReport: '2016-01-05', filing: earlier }] }), []);
  });

  test('a different amount left on the latest earlier filing raises a warning on the line, naming that filing', () => {
    const earlier = structuredClone(maida());
    (earlier.nonDerivative[0] as { sharesOwnedFollowing: number }).sharesOwnedFollowing = 50000;
    const older = structuredClone(maida());
    (older.nonDerivative[0] as { sharesOwnedFollowing: number }).sharesOwnedFollowing = 51420;
    const findings = historyMismatch(maida(), {
      earlierApproved: [
        { id: 9, periodOfReport: '2016-06-01', filing: earlier },
        { id: 7, periodOfReport: '2016-01-05', filing: older },
      ],
    });
    assert.equal(findings.length, 1);
    assert.equal(findings[0]?.rule, 'history-mismatch');
    assert.equal(findings[0]?.severity, 'warning');
    assert.equal(findings[0]?.path, 'nonDerivative[0].sharesOwnedFollowing');
    assert.match(findings[0]?.message ?? '', /#9 .*50,000/);
  });

  test('an indirect holding through another vehicle is a different holding', () => {
    const earlier = structuredClone(maida());
    (earlier.nonDerivative[1] as { natureOfOwnership: string; sharesOwnedFollowing: number }).natureOfOwnership = 'By Spouse';
    (earlier.nonDerivative[1] as { sharesOwnedFollowing: number }).sharesOwnedFollowing = 5;
    (earlier.nonDerivative[0] as { sharesOwnedFollowing: number }).sharesOwnedFollowing = 51420;
    assert.deepEqual(historyMismatch(maida(), { earlierApproved: [{ id: 3, periodOfReport: '2016-01-01', filing: earlier }] }), []);
  });
});

describe('duplicate', () => {
  test('the same person, issuer, date and lines is a duplicate, whatever the case and punctuation of names', () => {
    const other = structuredClone(maida());
    other.issuer.name = 'Allied Motion Technologies, Inc.';
    (other.reportingOwners[0] as { name: string }).name = 'MAIDA ROBERT P.';
    assert.equal(personKey(other), personKey(maida()));
    assert.equal(issuerKey(other), issuerKey(maida()));
    const findings = duplicate(maida(), { candidates: [{ id: 4, filing: other }] });
    assert.deepEqual(findings.map((item) => [item.rule, item.severity, item.path]), [['duplicate', 'warning', '']]);
    assert.match(findings[0]?.message ?? '', /#4/);
  });

  test('a line that differs, or another date, is not a duplicate', () => {
    const changedLine = structuredClone(maida());
    (changedLine.nonDerivative[0] as { shares: number }).shares = 1708;
    const otherDay = structuredClone(maida());
    otherDay.periodOfReport = '2016-10-19';
    assert.deepEqual(duplicate(maida(), { candidates: [{ id: 2, filing: changedLine }, { id: 3, filing: otherDay }] }), []);
  });
});
