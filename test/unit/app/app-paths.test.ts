import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { appPaths } from '../../../main/app/app-paths.js';
import { importFileFilters } from '../../../main/app/dialog-filters.js';
import { defaultDataFolder } from '../../../main/store/data-folder.js';
import { IMPORTABLE_EXTENSIONS } from '../../../main/workflow/import-service.js';

describe('app paths', () => {
  test('the desktop app keeps its data where the form4 command looks for it', () => {
    const home = '/home/ann';
    const paths = appPaths({ appData: join(home, '.config'), userDataSwitch: null, env: {}, outDir: '/app/out' });
    assert.equal(paths.userData, defaultDataFolder({ platform: 'linux', env: {}, home }));
    assert.equal(paths.databasePath, join(paths.userData, 'form4.db'));
    assert.equal(paths.windowStateFile, join(paths.userData, 'window-state.json'));
    assert.equal(paths.uiRoot, join('/app/out', 'renderer'));
    assert.equal(paths.preload, join('/app/out', 'preload', 'preload.cjs'));
  });

  test('--user-data-dir gives a run a folder of its own; FORM4_DB names the database as for the CLI', () => {
    const isolated = appPaths({ appData: '/home/ann/.config', userDataSwitch: '/tmp/run-1', env: {}, outDir: '/app/out' });
    assert.equal(isolated.databasePath, join('/tmp/run-1', 'form4.db'));
    const shared = appPaths({ appData: '/home/ann/.config', userDataSwitch: null, env: { FORM4_DB: '/data/team.db' }, outDir: '/app/out' });
    assert.equal(shared.databasePath, '/data/team.db');
  });

  test('the open dialog offers every importable type first, then one filter per kind', () => {
    const filters = importFileFilters();
    assert.deepEqual(new Set(filters[0]?.extensions.map((extension) => `.${extension}`)), IMPORTABLE_EXTENSIONS);
    assert.deepEqual(filters.slice(1).map((filter) => filter.name), ['PDF', 'Scanned images', 'Text from another OCR tool']);
    assert.deepEqual(new Set(filters.slice(1).flatMap((filter) => filter.extensions)), new Set(filters[0]?.extensions));
    assert.deepEqual(importFileFilters(new Set(['.pdf'])), [{ name: 'Form 4 files (PDF, images, text)', extensions: ['pdf'] }, { name: 'PDF', extensions: ['pdf'] }]);
  });
});
