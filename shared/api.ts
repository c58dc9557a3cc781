// The one contract between the renderer and main: every call with the zod schema of its input and
// the type of its value, every event with the type of its payload. Main implements it
// (main/api/), the Electron preload and the loopback web transport carry it, the renderer calls it
// through `ApiClient`. Inputs are parsed with these schemas in main before anything is touched: the
// renderer is untrusted. Nothing throws across the bridge: every call resolves to an ApiResult.
import { z } from 'zod';
import type { Document } from './document.js';
import { RULE_IDS, type RuleId, type Severity } from './findings.js';
import {
  EXPORT_FORMATS,
  FILING_STATUSES,
  type AuditRow,
  type ChangeResult,
  type ExportResult,
  type FilingListItem,
  type FilingView,
  type ImportEvent,
  type ImportJob,
  type Override,
} from './views.js';

/** Longest text a person can put in one field or reason; anything longer is refused, not cut. */
export const MAX_TEXT = 10_000;
/** Largest file the web transport takes as an upload (base64 in JSON), in bytes before encoding. */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const text = z.string().max(MAX_TEXT);
const reason = z.string().trim().min(1, 'a reason is needed').max(MAX_TEXT);
/** A field path in the filing's JSON shape, e.g. `nonDerivative[0].shares`. */
const fieldPath = z.string().min(1).max(200);
const table = z.enum(['nonDerivative', 'derivative']);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'a date is YYYY-MM-DD');

export const QUEUE_SORTS = ['period', 'earliestTransaction', 'reportingPerson', 'issuer', 'ticker', 'status', 'errors', 'warnings', 'lowestConfidence', 'updated', 'id'] as const;
export type QueueSort = (typeof QUEUE_SORTS)[number];

/** One page of the queue; `total` is the count of every filing the filter matches. */
export interface QueuePage {
  items: QueueItem[];
  total: number;
  offset: number;
}

/** A queue row: the list columns plus what the queue screen shows beside them. */
export interface QueueItem extends FilingListItem {
  /** The earliest transaction date of Table I and II, null when there is none. */
  earliestTransaction: string | null;
  /** The lowest confidence of any field read from the source (0-100), null when none was read. */
  lowestConfidence: number | null;
}

/**
 * A stored page image as served: 'full', the 300 DPI image OCR read (for zooming in past half its
 * pixels); 'display', a 150 DPI copy for showing the page at up to about half of them (fit to width).
 * Both cover the same page, so boxes in the page's pixels place the same on either.
 */
export const PAGE_IMAGE_SIZES = ['full', 'display'] as const;
export type PageImageSize = (typeof PAGE_IMAGE_SIZES)[number];

export interface AppInfo {
  version: string;
  /** 'electron' for the desktop app, 'web' for the loopback transport. */
  transport: 'electron' | 'web';
  /** The folder that holds the database, the kept files and the default exports. */
  dataFolder: string;
  /** Who acts, for the audit trail. */
  user: string;
  /** Whether native open and folder dialogs exist (Electron) or the page uses a file input (web). */
  nativeDialogs: boolean;
  rules: Array<{ id: RuleId; severity: Severity }>;
}

export interface ImportState {
  /** The jobs of the current and latest batches, oldest first. */
  jobs: ImportJob[];
  running: boolean;
}

export interface ExportPreview {
  /** What an export with these settings would write. */
  filings: Array<{ id: number; reportingPerson: string; issuer: string; ticker: string; periodOfReport: string | null; approvedAt: string | null }>;
  /** The folder used when none is given. */
  defaultOutDir: string;
}

