// Durable imports. `enqueue` copies each file into the store's files folder and queues it; `run`
// extracts every open job and stores the source and its words once, then each filing read from it
// (a scan may hold several back to back) with its findings and audit row, in the same transaction
// that marks the job done. A crash leaves jobs queued or claimed by a dead process, which the next
// `run` (the CLI's --resume, the app's start) takes over. A file already in the store (same sha256)
// is skipped; a file that fails is recorded with its error and the batch goes on.
import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import type { Document } from '../../shared/document.js';
import type { Extraction } from '../../shared/extraction.js';
import { filingStateHash } from '../store/audit-chain.js';
import { describeStorageError, originalPath, pageImagePath, readStoreFile, writeStoreFile } from '../store/file-store.js';
import type { ImportJob } from '../store/import-jobs-repository.js';
import type { Repositories } from '../store/repositories.js';
import { FilingChecks } from './filing-checks.js';
import type { ExtractProgress, ImportEvent } from '../../shared/views.js';
export { type ExtractProgress, type ImportEvent };

export interface ImportSource {
  /** Where the file was imported from (for messages); the bytes are the store's own copy. */
  path: string;
  name: string;
  bytes: Uint8Array;
}

export interface PageImageFile {
  page: number;
  /** File extension of `bytes`, e.g. `png`. */
  extension: string;
  bytes: Uint8Array;
}

/** One filing read from a file, with the pages of the file (1-based, as in its document) it was read from. */
export interface ExtractedFiling extends Extraction {
  pages: readonly number[];
}

export interface ExtractedSource {
  document: Document;
  /** Every filing of the file in page order; an empty list means the file holds no Form 4. */
  extractions: readonly ExtractedFiling[];
  pageImages?: readonly PageImageFile[];
  mediaType?: string;
}

/** Reads one file into a document and its filings; throws (NotAForm4Error, IngestError, ...) when it cannot. */
export type Extractor = (source: ImportSource, options: { signal: AbortSignal; onProgress: (progress: ExtractProgress) => void }) => Promise<ExtractedSource>;

export interface ImportRunResult {
  /** The jobs this run finished, in order, each with its final state and message. */
  finished: ImportJob[];
  /** Jobs still open afterwards (cancelled, or claimed by another live process). */
  remaining: number;
  cancelled: boolean;
}

export interface ImportServiceOptions {
  clock: () => Date;
  extract: Extractor;
  lowConfidenceThreshold?: number;
  /** This process, recorded on the jobs it claims. */
  pid?: number;
  /** Whether the process holding a claim still runs; a dead one's jobs are taken over. */
  isProcessAlive?: (pid: number) => boolean;
}

/** What a folder import picks up; a file named explicitly is always tried, whatever its name. */
export const IMPORTABLE_EXTENSIONS = new Set(['.txt', '.md', '.pdf', '.png', '.jpg', '.jpeg', '.tif', '.tiff']);

const MEDIA_TYPES: Record<string, string> = {
  '.txt': 'text/plain',
  '.md': 'text/markdown',
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.tif': 'image/tiff',
  '.tiff': 'image/tiff',
};

export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

class LostClaimError extends Error {}

export class ImportService {
  private readonly checks: FilingChecks;
  private readonly pid: number;
  private readonly isProcessAlive: (pid: number) => boolean;
  /** Jobs this process is working on now: a claim by our own pid that is not here is a stale one. */
  private readonly inFlight = new Set<number>();

  constructor(
    private readonly repos: Repositories,
    private readonly options: ImportServiceOptions,
  ) {
    this.checks = new FilingChecks(repos.filings, options.lowConfidenceThreshold);
    this.pid = options.pid ?? process.pid;
    this.isProcessAlive = options.isProcessAlive ?? processIsAlive;
  }

  /** Jobs queued or in progress (including ones a crashed process left). */
  openJobs(): ImportJob[] {
    return this.repos.importJobs.open();
  }

