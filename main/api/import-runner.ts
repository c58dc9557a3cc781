// One import run at a time in the background. Files queued while it runs join it (the import
// service's run picks up every job queued before it ends); a cancel stops it after the page in hand
// and leaves the rest queued for the next run. Every step is an 'import:progress' event, every
// imported filing a 'filings:changed'.
import type { ImportState } from '../../shared/api.js';
import type { ImportEvent, ImportJob } from '../../shared/views.js';
import type { ImportJobsRepository } from '../store/import-jobs-repository.js';
import type { ImportService } from '../workflow/import-service.js';
import type { Emit } from './event-hub.js';

/** The most jobs 'import:state' lists (a folder of more still imports; the list shows the first). */
const STATE_JOBS_LIMIT = 10_000;

export class ImportRunner {
  private running: Promise<void> | null = null;
  private controller: AbortController | null = null;
  /** The first job of the batches since the latest run began: what 'import:state' lists. */
  private sessionStart: number | null = null;
  private closed = false;

  constructor(
    private readonly service: ImportService,
    private readonly jobs: ImportJobsRepository,
    private readonly emit: Emit,
    private readonly log: (line: string) => void,
    /** Told of each filing an import made (its page images get display copies). */
    private readonly imported: (filingId: number) => void = () => undefined,
  ) {}

  readonly onEvent = (event: ImportEvent): void => {
    this.emit('import:progress', event);
    if (event.type === 'finished' && event.job.state === 'done' && event.job.filingId !== null) {
      this.emit('filings:changed', { ids: [event.job.filingId] });
      this.imported(event.job.filingId);
    }
  };

  /** Queues files by path and makes sure a run is going. */
  async enqueuePaths(paths: readonly string[], actor: string): Promise<ImportJob[]> {
    const { jobs } = await this.service.enqueue(paths, actor, this.onEvent);
    return this.started(jobs);
  }

  /** Queues one uploaded file and makes sure a run is going. */
  async enqueueBytes(file: { name: string; from: string; bytes: Uint8Array }, actor: string): Promise<ImportJob[]> {
    const { jobs } = await this.service.enqueueBytes(file, actor, this.onEvent);
    return this.started(jobs);
  }

  /** Finishes the jobs a crash (or a cancel) left open. */
  resume(): void {
    const open = this.service.openJobs();
    if (open.length === 0) return;
    if (this.running === null) this.sessionStart = Math.min(...open.map((job) => job.id));
    this.start();
  }

  state(): ImportState {
    return { jobs: this.sessionStart === null ? [] : this.jobs.since(this.sessionStart, STATE_JOBS_LIMIT), running: this.running !== null };
  }

  /** Stops the run after the page in hand; false when none was going. */
  cancel(): boolean {
    if (this.controller === null) return false;
    this.controller.abort();
    return true;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.cancel();
    await this.running;
  }

  private started(jobs: ImportJob[]): ImportJob[] {
    const first = jobs[0];
    if (this.running === null && first !== undefined) this.sessionStart = first.id;
    if (jobs.some((job) => job.state === 'queued')) this.start();
    return jobs;
  }

  private start(): void {
    if (this.running !== null || this.closed) return;
    const controller = new AbortController();
    this.controller = controller;
    this.emit('import:running', { running: true });
    this.running = (async () => {
      try {
        for (;;) {
          const result = await this.service.run({ signal: controller.signal, onEvent: this.onEvent });
          // A job queued after the run's last look is left for no one unless this run goes on; the
          // check and the end below happen with nothing in between, so no job can slip past both.
          if (result.cancelled || controller.signal.aborted) break;
          if (!this.service.openJobs().some((job) => job.state === 'queued')) break;
        }
      } catch (error) {
        this.log(`form4: the import run stopped: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      } finally {
        this.running = null;
        this.controller = null;
        this.emit('import:running', { running: false });
      }
    })();
  }
}
