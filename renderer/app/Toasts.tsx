// Non-blocking messages in a corner: every refused API call lands here with its message. Errors stay
// until dismissed or replaced by newer ones; the others fade after a few seconds.
import { useCallback, useRef, useState } from 'react';
import type { ToastKind } from './app-context.js';

export interface Toast {
  id: number;
  kind: ToastKind;
  message: string;
}

const MAX_SHOWN = 3;
const INFO_MS = 4000;
const ERROR_MS = 12000;

export function useToasts(): { toasts: Toast[]; notify: (kind: ToastKind, message: string) => void; dismiss: (id: number) => void } {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(1);
  const dismiss = useCallback((id: number) => setToasts((list) => list.filter((toast) => toast.id !== id)), []);
  const notify = useCallback(
    (kind: ToastKind, message: string) => {
      const id = next.current++;
      setToasts((list) => [...list.filter((toast) => !(toast.kind === kind && toast.message === message)), { id, kind, message }].slice(-MAX_SHOWN));
      window.setTimeout(() => dismiss(id), kind === 'error' ? ERROR_MS : INFO_MS);
    },
    [dismiss],
  );
  return { toasts, notify, dismiss };
}

export function Toasts({ toasts, dismiss }: { toasts: Toast[]; dismiss: (id: number) => void }) {
  return (
    <div className="toasts" role="status" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className={`toast toast-${toast.kind}`} data-testid="toast" data-kind={toast.kind}>
          <span className="toast-icon" aria-hidden="true">
            {toast.kind === 'error' ? '!' : toast.kind === 'success' ? '✓' : 'i'}
          </span>
          <span className="toast-message">{toast.message}</span>
          <button type="button" className="toast-close" aria-label="Dismiss" tabIndex={-1} onClick={() => dismiss(toast.id)}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
