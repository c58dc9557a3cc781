// Opens the store: checks the file is sound, refuses a database newer than the app, backs up an
// existing database before migrating it, then brings the schema up to date. Node only, no Electron.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { latestBackup, takeBackup } from './backups.js';
import { storeLayout, type StoreLayout } from './data-folder.js';
import { isCorruptionError, StoreCorruptError, StoreTooNewError } from './errors.js';
import { damageInDatabaseFile } from './file-check.js';
import { defaultMigrationsFolder, loadMigrations, migrate, schemaVersion } from './migrations.js';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface OpenStoreOptions {
  path: string;
  clock?: () => Date;
  migrationsFolder?: string;
  /**
   * 'quick' also runs SQLite's quick_check over every page (what the app does once at start and
   * `form4 verify` does); 'header' checks the header, the size and the schema only (each CLI command).
   */
  integrityCheck?: 'header' | 'quick';
  /** Take a backup when the newest is older than a day. On by default. */
  dailyBackup?: boolean;
  /** Told about each query slower than `slowQueryMs` (default 40). */
  onSlowQuery?: (label: string, milliseconds: number) => void;
  slowQueryMs?: number;
}

export class Store {
  private constructor(
    readonly db: Database.Database,
    readonly layout: StoreLayout,
    readonly clock: () => Date,
    private readonly onSlowQuery: (label: string, milliseconds: number) => void,
    private readonly slowQueryMs: number,
  ) {}

  static open(options: OpenStoreOptions): Store {
    const layout = storeLayout(options.path);
    const clock = options.clock ?? (() => new Date());
    const existed = existsSync(layout.databasePath);
    const corrupt = (detail: string): StoreCorruptError =>
      new StoreCorruptError(layout.databasePath, detail, latestBackup(layout)?.path ?? null);

    if (existed) {
      const damage = damageInDatabaseFile(layout.databasePath);
      if (damage !== null) throw corrupt(damage);
    } else {
      mkdirSync(dirname(layout.databasePath), { recursive: true });
    }
    const migrations = loadMigrations(options.migrationsFolder ?? defaultMigrationsFolder());
    const appVersion = migrations.length;

    const db = new Database(layout.databasePath);
    let version: number;
    try {
      version = schemaVersion(db);
      db.prepare('SELECT count(*) FROM sqlite_schema').get();
      if (options.integrityCheck === 'quick') {
        const result = db.pragma('quick_check(1)', { simple: true });
        if (result !== 'ok') throw corrupt(`SQLite's check says: ${String(result)}`);
      }
    } catch (error) {
      db.close();
      if (error instanceof StoreCorruptError) throw error;
      if (isCorruptionError(error)) throw corrupt((error as Error).message);
      throw error;
    }
    if (version > appVersion) {
      db.close();
      throw new StoreTooNewError(layout.databasePath, version, appVersion);
    }

    // A filing's document is 2-4 KB of JSON: with 8 KB pages two or three share a page instead of one
    // each. Only a new, empty file can take a page size.
    if (version === 0) db.pragma('page_size = 8192');
    db.pragma('journal_mode = WAL');
    // NORMAL in WAL mode survives a crash of the app (what kill -9 tests); only a power cut may drop
    // the last commits, never corrupt the file.
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // 64 MiB of page cache (SQLite's default is 2 MiB): a search that touches a few thousand filings,
    // or an import batch, then stays in memory instead of going back to the OS for every page.
    db.pragma('cache_size = -65536');

    const store = new Store(db, layout, clock, options.onSlowQuery ?? (() => undefined), options.slowQueryMs ?? 40);
    try {
      if (version > 0 && version < appVersion) takeBackup(db, layout, clock(), version, 'before-migration');
      migrate(db, migrations);
      if (options.dailyBackup !== false && version > 0) {
        const newest = latestBackup(layout);
        if (newest === null || clock().getTime() - newest.takenAt.getTime() > DAY_MS) {
          takeBackup(db, layout, clock(), appVersion, 'daily');
        }
      }
    } catch (error) {
      db.close();
      throw error;
    }
    return store;
  }

  /** Runs `work` in one IMMEDIATE transaction (takes the write lock up front, so no upgrade deadlock). */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work).immediate();
  }

  /** Runs a query and reports it when it is slow. */
  timed<T>(label: string, query: () => T): T {
    const started = performance.now();
    try {
      return query();
    } finally {
      const elapsed = performance.now() - started;
      if (elapsed > this.slowQueryMs) this.onSlowQuery(label, elapsed);
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
