// main/app/index.ts run in Node against a fake Electron (support/fake-electron.ts) and the real API
// over a fresh data folder: the order of the start-up steps, the window's guards, the protocol, the
// IPC wrapper, the menu, a second instance's files imported end to end, the window state, and quit.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { register } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { ApiResult, AppInfo, QueuePage } from '../../../shared/api.js';
import { loadSeeds } from '../../support/seeds.js';
import * as electron from './support/fake-electron.js';

const appData = mkdtempSync(join(tmpdir(), 'form4-app-root-'));
const userData = join(appData, 'form4-reviewer');
const uiFrame = { senderFrame: { url: 'app://ui/index.html#/queue', parent: null } };

function apiCall(name: string, input: unknown, event: unknown = uiFrame): Promise<ApiResult<unknown>> {
  const handler = electron.ipcHandlers.get('api:call');
  assert.ok(handler, 'api:call is registered');
  return handler(event, name, input) as Promise<ApiResult<unknown>>;
}

function window() {
  const created = electron.windows[0];
  assert.ok(created, 'a window was created');
  return created;
}

function eventSent(name: string): Promise<unknown> {
  return new Promise((resolve) => {
    const listener = (channel: string, event: string, payload: unknown) => {
      if (channel !== 'api:event' || event !== name) return;
      window().webContents.off('sent', listener);
      resolve(payload);
    };
    window().webContents.on('sent', listener);
  });
}

describe('desktop composition root', () => {
  before(async () => {
    // As a packaged app started with no files; no database named by the environment.
    process.argv = [process.execPath, join(appData, 'form4-reviewer-bin')];
    delete process.env.FORM4_DB;
    electron.app.paths.set('appData', appData);
    register('./support/electron-hooks.mjs', import.meta.url);
    await import('../../../main/app/index.js');
  });
  after(() => rmSync(appData, { recursive: true, force: true }));

  test('before ready: userData is the shared data folder, the sandbox is forced, app:// is privileged, then the lock', () => {
    const names = electron.calls.map((call) => call.name);
    assert.deepEqual(electron.calls.find((call) => call.name === 'app.setPath')?.args, ['userData', userData]);
    assert.ok(names.indexOf('app.setPath') < names.indexOf('app.requestSingleInstanceLock'), 'the lock is taken in the final userData');
    assert.ok(names.includes('app.enableSandbox'));
    const [schemes] = electron.calls.find((call) => call.name === 'protocol.registerSchemesAsPrivileged')?.args ?? [];
    assert.deepEqual(schemes, [{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
    assert.equal(electron.windows.length, 0);
  });

  test('on ready: one sandboxed window loading app://ui, which may not navigate or open windows', async (t) => {
    // Run from source, the UI folder is never built; that is reported on stderr.
    const reported = t.mock.method(console, 'error', () => undefined);
    electron.app.becomeReady();
    await electron.app.whenReady();
    assert.match(String(reported.mock.calls[0]?.arguments[0]), /The UI is not built/);
    assert.equal(electron.windows.length, 1);
    const { webPreferences } = window().options as { webPreferences: Record<string, unknown> };
    assert.equal(webPreferences.sandbox, true);
    assert.equal(webPreferences.contextIsolation, true);
    assert.equal(webPreferences.nodeIntegration, false);
    assert.equal(webPreferences.webSecurity, true);
    // Beside the main bundle once built (out/preload/); run from source here, beside main/.
    assert.match(String(webPreferences.preload), /[\\/]preload[\\/]preload\.cjs$/);
    assert.equal(window().loadedUrl, 'app://ui/index.html');
    assert.deepEqual(window().webContents.windowOpenHandler?.(), { action: 'deny' });
    let prevented = 0;
    window().webContents.emit('will-navigate', { preventDefault: () => (prevented += 1) }, 'file:///home/ann/scan.pdf');
    window().webContents.emit('will-frame-navigate', { preventDefault: () => (prevented += 1) });
    assert.equal(prevented, 2);
    assert.equal(electron.calls.filter((call) => call.name === 'dialog.showErrorBox').length, 0);
  });

  test('the session refuses permissions and the network', () => {
    const handler = electron.calls.find((call) => call.name === 'session.setPermissionRequestHandler')?.args[0] as (contents: unknown, permission: string, callback: (granted: boolean) => void) => void;
    const answers: boolean[] = [];
    handler({}, 'media', (granted) => answers.push(granted));
    assert.deepEqual(answers, [false]);
    const beforeRequest = electron.calls.find((call) => call.name === 'webRequest.onBeforeRequest')?.args[0] as (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void;
    const cancelled: boolean[] = [];
    beforeRequest({ url: 'https://example.com/' }, ({ cancel }) => cancelled.push(cancel));
    beforeRequest({ url: 'app://ui/index.html' }, ({ cancel }) => cancelled.push(cancel));
    assert.deepEqual(cancelled, [true, false]);
  });

  test('app:// answers from the UI folder and the store, and refuses escapes', async () => {
    const handle = electron.protocolHandlers.get('app');
    assert.ok(handle);
    assert.equal((await handle(new Request('app://pages/1/1'))).status, 404);
    assert.equal((await handle(new Request('app://ui/..%2fpackage.json'))).status, 403);
  });

  test("the UI's calls reach the API; another frame's do not", async () => {
    const info = await apiCall('app:info', {});
    assert.ok(info.ok);
    const value = info.value as AppInfo;
    assert.equal(value.transport, 'electron');
    assert.equal(value.dataFolder, userData);
    assert.equal(value.nativeDialogs, true);
    assert.equal(value.version, '0.0.0-test');
    const refused = await apiCall('app:info', {}, { senderFrame: { url: 'app://ui/index.html', parent: {} } });
    assert.equal(!refused.ok && refused.error.code, 'forbidden');
  });

  test("a second instance's files are imported, the window focused, and the page told", async () => {
    const seed = loadSeeds()[0];
    assert.ok(seed);
    const changed = eventSent('filings:changed');
    electron.app.emit('second-instance', {}, [join(appData, 'form4-reviewer-bin'), '--user-data-dir=/elsewhere', seed.textPath], appData);
    await changed;
    assert.ok(electron.calls.some((call) => call.name === 'window.focus'));
    const list = await apiCall('filings:list', {});
    assert.ok(list.ok);
    assert.equal((list.value as QueuePage).total, 1);
  });

  test("choosing a menu item sends 'app:command' with its keymap id", async () => {
    const template = electron.menus[0] as Array<{ submenu?: Array<{ id?: string; click?: () => void }> }>;
    const approve = template.flatMap((menu) => menu.submenu ?? []).find((item) => item.id === 'filing.approve');
    assert.ok(approve?.click);
    const command = eventSent('app:command');
    approve.click();
    assert.deepEqual(await command, { command: 'filing.approve' });
  });

  test('closing the window saves its place; quitting waits for the store to close', async () => {
    window().emit('close');
    window().emit('closed');
    const state = JSON.parse(readFileSync(join(userData, 'window-state.json'), 'utf8')) as unknown;
    assert.deepEqual(state, { bounds: { x: 10, y: 20, width: 1300, height: 850 }, maximized: false });
    const quitted = once(electron.recorder, 'app.quitted');
    electron.app.quit();
    await quitted;
    const names = electron.calls.map((call) => call.name);
    assert.equal(names.filter((name) => name === 'app.quit').length, 2, 'the first quit waits, the second goes through');
    assert.ok(existsSync(join(userData, 'form4.db')));
    const afterClose = await apiCall('app:info', {});
    assert.equal(!afterClose.ok && afterClose.error.code, 'unsupported');
  });
});
