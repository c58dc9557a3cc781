// The desktop app's composition root: Electron's lifecycle wired to the API (main/api/app-api.ts),
// which owns everything else. One instance per data folder; a second start hands its files to the
// first. Bundled to out/main/electron.js (package.json "main").
import { existsSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog, ipcMain, Menu, screen, session, type BrowserWindow } from 'electron';
import { COMMAND_GROUPS, KEYMAP } from '../../shared/keymap.js';
import { openAppApi, type AppApi } from '../api/app-api.js';
import { forwardApiEvents, registerApiIpc, sendApiEvent } from './api-ipc.js';
import { appPaths } from './app-paths.js';
import { registerAppScheme, serveAppScheme } from './app-protocol.js';
import { filesFromCommandLine } from './command-line.js';
import { nativeDialogs } from './dialogs.js';
import { createMainWindow, PRODUCT_NAME } from './main-window.js';
import { buildMenuTemplate } from './menu-template.js';
import { lockDownSession } from './session-security.js';
import { readWindowState, writeWindowState } from './window-state-file.js';
import { placeWindow } from './window-state.js';

const userDataSwitch = app.commandLine.getSwitchValue('user-data-dir');
const paths = appPaths({
  appData: app.getPath('appData'),
  userDataSwitch: userDataSwitch === '' ? null : userDataSwitch,
  env: process.env,
  outDir: fileURLToPath(new URL('..', import.meta.url)),
});
// Before anything else: the single-instance lock and Chromium's profile both live in userData.
app.setPath('userData', paths.userData);
app.enableSandbox();
registerAppScheme();

if (app.requestSingleInstanceLock()) run();
else app.quit();

function run(): void {
  const defaultApp = process.defaultApp === true;
  let api: AppApi | null = null;
  let window: BrowserWindow | null = null;
  // Files named before the API is open (on the command line, or macOS 'open-file' during launch).
  const waitingFiles = filesFromCommandLine(process.argv, process.cwd(), defaultApp);

  const importFiles = (files: string[]) => {
    if (files.length === 0) return;
    if (api === null) {
      waitingFiles.push(...files);
      return;
    }
    void api.call('import:paths', { paths: files }).then((result) => {
      if (!result.ok) console.error(`Could not import ${files.join(', ')}: ${result.error.message}`);
    });
  };

  const openWindow = (): BrowserWindow => {
    const primary = screen.getPrimaryDisplay();
    const workAreas = [primary, ...screen.getAllDisplays().filter((display) => display.id !== primary.id)].map((display) => display.workArea);
    const created = createMainWindow({ preload: paths.preload, placement: placeWindow(readWindowState(paths.windowStateFile), workAreas) });
    created.on('close', () => writeWindowState(paths.windowStateFile, { bounds: created.getNormalBounds(), maximized: created.isMaximized() }));
    created.on('closed', () => {
      if (window === created) window = null;
    });
    return created;
  };

  const focusWindow = () => {
    if (window === null) {
      window = openWindow();
      return;
    }
    if (window.isMinimized()) window.restore();
    window.focus();
  };

  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (api !== null) focusWindow();
    importFiles(filesFromCommandLine(argv, workingDirectory, defaultApp));
  });
  app.on('open-file', (event, file) => {
    event.preventDefault();
    importFiles([file]);
  });

  app.whenReady().then(() => {
    if (!existsSync(join(paths.uiRoot, 'index.html'))) console.error(`The UI is not built (${paths.uiRoot} has no index.html): run npm run build.`);
    const opened = openApi();
    if (opened === null) return;
    api = opened;
    lockDownSession(session.defaultSession);
    serveAppScheme(session.defaultSession, paths.uiRoot, opened);
    registerApiIpc(ipcMain, opened);
    forwardApiEvents(opened, () => window?.webContents ?? null);
    const menu = buildMenuTemplate(KEYMAP, COMMAND_GROUPS, {
      platform: process.platform,
      developer: !app.isPackaged,
      onCommand: (command) => sendApiEvent(window?.webContents ?? null, 'app:command', { command }),
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(menu));
    window = openWindow();
    opened.resumeImports();
    importFiles(waitingFiles.splice(0));
  }, (error: unknown) => fail(error));

  app.on('activate', () => {
    if (api !== null && window === null) window = openWindow();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  // The store and the OCR workers are closed before the process ends; quitting waits for that once.
  let closed = false;
  app.on('will-quit', (event) => {
    if (api === null || closed) return;
    event.preventDefault();
    const closing = api;
    api = null;
    closing
      .close()
      .catch((error: unknown) => console.error(`Closing the store failed: ${messageOf(error)}`))
      .finally(() => {
        closed = true;
        app.quit();
      });
  });

  function openApi(): AppApi | null {
    try {
      return openAppApi({
        databasePath: paths.databasePath,
        user: osUser(),
        transport: 'electron',
        version: app.getVersion(),
        dialogs: nativeDialogs(() => window),
      });
    } catch (error) {
      fail(error);
      return null;
    }
  }
}

/** A store that cannot be opened (damaged, or from a newer version) is said plainly, then the app ends. */
function fail(error: unknown): void {
  dialog.showErrorBox(`${PRODUCT_NAME} cannot start`, `${messageOf(error)}\n\nDatabase: ${paths.databasePath}`);
  app.exit(1);
}

function osUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'unknown';
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