  /**
   * Queues files and folders (searched recursively for importable files). Each file is copied into
   * the store first, so the queue survives the original being moved. Files already imported or
   * queued are recorded as skipped; unreadable ones as failed.
   */
  async enqueue(paths: readonly string[], actor: string, onEvent?: (event: ImportEvent) => void): Promise<{ batch: string; jobs: ImportJob[] }> {
    const batch = randomUUID();
    const jobs: ImportJob[] = [];
    const add = (job: ImportJob): void => {
      jobs.push(job);
      onEvent?.({ type: 'queued', job });
    };
    const queuedAt = (): string => this.options.clock().toISOString();
    for (const given of paths) {
      let files: string[];
      try {
        files = await filesUnder(resolve(given));
      } catch (error) {
        add(this.repos.importJobs.add({ batch, path: resolve(given), name: basename(given), sha256: null, size: null, storedAs: null, state: 'failed', message: readErrorMessage(given, error), filingId: null, queuedAt: queuedAt(), queuedBy: actor }));
        continue;
      }
      for (const file of files) add(await this.enqueueFile(batch, file, actor, queuedAt()));
    }
    return { batch, jobs };
  }

  /**
   * Queues one file given as bytes (a file the web page uploads), kept in the store like any other;
   * `from` says where it came from in messages and in the source's record.
   */
  async enqueueBytes(file: { name: string; from: string; bytes: Uint8Array }, actor: string, onEvent?: (event: ImportEvent) => void): Promise<{ batch: string; jobs: ImportJob[] }> {
    const batch = randomUUID();
    const job = await this.queueContent({ batch, path: file.from, name: file.name, queuedAt: this.options.clock().toISOString(), queuedBy: actor }, file.bytes);
    onEvent?.({ type: 'queued', job });
    return { batch, jobs: [job] };
  }

  private async enqueueFile(batch: string, path: string, actor: string, at: string): Promise<ImportJob> {
    const base = { batch, path, name: basename(path), queuedAt: at, queuedBy: actor };
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (error) {
      return this.repos.importJobs.add({ ...base, sha256: null, size: null, storedAs: null, state: 'failed', message: readErrorMessage(path, error), filingId: null });
    }
    return this.queueContent(base, bytes);
  }

  /** Skips content already imported or queued; otherwise keeps a copy in the store and queues it. */
  private async queueContent(base: { batch: string; path: string; name: string; queuedAt: string; queuedBy: string }, bytes: Uint8Array): Promise<ImportJob> {
    const name = base.name;
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const known = this.repos.importJobs.liveWithSha256(sha256);
    if (known !== null) {
      const message = known.state === 'done' ? `already imported as ${this.filingsMadeBy(known)} (from ${known.name})` : `already queued (job #${known.id}, ${known.name})`;
      return this.repos.importJobs.add({ ...base, sha256, size: bytes.length, storedAs: known.storedAs, state: 'skipped', message, filingId: known.filingId });
    }
    const storedAs = originalPath(sha256, name);
    try {
      await writeStoreFile(this.repos.store.layout, storedAs, bytes);
    } catch (error) {
      const message = `${name}: cannot keep a copy in the store: ${describeStorageError(error) ?? (error as Error).message}`;
      return this.repos.importJobs.add({ ...base, sha256, size: bytes.length, storedAs: null, state: 'failed', message, filingId: null });
    }
    return this.repos.importJobs.add({ ...base, sha256, size: bytes.length, storedAs, state: 'queued', message: null, filingId: null });
  }

  /** Works through every open job until none is left or `signal` cancels; a cancelled job goes back to the queue. */
  async run(options: { signal?: AbortSignal; onEvent?: (event: ImportEvent) => void } = {}): Promise<ImportRunResult> {
    const signal = options.signal ?? new AbortController().signal;
    const finished: ImportJob[] = [];
    const seen = new Set<number>();
    let cancelled = false;
    for (;;) {
      const pending = this.openJobs().filter((job) => !seen.has(job.id) && this.claimable(job));
      if (pending.length === 0 || cancelled) break;
      const total = finished.length + pending.length;
      for (const job of pending) {
        if (signal.aborted) {
          cancelled = true;
          break;
        }
        seen.add(job.id);
        const claimant = job.state === 'running' ? job.claimedBy : null;
        if (!this.repos.importJobs.claim(job.id, this.pid, claimant)) continue;
        const position = finished.length + 1;
        this.inFlight.add(job.id);
        try {
          options.onEvent?.({ type: 'started', job, position, total });
          const outcome = await this.process(job, signal, (progress) => options.onEvent?.({ type: 'progress', job, position, total, progress }));
          if (outcome === 'cancelled') {
            this.repos.importJobs.release(job.id, this.pid);
            cancelled = true;
            break;
          }
          const final = this.repos.importJobs.get(job.id) ?? outcome;
          finished.push(final);
          options.onEvent?.({ type: 'finished', job: final, position, total });
        } finally {
          this.inFlight.delete(job.id);
        }
      }
    }
    return { finished, remaining: this.openJobs().length, cancelled };
  }

