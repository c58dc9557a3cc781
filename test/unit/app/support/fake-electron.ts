// Just enough of Electron's main-process API for main/app/index.ts to run in Node: every call is
// recorded, and the test plays Electron's part (ready, IPC, protocol requests, menu clicks, quit).
import { EventEmitter } from 'node:events';

export interface Recorded {
  name: string;
  args: unknown[];
}

export const calls: Recorded[] = [];
/** Emits each recorded call by name, so a test can wait for one. */
export const recorder = new EventEmitter();
const record = (name: string, ...args: unknown[]) => {
  calls.push({ name, args });
  recorder.emit(name, ...args);
};

let ready!: () => void;
const readyPromise = new Promise<void>((resolve) => (ready = resolve));

class FakeApp extends EventEmitter {
  readonly paths = new Map<string, string>();
  userDataSwitch = '';
  isPackaged = false;
  readonly commandLine = { getSwitchValue: (name: string) => (name === 'user-data-dir' ? this.userDataSwitch : '') };
  getPath(name: string): string {
    const path = this.paths.get(name);
    if (path === undefined) throw new Error(`fake app has no path ${name}`);
    return path;
  }
  setPath(name: string, path: string): void {
    record('app.setPath', name, path);
    this.paths.set(name, path);
  }
  enableSandbox = () => record('app.enableSandbox');
  requestSingleInstanceLock = () => (record('app.requestSingleInstanceLock'), true);
  getVersion = () => '0.0.0-test';
  whenReady = () => readyPromise;
  quit = () => {
    record('app.quit');
    const event = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    this.emit('will-quit', event);
    if (!event.defaultPrevented) record('app.quitted');
  };
  exit = (code: number) => record('app.exit', code);
  /** The test's stand-in for Chromium becoming ready. */
  becomeReady = () => ready();
}
export const app = new FakeApp();

export const protocol = { registerSchemesAsPrivileged: (schemes: unknown) => record('protocol.registerSchemesAsPrivileged', schemes) };

export type ProtocolHandler = (request: Request) => Promise<Response>;
export const protocolHandlers = new Map<string, ProtocolHandler>();
export const session = {
  defaultSession: Object.assign(new EventEmitter(), {
    protocol: { handle: (scheme: string, handler: ProtocolHandler) => protocolHandlers.set(scheme, handler) },
    setPermissionRequestHandler: (handler: unknown) => record('session.setPermissionRequestHandler', handler),
    setPermissionCheckHandler: (handler: unknown) => record('session.setPermissionCheckHandler', handler),
    setDevicePermissionHandler: (handler: unknown) => record('session.setDevicePermissionHandler', handler),
    webRequest: {
      onBeforeRequest: (handler: unknown) => record('webRequest.onBeforeRequest', handler),
      onHeadersReceived: (handler: unknown) => record('webRequest.onHeadersReceived', handler),
    },
  }),
};

export type IpcHandler = (event: unknown, ...args: unknown[]) => Promise<unknown>;
export const ipcHandlers = new Map<string, IpcHandler>();
export const ipcMain = {
  handle: (channel: string, handler: IpcHandler) => ipcHandlers.set(channel, handler),
  removeHandler: (channel: string) => ipcHandlers.delete(channel),
};

export const menus: unknown[] = [];
export const Menu = {
  buildFromTemplate: (template: unknown) => ({ template }),
  setApplicationMenu: (menu: { template: unknown }) => menus.push(menu.template),
};

export const screen = {
  getPrimaryDisplay: () => ({ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1050 } }),
  getAllDisplays: () => [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1050 } }],
};

export const dialog = {
  showErrorBox: (title: string, content: string) => record('dialog.showErrorBox', title, content),
  showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
};

export interface SentEvent {
  channel: string;
  args: unknown[];
}

class FakeWebContents extends EventEmitter {
  readonly sent: SentEvent[] = [];
  windowOpenHandler: (() => unknown) | null = null;
  isDestroyed = () => false;
  send(channel: string, ...args: unknown[]): void {
    this.sent.push({ channel, args });
    this.emit('sent', channel, ...args);
  }
  setWindowOpenHandler(handler: () => unknown): void {
    this.windowOpenHandler = handler;
  }
}

export const windows: FakeBrowserWindow[] = [];
class FakeBrowserWindow extends EventEmitter {
  readonly webContents = new FakeWebContents();
  loadedUrl: string | null = null;
  constructor(readonly options: Record<string, unknown>) {
    super();
    windows.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  maximize = () => record('window.maximize');
  getNormalBounds = () => ({ x: 10, y: 20, width: 1300, height: 850 });
  isMaximized = () => false;
  isMinimized = () => false;
  restore = () => undefined;
  focus = () => record('window.focus');
}
export const BrowserWindow = FakeBrowserWindow;
