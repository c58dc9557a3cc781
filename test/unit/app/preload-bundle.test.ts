// A sandboxed preload can load `electron` and nothing else, and cannot be an ES module. The preload is
// bundled here as scripts/build.mjs bundles it, to check that nothing else slipped into its imports.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { build } from 'esbuild';

describe('preload bundle', () => {
  test('is CommonJS that requires electron only, from a handful of modules with no Node or zod', async () => {
    const result = await build({
      entryPoints: ['main/app/preload.ts'],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      external: ['electron'],
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0]?.text ?? '';
    const required = [...code.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1]);
    assert.deepEqual([...new Set(required)], ['electron']);
    assert.doesNotMatch(code, /^\s*(import|export)\s/m);
    const inputs = Object.keys(result.metafile.inputs);
    assert.deepEqual(inputs.filter((input) => !input.startsWith('main/app/')), [], inputs.join(' '));
    assert.match(code, /exposeInMainWorld\("api"/);
  });
});
