// The import run as it happens: the overall bar, a bar per file with its stage, and each failure
// with its reason. Cancel stops after the page in hand; the panel can be folded or cleared.
import { useEffect, useRef, useState } from 'react';
import { summarize, type FileProgress, type ImportProgress } from './import-progress.js';

const SHOWN_FILES = 300;

function FileRow({ file }: { file: FileProgress }) {
  return (
    <li className={`import-file import-${file.state}`} data-testid="import-file" data-state={file.state} data-name={file.name}>
      <div className="import-file-line">
        <span className="import-file-name" title={file.name}>
          {file.name}
        </span>
        <span className="import-file-stage">{file.state === 'failed' ? 'failed' : file.state === 'skipped' ? 'skipped' : file.stage}</span>
      </div>
      {file.state === 'running' || file.state === 'queued' ? (
        <div className={`bar${file.state === 'running' && file.fraction === 0 ? ' indeterminate' : ''}`} role="progressbar" aria-valuenow={Math.round(file.fraction * 100)} aria-valuemin={0} aria-valuemax={100}>
          <div className="bar-fill" style={{ width: `${file.fraction * 100}%` }} />
        </div>
      ) : null}
      {file.message !== null && (file.state === 'failed' || file.state === 'skipped') ? (
        <div className="import-file-message" data-testid="import-failure">
          {file.message}
        </div>
      ) : null}
    </li>
  );
}

export function ImportPanel({ progress, uploading, onCancel, onClear }: { progress: ImportProgress; uploading: number; onCancel(): void; onClear(): void }) {
  const summary = summarize(progress);
  // Open while files are read and when one failed; folded once a run finished cleanly, so it does not cover the form.
  const [folded, setFolded] = useState(!progress.running);
  const was = useRef({ running: progress.running, failed: summary.failed });
  useEffect(() => {
    // A new failure always shows its reason.
    if ((progress.running && !was.current.running) || summary.failed > was.current.failed) setFolded(false);
    else if (!progress.running && was.current.running && summary.failed === 0) setFolded(true);
    was.current = { running: progress.running, failed: summary.failed };
  }, [progress.running, summary.failed]);
  if (progress.files.length === 0 && uploading === 0) return null;
  // Failures first so a reason is never scrolled away; then the running and queued files.
  const order = { failed: 0, running: 1, queued: 2, skipped: 3, done: 4 } as const;
  const files = [...progress.files].sort((a, b) => order[a.state] - order[b.state]).slice(0, SHOWN_FILES);
  return (
    <section
      className={`import-panel${folded ? ' folded' : ''}`}
      data-testid="import-panel"
      data-running={progress.running ? 'true' : 'false'}
      data-total={summary.total}
      data-done={summary.done}
      data-skipped={summary.skipped}
      data-failed={summary.failed}
      aria-label="Import"
    >
      <header className="import-header">
        <button type="button" className="import-title" onClick={() => setFolded(!folded)} aria-expanded={!folded} tabIndex={-1}>
          <span className="chevron">{folded ? '▸' : '▾'}</span>
          {progress.running || uploading > 0 ? 'Importing' : 'Import finished'}
          <span className="import-counts" data-testid="import-counts">
            {summary.done + summary.skipped + summary.failed}/{summary.total}
            {summary.failed > 0 ? <span className="count-error"> · {summary.failed} failed</span> : null}
            {summary.skipped > 0 ? <span className="muted"> · {summary.skipped} skipped</span> : null}
            {uploading > 0 ? <span className="muted"> · sending {uploading}</span> : null}
          </span>
        </button>
        {progress.running ? (
          <button type="button" className="button small" data-testid="import-cancel" onClick={onCancel}>
            Cancel
          </button>
        ) : (
          <button type="button" className="button small" data-testid="import-clear" onClick={onClear}>
            Clear
          </button>
        )}
      </header>
      <div className="bar bar-overall" data-testid="import-overall" role="progressbar" aria-valuenow={Math.round(summary.overall * 100)} aria-valuemin={0} aria-valuemax={100}>
        <div className="bar-fill" style={{ width: `${summary.overall * 100}%` }} />
      </div>
      {/* Folded, the rows stay in the page (hidden), so their states can still be read. */}
      <ul className="import-files" hidden={folded}>
        {files.map((file) => (
          <FileRow key={file.jobId} file={file} />
        ))}
        {progress.files.length > SHOWN_FILES ? <li className="muted">… and {progress.files.length - SHOWN_FILES} more</li> : null}
      </ul>
    </section>
  );
}
