// Approving with errors open needs a written reason for each (an override, kept in the audit
// trail); rejecting needs a reason. Main has the last word: a refusal is shown in the dialog.
import { useState } from 'react';
import type { Finding } from '../../shared/findings.js';
import { Dialog } from '../app/Dialog.js';

export interface OverrideInput {
  rule: Finding['rule'];
  path?: string;
  reason: string;
}

export function ApproveDialog({ errors, labelOf, busy, refusal, onApprove, onClose }: { errors: readonly Finding[]; labelOf(path: string): string; busy: boolean; refusal: string | null; onApprove(overrides: OverrideInput[]): void; onClose(): void }) {
  const [reasons, setReasons] = useState<string[]>(() => errors.map(() => ''));
  const missing = reasons.filter((reason) => reason.trim() === '').length;
  const submit = (): void => {
    if (missing > 0 || busy) return;
    onApprove(errors.map((error, index) => ({ rule: error.rule, ...(error.path === '' ? {} : { path: error.path }), reason: reasons[index]!.trim() })));
  };
  return (
    <Dialog
      title="Approve with open errors"
      testId="approve-dialog"
      onClose={onClose}
      onSubmit={submit}
      wide
      footer={
        <>
          <span className="muted">{missing > 0 ? `${missing} reason${missing === 1 ? '' : 's'} still to write` : 'Ctrl+Enter approves'}</span>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="button primary" data-testid="approve-confirm" disabled={missing > 0 || busy} onClick={submit}>
            Override and approve
          </button>
        </>
      }
    >
      <p>
        This filing has {errors.length} open error{errors.length === 1 ? '' : 's'}. Fix {errors.length === 1 ? 'it' : 'them'}, or write for each why the filing is right as it stands;
        every reason goes into the audit trail.
      </p>
      {refusal === null ? null : (
        <p className="refusal" role="alert" data-testid="approve-refusal">
          {refusal}
        </p>
      )}
      <ol className="override-list">
        {errors.map((error, index) => (
          <li key={`${error.rule}:${error.path}`} className="override" data-testid="override">
            <div className="override-head">
              <span className="severity-dot error" />
              <span className="finding-rule">{error.rule}</span>
              <span className="finding-field">{error.path === '' ? 'whole filing' : labelOf(error.path)}</span>
            </div>
            <div className="override-message">{error.message}</div>
            <input
              className="text-input"
              type="text"
              placeholder="Reason for overriding…"
              aria-label={`Reason for overriding ${error.rule}`}
              data-testid={`override-reason-${index}`}
              data-autofocus={index === 0 ? true : undefined}
              value={reasons[index] ?? ''}
              onChange={(event) => setReasons(reasons.map((reason, at) => (at === index ? event.target.value : reason)))}
              onKeyDown={(event) => {
                if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) {
                  event.preventDefault();
                  const next = event.currentTarget.closest('li')?.nextElementSibling?.querySelector('input');
                  if (next instanceof HTMLInputElement) next.focus();
                  else submit();
                }
              }}
            />
          </li>
        ))}
      </ol>
    </Dialog>
  );
}

export function RejectDialog({ busy, onReject, onClose }: { busy: boolean; onReject(reason: string): void; onClose(): void }) {
  const [reason, setReason] = useState('');
  const submit = (): void => {
    if (reason.trim() !== '' && !busy) onReject(reason.trim());
  };
  return (
    <Dialog
      title="Reject filing"
      testId="reject-dialog"
      onClose={onClose}
      onSubmit={submit}
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="button" className="button danger" data-testid="reject-confirm" disabled={reason.trim() === '' || busy} onClick={submit}>
            Reject
          </button>
        </>
      }
    >
      <label className="block-label" htmlFor="reject-reason">
        Why is it rejected? The reason goes into the audit trail.
      </label>
      <textarea id="reject-reason" className="text-input" rows={4} data-testid="reject-reason" data-autofocus value={reason} onChange={(event) => setReason(event.target.value)} />
      <p className="muted">Ctrl+Enter rejects.</p>
    </Dialog>
  );
}
