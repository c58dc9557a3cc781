import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { WorkflowError } from '../../../main/store/errors.js';
import { importFiles, openTestStore, seedFiles, seedText, type TestStore } from './store-fixture.js';

let t: TestStore;
let ids: number[];

beforeEach(async () => {
  t = openTestStore();
  ids = await importFiles(t, seedFiles());
});
afterEach(() => t.cleanup());

/** Seed 000 (Winter): two consecutive IRA lines, S 2,000 leaving 0 then P 2,000 leaving 2,000. */
const winter = () => ids[0] as number;
/** Seed 004 (Maida): line 2's 11,648 was guessed from '1 | 1,648'. */
const maida = () => ids[4] as number;

describe('ReviewService', () => {
  test('the seeds import as five filings in review, listed latest box 3 date first, searchable by name and ticker', () => {
    const listed = t.review.list();
    assert.equal(listed.length, 5);
    assert.ok(listed.every((item) => item.status === 'needs-review'));
    const dates = listed.map((item) => item.periodOfReport ?? '');
    assert.deepEqual(dates, [...dates].sort().reverse());
    assert.deepEqual(t.review.list({ search: 'maida' }).map((item) => item.id).sort(), [ids[3], ids[4]].sort());
    assert.deepEqual(t.review.list({ search: 'Rich Fede' }).map((item) => item.reportingPerson), ['Federico Richard D']);
    assert.equal(t.review.list({ search: 'amot' }).length, 5);
    assert.deepEqual(t.review.list({ search: '"*)(' }), t.review.list(), 'FTS syntax in the text is not an error');
  });

  test('set: the value changes, counts as certain (no more low-confidence), an audit row says old -> new and why', () => {
    const path = 'nonDerivative[1].sharesOwnedFollowing';
    assert.ok(t.review.show(maida()).findings.some((item) => item.rule === 'low-confidence' && item.path === path));
    const result = t.review.setField({ id: maida(), path, value: '11,648', actor: 'alice', reason: 'checked the scan' });
    assert.ok(!result.findings.some((item) => item.rule === 'low-confidence' && item.path === path));
    const view = t.review.show(maida());
    const field = view.fields.find((item) => item.path === path);
    assert.equal(field?.value, 11648);
    assert.equal(field?.confidence, 100);
    assert.equal(field?.guess, null);
    assert.equal(field?.setBy, 'alice');
    assert.deepEqual(view.findings, result.findings, 'the findings were stored in the same change');
    const last = t.review.history(maida()).at(-1);
    assert.deepEqual([last?.action, last?.actor, last?.path, last?.oldValue, last?.newValue, last?.reason], ['set', 'alice', path, '11648', '11648', 'checked the scan']);
  });

  test('set re-runs the rules: a wrong amount raises rollforward, and a bad value is refused without a change', () => {
    const result = t.review.setField({ id: winter(), path: 'nonDerivative[1].sharesOwnedFollowing', value: '2500', actor: 'alice' });
    assert.ok(result.findings.some((item) => item.rule === 'rollforward' && item.severity === 'error'));
    assert.equal(result.filing.errors, result.findings.filter((item) => item.severity === 'error').length);
    const rows = t.review.history(winter()).length;
    assert.throws(() => t.review.setField({ id: winter(), path: 'nonDerivative[1].shares', value: 'lots', actor: 'alice' }), /takes a number/);
    assert.throws(() => t.review.setField({ id: winter(), path: 'nonDerivative[9].shares', value: '1', actor: 'alice' }), /no nonDerivative\[9\]/);
    assert.equal(t.review.history(winter()).length, rows);
  });

  test('approve is refused while an error is open, and allowed with an override whose reason lands in the audit log', () => {
    t.review.setField({ id: winter(), path: 'nonDerivative[1].sharesOwnedFollowing', value: '2500', actor: 'alice' });
    assert.throws(
      () => t.review.approve({ id: winter(), actor: 'bob' }),
      (error: unknown) => error instanceof WorkflowError && error.code === 'open-errors' && /rollforward/.test(error.message),
    );
    assert.equal(t.review.show(winter()).filing.status, 'needs-review');
    assert.throws(() => t.review.approve({ id: winter(), actor: 'bob', overrides: [{ rule: 'footnote-ref', reason: 'x' }] }), /no open footnote-ref error/);
    assert.throws(() => t.review.approve({ id: winter(), actor: 'bob', overrides: [{ rule: 'rollforward', reason: ' ' }] }), /needs a reason/);

    const approved = t.review.approve({ id: winter(), actor: 'bob', overrides: [{ rule: 'rollforward', reason: 'broker statement shows 2,500' }] });
    assert.equal(approved.filing.status, 'approved');
    assert.deepEqual(approved.overridden, [{ rule: 'rollforward', path: 'nonDerivative[1].sharesOwnedFollowing', reason: 'broker statement shows 2,500' }]);
    const trail = t.review.history(winter());
    const override = trail.find((row) => row.action === 'override');
    assert.deepEqual([override?.actor, override?.path, override?.reason], ['bob', 'nonDerivative[1].sharesOwnedFollowing', 'broker statement shows 2,500']);
    assert.equal(trail.at(-1)?.action, 'approve');
    assert.deepEqual(t.review.show(winter()).decisions.map((item) => [item.decision, item.decidedBy, item.overrides.length]), [['approved', 'bob', 1]]);
    assert.throws(() => t.review.setField({ id: winter(), path: 'remarks', value: 'x', actor: 'bob' }), /reopen it to edit/);
  });

  test('reject needs a reason; reopen brings a rejected filing back to review, each recorded', () => {
    assert.throws(() => t.review.reject({ id: maida(), actor: 'bob', reason: '' }), /needs a reason/);
    assert.equal(t.review.reject({ id: maida(), actor: 'bob', reason: 'not ours' }).filing.status, 'rejected');
    assert.throws(() => t.review.approve({ id: maida(), actor: 'bob' }), /it is rejected/);
    assert.equal(t.review.reopen({ id: maida(), actor: 'carol' }).filing.status, 'needs-review');
    assert.deepEqual(t.review.history(maida()).slice(-2).map((row) => [row.action, row.actor, row.newValue]), [['reject', 'bob', '"rejected"'], ['reopen', 'carol', '"needs-review"']]);
  });

  test('rows: a line added at a position moves the provenance of the lines after it; removing it moves it back', () => {
    const before = t.review.show(winter()).fields.find((item) => item.path === 'nonDerivative[1].shares');
    assert.equal(before?.source?.text, '2,000');
    const added = t.review.addRow({ id: winter(), table: 'nonDerivative', index: 1, values: { securityTitle: 'Common Stock', shares: '10', acquiredDisposed: 'A' }, actor: 'alice', reason: 'missed line' });
    assert.equal(added.filing.id, winter());
    let view = t.review.show(winter());
    assert.equal(view.filing.document.nonDerivative.length, 4);
    assert.equal(view.fields.find((item) => item.path === 'nonDerivative[1].shares')?.value, 10);
    assert.equal(view.fields.find((item) => item.path === 'nonDerivative[1].shares')?.setBy, 'alice');
    assert.equal(view.fields.find((item) => item.path === 'nonDerivative[2].shares')?.source?.text, '2,000');
    assert.ok(added.findings.some((item) => item.rule === 'required' && item.path.startsWith('nonDerivative[1].')));

    t.review.removeRow({ id: winter(), table: 'nonDerivative', index: 1, actor: 'alice' });
    view = t.review.show(winter());
    assert.equal(view.filing.document.nonDerivative.length, 3);
    assert.equal(view.fields.find((item) => item.path === 'nonDerivative[1].shares')?.source?.text, '2,000');
    assert.deepEqual(t.review.history(winter()).slice(-2).map((row) => [row.action, row.path]), [['row-add', 'nonDerivative[1]'], ['row-remove', 'nonDerivative[1]']]);
    assert.throws(() => t.review.removeRow({ id: winter(), table: 'derivative', index: 0, actor: 'alice' }), /has 0 line\(s\)/);
  });

  test('duplicate: the same filing imported from a different file warns on both', async () => {
    const copy = join(t.dir, 'maida-copy.md');
    writeFileSync(copy, `${seedText('004_')}\n\n`);
    const [copyId] = await importFiles(t, [copy]);
    const onCopy = t.review.show(copyId as number).findings.filter((item) => item.rule === 'duplicate');
    assert.equal(onCopy.length, 1);
    assert.match(onCopy[0]?.message ?? '', new RegExp(`#${maida()}\\b`));
    assert.ok(t.review.show(maida()).findings.some((item) => item.rule === 'duplicate' && item.message.includes(`#${copyId}`)));
    t.review.reject({ id: copyId as number, actor: 'bob', reason: 'duplicate' });
    assert.ok(!t.review.show(maida()).findings.some((item) => item.rule === 'duplicate'), 'a rejected filing no longer counts');
  });

  test('history-mismatch: approving an earlier filing of the same holding checks the later one against it', () => {
    // Seeds 003 (2022-03-07) and 004 (2016-10-18) are both Maida at AMOT.
    const earlier = maida();
    const later = ids[3] as number;
    const laterDoc = t.review.show(later).filing.document;
    const line = laterDoc.nonDerivative.findIndex((item) => item.directOrIndirect === 'D');
    assert.ok(line >= 0);
    t.review.setField({ id: earlier, path: 'nonDerivative[0].sharesOwnedFollowing', value: '1', actor: 'alice' });
    t.review.approve({ id: earlier, actor: 'bob' });
    const findings = t.review.show(later).findings.filter((item) => item.rule === 'history-mismatch');
    assert.ok(findings.some((item) => item.path === `nonDerivative[${line}].sharesOwnedFollowing` && item.message.includes(`#${earlier}`)), JSON.stringify(findings));
  });

  test('an unknown filing is not-found', () => {
    assert.throws(() => t.review.show(999), (error: unknown) => error instanceof WorkflowError && error.code === 'not-found');
  });
});

describe('ReviewService files', () => {
  test('the kept original and the words read from it are found by filing; a text input has no page image', async () => {
    const { readFileSync } = await import('node:fs');
    const original = t.review.originalFile(winter());
    assert.ok(original !== null && original.startsWith(t.store.layout.filesFolder));
    assert.equal(readFileSync(original, 'utf8'), readFileSync(seedFiles()[0] as string, 'utf8'));
    assert.equal(t.review.pageImageFile(winter(), 1), null);
    const { readTextDocument } = await import('../../../main/ingest/text-document.js');
    assert.deepEqual(t.review.sourceDocument(winter()), readTextDocument(readFileSync(seedFiles()[0] as string, 'utf8')), 'words and cells kept as read');
  });
});
