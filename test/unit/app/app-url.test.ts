import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { pageImageUrl } from '../../../main/app/app-scheme.js';
import { contentTypeFor } from '../../../main/api/served-files.js';
import { resolveInside, routeAppRequest } from '../../../main/app/app-url.js';

const root = resolve('/srv/ui');

describe('app:// routes', () => {
  test('app://ui/<path> is a file under the UI folder, the bare origin its index.html', () => {
    assert.deepEqual(routeAppRequest('app://ui/assets/index-1a2b.js', 'GET', root), { kind: 'ui', file: join(root, 'assets', 'index-1a2b.js') });
    assert.deepEqual(routeAppRequest('app://ui/', 'GET', root), { kind: 'ui', file: join(root, 'index.html') });
    assert.deepEqual(routeAppRequest('app://ui/index.html?x=1#/review/4', 'HEAD', root), { kind: 'ui', file: join(root, 'index.html') });
    assert.deepEqual(routeAppRequest('app://ui/fonts/Inter%20Var.woff2', 'GET', root), { kind: 'ui', file: join(root, 'fonts', 'Inter Var.woff2') });
  });

  test('no path leaves the UI folder, however it is spelled', () => {
    // Encoded slashes, backslashes, drive letters, NULs and broken escapes would survive the URL
    // parser and become real path syntax once decoded: refused.
    const refused = ['app://ui/..%2f..%2fetc%2fpasswd', 'app://ui/assets/..%5c..%5csecret', 'app://ui/%2fetc%2fpasswd', 'app://ui/C:%5cWindows%5cwin.ini', 'app://ui/a%00.js', 'app://ui/%E0%A4%A', 'app://ui/..\\..\\x'];
    for (const url of refused) {
      const route = routeAppRequest(url, 'GET', root);
      assert.equal(route.kind === 'refused' && route.status, 403, url);
    }
    // Dot-dots, literal or encoded, are folded by the URL parser before routing: they stay inside.
    for (const url of ['app://ui/assets/../../../index.html', 'app://ui/%2e%2e/%2e%2e/index.html', 'app://ui/.%2e/index.html']) {
      assert.deepEqual(routeAppRequest(url, 'GET', root), { kind: 'ui', file: join(root, 'index.html') }, url);
    }
  });

  test('app://pages/<filingId>/<page>[/display] takes two positive integers and nothing more', () => {
    assert.deepEqual(routeAppRequest(pageImageUrl(12, 3), 'GET', root), { kind: 'page', filingId: 12, page: 3, size: 'full' });
    assert.deepEqual(routeAppRequest(pageImageUrl(12, 3, 'display'), 'GET', root), { kind: 'page', filingId: 12, page: 3, size: 'display' });
    for (const url of ['app://pages/12', 'app://pages/12/0', 'app://pages/012/1', 'app://pages/1/2/3', 'app://pages/x/1', 'app://pages/1/1e3', 'app://pages/99999999999999999/1', 'app://pages/1/2/full', 'app://pages/1/display', 'app://pages/1/2/display/3']) {
      const route = routeAppRequest(url, 'GET', root);
      assert.equal(route.kind === 'refused' && route.status, 404, url);
    }
  });

  test('other hosts, schemes and methods are refused', () => {
    assert.equal(routeAppRequest('app://evil/index.html', 'GET', root).kind, 'refused');
    assert.equal(routeAppRequest('file:///etc/passwd', 'GET', root).kind, 'refused');
    assert.equal(routeAppRequest('not a url', 'GET', root).kind, 'refused');
    const post = routeAppRequest('app://ui/index.html', 'POST', root);
    assert.equal(post.kind === 'refused' && post.status, 405);
  });

  test('resolveInside refuses the root itself and anything outside it', () => {
    assert.equal(resolveInside(root, []), null);
    assert.equal(resolveInside(root, ['..', 'ui-other', 'x.js']), null);
    assert.equal(resolveInside(root, ['/etc/passwd']), null);
    assert.equal(resolveInside(root, ['a', '..', 'b.js']), join(root, 'b.js'));
  });

  test('content types follow the extension; unknown files are plain bytes', () => {
    assert.equal(contentTypeFor('/x/index.html'), 'text/html; charset=utf-8');
    assert.equal(contentTypeFor('/x/a.JS'), 'text/javascript; charset=utf-8');
    assert.equal(contentTypeFor('/x/page-1.png'), 'image/png');
    assert.equal(contentTypeFor('/x/data.bin'), 'application/octet-stream');
  });
});
