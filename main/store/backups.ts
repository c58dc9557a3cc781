// Backup copies of the database: one before any migration touches an existing database, and one a day
// while the app is used, so that a damaged file can be replaced by a recent sound one.
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import type { StoreLayout } from './data-folder.js';

const BACKUP_FILE = /^form4-(\d{8}T\d{6}\d{3}Z)-v(\d+)-([a-z-]+)\.db$/;
const BACKUPS_KEPT = 10;

export interface BackupInfo {
  path: string;
  takenAt: Date;
  schemaVersion: number;
  reason: string;
}

function stamp(date: Date): string {
  return date.toISOString().replace(/[-:.]/g, '');
}

function parseStamp(text: string): Date {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z$/.exec(text);
  if (m === null) return new Date(Number.NaN);
  return new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${m[7]}Z`);
}

/** The backups of this database, newest first. */
export function listBackups(layout: StoreLayout): BackupInfo[] {
  if (!existsSync(layout.backupsFolder)) return [];
  return readdirSync(layout.backupsFolder)
    .map((file) => ({ file, match: BACKUP_FILE.exec(file) }))
    .filter((entry): entry is { file: string; match: RegExpExecArray } => entry.match !== null)
    .map(({ file, match }) => ({
      path: join(layout.backupsFolder, file),
      takenAt: parseStamp(match[1] ?? ''),
      schemaVersion: Number(match[2]),
      reason: match[3] ?? '',
    }))
    .sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime());
}

export function latestBackup(layout: StoreLayout): BackupInfo | null {
  return listBackups(layout)[0] ?? null;
}

/**
 * A consistent copy of the open database (VACUUM INTO reads it in one transaction, so writers in WAL
 * mode neither block it nor tear it). Older copies beyond the last ten are removed.
 */
export function takeBackup(db: Database.Database, layout: StoreLayout, now: Date, schemaVersion: number, reason: 'before-migration' | 'daily'): BackupInfo {
  mkdirSync(layout.backupsFolder, { recursive: true });
  const path = join(layout.backupsFolder, `form4-${stamp(now)}-v${schemaVersion}-${reason}.db`);
  db.prepare('VACUUM INTO ?').run(path);
  for (const old of listBackups(layout).slice(BACKUPS_KEPT)) rmSync(old.path, { force: true });
  return { path, takenAt: now, schemaVersion, reason };
}

export interface RestoreResult {
  restoredFrom: string;
  /** Where the replaced database (and its -wal/-shm) were moved; kept for whoever investigates. */
  setAside: string | null;
}

/**
 * Puts a backup in the database's place. The current file is moved aside, never deleted. The store
 * must not be open while this runs.
 */
export function restoreBackup(layout: StoreLayout, backupPath: string, now: Date): RestoreResult {
  if (!existsSync(backupPath)) throw new Error(`no backup at ${backupPath}`);
  let setAside: string | null = null;
  if (existsSync(layout.databasePath)) {
    setAside = `${layout.databasePath}.damaged-${stamp(now)}`;
    renameSync(layout.databasePath, setAside);
    for (const suffix of ['-wal', '-shm']) {
      if (existsSync(layout.databasePath + suffix)) renameSync(layout.databasePath + suffix, setAside + suffix);
    }
  }
  copyFileSync(backupPath, layout.databasePath);
  return { restoredFrom: backupPath, setAside };
}
