// kill -9 in the middle of `form4 import`, then `form4 import --resume`: the store must end up the
// same as after a run that was never interrupted.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { seedFiles } from '../workflow/store-fixture.js';

const CLI = ['--import', 'tsx', 'main/cli/index.ts'];
const FILES = 40;

let dir: string;
let inbox: string;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'form4-crash-'));
  inbox = join(dir, 'inbox');
  mkdirSync(inbox);
  const seeds = seedFiles().map((path) => readFileSync(path, 'utf8'));
  // Distinct files (distinct sha256) with the seeds' content: a trailing line the parser ignores.
  for (let index = 0; index < FILES; index += 1) {
    writeFileSync(join(inbox, `scan-${String(index).padStart(3, '0')}.txt`), `${seeds[index % seeds.length]}\n\nbatch copy ${index}\n`);
  }
});
after(() => rmSync(dir, { recursive: true, force: true }));

function form4(args: string[]) {
  return spawnSync(process.execPath, [...CLI, ...args], { cwd: process.cwd(), encoding: 'utf8', env: { ...process.env, FORM4_DB: '' } });
}

/** Everything the store keeps about the imports, without the times (and the hashes made from them). */
function snapshot(path: string): unknown {
  const db = new Database(path, { readonly: true });
  try {
    const all = (sql: string) => db.prepare(sql).all();
    return {
      filings: all('SELECT id, source_id, status, document, reporting_person, issuer, ticker, period_of_report, errors, warnings FROM filings ORDER BY id'),
      findings: all('SELECT * FROM findings ORDER BY filing_id, position'),
      fields: all('SELECT filing_id, path, confidence, guess, source_page, source_boxes, source_text FROM filing_fields ORDER BY filing_id, path'),
      sources: all('SELECT id, sha256, name, media_type, size, stored_as, origin, page_count FROM sources ORDER BY id'),
      words: all('SELECT source_id, count(*) AS n, sum(length(text)) AS chars FROM words GROUP BY source_id ORDER BY source_id'),
      jobs: all('SELECT name, sha256, state, message, source_id, filing_id FROM import_jobs ORDER BY name'),
      audit: all('SELECT seq, actor, filing_id, action, path, old_value, new_value, reason, state_hash FROM audit_log ORDER BY seq'),
    };
  } finally {
    db.close();
  }
}

describe('form4 import survives kill -9', () => {
  test('a batch killed after a few files is finished by --resume, identical to an uninterrupted run', async () => {
    const whole = join(dir, 'whole.db');
    const straight = form4(['import', inbox, '--db', whole, '--user', 'alice']);
    assert.equal(straight.status, 0, straight.stderr);

    const cut = join(dir, 'cut.db');
    const child = spawn(process.execPath, [...CLI, 'import', inbox, '--db', cut, '--user', 'alice'], { cwd: process.cwd(), stdio: ['ignore', 'ignore', 'pipe'] });
    let imported = 0;
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      imported += (chunk.match(/imported as filing/g) ?? []).length;
      if (imported >= 3) child.kill('SIGKILL');
    });
    const signal = await new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, killed) => resolve(killed)));
    assert.equal(signal, 'SIGKILL', 'the import was killed, not finished');

    const left = new Database(cut, { readonly: true });
    const open = (left.prepare("SELECT count(*) AS n FROM import_jobs WHERE state IN ('queued', 'running')").get() as { n: number }).n;
    left.close();
    assert.ok(open > 0 && open < FILES, `killed mid-batch: ${open} of ${FILES} jobs open`);

    const resumed = form4(['import', '--resume', '--db', cut, '--user', 'alice', '--json']);
    assert.equal(resumed.status, 0, resumed.stderr);
    const report = JSON.parse(resumed.stdout) as { imported: number; remaining: number };
    assert.equal(report.imported, open);
    assert.equal(report.remaining, 0);

    assert.deepEqual(snapshot(cut), snapshot(whole));
    const verify = form4(['verify', '--db', cut, '--json']);
    assert.equal(verify.status, 0, verify.stdout);
  });

  test('importing the same folder again skips every file by its sha256', () => {
    const db = join(dir, 'again.db');
    assert.equal(form4(['import', join(inbox, 'scan-000.txt'), '--db', db]).status, 0);
    const again = form4(['import', inbox, '--db', db, '--json']);
    const report = JSON.parse(again.stdout) as { imported: number; skipped: number; jobs: Array<{ name: string; state: string; message: string | null }> };
    assert.equal(report.skipped, 1);
    assert.equal(report.imported, FILES - 1);
    assert.match(report.jobs.find((job) => job.name === 'scan-000.txt')?.message ?? '', /already imported as filing #1/);
  });
});
