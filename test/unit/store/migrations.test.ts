import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { listBackups, restoreBackup } from '../../../main/store/backups.js';
import { storeLayout } from '../../../main/store/data-folder.js';
import { Store } from '../../../main/store/database.js';
import { StoreCorruptError, StoreTooNewError } from '../../../main/store/errors.js';
import { defaultMigrationsFolder, loadMigrations, migrate, schemaVersion } from '../../../main/store/migrations.js';
import { RULE_BITS } from '../../../main/store/rule-mask.js';
import { RULE_IDS } from '../../../shared/findings.js';
import { tickingClock } from '../workflow/store-fixture.js';

const MIGRATIONS = loadMigrations(defaultMigrationsFolder());

let dir: string;
let db: Database.Database;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'form4-migrations-'));
  db = new Database(join(dir, 'test.db'));
  db.pragma('foreign_keys = ON');
});

afterEach(() => {
  if (db.open) db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Brings a database to just before `version`, then applies `version` alone. */
function upTo(version: number): void {
  migrate(db, MIGRATIONS.slice(0, version - 1));
  assert.equal(schemaVersion(db), version - 1);
  assert.deepEqual(migrate(db, MIGRATIONS.slice(0, version)), [version]);
  assert.equal(schemaVersion(db), version);
}

function isStrict(table: string): boolean {
  const row = db.prepare("SELECT sql FROM sqlite_schema WHERE type = 'table' AND name = ?").get(table) as { sql: string } | undefined;
  return row !== undefined && /\)\s*STRICT/i.test(row.sql);
}

describe('migrations', () => {
  test('are numbered 0001.. without gaps and each file is named NNNN_name.sql', () => {
    assert.deepEqual(MIGRATIONS.map((m) => m.version), MIGRATIONS.map((_, index) => index + 1));
    assert.ok(MIGRATIONS.length >= 7);
  });

  test('0001 sources: strict tables for sources, pages, lines and words; a word needs its line', () => {
    upTo(1);
    for (const table of ['sources', 'pages', 'lines', 'words']) assert.ok(isStrict(table), `${table} is STRICT`);
    db.prepare("INSERT INTO sources VALUES (1, ?, 'a.txt', '/x/a.txt', 'text/plain', 3, 'originals/a', 'text', 1, 't', 'u')").run('a'.repeat(64));
    db.prepare('INSERT INTO pages VALUES (1, 1, 0, 0, NULL)').run();
    assert.throws(() => db.prepare("INSERT INTO words VALUES (1, 1, 0, 0, 'x', NULL, NULL, NULL, NULL, 100, NULL)").run(), /FOREIGN KEY/);
    assert.throws(() => db.prepare("INSERT INTO pages VALUES (1, 'two', 0, 0, NULL)").run(), /cannot store TEXT value in INTEGER column/);
  });

  test('0002 filings: status is one of the four, document must be JSON, findings cascade', () => {
    upTo(2);
    for (const table of ['filings', 'filing_fields', 'findings']) assert.ok(isStrict(table));
    const insert = db.prepare("INSERT INTO filings (status, document, reporting_person, issuer, ticker, person_key, issuer_key, created_at, updated_at) VALUES (?, ?, '', '', '', '', '', 't', 't')");
    assert.throws(() => insert.run('pending', '{}'), /CHECK constraint/);
    assert.throws(() => insert.run('needs-review', 'not json'), /CHECK constraint/);
    const id = insert.run('needs-review', '{}').lastInsertRowid;
    db.prepare("INSERT INTO findings VALUES (?, 0, 'required', 'error', 'issuer.name', 'm')").run(id);
    db.prepare('DELETE FROM filings WHERE id = ?').run(id);
    assert.equal((db.prepare('SELECT count(*) AS n FROM findings').get() as { n: number }).n, 0);
  });

  test('0003 import jobs: a job state is one of five, and open jobs are indexed', () => {
    upTo(3);
    assert.ok(isStrict('import_jobs'));
    assert.throws(() => db.prepare("INSERT INTO import_jobs (batch, path, name, state, queued_at, queued_by) VALUES ('b', 'p', 'n', 'lost', 't', 'u')").run(), /CHECK constraint/);
    const plan = db.prepare("EXPLAIN QUERY PLAN SELECT * FROM import_jobs WHERE state IN ('queued', 'running') ORDER BY id").all() as Array<{ detail: string }>;
    assert.ok(plan.some((step) => step.detail.includes('import_jobs_open')), JSON.stringify(plan));
  });

  test('0004 review trail: the audit log refuses UPDATE and DELETE and moves its head on INSERT', () => {
    upTo(4);
    for (const table of ['audit_log', 'audit_head', 'decisions', 'exports', 'export_filings']) assert.ok(isStrict(table));
    db.prepare("INSERT INTO audit_log (seq, at, actor, action, prev_hash, hash) VALUES (1, 't', 'u', 'import', 'p', 'h1')").run();
    assert.deepEqual(db.prepare('SELECT seq, hash FROM audit_head').get(), { seq: 1, hash: 'h1' });
    assert.throws(() => db.prepare("UPDATE audit_log SET actor = 'x'").run(), /append-only/);
    assert.throws(() => db.prepare('DELETE FROM audit_log').run(), /append-only/);
  });

  test('0005 filing search: FTS5 follows inserts and updates of filings, rows from before included', () => {
    upTo(4);
    const insert = db.prepare("INSERT INTO filings (document, reporting_person, issuer, ticker, person_key, issuer_key, created_at, updated_at) VALUES ('{}', ?, ?, ?, '', '', 't', 't')");
    insert.run('Winter Michael R', 'Allied Motion', 'AMOT');
    assert.deepEqual(migrate(db, MIGRATIONS.slice(0, 5)), [5]);
    const search = (text: string) => (db.prepare('SELECT rowid FROM filings_search WHERE filings_search MATCH ?').all(text) as Array<{ rowid: number }>).map((row) => row.rowid);
    assert.deepEqual(search('"wint"*'), [1]);
    insert.run('Maida Robert P', 'Allied Motion', 'AMOT');
    db.prepare("UPDATE filings SET reporting_person = 'Winterbottom A' WHERE id = 2").run();
    assert.deepEqual(search('"wint"*'), [1, 2]);
    assert.deepEqual(search('"maida"*'), []);
  });

  test('0006 word gaps: words keep the mark of a break before them, 1 or nothing', () => {
    upTo(5);
    db.prepare("INSERT INTO sources VALUES (1, ?, 'a.txt', '/x/a.txt', 'text/plain', 3, 'originals/a', 'text', 1, 't', 'u')").run('c'.repeat(64));
    db.prepare('INSERT INTO pages VALUES (1, 1, 0, 0, NULL)').run();
    db.prepare('INSERT INTO lines VALUES (1, 1, 0, NULL, NULL, NULL, NULL)').run();
    db.prepare("INSERT INTO words VALUES (1, 1, 0, 0, 'before', NULL, NULL, NULL, NULL, 100, NULL)").run();
    assert.deepEqual(migrate(db, MIGRATIONS.slice(0, 6)), [6]);
    assert.deepEqual(db.prepare('SELECT text, gap_before FROM words').all(), [{ text: 'before', gap_before: null }]);
    db.prepare("INSERT INTO words VALUES (1, 1, 0, 1, 'after', NULL, NULL, NULL, NULL, 100, NULL, 1)").run();
    assert.throws(() => db.prepare("INSERT INTO words VALUES (1, 1, 0, 2, 'x', NULL, NULL, NULL, NULL, 100, NULL, 2)").run(), /CHECK constraint/);
  });

  test('0007 queue: earliest transaction, lowest confidence and rules filled in for filings from before; the queue reads indexes only', () => {
    upTo(6);
    const document = (dates: Array<string | null>, derivativeDates: Array<string | null>) =>
      JSON.stringify({ nonDerivative: dates.map((transactionDate) => ({ transactionDate })), derivative: derivativeDates.map((transactionDate) => ({ transactionDate })) });
    const insert = db.prepare("INSERT INTO filings (document, reporting_person, issuer, ticker, person_key, issuer_key, created_at, updated_at) VALUES (?, '', '', '', '', '', 't', 't')");
    const dated = Number(insert.run(document([null, '2024-03-05', '2024-03-02'], ['2024-03-04'])).lastInsertRowid);
    const undated = Number(insert.run(document([null], [])).lastInsertRowid);
    const field = db.prepare('INSERT INTO filing_fields (filing_id, path, confidence, set_by) VALUES (?, ?, ?, ?)');
    field.run(dated, 'a', 81, null);
    field.run(dated, 'b', 12, 'alice');
    field.run(dated, 'c', 64.5, null);
    field.run(undated, 'a', null, null);
    const finding = db.prepare("INSERT INTO findings VALUES (?, ?, ?, 'error', 'a', 'm')");
    finding.run(dated, 0, 'format');
    finding.run(dated, 1, 'format');
    finding.run(dated, 2, 'duplicate');
    // One filing per rule, so the SQL that fills the bits in is checked against RULE_BITS for each.
    const perRule = RULE_IDS.map((rule) => {
      const id = Number(insert.run(document([], [])).lastInsertRowid);
      finding.run(id, 0, rule);
      return { id, rule };
    });

    assert.deepEqual(migrate(db, MIGRATIONS.slice(0, 7)), [7]);
    const row = (id: number) => db.prepare('SELECT earliest_transaction AS earliest, lowest_confidence AS lowest, rule_mask AS rules FROM filings WHERE id = ?').get(id);
    assert.deepEqual(row(dated), { earliest: '2024-03-02', lowest: 64.5, rules: RULE_BITS.format | RULE_BITS.duplicate });
    assert.deepEqual(row(undated), { earliest: null, lowest: null, rules: 0 });
    for (const { id, rule } of perRule) assert.equal((row(id) as { rules: number }).rules, RULE_BITS[rule], rule);
    assert.equal(new Set(Object.values(RULE_BITS)).size, RULE_IDS.length, 'one bit per rule');
    assert.throws(() => db.prepare('UPDATE filings SET lowest_confidence = 101 WHERE id = ?').run(undated), /CHECK constraint/);

    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as Array<{ detail: string }>).map((step) => step.detail).join(' | ');
    assert.match(plan("SELECT id FROM filings f INDEXED BY filings_by_issuer WHERE status = 'approved' AND (rule_mask & 2) <> 0 ORDER BY issuer COLLATE NOCASE DESC, id DESC LIMIT 10"), /^SCAN f USING COVERING INDEX filings_by_issuer$/);
    assert.match(plan('SELECT id, status, issuer, lowest_confidence, earliest_transaction, updated_at FROM filings WHERE id = 5'), /COVERING INDEX filings_queue_rows|INTEGER PRIMARY KEY/);
    assert.match(plan("SELECT count(DISTINCT filing_id) FROM findings WHERE rule = 'format'"), /COVERING INDEX findings_by_rule/);

    // The search table, rebuilt with a one-letter prefix index, still holds every filing and follows changes.
    assert.match((db.prepare("SELECT sql FROM sqlite_schema WHERE name = 'filings_search'").get() as { sql: string }).sql, /prefix = '1 2 3'/);
    db.prepare("UPDATE filings SET reporting_person = 'Winter Michael R' WHERE id = ?").run(dated);
    const search = (text: string) => (db.prepare('SELECT rowid FROM filings_search WHERE filings_search MATCH ? ORDER BY rowid').all(text) as Array<{ rowid: number }>).map((row) => row.rowid);
    assert.deepEqual(search('"w"*'), [dated]);
    assert.equal((db.prepare('SELECT count(*) AS n FROM filings_search').get() as { n: number }).n, 2 + RULE_IDS.length);
  });

  test('0008 filing pages: filings from before keep every page of their source; a run is first to last; filings are found by source', () => {
    upTo(7);
    db.prepare("INSERT INTO sources VALUES (1, ?, 'a.pdf', '/x/a.pdf', 'application/pdf', 3, 'originals/a', 'ocr', 3, 't', 'u')").run('a'.repeat(64));
    const insert = db.prepare("INSERT INTO filings (source_id, document, reporting_person, issuer, ticker, person_key, issuer_key, created_at, updated_at) VALUES (1, '{}', '', '', '', '', '', 't', 't')");
    const before = Number(insert.run().lastInsertRowid);
    assert.deepEqual(migrate(db, MIGRATIONS.slice(0, 8)), [8]);
    assert.deepEqual(db.prepare('SELECT first_page, last_page FROM filings WHERE id = ?').get(before), { first_page: null, last_page: null });
    const pages = db.prepare('UPDATE filings SET first_page = ?, last_page = ? WHERE id = ?');
    pages.run(2, 3, before);
    for (const [first, last] of [[3, 2], [null, 2], [2, null], [0, 1]]) assert.throws(() => pages.run(first, last, before), /CHECK constraint/, `${first}-${last}`);
    const plan = (db.prepare('EXPLAIN QUERY PLAN SELECT id FROM filings WHERE source_id = ? ORDER BY id').all(1) as Array<{ detail: string }>).map((step) => step.detail).join(' | ');
    assert.match(plan, /filings_by_source/);
  });

  test('a migration that fails is rolled back whole and leaves the version as it was', () => {
    const broken = [...MIGRATIONS.slice(0, 1), { version: 2, name: 'broken', sql: 'CREATE TABLE half (a INTEGER) STRICT; CREATE TABLE oops (;' }];
    assert.throws(() => migrate(db, broken));
    assert.equal(schemaVersion(db), 1);
    assert.deepEqual(db.prepare("SELECT name FROM sqlite_schema WHERE name = 'half'").all(), []);
  });

  test('a gap in the numbering is refused', () => {
    const folder = join(dir, 'gappy');
    mkdirSync(folder);
    writeFileSync(join(folder, '0001_a.sql'), 'SELECT 1;');
    writeFileSync(join(folder, '0003_c.sql'), 'SELECT 1;');
    assert.throws(() => loadMigrations(folder), /without gaps/);
  });
});

