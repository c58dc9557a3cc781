// The durable import queue. A job is claimed by a process (its pid) while it runs; a claim whose
// process is gone (crash, kill -9) is taken over by the next run.
import type { Statement } from 'better-sqlite3';
import type { Store } from './database.js';
import type { ImportJobState, ImportJob } from '../../shared/views.js';
export { type ImportJobState, type ImportJob };

interface JobRow {
  id: number;
  batch: string;
  path: string;
  name: string;
  sha256: string | null;
  size: number | null;
  stored_as: string | null;
  state: ImportJobState;
  message: string | null;
  claimed_by: number | null;
  source_id: number | null;
  filing_id: number | null;
  queued_at: string;
  queued_by: string;
  finished_at: string | null;
}

function fromRow(row: JobRow): ImportJob {
  return {
    id: row.id,
    batch: row.batch,
    path: row.path,
    name: row.name,
    sha256: row.sha256,
    size: row.size,
    storedAs: row.stored_as,
    state: row.state,
    message: row.message,
    claimedBy: row.claimed_by,
    sourceId: row.source_id,
    filingId: row.filing_id,
    queuedAt: row.queued_at,
    queuedBy: row.queued_by,
    finishedAt: row.finished_at,
  };
}

export interface NewImportJob {
  batch: string;
  path: string;
  name: string;
  sha256: string | null;
  size: number | null;
  storedAs: string | null;
  state: 'queued' | 'skipped' | 'failed';
  message: string | null;
  filingId: number | null;
  queuedAt: string;
  queuedBy: string;
}

export class ImportJobsRepository {
  private readonly insertJob: Statement;
  private readonly openJobs: Statement<[], JobRow>;
  private readonly claimStatement: Statement<[number, number, number | null]>;
  private readonly finishStatement: Statement;
  private readonly releaseStatement: Statement<[number, number]>;
  private readonly byId: Statement<[number], JobRow>;
  private readonly liveBySha: Statement<[string], JobRow>;
  private readonly fromId: Statement<[number, number], JobRow>;

  constructor(private readonly store: Store) {
    const db = store.db;
    this.insertJob = db.prepare(
      `INSERT INTO import_jobs (batch, path, name, sha256, size, stored_as, state, message, filing_id, queued_at, queued_by, finished_at)
       VALUES (@batch, @path, @name, @sha256, @size, @stored_as, @state, @message, @filing_id, @queued_at, @queued_by,
         CASE WHEN @state IN ('skipped', 'failed') THEN @queued_at END)`,
    );
    this.openJobs = db.prepare("SELECT * FROM import_jobs WHERE state IN ('queued', 'running') ORDER BY id");
    // Takes a queued job, or a running one whose claimant is known to be gone.
    this.claimStatement = db.prepare(
      "UPDATE import_jobs SET state = 'running', claimed_by = ? WHERE id = ? AND (state = 'queued' OR (state = 'running' AND claimed_by IS ?))",
    );
    this.finishStatement = db.prepare(
      `UPDATE import_jobs SET state = @state, message = @message, source_id = @source_id, filing_id = @filing_id, finished_at = @at
       WHERE id = @id AND state IN ('queued', 'running') AND (claimed_by IS NULL OR claimed_by = @claimed_by)`,
    );
    this.releaseStatement = db.prepare("UPDATE import_jobs SET state = 'queued', claimed_by = NULL WHERE id = ? AND state = 'running' AND claimed_by = ?");
    this.byId = db.prepare('SELECT * FROM import_jobs WHERE id = ?');
    this.liveBySha = db.prepare("SELECT * FROM import_jobs WHERE sha256 = ? AND state IN ('queued', 'running', 'done') ORDER BY id LIMIT 1");
    this.fromId = db.prepare('SELECT * FROM import_jobs WHERE id >= ? ORDER BY id LIMIT ?');
  }

  add(job: NewImportJob): ImportJob {
    const id = Number(
      this.insertJob.run({
        batch: job.batch,
        path: job.path,
        name: job.name,
        sha256: job.sha256,
        size: job.size,
        stored_as: job.storedAs,
        state: job.state,
        message: job.message,
        filing_id: job.filingId,
        queued_at: job.queuedAt,
        queued_by: job.queuedBy,
      }).lastInsertRowid,
    );
    return this.get(id) as ImportJob;
  }

  get(id: number): ImportJob | null {
    const row = this.byId.get(id);
    return row === undefined ? null : fromRow(row);
  }

  /** Jobs not finished, oldest first: queued ones and those a process was working on. */
  open(): ImportJob[] {
    return this.openJobs.all().map(fromRow);
  }

  /** Jobs from `id` on, oldest first, at most `limit`: the ones of the batches since a run began. */
  since(id: number, limit: number): ImportJob[] {
    return this.fromId.all(id, limit).map(fromRow);
  }

  /** A job with this content already queued, running or imported. */
  liveWithSha256(sha256: string): ImportJob | null {
    const row = this.liveBySha.get(sha256);
    return row === undefined ? null : fromRow(row);
  }

  /** Claims the job for `pid`; `staleClaimant` is the dead process whose running claim may be taken over. */
  claim(id: number, pid: number, staleClaimant: number | null): boolean {
    return this.claimStatement.run(pid, id, staleClaimant).changes === 1;
  }

  /** Gives a claimed job back to the queue (the run was cancelled before it finished). */
  release(id: number, pid: number): void {
    this.releaseStatement.run(id, pid);
  }

  /** Ends a job; false when another process took it over meanwhile (then this result must not be kept). */
  finish(id: number, pid: number, outcome: { state: 'done' | 'skipped' | 'failed'; message: string | null; sourceId: number | null; filingId: number | null; at: string }): boolean {
    return (
      this.finishStatement.run({
        id,
        claimed_by: pid,
        state: outcome.state,
        message: outcome.message,
        source_id: outcome.sourceId,
        filing_id: outcome.filingId,
        at: outcome.at,
      }).changes === 1
    );
  }
}
