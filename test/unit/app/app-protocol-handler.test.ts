import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { appRequestHandler } from '../../../main/app/app-protocol-handler.js';
import { CONTENT_SECURITY_POLICY } from '../../../main/app/content-security.js';

describe('app:// protocol handler', () => {
  let folder: string;
  let uiRoot: string;
  let pagePng: string;
  const asked: Array<[number, number]> = [];

  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'form4-app-protocol-'));
    uiRoot = join(folder, 'renderer');
    await mkdir(join(uiRoot, 'assets'), { recursive: true });
    await writeFile(join(uiRoot, 'index.html'), '<!doctype html><div id="root"></div>');
    await writeFile(join(uiRoot, 'assets', 'main.js'), 'console.log(1)');
    await writeFile(join(folder, 'secret.txt'), 'not for the page');
    pagePng = join(folder, 'page-2.png');
    await writeFile(pagePng, Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]));
  });
  after(() => rm(folder, { recursive: true, force: true }));

  const handler = () =>
    appRequestHandler({
      uiRoot,
      pageImageFile: (filingId, page) => {
        asked.push([filingId, page]);
        return filingId === 7 && page === 2 ? pagePng : null;
      },
      readFile,
    });

  test('serves the UI with its type and the CSP on every response', async () => {
    const index = await handler()({ url: 'app://ui/', method: 'GET' });
    assert.equal(index.status, 200);
    assert.equal(index.headers.get('content-type'), 'text/html; charset=utf-8');
    assert.equal(index.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
    assert.equal(index.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(await index.text(), '<!doctype html><div id="root"></div>');
    const script = await handler()({ url: 'app://ui/assets/main.js', method: 'GET' });
    assert.equal(script.headers.get('content-type'), 'text/javascript; charset=utf-8');
    const head = await handler()({ url: 'app://ui/assets/main.js', method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(await head.text(), '');
  });

  test('a file beside the UI folder is out of reach', async () => {
    const escaped = await handler()({ url: 'app://ui/..%2fsecret.txt', method: 'GET' });
    assert.equal(escaped.status, 403);
    assert.equal(escaped.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
    assert.doesNotMatch(await escaped.text(), /not for the page/);
    // Folded by the URL parser into app://ui/secret.txt: a file the UI folder does not have.
    const folded = await handler()({ url: 'app://ui/%2e%2e/secret.txt', method: 'GET' });
    assert.equal(folded.status, 404);
    assert.doesNotMatch(await folded.text(), /not for the page/);
  });

  test('missing files and folders are 404', async () => {
    assert.equal((await handler()({ url: 'app://ui/nope.js', method: 'GET' })).status, 404);
    assert.equal((await handler()({ url: 'app://ui/assets', method: 'GET' })).status, 404);
  });

  test('page images come from the API lookup, by filing and page', async () => {
    const image = await handler()({ url: 'app://pages/7/2', method: 'GET' });
    assert.equal(image.status, 200);
    assert.equal(image.headers.get('content-type'), 'image/png');
    assert.deepEqual(new Uint8Array(await image.arrayBuffer()), new Uint8Array(await readFile(pagePng)));
    assert.equal((await handler()({ url: 'app://pages/7/3', method: 'GET' })).status, 404);
    assert.deepEqual(asked.slice(-2), [
      [7, 2],
      [7, 3],
    ]);
  });
});
