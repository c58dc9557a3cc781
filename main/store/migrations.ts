// Numbered, forward-only schema migrations: main/store/migrations/NNNN_name.sql, each applied in its
// own transaction together with the `PRAGMA user_version` it brings the database to.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const MIGRATION_FILE = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/**
 * The folder holding the .sql files: beside this module when run from source (tests, tsx), or
 * out/migrations/ seen from a bundle in out/<entry>/ (scripts/build.mjs copies them there, so the
 * built CLI and the packaged app need nothing from the source tree).
 */
export function defaultMigrationsFolder(): string {
  const candidates = [new URL('./migrations/', import.meta.url), new URL('../migrations/', import.meta.url)];
  for (const candidate of candidates) {
    const folder = fileURLToPath(candidate);
    if (existsSync(join(folder, '0001_sources.sql'))) return folder;
  }
  throw new Error(`the store's migrations are missing (looked in ${candidates.map((url) => fileURLToPath(url)).join(', ')})`);
}

/** The migrations in a folder, in order; a gap or a duplicate number is a packaging bug, so it throws. */
export function loadMigrations(folder: string): Migration[] {
  const migrations = readdirSync(folder)
    .map((file) => ({ file, match: MIGRATION_FILE.exec(file) }))
    .filter((entry): entry is { file: string; match: RegExpExecArray } => entry.match !== null)
    .map(({ file, match }) => ({ version: Number(match[1]), name: match[2] ?? '', sql: readFileSync(join(folder, file), 'utf8') }))
    .sort((a, b) => a.version - b.version);
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) {
      throw new Error(`store migrations must be numbered 0001, 0002, ... without gaps; found ${migration.version} at position ${index + 1}`);
    }
  });
  return migrations;
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Applies every migration newer than the database, each in a transaction; returns the versions applied. */
export function migrate(db: Database.Database, migrations: readonly Migration[]): number[] {
  const applied: number[] = [];
  for (const migration of migrations) {
    if (migration.version <= schemaVersion(db)) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
    applied.push(migration.version);
  }
  return applied;
}
