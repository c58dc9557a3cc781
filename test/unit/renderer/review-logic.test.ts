import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { finding } from '../../../shared/findings.js';
import { parseFieldValue, parsePath } from '../../../main/workflow/field-path.js';
import { fieldForPath, findingsOfField, isLowConfidence, sortFindings, stepFinding } from '../../../renderer/review/findings-nav.js';
import { formatNumber, sameAsValue, textProblem, valueToText } from '../../../renderer/review/field-text.js';
import { EMPTY_UNDO, recordChange, redoStep, shiftLines, undoStep } from '../../../renderer/review/undo-stack.js';

describe('field text', () => {
  it('shows numbers with thousands separators and every decimal', () => {
    assert.equal(formatNumber(1234567.891), '1,234,567.891');
    assert.equal(formatNumber(-2000), '-2,000');
    assert.equal(formatNumber(24.6901), '24.6901');
    assert.equal(valueToText(null), '');
    assert.equal(valueToText(['1', '2']), '1, 2');
  });

  it('gives text that main reads back into the same value', () => {
    const cases: Array<[string, unknown]> = [
      ['nonDerivative[0].shares', 1234567.891],
      ['nonDerivative[0].pricePerShare', null],
      ['nonDerivative[0].footnoteRefs.shares', ['1', 'F2']],
      ['reportingOwners[0].isDirector', true],
      ['nonDerivative[0].transactionDate', '2024-01-31'],
    ];
    for (const [path, value] of cases) assert.deepEqual(parseFieldValue(parsePath(path), valueToText(value)), value, path);
  });

  it('tells an edit from the value held, by kind', () => {
    assert.equal(sameAsValue('number', '2000', 2000), true);
    assert.equal(sameAsValue('number', '$2,000.00', 2000), true);
    assert.equal(sameAsValue('number', '2001', 2000), false);
    assert.equal(sameAsValue('text', ' ', null), true);
    assert.equal(sameAsValue('code', 's', 'S'), true);
    assert.equal(sameAsValue('refs', '1 2', ['1', '2']), true);
    assert.equal(sameAsValue('text', 'Common', 'Common Stock'), false);
  });

  it('flags an obvious slip before saving', () => {
    assert.match(textProblem('number', '12a') ?? '', /not a number/);
    assert.equal(textProblem('number', '$1,000'), null);
    assert.match(textProblem('code', 'Q', ['A', 'D']) ?? '', /A, D/);
    assert.equal(textProblem('code', '', ['A', 'D']), null);
  });
});

describe('undo stack', () => {
  it('undoes and redoes in order, and a new change clears redo', () => {
    let stack = recordChange(EMPTY_UNDO, { path: 'a', before: '1', after: '2' });
    stack = recordChange(stack, { path: 'b', before: 'x', after: 'y' });
    const undone = undoStep(stack);
    assert.deepEqual(undone?.change, { path: 'b', before: 'x', after: 'y' });
    stack = undone!.next;
    const redone = redoStep(stack);
    assert.equal(redone?.change.path, 'b');
    stack = recordChange(stack, { path: 'c', before: '', after: 'z' });
    assert.equal(redoStep(stack), null);
    assert.deepEqual(stack.undo.map((change) => change.path), ['a', 'c']);
    assert.equal(undoStep(EMPTY_UNDO), null);
  });

  it('does not record a change that changed nothing', () => {
    assert.equal(recordChange(EMPTY_UNDO, { path: 'a', before: '1', after: '1' }), EMPTY_UNDO);
  });

  it('follows Table lines renumbered by an added or removed line', () => {
    const stack = {
      undo: [
        { path: 'nonDerivative[0].shares', before: '1', after: '2' },
        { path: 'nonDerivative[1].shares', before: '1', after: '2' },
        { path: 'nonDerivative[2].footnoteRefs.shares', before: '', after: '1' },
        { path: 'derivative[1].shares', before: '', after: '1' },
      ],
      redo: [],
    };
    assert.deepEqual(shiftLines(stack, 'nonDerivative', 1, -1).undo.map((change) => change.path), ['nonDerivative[0].shares', 'nonDerivative[1].footnoteRefs.shares', 'derivative[1].shares']);
    assert.deepEqual(shiftLines(stack, 'nonDerivative', 1, 1).undo.map((change) => change.path), ['nonDerivative[0].shares', 'nonDerivative[2].shares', 'nonDerivative[3].footnoteRefs.shares', 'derivative[1].shares']);
  });
});

describe('findings navigation', () => {
  const order = ['reportingOwners[0].name', 'issuer.name', 'nonDerivative[0].securityTitle', 'nonDerivative[0].shares', 'remarks'];
  const findings = [
    finding('footnote-unused', 'remarks', 'unused'),
    finding('required', 'issuer.name', 'issuer name missing'),
    finding('rollforward', 'nonDerivative[0]', 'does not roll forward'),
    finding('late-filing', '', 'late'),
  ];

  it('points a finding about a group at its first field, and a filing-wide one at none', () => {
    assert.equal(fieldForPath('nonDerivative[0]', order), 'nonDerivative[0].securityTitle');
    assert.equal(fieldForPath('issuer.name', order), 'issuer.name');
    assert.equal(fieldForPath('', order), null);
    assert.equal(fieldForPath('nonDerivative[5]', order), null);
  });

  it('sorts findings by their place on the form and steps through them from the focus', () => {
    const sorted = sortFindings(findings, order);
    assert.deepEqual(sorted.map((item) => item.path), ['', 'issuer.name', 'nonDerivative[0]', 'remarks']);
    assert.equal(stepFinding(sorted, order, null, 'issuer.name', 1), 2);
    assert.equal(stepFinding(sorted, order, null, 'issuer.name', -1), 0);
    assert.equal(stepFinding(sorted, order, 3, null, 1), 0);
    assert.equal(stepFinding(sorted, order, 0, null, -1), 3);
    assert.equal(stepFinding([], order, null, null, 1), null);
  });

  it('finds the findings of a field and flags doubtful readings', () => {
    assert.deepEqual(findingsOfField(findings, 'nonDerivative[0].securityTitle', order).map((item) => item.rule), ['rollforward']);
    assert.equal(isLowConfidence({ confidence: 79, guess: null }), true);
    assert.equal(isLowConfidence({ confidence: 95, guess: 'read from the wrong column' }), true);
    assert.equal(isLowConfidence({ confidence: null, guess: null }), false);
  });
});

describe('document paths', async () => {
  const { leafFields, valueAt } = await import('../../../renderer/review/document-paths.js');
  const { leafPaths } = await import('../../../main/workflow/field-path.js');
  const { loadSeeds } = await import('../../support/seeds.js');

  it('names and reads the leaves as main does', () => {
    for (const seed of loadSeeds()) {
      const mine = leafFields(seed.expected);
      assert.deepEqual(mine, leafPaths(seed.expected));
      for (const { path, value } of mine) assert.deepEqual(valueAt(seed.expected, path), value, path);
    }
    assert.equal(valueAt({ a: [{ b: 1 }] }, 'a[3].b'), undefined);
  });
});
