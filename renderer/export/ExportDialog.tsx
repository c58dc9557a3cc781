// Exporting approved filings: the format, an optional "approved since" date, the destination (the
// native folder dialog in Electron, else the default folder in the data folder), what will be
// written, then the files written and any filing left out with why.
import { useEffect, useState } from 'react';
import type { ExportPreview } from '../../shared/api.js';
import { EXPORT_FORMATS, type ExportFormat, type ExportResult } from '../../shared/views.js';
import { useApp, useCall } from '../app/app-context.js';
import { Dialog } from '../app/Dialog.js';

const FORMAT_LABELS: Record<ExportFormat, string> = { xml: 'EDGAR XML (one file per filing)', csv: 'CSV (one row per transaction)', json: 'JSON (schema shape)' };

export function ExportDialog({ onClose }: { onClose(): void }) {
  const { info, notify } = useApp();
  const call = useCall();
  const [format, setFormat] = useState<ExportFormat>('xml');
  const [since, setSince] = useState('');
  const [outDir, setOutDir] = useState<string | null>(null);
  const [preview, setPreview] = useState<ExportPreview | null>(null);
  const [running, setRunning] = useState(false);
  const [result, setResult] = useState<ExportResult | null>(null);
  const sinceValid = since === '' || /^\d{4}-\d{2}-\d{2}$/.test(since);

  useEffect(() => {
    if (!sinceValid) return;
    let alive = true;
    setPreview(null);
    void call('export:preview', { format, ...(since === '' ? {} : { since }) }).then((answer) => {
      if (alive && answer.ok) setPreview(answer.value);
    });
    return () => {
      alive = false;
    };
  }, [call, format, since, sinceValid]);

  const chooseFolder = async (): Promise<void> => {
    const answer = await call('export:chooseFolder', {});
    if (answer.ok && answer.value !== null) setOutDir(answer.value);
  };

  const run = async (): Promise<void> => {
    if (running || !sinceValid) return;
    setRunning(true);
    const answer = await call('export:run', { format, ...(since === '' ? {} : { since }), ...(outDir === null ? {} : { outDir }) });
    setRunning(false);
    if (!answer.ok) return;
    setResult(answer.value);
    notify(answer.value.exported.length > 0 ? 'success' : 'info', `Exported ${answer.value.exported.length} filing(s) to ${answer.value.files.length} file(s).`);
  };

  const count = preview?.filings.length ?? 0;
  return (
    <Dialog
      title="Export approved filings"
      testId="export-dialog"
      onClose={onClose}
      onSubmit={() => void (result === null ? run() : onClose())}
      wide
      footer={
        result === null ? (
          <>
            <span className="muted">{preview === null ? 'Looking…' : `${count} filing${count === 1 ? '' : 's'} to export`}</span>
            <button type="button" className="button" onClick={onClose}>
              Cancel
            </button>
            <button type="button" className="button primary" data-testid="export-run" disabled={running || preview === null || count === 0 || !sinceValid} onClick={() => void run()}>
              {running ? 'Exporting…' : 'Export'}
            </button>
          </>
        ) : (
          <button type="button" className="button primary" data-testid="export-done" onClick={onClose}>
            Done
          </button>
        )
      }
    >
      {result === null ? (
        <div className="export-form">
          <fieldset className="export-formats">
            <legend>Format</legend>
            {EXPORT_FORMATS.map((item) => (
              <label key={item} className="radio">
                <input type="radio" name="export-format" value={item} checked={format === item} data-testid={`export-format-${item}`} data-autofocus={item === format ? true : undefined} onChange={() => setFormat(item)} />
                {FORMAT_LABELS[item]}
              </label>
            ))}
          </fieldset>
          <label className="block-label">
            Approved since <span className="muted">(optional)</span>
            <input className={`text-input narrow${sinceValid ? '' : ' invalid'}`} type="text" placeholder="YYYY-MM-DD" value={since} data-testid="export-since" onChange={(event) => setSince(event.target.value.trim())} />
          </label>
          <div className="block-label">
            Destination
            <div className="destination">
              <code data-testid="export-destination">{outDir ?? preview?.defaultOutDir ?? '…'}</code>
              {info.nativeDialogs ? (
                <button type="button" className="button small" data-testid="export-choose-folder" onClick={() => void chooseFolder()}>
                  Choose folder…
                </button>
              ) : (
                <span className="muted">a new folder inside the data folder</span>
              )}
            </div>
          </div>
          <div className="export-preview" data-testid="export-preview">
            {preview === null ? (
              <p className="muted">…</p>
            ) : count === 0 ? (
              <p className="muted">No approved filing{since === '' ? '' : ` since ${since}`} to export.</p>
            ) : (
              <table className="mini-table">
                <thead>
                  <tr>
                    <th>#</th>
                    <th>Reporting person</th>
                    <th>Issuer</th>
                    <th>Ticker</th>
                    <th>Period</th>
                    <th>Approved</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.filings.map((filing) => (
                    <tr key={filing.id} data-testid="export-preview-row">
                      <td className="num">{filing.id}</td>
                      <td>{filing.reportingPerson}</td>
                      <td>{filing.issuer}</td>
                      <td>{filing.ticker}</td>
                      <td>{filing.periodOfReport ?? '—'}</td>
                      <td>{filing.approvedAt === null ? '—' : new Date(filing.approvedAt).toLocaleDateString()}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        </div>
      ) : (
        <div className="export-result" data-testid="export-result">
          <p>
            Exported {result.exported.length} filing{result.exported.length === 1 ? '' : 's'}
            {result.exportId === null ? '' : ` (export #${result.exportId})`}.
          </p>
          {result.files.length > 0 ? (
            <>
              <h3>Files written</h3>
              <ul className="file-list">
                {result.files.map((file) => (
                  <li key={file} data-testid="export-file">
                    <code>{file}</code>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {result.problems.length > 0 ? (
            <>
              <h3 className="count-error">Left out</h3>
              <ul className="file-list">
                {result.problems.map((problem) => (
                  <li key={problem.filingId} data-testid="export-problem">
                    #{problem.filingId}: {problem.message}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </div>
      )}
    </Dialog>
  );
}
