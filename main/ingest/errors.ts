// The one error type ingest throws for a bad input or a refused limit. Its message is the single
// line an analyst sees (`<file>: <what>` or `<file> page N: <what>`), so callers print it as is.

export type IngestErrorCode =
  | 'unsupported-format'
  | 'empty'
  | 'unreadable'
  | 'encrypted'
  | 'corrupt'
  | 'no-pages'
  | 'too-many-pages'
  | 'too-large'
  | 'ocr-failed'
  | 'timeout';

export class IngestError extends Error {
  override readonly name = 'IngestError';

  constructor(
    readonly code: IngestErrorCode,
    readonly file: string,
    readonly what: string,
    readonly page: number | null = null,
    options?: { cause?: unknown },
  ) {
    super(`${file}${page === null ? '' : ` page ${page}`}: ${what}`, options);
  }
}

/** The error a cancelled read rejects with, shaped like the DOM's so `err.name === 'AbortError'` works. */
export function abortError(signal: AbortSignal | undefined): Error {
  const reason: unknown = signal?.reason;
  if (reason instanceof Error && reason.name === 'AbortError') return reason;
  return new DOMException('The operation was aborted', 'AbortError');
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw abortError(signal);
}