  /**
   * The filings of a job's file in page order (several when it held them back to back): the ones a
   * done job stored, or for a skipped one those stored when the same content was imported before.
   */
  filingIdsOf(job: ImportJob): number[] {
    const sourceId = job.sourceId ?? (job.sha256 === null ? null : (this.repos.sources.bySha256(job.sha256)?.id ?? null));
    if (sourceId !== null && (job.state === 'done' || job.state === 'skipped')) return this.repos.filings.idsFromSource(sourceId);
    return [];
  }

  /** "filing #4", or "filings #4, #5" for a file that held several. */
  private filingsMadeBy(job: ImportJob): string {
    return describeFilings(this.filingIdsOf(job));
  }

  private claimable(job: ImportJob): boolean {
    if (job.state === 'queued') return true;
    if (job.claimedBy === null) return true;
    if (job.claimedBy === this.pid) return !this.inFlight.has(job.id);
    return !this.isProcessAlive(job.claimedBy);
  }

  /** Extracts and stores one claimed job; returns the job as finished, or 'cancelled'. */
  private async process(job: ImportJob, signal: AbortSignal, onProgress: (progress: ExtractProgress) => void): Promise<ImportJob | 'cancelled'> {
    const fail = (message: string): ImportJob => this.finish(job, { state: 'failed', message, sourceId: null, filingId: null });
    if (job.storedAs === null || job.sha256 === null) return fail(`${job.name}: the queued copy is missing`);
    const layout = this.repos.store.layout;
    let extracted: ExtractedSource;
    try {
      const bytes = await readStoreFile(layout, job.storedAs);
      if (createHash('sha256').update(bytes).digest('hex') !== job.sha256) return fail(`${job.name}: the store's copy of the file is damaged; import it again`);
      // A plain Uint8Array, not Node's Buffer subclass: pdf.js refuses Buffers.
      extracted = await this.options.extract({ path: job.path, name: job.name, bytes: new Uint8Array(bytes) }, { signal, onProgress });
    } catch (error) {
      if (signal.aborted || (error as Error).name === 'AbortError') return 'cancelled';
      return fail(extractionFailure(job.name, error));
    }
    if (extracted.extractions.length === 0) return fail(`${job.name}: not a Form 4 (no filing was found in it)`);
    try {
      const pageImages = new Map<number, string>();
      for (const image of extracted.pageImages ?? []) {
        const relative = pageImagePath(job.sha256, image.page, image.extension);
        await writeStoreFile(layout, relative, image.bytes);
        pageImages.set(image.page, relative);
      }
      return this.store(job, extracted, pageImages);
    } catch (error) {
      if (error instanceof LostClaimError) return this.repos.importJobs.get(job.id) ?? job;
      return fail(`${job.name}: ${describeStorageError(error) ?? `could not be stored: ${(error as Error).message}`}`);
    }
  }

  /** Everything about one imported file, in one transaction with the job's completion. */
  private store(job: ImportJob, extracted: ExtractedSource, pageImages: ReadonlyMap<number, string>): ImportJob {
    const sha256 = job.sha256 as string;
    const storedAs = job.storedAs as string;
    const actor = job.queuedBy;
    this.repos.store.transaction(() => {
      const at = this.options.clock().toISOString();
      const existing = this.repos.importJobs.liveWithSha256(sha256);
      if (existing !== null && existing.id !== job.id && existing.state === 'done') {
        this.finishOrThrow(job, { state: 'skipped', message: `already imported as ${this.filingsMadeBy(existing)} (from ${existing.name})`, sourceId: existing.sourceId, filingId: existing.filingId, at });
        return;
      }
      const { document } = extracted;
      const sourceId = this.repos.sources.insert({
        sha256,
        name: job.name,
        importedFrom: job.path,
        mediaType: extracted.mediaType ?? MEDIA_TYPES[extname(job.name).toLowerCase()] ?? 'application/octet-stream',
        size: job.size ?? 0,
        storedAs,
        origin: document.origin,
        importedAt: at,
        importedBy: actor,
        document,
        pageImages,
      });
      // In page order, so each filing's store rules see the ones before it (two copies of one filing in a scan are duplicates).
      const made = extracted.extractions.map((extraction) => ({ id: this.storeFiling(job, sourceId, extraction, at), pages: extraction.pages }));
      const message = made.length === 1 ? null : `split into ${made.length} filings: ${made.map((filing) => `#${filing.id} (${describePages(filing.pages)})`).join(', ')}`;
      this.finishOrThrow(job, { state: 'done', message, sourceId, filingId: made[0]!.id, at });
    });
    return this.repos.importJobs.get(job.id) ?? job;
  }

