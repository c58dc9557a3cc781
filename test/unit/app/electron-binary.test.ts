import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, test } from 'node:test';
import { findElectronBinary, locateElectronBinary } from '../../../main/app/electron-binary.js';

const packageDir = join('/repo', 'node_modules', 'electron');

function facts(files: Record<string, string>, env: Record<string, string> = {}) {
  return { packageDir, env, readText: (path: string) => files[path] ?? null, exists: (path: string) => path in files };
}

describe('Electron binary', () => {
  test('present when path.txt names an executable under dist/', () => {
    const binary = join(packageDir, 'dist', 'electron');
    const found = findElectronBinary(facts({ [join(packageDir, 'path.txt')]: 'electron', [binary]: '' }));
    assert.deepEqual({ present: found.present, path: found.path }, { present: true, path: binary });
  });

  test('absent, with the reason, when never downloaded or when dist/ lost the executable', () => {
    const never = findElectronBinary(facts({}));
    assert.equal(never.present, false);
    assert.match(never.reason, /path\.txt is missing/);
    const lost = findElectronBinary(facts({ [join(packageDir, 'path.txt')]: 'Electron.app/Contents/MacOS/Electron' }));
    assert.equal(lost.present, false);
    assert.match(lost.reason, /Electron\.app.*does not exist/);
    assert.deepEqual(findElectronBinary({ ...facts({}), packageDir: null }), { present: false, path: null, reason: 'the electron package is not installed' });
  });

  test('ELECTRON_OVERRIDE_DIST_PATH is honoured as the package honours it', () => {
    const binary = join('/opt/electron', 'electron');
    assert.equal(findElectronBinary(facts({ [binary]: '' }, { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' })).path, binary);
    assert.equal(findElectronBinary(facts({}, { ELECTRON_OVERRIDE_DIST_PATH: '/opt/electron' })).present, false);
  });

  test("on this machine the answer agrees with the package's own files, and asking downloads nothing", () => {
    const installed = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const distBefore = existsSync(join(installed, 'dist'));
    const found = locateElectronBinary({});
    assert.equal(found.present, found.path !== null && existsSync(found.path));
    if (!found.present) {
      const pathTxt = join(installed, 'path.txt');
      const named = existsSync(pathTxt) ? readFileSync(pathTxt, 'utf8').trim() : null;
      assert.ok(named === null || !existsSync(join(installed, 'dist', named)), found.reason);
    }
    assert.equal(existsSync(join(installed, 'dist')), distBefore);
  });
});
