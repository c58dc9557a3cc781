// A store the app cannot open (here a file that is not SQLite, named by FORM4_DB) is explained in a
// dialog and the app ends: no window over a broken store. main/app/index.ts runs once per process,
// hence a file of its own.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { register } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import * as electron from './support/fake-electron.js';

const appData = mkdtempSync(join(tmpdir(), 'form4-app-broken-'));
after(() => rmSync(appData, { recursive: true, force: true }));

test('a store that cannot be opened is said in a dialog naming the database, and the app exits', async (t) => {
  const broken = join(appData, 'broken.db');
  writeFileSync(broken, 'this is not a database, but it is long enough to have a header of sorts'.repeat(20));
  process.argv = [process.execPath, join(appData, 'form4-reviewer-bin')];
  process.env.FORM4_DB = broken;
  electron.app.paths.set('appData', appData);
  register('./support/electron-hooks.mjs', import.meta.url);
  await import('../../../main/app/index.js');
  // Run from source, the UI folder is never built; that is reported on stderr.
  const reported = t.mock.method(console, 'error', () => undefined);
  electron.app.becomeReady();
  await electron.app.whenReady();
  assert.match(String(reported.mock.calls[0]?.arguments[0]), /The UI is not built/);
  const shown = electron.calls.filter((call) => call.name === 'dialog.showErrorBox');
  assert.equal(shown.length, 1);
  const [title, message] = shown[0]?.args as [string, string];
  assert.equal(title, 'Form 4 Reviewer cannot start');
  assert.match(message, /is damaged/);
  assert.ok(message.endsWith(`Database: ${broken}`), message);
  assert.deepEqual(electron.calls.filter((call) => call.name === 'app.exit').map((call) => call.args), [[1]]);
  assert.equal(electron.windows.length, 0);
  assert.equal(electron.ipcHandlers.size, 0);
});
