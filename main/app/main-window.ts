// The one window factory. Secure defaults (STYLE.md practice 5): a sandboxed renderer with context
// isolation and no Node, web security on, the UI from app://ui only; it may not navigate, open
// windows, embed webviews, or turn a dropped file into a page.
import { BrowserWindow } from 'electron';
import { UI_ENTRY_URL } from './app-scheme.js';
import { MIN_WINDOW_SIZE, type Placement } from './window-state.js';

export const PRODUCT_NAME = 'Form 4 Reviewer';

export function createMainWindow({ preload, placement }: { preload: string; placement: Placement }): BrowserWindow {
  const window = new BrowserWindow({
    ...placement.bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: PRODUCT_NAME,
    // Shown once the first paint is ready, so the window never flashes empty.
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      experimentalFeatures: false,
      safeDialogs: true,
      spellcheck: false,
    },
  });
  if (placement.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());

  const contents = window.webContents;
  // The UI is one page that routes by its hash (in-page navigations do not raise these): any real
  // navigation is a link in filing text, a dropped file or an attack, and none may replace the UI.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('render-process-gone', (_event, details) => console.error(`The window's page stopped (${details.reason}); reload it with the View menu or restart the app.`));

  void window.loadURL(UI_ENTRY_URL);
  return window;
}
