// The filing's audit trail as main wrote it: every change, decision and override, newest first.
import { useEffect, useState } from 'react';
import type { AuditRow } from '../../shared/views.js';
import { useCall } from '../app/app-context.js';

function shortValue(json: string | null): string {
  if (json === null) return '';
  try {
    const value: unknown = JSON.parse(json);
    if (value === null) return '(empty)';
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    return text.length > 80 ? `${text.slice(0, 77)}…` : text;
  } catch {
    return json;
  }
}

export function HistoryPanel({ id, version, onClose }: { id: number; version: number; onClose(): void }) {
  const call = useCall();
  const [rows, setRows] = useState<AuditRow[] | null>(null);
  useEffect(() => {
    let alive = true;
    void call('filings:history', { id }).then((result) => {
      if (alive && result.ok) setRows([...result.value].reverse());
    });
    return () => {
      alive = false;
    };
  }, [call, id, version]);
  return (
    <aside className="history" data-testid="history-panel" aria-label="History">
      <header className="section-header">
        <span>History</span>
        <button type="button" className="icon-button" aria-label="Close the history" tabIndex={-1} onClick={onClose}>
          ×
        </button>
      </header>
      {rows === null ? (
        <p className="muted pad">Loading…</p>
      ) : rows.length === 0 ? (
        <p className="muted pad">Nothing recorded yet.</p>
      ) : (
        <ol className="history-list">
          {rows.map((row) => (
            <li key={row.seq} className={`history-row action-${row.action}`} data-testid="history-row" data-action={row.action}>
              <div className="history-head">
                <span className="history-action">{row.action}</span>
                {row.path === null ? null : <code className="history-path">{row.path}</code>}
                <span className="muted history-when">
                  {new Date(row.at).toLocaleString()} · {row.actor}
                </span>
              </div>
              {row.oldValue !== null || row.newValue !== null ? (
                <div className="history-change">
                  <span className="old">{shortValue(row.oldValue)}</span>
                  <span className="arrow">→</span>
                  <span className="new">{shortValue(row.newValue)}</span>
                </div>
              ) : null}
              {row.reason === null ? null : <div className="history-reason">“{row.reason}”</div>}
            </li>
          ))}
        </ol>
      )}
    </aside>
  );
}
