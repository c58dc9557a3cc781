// The store's files beside the database: a copy of each imported original and its page images, named
// by the original's sha256 so that writing one twice is harmless. Each file is written to a temporary
// name and renamed, so a crash never leaves half a file under the final name.
import { randomBytes } from 'node:crypto';
import { access, mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname, extname, join } from 'node:path';
import type { StoreLayout } from './data-folder.js';

export function originalPath(sha256: string, fileName: string): string {
  const extension = extname(fileName).toLowerCase().replace(/[^.a-z0-9]/g, '');
  return join('originals', sha256.slice(0, 2), `${sha256}${extension}`);
}

export function pageImagePath(sha256: string, page: number, extension: string): string {
  return join('pages', sha256, `${page}.${extension}`);
}

/** Writes `bytes` at `relative` under the files folder unless a file is already there. */
export async function writeStoreFile(layout: StoreLayout, relative: string, bytes: Uint8Array): Promise<void> {
  const target = join(layout.filesFolder, relative);
  if (await exists(target)) return;
  await mkdir(dirname(target), { recursive: true });
  await writeFileDurably(target, bytes);
}

/**
 * Writes `data` to `path` through a temporary file that is synced and then renamed, so a crash or a
 * full disk never leaves half a file under the final name. Exports use it too.
 */
export async function writeFileDurably(path: string, data: Uint8Array | string): Promise<void> {
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  const handle = await open(temporary, 'w');
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await rm(temporary, { force: true });
    throw error;
  }
  await handle.close();
  await rename(temporary, path);
}

export function readStoreFile(layout: StoreLayout, relative: string): Promise<Buffer> {
  return readFile(join(layout.filesFolder, relative));
}

export async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    return false;
  }
}

/** A file-system or SQLite failure as the one line an analyst reads: what ran out or was refused. */
export function describeStorageError(error: unknown): string | null {
  const raw = (error as { code?: unknown } | null)?.code;
  // SQLite's extended codes (SQLITE_IOERR_WRITE, SQLITE_READONLY_DBMOVED) share their primary's meaning.
  const code = typeof raw === 'string' ? raw.replace(/^(SQLITE_(?:IOERR|READONLY|FULL))_.*$/, '$1') : raw;
  const path = (error as { path?: unknown } | null)?.path;
  const where = typeof path === 'string' ? ` (${path})` : '';
  switch (code) {
    case 'ENOSPC':
    case 'SQLITE_FULL':
      return `the disk is full${where}: free some space and run \`form4 import --resume\``;
    case 'EROFS':
    case 'SQLITE_READONLY':
      return `the store's folder is read-only${where}`;
    case 'EACCES':
    case 'EPERM':
      return `permission denied writing to the store${where}`;
    case 'ENOTDIR':
    case 'EEXIST':
      return `the store's files folder is blocked by a file in its way${where}`;
    case 'EDQUOT':
      return `the disk quota is exceeded${where}`;
    case 'SQLITE_IOERR':
      return 'the disk reported an I/O error while writing the store';
    default:
      return null;
  }
}
