// The renderer's build as the desktop app serves it: every file its index.html loads must come back
// from app://ui with a type the browser will run under nosniff, and no script may be inline (the CSP
// allows script from 'self' only). Reads out/renderer/, which `npm run build` (and `npm install`'s
// prepare) writes.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { appRequestHandler } from '../../../main/app/app-protocol-handler.js';
import { UI_ENTRY_URL } from '../../../main/app/app-scheme.js';

const uiRoot = resolve('out', 'renderer');

describe('the built UI over app://', () => {
  test('index.html and everything it references are served, scripts and styles with their types', async () => {
    assert.ok(existsSync(join(uiRoot, 'index.html')), `${uiRoot}/index.html is missing: run npm run build`);
    const handle = appRequestHandler({ uiRoot, pageImageFile: () => null, readFile });
    const index = await handle({ url: UI_ENTRY_URL, method: 'GET' });
    assert.equal(index.status, 200);
    const html = await index.text();
    assert.doesNotMatch(html, /<script(?![^>]*\bsrc=)[^>]*>/i, 'an inline script would be refused by the CSP');
    const references = [...html.matchAll(/\b(?:src|href)="([^"]+)"/g)].map((match) => match[1] ?? '').filter((reference) => !/^(data:|#)/.test(reference));
    assert.ok(references.some((reference) => reference.endsWith('.js')), html);
    for (const reference of references) {
      const url = new URL(reference, UI_ENTRY_URL).href;
      assert.ok(url.startsWith('app://ui/'), `${reference} leaves app://ui`);
      const response = await handle({ url, method: 'GET' });
      assert.equal(response.status, 200, url);
      if (url.endsWith('.js')) assert.equal(response.headers.get('content-type'), 'text/javascript; charset=utf-8');
      if (url.endsWith('.css')) assert.equal(response.headers.get('content-type'), 'text/css; charset=utf-8');
    }
  });
});
