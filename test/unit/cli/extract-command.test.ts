// `form4 extract` from the built package bin: bad files get one line each on stderr naming them and a
// non-zero exit, and the good files still run.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { loadSeed } from '../../support/seeds.js';

const form4 = (...args: string[]) => spawnSync(process.execPath, ['bin/form4.js', ...args], { encoding: 'utf8' });

describe('form4 extract', () => {
  const dir = mkdtempSync(join(tmpdir(), 'form4-extract-'));
  const empty = join(dir, 'empty.txt');
  const notForm4 = join(dir, 'letter.md');
  const binary = join(dir, 'blob.bin');
  writeFileSync(empty, '');
  writeFileSync(notForm4, '# Dear shareholder\n\nOur year in review.\n');
  writeFileSync(binary, Buffer.from([0, 1, 2, 3, 255, 254]));
  const good = loadSeed('002').textPath;

  it('names each bad file on its own stderr line, exits non-zero, and still reads the good one', () => {
    const missing = join(dir, 'missing.txt');
    const run = form4('extract', missing, empty, notForm4, binary, dir, good, '--json');
    assert.equal(run.status, 1);
    const errors = run.stderr.trim().split('\n');
    assert.equal(errors.length, 5);
    assert.match(errors[0]!, new RegExp(`${missing}: no such file`));
    assert.match(errors[1]!, new RegExp(`${empty}: the file is empty`));
    assert.match(errors[2]!, new RegExp(`${notForm4}: not a Form 4`));
    assert.match(errors[3]!, new RegExp(`${binary}: not a PDF, PNG, JPEG, TIFF or text file`));
    assert.match(errors[4]!, new RegExp(`${dir}: is a folder`));
    const outputs = run.stdout.trim().split('\n');
    assert.equal(outputs.length, 1);
    assert.equal((JSON.parse(outputs[0]!) as { filing: { periodOfReport: string } }).filing.periodOfReport, '2017-05-03');
  });

  it('prints a person-readable report without --json', () => {
    const run = form4('extract', good);
    assert.equal(run.status, 0);
    assert.match(run.stdout, /Issuer +ALLIED MOTION TECHNOLOGIES INC \[AMOT\]/);
    assert.match(run.stdout, /warning +period-mismatch +periodOfReport/);
    assert.match(run.stdout, /Signed +Susan M\. Chiaromonte, attorney-in-fact for Richard D\. Federico +2017-05-05/);
  });

  it('refuses a call with no file, or a bad option value, with usage', () => {
    assert.equal(form4('extract').status, 2);
    const bad = form4('extract', good, '--threshold', 'lots');
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /--threshold takes a number/);
  });
});
