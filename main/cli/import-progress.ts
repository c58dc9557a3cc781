// Import progress on stderr: a bar redrawn in place on a terminal, plain lines otherwise (a log file,
// a CI job). Skipped and failed files always get a line of their own, so nothing scrolls away unseen.
import type { ImportJob } from '../store/import-jobs-repository.js';
import type { ImportEvent } from '../workflow/import-service.js';

const BAR_WIDTH = 24;

export function outcomeLine(job: ImportJob): string {
  switch (job.state) {
    case 'done':
      // A file holding several filings says which filing came from which pages in its message.
      return job.message === null ? `${job.name}: imported as filing #${job.filingId}` : `${job.name}: imported, ${job.message}`;
    case 'skipped':
      return `${job.name}: skipped, ${job.message ?? 'already in the store'}`;
    case 'failed':
      return `${job.name}: failed: ${job.message ?? 'unknown error'}`;
    default:
      return `${job.name}: ${job.state}`;
  }
}

export function importProgress(stream: NodeJS.WriteStream): (event: ImportEvent) => void {
  const tty = stream.isTTY === true;
  let barShown = false;
  const clearBar = (): void => {
    if (barShown) stream.write('\r\x1b[2K');
    barShown = false;
  };
  const drawBar = (position: number, total: number, fraction: number, label: string): void => {
    const done = Math.min(1, (position - 1 + fraction) / Math.max(total, 1));
    const filled = Math.round(done * BAR_WIDTH);
    const columns = stream.columns ?? 80;
    const text = `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${position}/${total} ${label}`;
    stream.write(`\r\x1b[2K${text.slice(0, columns - 1)}`);
    barShown = true;
  };
  return (event) => {
    switch (event.type) {
      case 'queued':
        if (event.job.state !== 'queued') {
          clearBar();
          stream.write(`${outcomeLine(event.job)}\n`);
        }
        return;
      case 'started':
        if (tty) drawBar(event.position, event.total, 0, event.job.name);
        else stream.write(`[${event.position}/${event.total}] ${event.job.name}: reading\n`);
        return;
      case 'progress':
        if (tty) drawBar(event.position, event.total, event.progress.fraction ?? 0, `${event.job.name} ${event.progress.stage}`);
        return;
      case 'finished':
        clearBar();
        if (tty && event.job.state === 'done') drawBar(event.position, event.total, 1, outcomeLine(event.job));
        else stream.write(`${tty ? '' : `[${event.position}/${event.total}] `}${outcomeLine(event.job)}\n`);
        if (tty && event.position === event.total) clearBar();
        return;
    }
  };
}