describe('opening the store', () => {
  test('a new database gets WAL, foreign keys and the latest schema, and no backup', () => {
    db.close();
    const store = Store.open({ path: join(dir, 'new', 'form4.db') });
    try {
      assert.equal(store.db.pragma('journal_mode', { simple: true }), 'wal');
      assert.equal(store.db.pragma('foreign_keys', { simple: true }), 1);
      assert.equal(schemaVersion(store.db), MIGRATIONS.length);
      assert.deepEqual(listBackups(store.layout), []);
    } finally {
      store.close();
    }
  });

  test('an existing database behind the app is backed up before it is migrated', () => {
    migrate(db, MIGRATIONS.slice(0, 2));
    db.prepare("INSERT INTO sources VALUES (1, ?, 'a.txt', '/x/a.txt', 'text/plain', 3, 'originals/a', 'text', 1, 't', 'u')").run('b'.repeat(64));
    db.close();
    const path = join(dir, 'test.db');
    const store = Store.open({ path, clock: tickingClock() });
    try {
      assert.equal(schemaVersion(store.db), MIGRATIONS.length);
      const backups = listBackups(store.layout);
      const before = backups.find((backup) => backup.reason === 'before-migration');
      assert.ok(before, JSON.stringify(backups));
      assert.equal(before.schemaVersion, 2);
      const copy = new Database(before.path, { readonly: true });
      assert.equal(schemaVersion(copy), 2);
      assert.equal((copy.prepare('SELECT count(*) AS n FROM sources').get() as { n: number }).n, 1);
      copy.close();
    } finally {
      store.close();
    }
  });

  test('a database newer than the app is refused and left untouched', () => {
    migrate(db, MIGRATIONS);
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    const path = join(dir, 'test.db');
    const bytes = readFileSync(path);
    assert.throws(() => Store.open({ path }), (error: unknown) => error instanceof StoreTooNewError && error.databaseVersion === MIGRATIONS.length + 1 && /update form4-reviewer/.test(error.message));
    assert.deepEqual(readFileSync(path), bytes);
  });

  test('a file that is not a database is refused with a clear message, and nothing is written to it', () => {
    db.close();
    const path = join(dir, 'garbage.db');
    writeFileSync(path, Buffer.alloc(8192, 0x41));
    assert.throws(() => Store.open({ path }), (error: unknown) => error instanceof StoreCorruptError && /damaged/.test(error.message) && error.latestBackup === null);
    assert.deepEqual(readFileSync(path), Buffer.alloc(8192, 0x41));
  });

  test('a torn (cut short) database is detected at open and the latest backup is named; restoring it works', () => {
    db.close();
    const path = join(dir, 'torn.db');
    const store = Store.open({ path, clock: tickingClock() });
    store.db.exec("INSERT INTO import_jobs (batch, path, name, state, queued_at, queued_by) VALUES ('b', 'p', 'n', 'queued', 't', 'u')");
    const backup = store.db.prepare('VACUUM INTO ?');
    mkdirSync(storeLayout(path).backupsFolder, { recursive: true });
    backup.run(join(storeLayout(path).backupsFolder, 'form4-20240301T090000000Z-v6-daily.db'));
    store.db.exec(`INSERT INTO import_jobs (batch, path, name, state, queued_at, queued_by) WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000) SELECT 'b', 'p' || i, 'n', 'queued', 't', 'u' FROM n`);
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    store.close();
    const size = readFileSync(path).length;
    truncateSync(path, Math.floor(size / 2));
    const tornBytes = readFileSync(path);
    let caught: unknown;
    try {
      Store.open({ path });
    } catch (error) {
      caught = error;
    }
    assert.ok(caught instanceof StoreCorruptError, String(caught));
    assert.match(caught.message, /cut short/);
    assert.equal(caught.latestBackup, join(storeLayout(path).backupsFolder, 'form4-20240301T090000000Z-v6-daily.db'));
    assert.deepEqual(readFileSync(path), tornBytes);

    const restored = restoreBackup(storeLayout(path), caught.latestBackup as string, new Date('2024-03-02T00:00:00Z'));
    assert.deepEqual(readFileSync(restored.setAside as string), tornBytes);
    const reopened = Store.open({ path });
    assert.equal((reopened.db.prepare('SELECT count(*) AS n FROM import_jobs').get() as { n: number }).n, 1);
    reopened.close();
  });
});
