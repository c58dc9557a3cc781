// Every failure of a call as the one ApiError the renderer shows: refusals the workflow and the store
// explain (unknown filing, wrong status, disk full, ...) keep their message; anything unexpected is
// 'internal', with its stack on stderr for whoever reads the logs.
import type { ApiError, ApiErrorCode } from '../../shared/api.js';
import { describeStorageError } from '../store/file-store.js';
import { isCorruptionError, StoreCorruptError, StoreTooNewError, WorkflowError } from '../store/errors.js';

/** A call refused by the API layer itself (a path outside the data folder, a dialog the web lacks). */
export class ApiRefusal extends Error {
  override readonly name = 'ApiRefusal';

  constructor(
    readonly code: ApiErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const WORKFLOW_CODES: Record<WorkflowError['code'], ApiErrorCode> = {
  'not-found': 'not-found',
  'wrong-status': 'wrong-status',
  'open-errors': 'open-errors',
  'bad-override': 'bad-override',
  'bad-path': 'bad-request',
  'bad-value': 'bad-request',
  'bad-request': 'bad-request',
};

export function toApiError(call: string, error: unknown, log: (line: string) => void): ApiError {
  if (error instanceof ApiRefusal) return { code: error.code, message: error.message };
  if (error instanceof WorkflowError) return { code: WORKFLOW_CODES[error.code], message: error.message };
  if (error instanceof StoreCorruptError || error instanceof StoreTooNewError) return { code: 'storage', message: error.message };
  if (isCorruptionError(error)) return { code: 'storage', message: `the database is damaged (${(error as Error).message}); run \`form4 restore-backup\` to go back to the latest backup` };
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return { code: 'busy', message: 'the database is busy (another form4 process is writing); try again' };
  const storage = describeStorageError(error);
  if (storage !== null) return { code: 'storage', message: storage };
  log(`form4: ${call} failed unexpectedly: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  return { code: 'internal', message: `${call} failed unexpectedly: ${error instanceof Error ? error.message : String(error)}` };
}
