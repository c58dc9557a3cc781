import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { DraftFiling } from '../../../shared/model.js';
import { fieldKind, leafPaths, parsePath } from '../../../main/workflow/field-path.js';
import { blankLine } from '../../../main/workflow/table-lines.js';
import { fieldOrder, formLayout, type FieldInputKind } from '../../../renderer/review/form-layout.js';
import { loadSeeds } from '../../support/seeds.js';

const seeds = loadSeeds();

/** The kinds of input the model's kind of value allows. */
function allowedInputs(path: string): FieldInputKind[] {
  const kind = fieldKind(parsePath(path));
  switch (kind.kind) {
    case 'string':
      return kind.date ? ['date', 'text'] : ['text', 'multiline'];
    case 'number':
      return ['number'];
    case 'boolean':
      return kind.nullable ? ['tristate', 'checkbox'] : ['checkbox'];
    case 'enum':
      return ['code'];
    case 'string-list':
      return ['refs'];
  }
}

describe('formLayout', () => {
  for (const seed of seeds) {
    it(`lays out every field of seed ${seed.id} in a box of the form, with an input of its kind`, () => {
      const document = seed.expected as unknown as DraftFiling;
      const present = leafPaths(document);
      const groups = formLayout(document, present);
      assert.equal(groups.find((group) => group.id === 'other'), undefined, 'nothing left over');
      const laidOut = new Set(fieldOrder(groups));
      for (const { path, value } of present) {
        if (Array.isArray(value) && value.length === 0) continue;
        assert.ok(laidOut.has(path), `${path} is shown`);
      }
      for (const group of groups) {
        for (const field of group.fields) {
          const kind = allowedInputs(field.path);
          assert.ok(kind.includes(field.kind), `${field.path}: ${field.kind} for ${kind.join('/')}`);
          if (field.kind === 'tristate') assert.equal(fieldKind(parsePath(field.path)).nullable, true, field.path);
        }
      }
      assert.equal(groups.filter((group) => group.line?.table === 'nonDerivative').length, document.nonDerivative.length);
    });
  }

  it('shows the fields of a blank line a person added, and paths it does not know under Other', () => {
    const document = structuredClone(seeds[0]!.expected) as unknown as DraftFiling;
    document.derivative.push(blankLine('derivative') as DraftFiling['derivative'][number]);
    const groups = formLayout(document, [...leafPaths(document), { path: 'somethingNew', value: 'x' }]);
    const line = groups.find((group) => group.id === 'derivative-0');
    assert.equal(line?.fields[0]?.path, 'derivative[0].securityTitle');
    assert.deepEqual(groups.at(-1)?.fields.map((field) => field.path), ['somethingNew']);
  });

  it('orders the fields as printed: box 1 before box 2, Table I before Table II, signatures last', () => {
    const document = structuredClone(seeds[0]!.expected) as unknown as DraftFiling;
    document.derivative.push(blankLine('derivative') as DraftFiling['derivative'][number]);
    const order = fieldOrder(formLayout(document, leafPaths(document)));
    const at = (path: string): number => order.indexOf(path);
    assert.ok(at('reportingOwners[0].name') < at('issuer.name'));
    assert.ok(at('issuer.name') < at('periodOfReport'));
    assert.ok(at('nonDerivative[0].securityTitle') < at('derivative[0].securityTitle'));
    assert.ok(at('remarks') < at('signatures[0].name'));
  });
});