  /** One filing of an imported file: its fields with their provenance, findings, audit row; its neighbours rechecked. */
  private storeFiling(job: ImportJob, sourceId: number, extraction: ExtractedFiling, at: string): number {
    const pages = extraction.pages.length === 0 ? null : { first: Math.min(...extraction.pages), last: Math.max(...extraction.pages) };
    const filingId = this.repos.filings.insert({ sourceId, document: extraction.filing, at, pages });
    const paths = new Set([...Object.keys(extraction.confidence), ...Object.keys(extraction.sources), ...Object.keys(extraction.guesses)]);
    for (const path of paths) {
      this.repos.filings.upsertField(filingId, {
        path,
        confidence: extraction.confidence[path] ?? null,
        guess: extraction.guesses[path] ?? null,
        source: extraction.sources[path] ?? null,
        setBy: null,
        setAt: null,
      });
    }
    this.repos.filings.replaceFindings(filingId, this.checks.findingsFor(filingId, extraction.filing, this.repos.filings.fields(filingId)));
    this.repos.audit.append({
      at,
      actor: job.queuedBy,
      filingId,
      action: 'import',
      newValue: JSON.stringify({ file: job.name, sha256: job.sha256, pages: extraction.pages }),
      stateHash: filingStateHash(extraction.filing, 'needs-review'),
    });
    this.checks.recheckNeighbours(filingId, [extraction.filing], false);
    return filingId;
  }

  private finishOrThrow(job: ImportJob, outcome: { state: 'done' | 'skipped'; message: string | null; sourceId: number | null; filingId: number | null; at: string }): void {
    if (!this.repos.importJobs.finish(job.id, this.pid, outcome)) throw new LostClaimError(`job #${job.id} was taken over by another process`);
  }

  /** Records a failure; when even that cannot be written (disk full) the job stays claimed for the next run. */
  private finish(job: ImportJob, outcome: { state: 'failed'; message: string; sourceId: null; filingId: null }): ImportJob {
    try {
      this.repos.store.transaction(() => this.repos.importJobs.finish(job.id, this.pid, { ...outcome, at: this.options.clock().toISOString() }));
      return this.repos.importJobs.get(job.id) ?? job;
    } catch (error) {
      return { ...job, state: 'failed', message: `${outcome.message} (not recorded: ${describeStorageError(error) ?? (error as Error).message})` };
    }
  }
}

/** Every importable file under `path` (itself when it is a file), in name order. */
async function filesUnder(path: string): Promise<string[]> {
  const info = await stat(path);
  if (!info.isDirectory()) return [path];
  const entries = await readdir(path, { withFileTypes: true });
  const files: string[] = [];
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith('.')) continue;
    const child = join(path, entry.name);
    if (entry.isDirectory()) files.push(...(await filesUnder(child)));
    else if (entry.isFile() && IMPORTABLE_EXTENSIONS.has(extname(entry.name).toLowerCase())) files.push(child);
  }
  return files;
}

function readErrorMessage(path: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const what = code === 'ENOENT' ? 'no such file or folder' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : (error as Error).message;
  return `${path}: ${what}`;
}

/** "filing #4", or "filings #4, #5". */
export function describeFilings(ids: readonly number[]): string {
  return ids.length === 1 ? `filing #${ids[0]}` : `filings ${ids.map((id) => `#${id}`).join(', ')}`;
}

/** "page 2", "pages 2-4". */
function describePages(pages: readonly number[]): string {
  if (pages.length === 0) return 'every page';
  const first = Math.min(...pages);
  const last = Math.max(...pages);
  return first === last ? `page ${first}` : `pages ${first}-${last}`;
}

function extractionFailure(name: string, error: unknown): string {
  const failure = error as Error;
  if (failure.name === 'NotAForm4Error') return `${name}: not a Form 4 (${failure.message})`;
  if (failure.name === 'IngestError') return failure.message;
  return `${name}: ${failure.message}`;
}
