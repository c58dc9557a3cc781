// The first acceptance test: the five seed Form 4s read exactly as their expected.json says, raise
// every finding expected-findings.json lists, and raise no error it does not list.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, it } from 'node:test';
import { filingSchema } from '../../../shared/model.js';
import { extractFiling } from '../../../main/form4/extract.js';
import { readTextDocument } from '../../../main/ingest/text-document.js';
import { differences, loadSeeds } from '../../support/seeds.js';

const seeds = loadSeeds();

describe('the five seeds', () => {
  it('are all there', () => assert.equal(seeds.length, 5));

  for (const seed of seeds) {
    describe(seed.id, () => {
      const extraction = extractFiling(readTextDocument(seed.text));
      const flagged = new Set(extraction.findings.map((f) => f.path));

      it('reads every field of expected.json (a damaged cell may instead be right and flagged)', () => {
        const wrong = differences(seed.expected, extraction.filing).filter((d) => !flagged.has(d.split(':')[0]!));
        assert.deepEqual(wrong, []);
      });

      it('reads every field right, flagged or not', () => {
        assert.deepEqual(differences(seed.expected, extraction.filing), []);
      });

      it('is a schema-valid filing', () => {
        assert.equal(filingSchema.safeParse(extraction.filing).success, true);
      });

      it('raises every expected finding', () => {
        for (const want of seed.expectedFindings) {
          assert.ok(
            extraction.findings.some((f) => f.rule === want.rule && f.path === want.path),
            `${want.rule} at ${want.path} not raised; got ${JSON.stringify(extraction.findings.map((f) => `${f.rule}@${f.path}`))}`,
          );
        }
      });

      it('raises no error that is not expected', () => {
        const unexpected = extraction.findings.filter(
          (f) => f.severity === 'error' && !seed.expectedFindings.some((w) => w.rule === f.rule && w.path === f.path),
        );
        assert.deepEqual(unexpected, []);
      });

      it('gives every field it read a confidence', () => {
        assert.ok(Object.keys(extraction.confidence).length > 20);
        for (const value of Object.values(extraction.confidence)) assert.ok(value >= 0 && value <= 100);
      });
    });
  }
});

describe('form4 extract --json on the seeds', () => {
  it('prints exactly {filing, findings, confidence} per file, one line each, matching expected.json', () => {
    const run = spawnSync(process.execPath, ['bin/form4.js', 'extract', ...seeds.map((s) => s.textPath), '--json'], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const lines = run.stdout.trim().split('\n');
    assert.equal(lines.length, seeds.length);
    lines.forEach((line, i) => {
      const output = JSON.parse(line) as Record<string, unknown>;
      assert.deepEqual(Object.keys(output).sort(), ['confidence', 'filing', 'findings']);
      assert.deepEqual(differences(seeds[i]!.expected, output.filing), []);
    });
  });
});
