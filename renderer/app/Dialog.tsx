// A modal dialog: focus moves in and stays in (Tab wraps), Escape or the backdrop closes it, and the
// screen's keys are quiet while it is open. Ctrl+Enter runs the dialog's main action.
import { useEffect, useRef, type ReactNode } from 'react';
import { useApp } from './app-context.js';

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), textarea:not([disabled]), select:not([disabled]), [tabindex]:not([tabindex="-1"])';

export interface DialogProps {
  title: string;
  testId: string;
  onClose(): void;
  /** Runs on Ctrl/Cmd+Enter (the main button's action). */
  onSubmit?: () => void;
  children: ReactNode;
  footer?: ReactNode;
  wide?: boolean;
}

export function Dialog({ title, testId, onClose, onSubmit, children, footer, wide }: DialogProps) {
  const { modal } = useApp();
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const release = modal.open();
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const first = panel.current?.querySelector<HTMLElement>('[data-autofocus]') ?? panel.current?.querySelector<HTMLElement>(FOCUSABLE);
    first?.focus();
    return () => {
      release();
      previous?.focus();
    };
  }, [modal]);

  const onKeyDown = (event: React.KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && onSubmit !== undefined) {
      event.preventDefault();
      event.stopPropagation();
      onSubmit();
    } else if (event.key === 'Tab' && panel.current !== null) {
      const items = [...panel.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
      const first = items[0];
      const last = items.at(-1);
      if (first === undefined || last === undefined) return;
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first.focus();
      }
    }
    // Keys stay inside the dialog: the screen behind must not act on them.
    event.stopPropagation();
  };

  return (
    <div className="backdrop" onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <div ref={panel} className={`dialog${wide === true ? ' dialog-wide' : ''}`} role="dialog" aria-modal="true" aria-label={title} data-testid={testId} onKeyDown={onKeyDown}>
        <header className="dialog-header">
          <h2>{title}</h2>
          <button type="button" className="icon-button" aria-label="Close" tabIndex={-1} onClick={onClose}>
            ×
          </button>
        </header>
        <div className="dialog-body">{children}</div>
        {footer === undefined ? null : <footer className="dialog-footer">{footer}</footer>}
      </div>
    </div>
  );
}
