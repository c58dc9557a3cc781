// The errors opening or using the store can end in, each with the message an analyst needs and the
// facts a caller (the CLI, the app's first window) needs to offer a way out.

/** The database file is torn, truncated or not a database: nothing is written to it. */
export class StoreCorruptError extends Error {
  override readonly name = 'StoreCorruptError';

  constructor(
    readonly databasePath: string,
    readonly detail: string,
    /** The newest backup of this database, if any, for a restore. */
    readonly latestBackup: string | null,
  ) {
    super(
      `the database ${databasePath} is damaged (${detail}); it has been left untouched. ` +
        (latestBackup === null ? 'No backup of it exists.' : `The latest backup is ${latestBackup}.`),
    );
  }
}

/** The database was written by a newer version of the app: opening it could lose what that version keeps. */
export class StoreTooNewError extends Error {
  override readonly name = 'StoreTooNewError';

  constructor(
    readonly databasePath: string,
    readonly databaseVersion: number,
    readonly appVersion: number,
  ) {
    super(
      `the database ${databasePath} is at schema version ${databaseVersion}, newer than this app knows ` +
        `(${appVersion}); update form4-reviewer to open it`,
    );
  }
}

/** A request the workflow refuses (unknown filing, wrong status, an open error): a person can fix it. */
export class WorkflowError extends Error {
  override readonly name = 'WorkflowError';

  constructor(
    readonly code: 'not-found' | 'wrong-status' | 'open-errors' | 'bad-path' | 'bad-value' | 'bad-override' | 'bad-request',
    message: string,
  ) {
    super(message);
  }
}

/** SQLite's own word that the file is not sound, whenever it says so. */
export function isCorruptionError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT_INDEX' || code === 'SQLITE_CORRUPT_VTAB';
}
