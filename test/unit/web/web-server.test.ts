// The loopback web transport: the token, the Host check, body limits, bad JSON, unknown calls, a real
// round trip, the event stream, page images, static files with their CSP, and no way out of the
// folders it serves.
import assert from 'node:assert/strict';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { basename, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CONTENT_SECURITY_POLICY, startWebServer, type WebServer } from '../../../main/web/web-server.js';
import { isLoopbackAddress, isOwnHost, tokenMatches } from '../../../main/web/request-guard.js';
import { nextEvent, openTestApi, textExtract, type TestApi } from '../api/api-fixture.js';
import { seedFiles } from '../workflow/store-fixture.js';

const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001', 'hex');
const SECRET = 'TOP-SECRET-OUTSIDE-THE-STATIC-FOLDER';

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  json(): { ok: boolean; value?: unknown; error?: { code: string; message: string } };
}

/** A raw HTTP request: the path goes out exactly as written (no URL normalisation of '..'). */
function send(port: number, options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer; chunked?: boolean }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = httpRequest({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, setHost: false, headers: { Host: `127.0.0.1:${port}`, ...options.headers } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body, json: () => JSON.parse(body.toString('utf8')) });
      });
    });
    // The server may answer and close before it has read a refused body: that is its point.
    request.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
    if (options.body !== undefined) {
      if (options.chunked === true) {
        const body = Buffer.from(options.body);
        for (let at = 0; at < body.length; at += 512) request.write(body.subarray(at, at + 512));
      } else {
        request.write(options.body);
      }
    }
    request.end();
  });
}