export const apiCalls = {
  'app:info': { input: z.strictObject({}), value: {} as AppInfo },

  'filings:list': {
    input: z.strictObject({
      status: z.enum(FILING_STATUSES).optional(),
      /** Only filings with an open finding of this rule. */
      rule: z.enum(RULE_IDS).optional(),
      search: z.string().max(200).optional(),
      sort: z.enum(QUEUE_SORTS).default('period'),
      direction: z.enum(['asc', 'desc']).default('desc'),
      offset: z.number().int().min(0).max(10_000_000).default(0),
      limit: z.number().int().min(1).max(500).default(100),
    }),
    value: {} as QueuePage,
  },
  /** Neighbours in the queue order, for next/previous filing keys. */
  'filings:neighbours': {
    input: z.strictObject({
      id,
      status: z.enum(FILING_STATUSES).optional(),
      rule: z.enum(RULE_IDS).optional(),
      search: z.string().max(200).optional(),
      sort: z.enum(QUEUE_SORTS).default('period'),
      direction: z.enum(['asc', 'desc']).default('desc'),
    }),
    value: {} as { previous: number | null; next: number | null },
  },
  'filings:get': { input: z.strictObject({ id }), value: {} as FilingView },
  /** The words read from the filing's source with their boxes: clicking one fills the focused field. */
  'filings:words': { input: z.strictObject({ id }), value: {} as Document | null },
  'filings:history': { input: z.strictObject({ id }), value: {} as AuditRow[] },
  'filings:setField': {
    input: z.strictObject({ id, path: fieldPath, value: text, reason: reason.optional() }),
    value: {} as ChangeResult,
  },
  'filings:addRow': {
    input: z.strictObject({
      id,
      table,
      index: z.number().int().min(0).max(10_000).optional(),
      values: z.record(z.string().max(100), text).optional(),
      reason: reason.optional(),
    }),
    value: {} as ChangeResult,
  },
  'filings:removeRow': {
    input: z.strictObject({ id, table, index: z.number().int().min(0).max(10_000), reason: reason.optional() }),
    value: {} as ChangeResult,
  },
  'filings:approve': {
    input: z.strictObject({
      id,
      overrides: z.array(z.strictObject({ rule: z.enum(RULE_IDS), path: fieldPath.optional(), reason })).max(200).default([]),
      reason: reason.optional(),
    }),
    value: {} as ChangeResult & { overridden: Override[] },
  },
  'filings:reject': { input: z.strictObject({ id, reason }), value: {} as ChangeResult },
  'filings:reopen': { input: z.strictObject({ id, reason: reason.optional() }), value: {} as ChangeResult },

  /** Electron only: the native open dialog; resolves to the chosen paths (empty when cancelled). */
  'import:choose': { input: z.strictObject({}), value: {} as string[] },
  /** Queues files or folders by path (native dialog, drag and drop in Electron) and starts the run. */
  'import:paths': { input: z.strictObject({ paths: z.array(z.string().min(1).max(4096)).min(1).max(10_000) }), value: {} as ImportJob[] },
  /** Queues one uploaded file (the web transport's file input and drop) and starts the run. */
  'import:upload': {
    input: z.strictObject({
      name: z.string().min(1).max(255).refine((name) => !/[\\/]/.test(name) && name !== '.' && name !== '..', 'a file name, not a path'),
      base64: z.string().max(Math.ceil(MAX_UPLOAD_BYTES / 3) * 4).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64'),
    }),
    value: {} as ImportJob[],
  },
  'import:state': { input: z.strictObject({}), value: {} as ImportState },
  /** Stops the running batch after the page in hand; queued jobs stay queued for the next run. */
  'import:cancel': { input: z.strictObject({}), value: {} as { cancelled: boolean } },

  'export:preview': {
    input: z.strictObject({ format: z.enum(EXPORT_FORMATS), since: isoDate.optional() }),
    value: {} as ExportPreview,
  },
  /** Electron only: the native folder dialog; null when cancelled. */
  'export:chooseFolder': { input: z.strictObject({}), value: {} as string | null },
  'export:run': {
    input: z.strictObject({ format: z.enum(EXPORT_FORMATS), since: isoDate.optional(), outDir: z.string().min(1).max(4096).optional() }),
    value: {} as ExportResult,
  },
} as const;

export interface ApiEvents {
  /** Every step of an import run, as the import service reports it. */
  'import:progress': ImportEvent;
  /** The import run started or stopped (finished or cancelled). */
  'import:running': { running: boolean };
  /**
   * Filings that changed so open views refresh: imported, edited, decided, exported, or re-checked
   * because another filing changed (a same-day duplicate edited, an earlier holding approved).
   */
  'filings:changed': { ids: number[] };
  /** A command chosen from the application menu (Electron), by its id in shared/keymap.ts. */
  'app:command': { command: string };
}

export type CallName = keyof typeof apiCalls;
export type EventName = keyof ApiEvents;
export type CallInput<N extends CallName> = z.input<(typeof apiCalls)[N]['input']>;
export type ParsedInput<N extends CallName> = z.output<(typeof apiCalls)[N]['input']>;
export type CallValue<N extends CallName> = (typeof apiCalls)[N]['value'];

export const API_ERROR_CODES = ['bad-request', 'not-found', 'wrong-status', 'open-errors', 'bad-override', 'unsupported', 'busy', 'storage', 'internal'] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number] | (string & {});

export interface ApiError {
  code: ApiErrorCode;
  message: string;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** What main implements: one function per call, taking the parsed input. */
export type ApiHandlers = { [N in CallName]: (input: ParsedInput<N>) => Promise<CallValue<N>> | CallValue<N> };

/** What the renderer holds (window.api in Electron, the web client in a browser). */
export interface ApiClient {
  call<N extends CallName>(name: N, input: CallInput<N>): Promise<ApiResult<CallValue<N>>>;
  /** Subscribes to an event; returns the unsubscribe. */
  on<E extends EventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void;
  /** The URL of a stored page image of a filing's source, for an <img>; 'full' when no size is given. */
  pageImageUrl(filingId: number, page: number, size?: PageImageSize): string;
  /** Electron only: the path of a dropped File (webUtils.getPathForFile); null in a browser. */
  pathForFile(file: object): string | null;
}

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.hasOwn(apiCalls, name);
}

/** Parses a call's input with its schema; the one place the boundary is checked. */
export function parseCallInput<N extends CallName>(name: N, input: unknown): ApiResult<ParsedInput<N>> {
  const parsed = apiCalls[name].input.safeParse(input ?? {});
  if (parsed.success) return { ok: true, value: parsed.data as ParsedInput<N> };
  const detail = parsed.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length === 0 ? 'input' : issue.path.join('.')}: ${issue.message}`)
    .join('; ');
  return { ok: false, error: { code: 'bad-request', message: `${name}: ${detail}` } };
}
