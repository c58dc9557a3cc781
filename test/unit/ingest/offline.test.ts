import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { SAMPLE_LINES } from './fixtures.js';

const child = fileURLToPath(new URL('./offline-child.ts', import.meta.url));
// `unshare -n` gives the child a network namespace with no interface up: any fetch fails at once.
const probe = spawnSync('unshare', ['-n', 'true']);
const unshareWorks = probe.status === 0;

test('OCR works with no network at all (unshare -n)', { skip: unshareWorks ? false : 'unshare -n is not available here (needs root or user namespaces)' }, () => {
  const run = spawnSync('unshare', ['-n', process.execPath, '--import', 'tsx', child], { encoding: 'utf8', timeout: 60_000 });
  assert.equal(run.status, 0, run.stderr);
  const network = spawnSync('unshare', ['-n', 'cat', '/proc/net/dev'], { encoding: 'utf8' });
  assert.doesNotMatch(network.stdout, /eth0|ens|enp|wlan/, 'the namespace must have no network interface');
  const result = JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as { lines: string[]; rotation: number };
  assert.deepEqual(result.lines, SAMPLE_LINES);
  assert.equal(result.rotation, 180);
});
