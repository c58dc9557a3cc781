import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { defaultDataFolder, resolveDatabasePath, storeLayout } from '../../../main/store/data-folder.js';

describe('data folder', () => {
  test("is Electron's userData folder for form4-reviewer on each platform", () => {
    assert.equal(defaultDataFolder({ platform: 'linux', env: {}, home: '/home/ann' }), '/home/ann/.config/form4-reviewer');
    assert.equal(defaultDataFolder({ platform: 'linux', env: { XDG_CONFIG_HOME: '/cfg' }, home: '/home/ann' }), '/cfg/form4-reviewer');
    assert.equal(defaultDataFolder({ platform: 'darwin', env: {}, home: '/Users/ann' }), '/Users/ann/Library/Application Support/form4-reviewer');
    assert.match(defaultDataFolder({ platform: 'win32', env: { APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, home: 'C:\\Users\\ann' }), /Roaming.form4-reviewer$/);
  });

  test('--db wins over FORM4_DB, which wins over the default', () => {
    const facts = { platform: 'linux' as const, env: { FORM4_DB: '/env/x.db' }, home: '/home/ann' };
    assert.equal(resolveDatabasePath('/flag/y.db', facts), '/flag/y.db');
    assert.equal(resolveDatabasePath(undefined, facts), '/env/x.db');
    assert.equal(resolveDatabasePath(undefined, { ...facts, env: {} }), '/home/ann/.config/form4-reviewer/form4.db');
  });

  test('files and backups live beside the database, named after it', () => {
    assert.deepEqual(storeLayout('/data/form4.db'), { databasePath: '/data/form4.db', filesFolder: '/data/form4.files', backupsFolder: '/data/form4.backups' });
  });
});
