import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RULE_IDS, findingSchema, type Finding } from '../../../../shared/findings.js';
import type { DraftFiling } from '../../../../shared/model.js';
import { checkFiling } from '../../../../main/form4/rules/index.js';
import { cleanFiling, edited, NO_CONTEXT, seeds } from './drafts.js';

/** The note of seed 004: the OCR split 11648 as '1 | 1,648' and the parser must flag its reading. */
const SEED_CONTEXT: Record<string, { confidence: Record<string, number>; guesses: Record<string, string> }> = {
  '004_f43b8188a223fc90': {
    confidence: {},
    guesses: { 'nonDerivative[1].sharesOwnedFollowing': "printed split as '1 | 1,648'; read as 11648" },
  },
};

describe('checkFiling on the seeds', () => {
  for (const seed of seeds()) {
    const context = SEED_CONTEXT[seed.name] ?? NO_CONTEXT;
    const found = checkFiling(seed.filing, context);

    it(`${seed.name}: raises every finding expected-findings.json lists`, () => {
      for (const expected of seed.expected) {
        assert.ok(found.some((f) => f.rule === expected.rule && f.path === expected.path),
          `${expected.rule} at ${expected.path} missing from ${JSON.stringify(found, null, 1)}`);
      }
    });

    it(`${seed.name}: raises no error, and no warning the file does not list`, () => {
      assert.deepEqual(found.filter((f) => f.severity === 'error'), []);
      const unlisted = found.filter((f) => !seed.expected.some((e) => e.rule === f.rule && e.path === f.path));
      assert.deepEqual(unlisted, []);
    });
  }

  it('covers all five seeds', () => {
    assert.equal(seeds().length, 5);
  });
});

describe('checkFiling', () => {
  it('finds nothing in a clean filing', () => {
    assert.deepEqual(checkFiling(cleanFiling(), NO_CONTEXT), []);
  });

  it('lists findings by rule in the order of RULE_IDS, each a valid Finding with its rule severity', () => {
    const filing = edited((draft) => {
      draft.periodOfReport = '2022-03-01';
      draft.issuer.tradingSymbol = null;
      draft.nonDerivative[1].sharesOwnedFollowing = 1;
      draft.nonDerivative[1].footnoteRefs = { shares: ['9'] };
      draft.signatures[0].date = '2022-03-31';
    });
    const found = checkFiling(filing, { confidence: { 'issuer.name': 10 }, guesses: {} });
    const ranks = found.map((f) => RULE_IDS.indexOf(f.rule));
    assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b));
    assert.deepEqual([...new Set(found.map((f) => f.rule))],
      ['required', 'rollforward', 'period-mismatch', 'late-filing', 'footnote-ref', 'low-confidence']);
    for (const f of found) findingSchema.parse(f);
  });

  it('is pure: the same answer twice, and the draft left untouched', () => {
    const filing = edited((draft) => { draft.nonDerivative[0].shares = 'x'; draft.signatures[0].date = '2023-01-01'; });
    const before = structuredClone(filing);
    const first = checkFiling(filing, NO_CONTEXT);
    assert.deepEqual(checkFiling(filing, NO_CONTEXT), first);
    assert.deepEqual(filing, before);
    assert.ok(first.length > 0);
  });

  it('never emits the same finding twice', () => {
    const filing = edited((draft) => { draft.nonDerivative[0].footnoteRefs = { shares: ['8', '8', ' 8 '] }; });
    const found = checkFiling(filing, NO_CONTEXT);
    const keys = found.map((f) => JSON.stringify(f));
    assert.equal(new Set(keys).size, keys.length);
    assert.equal(found.filter((f) => f.rule === 'footnote-ref').length, 1);
  });

  it('reports every required box of a draft that is null everywhere, without throwing', () => {
    const nulls = {
      documentType: null, periodOfReport: null, dateOfOriginalSubmission: null, issuer: null, reportingOwners: null,
      nonDerivative: [null, { securityTitle: null }], derivative: null, footnotes: [null, { id: null }], remarks: null, signatures: [null],
    } as unknown as DraftFiling;
    const found = checkFiling(nulls, null as unknown as typeof NO_CONTEXT);
    assert.ok(found.some((f) => f.rule === 'required' && f.path === 'periodOfReport'));
    assert.ok(found.some((f) => f.rule === 'required' && f.path === 'nonDerivative[0].securityTitle'));
    assert.ok(found.some((f) => f.rule === 'format' && f.path === 'documentType'));
    assert.deepEqual(checkFiling(undefined as unknown as DraftFiling, NO_CONTEXT).filter((f) => f.rule !== 'required' && f.rule !== 'format'), []);
  });

  it('never throws on drafts whose fields hold values of any kind', () => {
    const oddValues: unknown[] = [
      null, undefined, '', ' ', 'x', '2019-02-30', '0001-01-01', '9999-12-31', '2020-07-04', 0, -1, 1e308, Number.NaN,
      Number.POSITIVE_INFINITY, true, [], ['1'], {}, { 1: 2 }, 'A', 'D', 'I', 'M', 'G', '4/A', 10n, Symbol('odd'),
    ];
    let state = 17;
    /** mulberry32: a fixed pseudo-random sequence, so a failure reproduces. */
    const random = (below: number): number => {
      state = (state + 0x6d2b79f5) | 0;
      let t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * below);
    };
    const pick = (): unknown => oddValues[random(oddValues.length)];
    const scramble = (value: unknown): unknown => {
      if (random(4) === 0) return pick();
      if (Array.isArray(value)) return value.map(scramble);
      if (typeof value === 'object' && value !== null) {
        return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, scramble(field)]));
      }
      return value;
    };
    let findings: Finding[] = [];
    for (let round = 0; round < 500; round += 1) {
      const filing = scramble(cleanFiling()) as DraftFiling;
      findings = checkFiling(filing, { confidence: scramble({ a: 1, 'issuer.name': 50 }) as Record<string, number>, guesses: { x: pick() as string } });
      for (const f of findings) findingSchema.parse(f);
    }
    assert.ok(findings.length > 0);
  });
});
