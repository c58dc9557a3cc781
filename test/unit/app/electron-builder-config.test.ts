// The packaging configuration, checked offline: electron-builder's own loader and schema validation
// (what `electron-builder` does before it downloads anything), and the unpacked paths against the
// files the app really loads by path.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, test } from 'node:test';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger, log } from 'builder-util';
import { defaultTesseractPaths } from '../../../main/ingest/tesseract-workers.js';

const root = process.cwd();

// electron-builder logs ("• loaded configuration") to stdout, which Node's test runner uses to carry
// each file's results: a line landing mid-message fails the file. Its logger goes to stderr here.
(log as unknown as { stream: NodeJS.WritableStream }).stream = process.stderr;

async function loadConfig() {
  const config = await getConfig(root, null, null);
  await validateConfiguration(config, new DebugLogger(false));
  return config;
}

/** 'node_modules/x/**' -> 'node_modules/x'; the folder a recursive pattern unpacks. */
function unpackedFolders(patterns: readonly string[]): string[] {
  return patterns.filter((pattern) => pattern.endsWith('/**') && !pattern.startsWith('**')).map((pattern) => pattern.slice(0, -3));
}

function hasFileEndingIn(folder: string, suffix: string): boolean {
  return readdirSync(folder, { withFileTypes: true }).some((entry) => (entry.isDirectory() ? hasFileEndingIn(join(folder, entry.name), suffix) : entry.name.endsWith(suffix)));
}

describe('electron-builder.yml', () => {
  test("passes electron-builder's schema, with the fuses set as the app needs", async () => {
    const config = await loadConfig();
    assert.equal(config.productName, 'Form 4 Reviewer');
    assert.equal(config.asar, true);
    assert.equal(config.npmRebuild, true);
    assert.deepEqual(config.electronFuses, {
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
    assert.deepEqual(config.linux?.target, ['AppImage', 'deb']);
    assert.deepEqual(config.win?.target, ['nsis']);
    assert.deepEqual(config.mac?.target, ['dmg']);
    assert.ok(existsSync(join(root, 'resources', 'icon.png')));
  });

  test('a configuration error is caught by the same check', async () => {
    const config = await getConfig(root, null, { electronFuses: { runAsNode: 'no' } } as never);
    await assert.rejects(validateConfiguration(config, new DebugLogger(false)), /runAsNode/);
  });

  test('the app is the bundles and package.json, whose main is the Electron bundle', async () => {
    const config = await loadConfig();
    const filters = (config.files as Array<{ filter: string[] }>).flatMap((set) => set.filter);
    assert.ok(filters.includes('out/**') && filters.includes('package.json'), filters.join(' '));
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { main: string; build?: unknown; scripts: Record<string, string> };
    assert.equal(pkg.main, 'out/main/electron.js');
    assert.equal(pkg.build, undefined, 'the configuration lives in electron-builder.yml only');
    assert.match(pkg.scripts.dist ?? '', /npm run build && electron-builder/);
    assert.doesNotMatch(pkg.scripts.postinstall ?? '', /install-app-deps|electron-rebuild/);
  });

  test('everything loaded by path or natively is unpacked, and every unpacked folder exists', async () => {
    const patterns = (await loadConfig()).asarUnpack as string[];
    const folders = unpackedFolders(patterns);
    for (const folder of folders) assert.ok(existsSync(join(root, folder)), `${folder} does not exist`);
    assert.ok(patterns.includes('**/*.node'));
    assert.ok(hasFileEndingIn(join(root, 'node_modules', 'better-sqlite3'), '.node'), 'better-sqlite3 has a native build to unpack');
    const ocr = defaultTesseractPaths();
    for (const path of [ocr.workerPath, ocr.engDir, ocr.osdDir]) {
      const inApp = relative(root, path).split(sep).join('/');
      assert.ok(folders.some((folder) => inApp.startsWith(`${folder}/`)), `${inApp} is not unpacked`);
    }
  });
});
