// The contract of shared/api.ts implemented over the workflow services: one composition root for
// both transports (Electron's IPC and the loopback web server). `call` is the only way in: it checks
// the name and parses the input with the contract's schema before anything is touched, and turns
// every failure into an ApiResult, so nothing throws across the bridge.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isCallName, parseCallInput, type ApiHandlers, type ApiResult, type PageImageSize } from '../../shared/api.js';
import { toCsv } from '../form4/export/csv.js';
import { toEdgarXml } from '../form4/export/edgar-xml.js';
import { toJson } from '../form4/export/json.js';
import { Store } from '../store/database.js';
import { repositoriesOf } from '../store/repositories.js';
import { ExportService } from '../workflow/export-service.js';
import { ImportService, type Extractor } from '../workflow/import-service.js';
import { ReviewService } from '../workflow/review-service.js';
import { createSourceExtractor } from '../workflow/source-extractor.js';
import { AfterAnswer } from './after-answer.js';
import type { ApiContext, NativeDialogs } from './api-context.js';
import { toApiError } from './api-errors.js';
import { appHandlers } from './app-handlers.js';
import { EventHub, type EventListener } from './event-hub.js';
import { exportHandlers } from './export-handlers.js';
import { filingsHandlers } from './filings-handlers.js';
import { reallyInside } from './folders.js';
import { importHandlers } from './import-handlers.js';
import { ImportRunner } from './import-runner.js';
import { PageRenditions } from './page-renditions.js';

export interface AppApiOptions {
  /** Resolved by the caller (main/store/data-folder.ts resolveDatabasePath). */
  databasePath: string;
  /** Who acts (audit trail). */
  user: string;
  transport: 'electron' | 'web';
  version: string;
  /** Electron only: native dialogs. Absent -> 'import:choose'/'export:chooseFolder' answer {ok:false, code:'unsupported'}. */
  dialogs?: NativeDialogs;
  clock?: () => Date;
  /** Tests may inject a fast extractor; default createSourceExtractor. */
  extract?: Extractor;
}

export interface AppApi {
  /** Validates `input` with the contract (parseCallInput), runs the handler; never throws: {ok,value}|{ok:false,error}. */
  call(name: string, input: unknown): Promise<ApiResult<unknown>>;
  /** Every event of ApiEvents; returns the unsubscribe. */
  onEvent(listener: EventListener): () => void;
  /**
   * Absolute path of a stored page image of a filing, checked to lie inside the data folder; null if
   * none. 'full' is the 300 DPI PNG that OCR read; 'display' its 150 DPI JPEG copy, or the full image
   * while the copy is not made yet (it is queued then).
   */
  pageImageFile(filingId: number, page: number, size?: PageImageSize): string | null;
  /** Finishes imports a crash left open (called once at start; runs in the background, emits events). */
  resumeImports(): void;
  close(): Promise<void>;
}

const log = (line: string): void => void process.stderr.write(line);

/** Opens the store (throws StoreCorruptError / StoreTooNewError for the caller to explain) and the services over it. */
export function openAppApi(options: AppApiOptions): AppApi {
  const clock = options.clock ?? (() => new Date());
  const databasePath = resolve(options.databasePath);
  const dataFolder = dirname(databasePath);
  const store = Store.open({
    path: databasePath,
    clock,
    integrityCheck: 'quick',
    onSlowQuery: (label, ms) => log(`form4: slow query ${label}: ${ms.toFixed(1)} ms\n`),
  });
  const repos = repositoriesOf(store);
  const extractor = options.extract === undefined ? createSourceExtractor() : null;
  const hub = new EventHub(log);
  // A save answers once its own filing is written and checked; the same-day filings it may have made
  // (or stopped being) duplicates of are re-checked right after, and the changes announced then.
  const afterAnswer = new AfterAnswer(log);
  const renditions = new PageRenditions(log);
  const displayImages = (filingId: number): void => {
    const filing = repos.filings.get(filingId);
    if (filing === null || filing.sourceId === null) return;
    renditions.ensure(repos.sources.pages(filing.sourceId).flatMap((page) => (page.image === null ? [] : [join(store.layout.filesFolder, page.image)])));
  };
  const importService = new ImportService(repos, { clock, extract: options.extract ?? (extractor as { extract: Extractor }).extract });
  const context: ApiContext = {
    user: options.user,
    transport: options.transport,
    version: options.version,
    dataFolder,
    clock,
    repos,
    review: new ReviewService(repos, { clock, deferRecheck: afterAnswer.schedule, onRechecked: (ids) => hub.emit('filings:changed', { ids }) }),
    imports: new ImportRunner(importService, repos.importJobs, hub.emit, log, displayImages),
    exports: new ExportService(repos, { clock, formats: { xml: (filing) => toEdgarXml(filing), csv: toCsv, json: toJson } }),
    dialogs: options.dialogs,
    chosenFolders: new Set(),
    emit: hub.emit,
    displayImages,
    afterAnswer: afterAnswer.schedule,
  };
  const handlers: ApiHandlers = {
    ...appHandlers(context),
    ...filingsHandlers(context),
    ...importHandlers(context),
    ...exportHandlers(context),
  };
  let closing: Promise<void> | null = null;

  return {
    async call(name, input) {
      if (!isCallName(name)) return { ok: false, error: { code: 'bad-request', message: `there is no call ${JSON.stringify(String(name).slice(0, 100))}` } };
      if (closing !== null) return { ok: false, error: { code: 'unsupported', message: `${name}: the app is closing` } };
      const parsed = parseCallInput(name, input);
      if (!parsed.ok) return parsed;
      try {
        const handler = handlers[name] as (input: unknown) => unknown;
        return { ok: true, value: await handler(parsed.value) };
      } catch (error) {
        return { ok: false, error: toApiError(name, error, log) };
      }
    },
    onEvent: (listener) => hub.on(listener),
    pageImageFile(filingId, page, size = 'full') {
      if (closing !== null || !Number.isSafeInteger(filingId) || filingId < 1 || !Number.isSafeInteger(page) || page < 1) return null;
      let file: string | null;
      try {
        file = context.review.pageImageFile(filingId, page);
      } catch {
        return null;
      }
      if (file === null || !existsSync(file) || !reallyInside(dataFolder, file)) return null;
      if (size === 'full') return file;
      const display = renditions.displayFile(file);
      return display !== null && reallyInside(dataFolder, display) ? display : file;
    },
    resumeImports: () => {
      if (closing === null) context.imports.resume();
    },
    close() {
      closing ??= (async () => {
        await context.imports.close();
        await Promise.all([extractor?.close(), renditions.close()]);
        afterAnswer.flush();
        store.close();
      })();
      return closing;
    },
  };
}
