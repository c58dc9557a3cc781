import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { VerifyService } from '../../../main/workflow/verify-service.js';
import { importFiles, openTestStore, seedFiles, type TestStore } from './store-fixture.js';

let t: TestStore;
let ids: number[];

beforeEach(async () => {
  t = openTestStore();
  ids = await importFiles(t, seedFiles());
  t.review.setField({ id: ids[0] as number, path: 'remarks', value: 'checked', actor: 'alice' });
  t.review.approve({ id: ids[1] as number, actor: 'bob' });
});
afterEach(() => t.cleanup());

/** What someone with the file and the sqlite3 shell could do: drop the guards and change rows. */
function tamper(sql: string): void {
  const raw = new Database(t.path);
  raw.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;');
  raw.exec(sql);
  raw.close();
}

describe('VerifyService', () => {
  test('an untouched store verifies', () => {
    const report = new VerifyService(t.repos).verify();
    assert.deepEqual(report.problems, []);
    assert.equal(report.ok, true);
    assert.equal(report.auditRows, 7);
    assert.equal(report.filings, 5);
  });

  test('an edited audit row is named', () => {
    tamper("UPDATE audit_log SET actor = 'mallory' WHERE seq = 6");
    const report = new VerifyService(t.repos).verify();
    assert.equal(report.ok, false);
    assert.deepEqual(report.problems.map((p) => [p.kind, p.seq]), [['audit-row-altered', 6]]);
    assert.match(report.problems[0]?.message ?? '', /audit row 6 was altered/);
  });

  test('an edited row whose hash was recomputed too is still named, by the row after it', () => {
    tamper("UPDATE audit_log SET reason = 'forged', hash = 'f' || substr(hash, 2) WHERE seq = 3");
    const problems = new VerifyService(t.repos).verify().problems;
    assert.ok(problems.some((p) => p.kind === 'audit-row-altered' && p.seq === 3), JSON.stringify(problems));
  });

  test('a deleted audit row is named, in the middle and at the end', () => {
    tamper('DELETE FROM audit_log WHERE seq = 4');
    let problems = new VerifyService(t.repos).verify().problems;
    // Row 4 was the import of the fourth seed, which is left with no trail at all.
    assert.deepEqual(problems.map((p) => [p.kind, p.seq, p.filingId]), [['audit-row-missing', 4, null], ['filing-untracked', null, ids[3]]]);
    assert.match(problems[0]?.message ?? '', /audit row 4 was deleted/);

    tamper('DELETE FROM audit_log WHERE seq = 7');
    problems = new VerifyService(t.repos).verify().problems;
    assert.ok(problems.some((p) => p.kind === 'audit-head' && /rows 7 to 7 were deleted/.test(p.message)), JSON.stringify(problems));
  });

  test('a filing changed behind the workflow’s back is named', () => {
    tamper(`UPDATE filings SET document = json_set(document, '$.remarks', 'slipped in') WHERE id = ${ids[2]}`);
    const problems = new VerifyService(t.repos).verify().problems;
    assert.deepEqual(problems.map((p) => [p.kind, p.filingId]), [['filing-altered', ids[2]]]);
  });
});
