import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { fieldKind, formatPath, leafPaths, parseFieldValue, parsePath, setAt } from '../../../main/workflow/field-path.js';
import { WorkflowError } from '../../../main/store/errors.js';
import type { DraftFiling } from '../../../shared/model.js';

describe('field paths', () => {
  test('parse and format round-trip', () => {
    assert.deepEqual(parsePath('nonDerivative[1].footnoteRefs.shares'), ['nonDerivative', 1, 'footnoteRefs', 'shares']);
    assert.equal(formatPath(parsePath('reportingOwners[0].name')), 'reportingOwners[0].name');
    for (const bad of ['', '[0]', 'a..b', 'a[x]', 'a.', 'a[1']) assert.throws(() => parsePath(bad), WorkflowError, bad);
  });

  test('the kind of a field comes from the filing schema, with the draft-only empty boxes nullable', () => {
    assert.deepEqual(fieldKind(parsePath('nonDerivative[0].shares')), { kind: 'number', nullable: true });
    assert.deepEqual(fieldKind(parsePath('issuer.name')), { kind: 'string', nullable: true, date: false });
    assert.equal(fieldKind(parsePath('nonDerivative[0].transactionCode')).kind, 'enum');
    assert.equal(fieldKind(parsePath('derivative[2].footnoteRefs.sharesAcquired')).kind, 'string-list');
    assert.throws(() => fieldKind(parsePath('issuer')), /group of fields/);
    assert.throws(() => fieldKind(parsePath('issuer.colour')), /not a field/);
  });

  test('a person’s text becomes the field’s kind, or is refused with the reason', () => {
    assert.equal(parseFieldValue(parsePath('nonDerivative[0].shares'), '$1,707'), 1707);
    assert.equal(parseFieldValue(parsePath('periodOfReport'), '10/18/2016'), '2016-10-18');
    assert.equal(parseFieldValue(parsePath('periodOfReport'), '2016-02-30'), '2016-02-30', 'kept for the format rule to point at');
    assert.equal(parseFieldValue(parsePath('nonDerivative[0].transactionCode'), 's'), 'S');
    assert.equal(parseFieldValue(parsePath('reportingOwners[0].isDirector'), 'yes'), true);
    assert.equal(parseFieldValue(parsePath('nonDerivative[0].pricePerShare'), ''), null);
    assert.throws(() => parseFieldValue(parsePath('nonDerivative[0].shares'), '12a'), /takes a number/);
    assert.throws(() => parseFieldValue(parsePath('nonDerivative[0].transactionCode'), 'Q'), /one of P, S/);
    assert.throws(() => parseFieldValue(parsePath('reportingOwners[0].isDirector'), ''), /cannot be empty/);
  });

  test('setAt copies, creates a missing footnoteRefs, and refuses a line that does not exist', () => {
    const filing = { nonDerivative: [{ shares: 1 }] } as unknown as DraftFiling;
    const changed = setAt(filing, parsePath('nonDerivative[0].footnoteRefs.shares'), ['1']);
    assert.deepEqual(changed.nonDerivative[0], { shares: 1, footnoteRefs: { shares: ['1'] } });
    assert.deepEqual(filing.nonDerivative[0], { shares: 1 });
    assert.throws(() => setAt(filing, parsePath('nonDerivative[3].shares'), 2), /no nonDerivative\[3\]/);
  });

  test('leafPaths lists every field with lists of footnote ids as one value', () => {
    const leaves = leafPaths({ a: { b: 1 }, lines: [{ refs: { x: ['1', '2'] } }] });
    assert.deepEqual(leaves, [{ path: 'a.b', value: 1 }, { path: 'lines[0].refs.x', value: ['1', '2'] }]);
  });
});
