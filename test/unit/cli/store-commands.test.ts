// The store commands end to end through the CLI: --json output, refusals with clear messages and
// exit codes, a damaged database and its restore, exports recorded and filings marked exported.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { SEEDS } from '../workflow/store-fixture.js';

let dir: string;
let db: string;

function form4(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'main/cli/index.ts', ...args], { cwd: process.cwd(), encoding: 'utf8', env: { ...process.env, FORM4_DB: db } });
}
function json<T>(...args: string[]): T {
  const result = form4(...args, '--json');
  return JSON.parse(result.stdout) as T;
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'form4-cli-'));
  db = join(dir, 'data', 'form4.db');
  const imported = form4('import', SEEDS, '--user', 'alice');
  assert.equal(imported.status, 0, imported.stderr);
});
after(() => rmSync(dir, { recursive: true, force: true }));

describe('form4 store commands', () => {
  test('list --json gives the documented fields; --status and --search filter', () => {
    const all = json<Array<Record<string, unknown>>>('list');
    assert.equal(all.length, 5);
    for (const key of ['id', 'status', 'reportingPerson', 'issuer', 'ticker', 'periodOfReport', 'errors', 'warnings']) assert.ok(key in (all[0] ?? {}), key);
    assert.deepEqual(json<Array<{ reportingPerson: string }>>('list', '--search', 'winter').map((item) => item.reportingPerson), ['Winter Michael R']);
    assert.deepEqual(json<unknown[]>('list', '--status', 'approved'), []);
    assert.equal(form4('list', '--status', 'done').status, 2);
  });

  test('set, approve refused then overridden, history, export to json', () => {
    const winter = json<Array<{ id: number; reportingPerson: string }>>('list', '--search', 'winter')[0]?.id as number;
    const set = json<{ findings: Array<{ rule: string }> }>('set', String(winter), 'nonDerivative[1].sharesOwnedFollowing', '2,500', '--reason', 'typo on scan', '--user', 'alice');
    assert.ok(set.findings.some((item) => item.rule === 'rollforward'));

    const refused = form4('approve', String(winter), '--user', 'bob');
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /open error\(s\): rollforward/);
    const refusedJson = json<{ error: { code: string } }>('approve', String(winter));
    assert.equal(refusedJson.error.code, 'open-errors');

    const approved = json<{ filing: { status: string }; overridden: Array<{ reason: string }> }>('approve', String(winter), '--override', 'rollforward=broker confirms 2,500', '--user', 'bob');
    assert.equal(approved.filing.status, 'approved');
    const history = json<Array<{ action: string; actor: string; reason: string | null }>>('history', String(winter));
    assert.deepEqual(history.map((row) => row.action), ['import', 'set', 'override', 'approve']);
    assert.deepEqual(history.find((row) => row.action === 'override'), { ...history.find((row) => row.action === 'override'), actor: 'bob', reason: 'broker confirms 2,500' });

    const out = join(dir, 'out');
    const exported = json<{ exportId: number; exported: Array<{ filingId: number; file: string }>; problems: unknown[] }>('export', '--format', 'json', '--out', out);
    assert.deepEqual(exported.exported.map((item) => item.filingId), [winter]);
    const file = exported.exported[0]?.file as string;
    assert.ok(readFileSync(file, 'utf8').includes('Winter Michael R'));
    assert.deepEqual(json<Array<{ id: number }>>('list', '--status', 'exported').map((item) => item.id), [winter]);
    assert.deepEqual(json<{ exported: unknown[] }>('export', '--format', 'json', '--out', out).exported, [], 'exported filings are not exported again');
    assert.equal(json<{ ok: boolean }>('verify').ok, true);
  });

  test('a damaged database is refused with the latest backup named, and restore-backup puts it back', () => {
    const copy = join(dir, 'damaged', 'form4.db');
    const setup = spawnSync(process.execPath, ['--import', 'tsx', 'main/cli/index.ts', 'import', join(SEEDS, '001_f9b7ad6673bacc21.txt'), '--db', copy], { cwd: process.cwd(), encoding: 'utf8' });
    assert.equal(setup.status, 0, setup.stderr);
    // A daily backup is taken at the first open of an existing database.
    assert.equal(spawnSync(process.execPath, ['--import', 'tsx', 'main/cli/index.ts', 'list', '--db', copy], { cwd: process.cwd() }).status, 0);
    const backups = readdirSync(join(dir, 'damaged', 'form4.backups'));
    assert.equal(backups.length, 1);
    const raw = new Database(copy);
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    const bytes = readFileSync(copy);
    bytes.write('garbage!', 0, 'latin1');
    writeFileSync(copy, bytes);

    const refused = spawnSync(process.execPath, ['--import', 'tsx', 'main/cli/index.ts', 'list', '--db', copy], { cwd: process.cwd(), encoding: 'utf8' });
    assert.equal(refused.status, 3);
    assert.match(refused.stderr, /is damaged .*left untouched.*latest backup is .*form4\.backups.*form4 restore-backup/s);
    assert.deepEqual(readFileSync(copy), bytes);

    const restored = spawnSync(process.execPath, ['--import', 'tsx', 'main/cli/index.ts', 'restore-backup', '--db', copy], { cwd: process.cwd(), encoding: 'utf8' });
    assert.equal(restored.status, 0, restored.stderr);
    assert.match(restored.stdout, /replaced file is kept as .*damaged-/);
    const listed = spawnSync(process.execPath, ['--import', 'tsx', 'main/cli/index.ts', 'list', '--db', copy, '--json'], { cwd: process.cwd(), encoding: 'utf8' });
    assert.equal((JSON.parse(listed.stdout) as unknown[]).length, 1);
  });
});

describe('the built form4 command', () => {
  test('runs from a copy of out/ with no source tree beside it: the migrations travel with the bundle', () => {
    const app = mkdtempSync(join(tmpdir(), 'form4-built-'));
    try {
      cpSync('out', join(app, 'out'), { recursive: true });
      symlinkSync(resolve('node_modules'), join(app, 'node_modules'), 'dir');
      writeFileSync(join(app, 'package.json'), JSON.stringify({ type: 'module' }));
      const built = (...args: string[]) => spawnSync(process.execPath, [join(app, 'out', 'cli', 'form4.js'), ...args], { cwd: app, encoding: 'utf8' });
      const storeFile = join(app, 'data', 'form4.db');
      const imported = built('import', join(SEEDS, '002_6c307143537a987d.txt'), '--db', storeFile, '--json');
      assert.equal(imported.status, 0, imported.stderr);
      const listed = JSON.parse(built('list', '--db', storeFile, '--json').stdout) as Array<{ reportingPerson: string }>;
      assert.equal(listed.length, 1);
      assert.notEqual(listed[0]?.reportingPerson, '');
    } finally {
      rmSync(app, { recursive: true, force: true });
    }
  });

  test('a reader that stops early (| head) ends the command quietly, not with an EPIPE trace', () => {
    // Well over a pipe buffer (64 KiB) of JSON, so writes go on after `head` has gone.
    const seeds = readdirSync(SEEDS).filter((name) => name.endsWith('.txt')).map((name) => `'${join(SEEDS, name)}'`);
    const many = Array.from({ length: 10 }, () => seeds).flat().join(' ');
    const run = spawnSync('/bin/bash', ['-c', `node bin/form4.js extract ${many} --json | head -c 1; exit \${PIPESTATUS[0]}`], { encoding: 'utf8' });
    assert.equal(run.stdout, '{');
    assert.equal(run.status, 0, 'the exit status of form4 itself');
    assert.doesNotMatch(run.stderr, /EPIPE|Error/);
  });
});
