// The import panel's state: one entry per file with its stage and fraction, folded from the
// 'import:state' answer and then each 'import:progress' event, and the overall fraction of the run.
import type { ImportState } from '../../shared/api.js';
import type { ImportEvent, ImportJob, ImportJobState } from '../../shared/views.js';

export interface FileProgress {
  jobId: number;
  batch: string;
  name: string;
  state: ImportJobState;
  /** 0-1 through this file. */
  fraction: number;
  stage: string;
  message: string | null;
  filingId: number | null;
}

export interface ImportProgress {
  /** Files in the order they were queued. */
  files: FileProgress[];
  running: boolean;
}

export const NO_IMPORTS: ImportProgress = { files: [], running: false };

const FINISHED: readonly ImportJobState[] = ['done', 'skipped', 'failed'];

function fromJob(job: ImportJob, previous: FileProgress | undefined): FileProgress {
  const finished = FINISHED.includes(job.state);
  return {
    jobId: job.id,
    batch: job.batch,
    name: job.name,
    state: job.state,
    fraction: finished ? 1 : (previous?.fraction ?? 0),
    stage: finished ? job.state : job.state === 'queued' ? 'queued' : (previous?.stage ?? 'starting'),
    message: job.message,
    filingId: job.filingId,
  };
}

export function progressFromState(state: ImportState): ImportProgress {
  return { files: state.jobs.map((job) => fromJob(job, undefined)), running: state.running };
}

export function applyImportEvent(progress: ImportProgress, event: ImportEvent): ImportProgress {
  const index = progress.files.findIndex((file) => file.jobId === event.job.id);
  // The answer of the call that queued a job can come after the job's own events (a file that
  // fails at once): it must not put the job back to queued.
  if (event.type === 'queued' && index !== -1) return progress;
  const previous = index === -1 ? undefined : progress.files[index];
  let next = fromJob(event.job, previous);
  if (event.type === 'progress') {
    next = { ...next, fraction: Math.min(1, Math.max(0, event.progress.fraction ?? next.fraction)), stage: event.progress.stage };
  } else if (event.type === 'started') {
    next = { ...next, fraction: 0, stage: 'starting' };
  }
  const files = index === -1 ? [...progress.files, next] : progress.files.map((file, at) => (at === index ? next : file));
  return { files, running: event.type === 'finished' ? progress.running : true };
}

/**
 * A person starts another import: the files earlier runs finished cleanly leave the panel; failed
 * ones stay, with their reasons, until cleared, and files still queued or running stay.
 */
export function forNewImport(progress: ImportProgress): ImportProgress {
  return { ...progress, files: progress.files.filter((file) => file.state !== 'done' && file.state !== 'skipped') };
}

export function setRunning(progress: ImportProgress, running: boolean): ImportProgress {
  return { ...progress, running };
}

export interface ImportSummary {
  total: number;
  done: number;
  skipped: number;
  failed: number;
  /** 0-1 over every file: finished ones count whole, the running one by its fraction. */
  overall: number;
}

export function summarize(progress: ImportProgress): ImportSummary {
  const count = (state: ImportJobState): number => progress.files.filter((file) => file.state === state).length;
  const total = progress.files.length;
  const sum = progress.files.reduce((acc, file) => acc + (FINISHED.includes(file.state) ? 1 : file.state === 'running' ? file.fraction : 0), 0);
  return { total, done: count('done'), skipped: count('skipped'), failed: count('failed'), overall: total === 0 ? 0 : sum / total };
}
