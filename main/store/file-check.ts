// A look at the database file's first page before SQLite opens it: a file that is not a database, or
// shorter than its own header says (torn by a crash or a bad copy), is refused before anything is
// written to it.
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';

const MAGIC = 'SQLite format 3\0';

/** Why the file cannot be a sound database, or null when its header and size agree. */
export function damageInDatabaseFile(path: string): string | null {
  const size = statSync(path).size;
  if (size === 0) return null;
  if (size < 100) return `the file is ${size} bytes long, shorter than a database header`;
  const header = Buffer.alloc(100);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, header, 0, 100, 0);
  } finally {
    closeSync(fd);
  }
  if (header.toString('latin1', 0, 16) !== MAGIC) return 'the file does not start with an SQLite header';
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  if (pageSize < 512 || (pageSize & (pageSize - 1)) !== 0) return `the header names an impossible page size (${rawPageSize})`;
  // The page count in the header is only valid when the two change counters agree (SQLite >= 3.7).
  const changeCounter = header.readUInt32BE(24);
  const pageCount = header.readUInt32BE(28);
  const validFor = header.readUInt32BE(92);
  // With a write-ahead log beside it, the file may lag behind its header until SQLite replays the log.
  const wal = `${path}-wal`;
  const walHasFrames = existsSync(wal) && statSync(wal).size > 0;
  if (!walHasFrames && changeCounter === validFor && pageCount > 0 && size < pageCount * pageSize) {
    return `the file is ${size} bytes long but its header says ${pageCount} pages of ${pageSize} bytes: it was cut short`;
  }
  return null;
}
