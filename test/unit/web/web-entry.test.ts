// `npm run web`'s entry (main/web/index.ts, run from source): one line on stdout with the URL and
// token when ready, the API answering there, Ctrl+C closing cleanly; bad options and a damaged
// database end with one clear line on stderr.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';

const dirs: string[] = [];
after(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'form4-web-entry-'));
  dirs.push(dir);
  return dir;
};
const entry = ['--import', 'tsx', 'main/web/index.ts'];

describe('npm run web', () => {
  test('prints exactly one line when ready, serves the API with the token, and ends on SIGINT', async () => {
    const data = tempDir();
    const child = spawn(process.execPath, [...entry, '--data', data, '--no-open', '--user', 'carol'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const ready = await new Promise<string>((resolve, reject) => {
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
        stdout += chunk;
        if (stdout.includes('\n')) resolve(stdout.split('\n')[0] as string);
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
    });
    const match = /^form4 web: (http:\/\/127\.0\.0\.1:\d+\/)#token=([0-9a-f]{64})$/.exec(ready);
    assert.ok(match, ready);
    const response = await fetch(`${match[1]}api/call/app:info`, { method: 'POST', headers: { Authorization: `Bearer ${match[2]}` }, body: '{}' });
    const info = (await response.json()) as { ok: boolean; value: { user: string; transport: string; dataFolder: string } };
    assert.deepEqual([info.ok, info.value.user, info.value.transport, info.value.dataFolder], [true, 'carol', 'web', data]);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    assert.equal(await exited, 0, stderr);
    assert.equal(stdout, `${ready}\n`, 'nothing else on stdout');
  });

  test('a bad option or a damaged database ends with one clear line', () => {
    const badPort = spawnSync(process.execPath, [...entry, '--port', 'eighty', '--no-open'], { encoding: 'utf8' });
    assert.equal(badPort.status, 2);
    assert.match(badPort.stderr, /^form4 web: --port takes 0 to 65535, not 'eighty'\n$/);
    const data = tempDir();
    writeFileSync(join(data, 'form4.db'), Buffer.alloc(8192, 0x41));
    const damaged = spawnSync(process.execPath, [...entry, '--data', data, '--no-open'], { encoding: 'utf8' });
    assert.equal(damaged.status, 3);
    assert.match(damaged.stderr, /^form4 web: the database .* is damaged/);
    assert.equal(damaged.stderr.trim().split('\n').length, 1);
    assert.equal(damaged.stdout, '');
  });
});