describe('the web server', () => {
  let t: TestApi;
  let server: WebServer;
  let small: WebServer;
  let staticDir: string;
  const call = (name: string, input: unknown, token = server.token) =>
    send(server.port, { method: 'POST', path: `/api/call/${name}`, headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }, body: JSON.stringify(input) });

  before(async () => {
    t = openTestApi({ transport: 'web', extract: async (source, options) => ({ ...(await textExtract(source, options)), pageImages: [{ page: 1, extension: 'png', bytes: PNG }] }) });
    staticDir = join(t.dir, 'static');
    mkdirSync(join(staticDir, 'assets'), { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>form4</title><script src="./assets/app.js"></script>');
    writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log("renderer");');
    writeFileSync(join(t.dir, 'secret.txt'), SECRET);
    server = await startWebServer({ api: t.api, staticDir });
    small = await startWebServer({ api: t.api, staticDir, maxBodyBytes: 1024, token: server.token });
  });
  after(async () => {
    await server.close();
    await small.close();
    await t.cleanup();
  });

  test('listens on 127.0.0.1 only and knows loopback from the rest', async () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
    assert.match(server.token, /^[0-9a-f]{64}$/);
    const others = Object.values(networkInterfaces()).flat().filter((info) => info !== undefined && !info.internal && info.family === 'IPv4').map((info) => info?.address as string);
    for (const address of others) {
      const refused = await new Promise<string>((resolve) => {
        const socket = connect({ host: address, port: server.port });
        socket.once('connect', () => {
          socket.destroy();
          resolve('connected');
        });
        socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      });
      assert.equal(refused, 'ECONNREFUSED', address);
    }
    assert.deepEqual(['127.0.0.1', '::ffff:127.0.0.1', '::1', '127.3.2.1', '10.0.0.5', '192.168.1.20', '::ffff:10.0.0.1', '', undefined].map(isLoopbackAddress), [true, true, true, true, false, false, false, false, false]);
    assert.deepEqual([`127.0.0.1:${server.port}`, `LOCALHOST:${server.port}`, `127.0.0.1:${server.port + 1}`, 'evil.example', `evil.example:${server.port}`, undefined].map((host) => isOwnHost(host, server.port)), [true, true, false, false, false, false]);
    assert.deepEqual([tokenMatches(server.token, server.token), tokenMatches(`${server.token}0`, server.token), tokenMatches('', server.token), tokenMatches(null, server.token)], [true, false, false, false]);
  });

  test('a call needs the token: none or a wrong one gets 401 and changes nothing', async () => {
    const before = t.snapshot();
    const none = await send(server.port, { method: 'POST', path: '/api/call/filings:reject', body: JSON.stringify({ id: 1, reason: 'x' }) });
    const wrong = await call('import:upload', { name: 'a.txt', base64: Buffer.from(readFileSync(seedFiles()[0] as string)).toString('base64') }, 'f'.repeat(64));
    const basic = await send(server.port, { method: 'POST', path: '/api/call/app:info', headers: { Authorization: `Basic ${server.token}` }, body: '{}' });
    for (const reply of [none, wrong, basic]) {
      assert.equal(reply.status, 401);
      assert.equal(reply.json().error?.code, 'unauthorized');
    }
    assert.equal((await send(server.port, { path: '/api/events' })).status, 401);
    assert.equal((await send(server.port, { path: `/api/events?token=${'0'.repeat(64)}` })).status, 401);
    assert.equal((await send(server.port, { path: '/pages/1/1' })).status, 401);
    assert.equal(t.snapshot(), before);
  });

  test('another Host (DNS rebinding) is refused with 403', async () => {
    for (const host of ['evil.example', `evil.example:${server.port}`, `127.0.0.1:${server.port + 1}`, `[::1]:${server.port}`]) {
      const reply = await send(server.port, { method: 'POST', path: '/api/call/app:info', headers: { Host: host, Authorization: `Bearer ${server.token}` }, body: '{}' });
      assert.equal(reply.status, 403, host);
      assert.equal(reply.json().error?.code, 'forbidden');
    }
    const named = await send(server.port, { method: 'POST', path: '/api/call/app:info', headers: { Host: `localhost:${server.port}`, Authorization: `Bearer ${server.token}` }, body: '{}' });
    assert.equal(named.status, 200);
  });

  test('a body over the limit gets 413, by its length or as it streams', async () => {
    const before = t.snapshot();
    const body = JSON.stringify({ name: 'big.txt', base64: 'A'.repeat(4096) });
    for (const chunked of [false, true]) {
      const reply = await send(small.port, { method: 'POST', path: '/api/call/import:upload', headers: { Authorization: `Bearer ${small.token}` }, body, chunked });
      assert.equal(reply.status, 413, `chunked: ${chunked}`);
      assert.match(reply.json().error?.message ?? '', /limit of 1024|limit is 1024/);
    }
    assert.equal(t.snapshot(), before);
  });

  test('bad JSON gets 400, an unknown call 404, a wrong method 405', async () => {
    const bad = await send(server.port, { method: 'POST', path: '/api/call/filings:list', headers: { Authorization: `Bearer ${server.token}` }, body: '{"limit": ' });
    assert.equal(bad.status, 400);
    assert.equal(bad.json().error?.code, 'bad-request');
    const unknown = await call('filings:drop', {});
    assert.equal(unknown.status, 404);
    assert.deepEqual(unknown.json(), { ok: false, error: { code: 'not-found', message: 'there is no call "filings:drop"' } });
    assert.equal((await call('%E0%A4%A', {})).status, 404);
    assert.equal((await send(server.port, { path: `/api/call/app:info`, headers: { Authorization: `Bearer ${server.token}` } })).status, 405);
    const refused = await call('filings:get', { id: 'one' });
    assert.equal(refused.status, 200, 'a refusal by the contract is an answer, not a transport error');
    assert.equal(refused.json().error?.code, 'bad-request');
  });

  test('the event stream says it is ready, then delivers import:progress for an upload; a round trip lists the filing', async () => {
    const events: string[] = [];
    let buffer = '';
    let onChunk: () => void = () => undefined;
    const stream = httpRequest({ host: '127.0.0.1', port: server.port, path: `/api/events?token=${server.token}` }, (response) => {
      assert.equal(response.headers['content-type'], 'text/event-stream; charset=utf-8');
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => {
        buffer += chunk;
        onChunk();
      });
    });
    stream.on('error', () => undefined);
    stream.end();
    const until = (text: string) =>
      new Promise<void>((resolve) => {
        onChunk = () => {
          if (buffer.includes(text)) resolve();
        };
        onChunk();
      });
    await until(': ready\n\n');
    const done = nextEvent(t.api, 'import:running', (payload) => !payload.running);
    const seed = seedFiles()[1] as string;
    const uploaded = await call('import:upload', { name: basename(seed), base64: readFileSync(seed).toString('base64') });
    assert.equal(uploaded.status, 200);
    assert.equal(uploaded.json().ok, true);
    await until('event: import:running\ndata: {"running":false}\n\n');
    stream.destroy();
    await done;
    for (const block of buffer.split('\n\n')) {
      const match = /^event: (\S+)\ndata: (.*)$/.exec(block);
      if (match !== null) events.push(`${match[1]}:${(JSON.parse(match[2] as string) as { type?: string }).type ?? ''}`);
    }
    assert.ok(events.includes('import:progress:queued') && events.includes('import:progress:finished'), events.join(' '));
    assert.ok(events.includes('filings:changed:'));

    const listed = await call('filings:list', { sort: 'id' });
    assert.equal(listed.status, 200);
    assert.equal(listed.headers['content-type'], 'application/json; charset=utf-8');
    const page = listed.json().value as { total: number; items: Array<{ id: number }> };
    assert.equal(page.total, 1);
  });

  test('a page image is served with the token; traversal attempts are refused', async () => {
    const id = ((await call('filings:list', {})).json().value as { items: Array<{ id: number }> }).items[0]?.id as number;
    const image = await send(server.port, { path: `/pages/${id}/1?token=${server.token}` });
    assert.equal(image.status, 200);
    assert.equal(image.headers['content-type'], 'image/png');
    assert.deepEqual(image.body, PNG);
    assert.equal((await send(server.port, { path: `/pages/${id}/2?token=${server.token}` })).status, 404);
    assert.equal((await send(server.port, { path: `/pages/99999/1?token=${server.token}` })).status, 404);
    const attempts = [
      '/pages/../../etc/passwd',
      `/pages/../../etc/passwd?token=${server.token}`,
      `/pages/%2e%2e/%2e%2e/etc/passwd?token=${server.token}`,
      `/pages/..%2f..%2fetc%2fpasswd?token=${server.token}`,
      `/pages/${id}/..%2f..%2f..%2fsecret.txt?token=${server.token}`,
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/assets/%2e%2e/%2e%2e/secret.txt',
      '/..%5csecret.txt',
      '/assets/%00',
      '/%E0%A4%A',
      '/../../../../etc/passwd',
    ];
    for (const path of attempts) {
      const reply = await send(server.port, { path });
      assert.ok(reply.status === 404 || reply.status === 401 || reply.status === 400, `${path}: ${reply.status}`);
      assert.ok(!reply.body.toString('utf8').includes(SECRET) && !reply.body.toString('utf8').includes('root:'), path);
    }
  });

  test('static files come without a token, with the CSP and nosniff', async () => {
    const index = await send(server.port, { path: '/' });
    assert.equal(index.status, 200);
    assert.equal(index.body.toString('utf8'), readFileSync(join(staticDir, 'index.html'), 'utf8'));
    assert.equal(index.headers['content-type'], 'text/html; charset=utf-8');
    assert.equal(index.headers['content-security-policy'], CONTENT_SECURITY_POLICY);
    assert.equal(CONTENT_SECURITY_POLICY, "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'");
    assert.equal(index.headers['x-content-type-options'], 'nosniff');
    const script = await send(server.port, { path: '/assets/app.js' });
    assert.equal(script.headers['content-type'], 'text/javascript; charset=utf-8');
    assert.equal(script.headers['content-security-policy'], CONTENT_SECURITY_POLICY);
    const head = await send(server.port, { method: 'HEAD', path: '/index.html' });
    assert.deepEqual([head.status, head.body.length], [200, 0]);
    assert.equal((await send(server.port, { method: 'POST', path: '/', body: 'x' })).status, 405);
    assert.equal((await send(server.port, { path: '/missing.js' })).status, 404);
    assert.equal((await send(server.port, { path: '/assets' })).status, 404);
  });
});
