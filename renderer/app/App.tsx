// The window: the queue or the review of one filing, the import panel, the export dialog, the
// shortcuts overlay and the toasts. Keys and menu commands ('app:command') go through one command
// bus, bound from shared/keymap.ts; files dropped anywhere on the window are imported.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ApiClient, AppInfo } from '../../shared/api.js';
import { isCommandId } from '../../shared/keymap.js';
import { ExportDialog } from '../export/ExportDialog.js';
import { ImportPanel } from '../import/ImportPanel.js';
import { IMPORT_ACCEPT, useImporter } from '../import/use-import.js';
import { commandsForStroke, type Platform } from '../keys/accelerator.js';
import { DEFAULT_QUERY } from '../queue/queue-query.js';
import { QueueScreen, type QueueView } from '../queue/QueueScreen.js';
import { ReviewScreen } from '../review/ReviewScreen.js';
import { AppContext, useApp, useCommand, type AppServices } from './app-context.js';
import { CommandBus } from './command-bus.js';
import { ErrorBoundary } from './ErrorBoundary.js';
import { ShortcutsOverlay } from './ShortcutsOverlay.js';
import { Toasts, useToasts } from './Toasts.js';

export const PLATFORM: Platform = /Mac|iPhone|iPad/.test(navigator.platform) ? 'mac' : 'other';

type Screen = { name: 'queue' } | { name: 'review'; id: number };

/** Whether keys typed here are text: plain keys then type instead of acting. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file'].includes(target.type);
}

function Workspace() {
  const { api, bus, modal, info } = useApp();
  const [screen, setScreen] = useState<Screen>({ name: 'queue' });
  const [queueView, setQueueView] = useState<QueueView>({ query: DEFAULT_QUERY, selectedIndex: 0, selectedId: null, scrollTop: 0 });
  const [exporting, setExporting] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const [dropping, setDropping] = useState(false);
  const importer = useImporter();
  const screenRef = useRef(screen);
  screenRef.current = screen;

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.isComposing || modal.isOpen()) return;
      const ids = commandsForStroke(event, { screen: screenRef.current.name, typing: isTyping(event.target), platform: PLATFORM, menuHandles: info.transport === 'electron' });
      for (const id of ids) {
        if (bus.run(id)) {
          event.preventDefault();
          return;
        }
      }
    };
    window.addEventListener('keydown', onKeyDown);
    const offMenu = api.on('app:command', ({ command }) => {
      if (isCommandId(command) && !modal.isOpen()) bus.run(command);
    });
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      offMenu();
    };
  }, [api, bus, modal, info.transport]);

  useCommand('help.shortcuts', () => setHelpOpen(true));
  useCommand('import.files', importer.choose);
  useCommand('export.open', () => setExporting(true));

  const openFiling = useCallback((id: number) => setScreen({ name: 'review', id }), []);
  const backToQueue = useCallback(() => setScreen({ name: 'queue' }), []);

  // Dropping files anywhere imports them; dragging shows where they will go.
  useEffect(() => {
    let depth = 0;
    const hasFiles = (event: DragEvent): boolean => event.dataTransfer?.types.includes('Files') ?? false;
    const onEnter = (event: DragEvent): void => {
      if (!hasFiles(event)) return;
      depth += 1;
      setDropping(true);
    };
    const onLeave = (event: DragEvent): void => {
      if (!hasFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDropping(false);
    };
    const onOver = (event: DragEvent): void => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      if (event.dataTransfer !== null) event.dataTransfer.dropEffect = 'copy';
    };
    const onDrop = (event: DragEvent): void => {
      if (!hasFiles(event)) return;
      event.preventDefault();
      depth = 0;
      setDropping(false);
      void importer.importFiles([...(event.dataTransfer?.files ?? [])]);
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('dragover', onOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [importer.importFiles]);

  return (
    <div className="workspace">
      <ErrorBoundary onReset={backToQueue} resetKey={screen.name === 'review' ? screen.id : 'queue'}>
        {screen.name === 'queue' ? (
          <QueueScreen view={queueView} onView={setQueueView} onOpen={openFiling} onImport={importer.choose} onExport={() => setExporting(true)} />
        ) : (
          <ReviewScreen key={screen.id} id={screen.id} query={queueView.query} onNavigate={openFiling} onBack={backToQueue} />
        )}
      </ErrorBoundary>
      <ImportPanel progress={importer.progress} uploading={importer.uploading} onCancel={() => void importer.cancel()} onClear={importer.clear} />
      <input
        ref={importer.inputRef}
        type="file"
        multiple
        accept={IMPORT_ACCEPT}
        hidden
        data-testid="import-input"
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = '';
          void importer.importFiles(files);
        }}
      />
      {dropping ? (
        <div className="drop-overlay" data-testid="drop-overlay">
          <div className="drop-message">Drop to import</div>
        </div>
      ) : null}
      {exporting ? <ExportDialog onClose={() => setExporting(false)} /> : null}
      {helpOpen ? <ShortcutsOverlay platform={PLATFORM} onClose={() => setHelpOpen(false)} /> : null}
    </div>
  );
}

export function App({ api }: { api: ApiClient }) {
  const { toasts, notify, dismiss } = useToasts();
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const bus = useMemo(() => new CommandBus(), []);
  const modal = useMemo(() => {
    let open = 0;
    return {
      open: () => {
        open += 1;
        let released = false;
        return () => {
          if (!released) open -= 1;
          released = true;
        };
      },
      isOpen: () => open > 0,
    };
  }, []);

  const load = useCallback(() => {
    setFailure(null);
    void api.call('app:info', {}).then((result) => {
      if (result.ok) setInfo(result.value);
      else setFailure(result.error.message);
    }, (error: unknown) => setFailure(error instanceof Error ? error.message : String(error)));
  }, [api]);
  useEffect(load, [load]);

  const services = useMemo<AppServices | null>(() => (info === null ? null : { api, info, bus, notify, modal }), [api, info, bus, notify, modal]);

  return (
    <>
      {services === null ? (
        <div className="starting" data-testid="starting">
          {failure === null ? (
            <span className="muted">Starting…</span>
          ) : (
            <div className="crash" role="alert">
              <h2>The app could not start</h2>
              <p className="crash-message">{failure}</p>
              <button type="button" className="button primary" onClick={load}>
                Try again
              </button>
            </div>
          )}
        </div>
      ) : (
        <AppContext.Provider value={services}>
          <ErrorBoundary>
            <Workspace />
          </ErrorBoundary>
        </AppContext.Provider>
      )}
      <Toasts toasts={toasts} dismiss={dismiss} />
    </>
  );
}
