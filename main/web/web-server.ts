// The API over loopback HTTP, for a browser and for Playwright: POST /api/call/<name> (bearer
// token), GET /api/events (server-sent events), GET /pages/<filing>/<page>[/display] (page images,
// full or the display copy) and the renderer's static files. Bound to 127.0.0.1 only; requests from
// elsewhere or under another host name are refused, data needs the token, and every response carries
// a strict CSP.
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isCallName, type ApiResult } from '../../shared/api.js';
import type { AppApi } from '../api/app-api.js';
import { contentTypeFor } from '../api/served-files.js';
import { BodyTooLargeError, readBody } from './request-body.js';
import { bearerToken, isLoopbackAddress, isOwnHost, tokenMatches } from './request-guard.js';
import { sendStaticFile, staticFilePath } from './static-files.js';

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/** Uploads travel as base64 in JSON: 200 MB of file is about 267 MB of body. */
const MAX_BODY_BYTES = 300 * 1024 * 1024;
/** A comment line now and then keeps an idle event stream open and finds closed ones. */
const HEARTBEAT_MS = 25_000;
/** An event stream whose reader has stopped reading is cut off once this much waits for it. */
const MAX_STREAM_BACKLOG = 8 * 1024 * 1024;

export interface WebServerOptions {
  api: Pick<AppApi, 'call' | 'onEvent' | 'pageImageFile'>;
  /** The renderer's build (out/renderer/). */
  staticDir: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Default: 32 random bytes, hex. */
  token?: string;
  maxBodyBytes?: number;
  log?: (line: string) => void;
}

export interface WebServer {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(32).toString('hex');
  const maxBodyBytes = options.maxBodyBytes ?? MAX_BODY_BYTES;
  const log = options.log ?? ((line: string) => void process.stderr.write(line));
  const streams = new Set<ServerResponse>();
  let port = 0;

  const server = createServer((request, response) => {
    setCommonHeaders(response);
    handle(request, response).catch((error: unknown) => {
      log(`form4 web: ${request.method} ${request.url?.slice(0, 200)} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      if (!response.headersSent) sendJson(response, 500, { ok: false, error: { code: 'internal', message: 'the server failed to answer' } });
      else response.destroy();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!isLoopbackAddress(request.socket.remoteAddress)) return refuse(response, 403, 'forbidden', 'only this computer may connect');
    if (!isOwnHost(request.headers.host, port)) return refuse(response, 403, 'forbidden', `the Host must be 127.0.0.1:${port} or localhost:${port}`);
    const url = request.url ?? '/';
    const queryAt = url.indexOf('?');
    const path = queryAt === -1 ? url : url.slice(0, queryAt);
    const query = new URLSearchParams(queryAt === -1 ? '' : url.slice(queryAt + 1));

    if (path.startsWith('/api/call/')) return apiCall(request, response, path.slice('/api/call/'.length));
    if (path === '/api/events') {
      if (request.method !== 'GET') return refuse(response, 405, 'bad-request', 'GET the event stream');
      if (!tokenMatches(query.get('token'), token)) return refuse(response, 401, 'unauthorized', 'the token is missing or wrong');
      return eventStream(request, response);
    }
    if (path.startsWith('/pages/')) {
      if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(response, 405, 'bad-request', 'GET a page image');
      if (!tokenMatches(query.get('token'), token)) return refuse(response, 401, 'unauthorized', 'the token is missing or wrong');
      return pageImage(request, response, path);
    }
    if (path.startsWith('/api/')) return refuse(response, 404, 'not-found', 'no such API route');
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(response, 405, 'bad-request', 'only GET serves files');
    const file = staticFilePath(options.staticDir, path);
    if (file === null || !(await sendStaticFile(options.staticDir, file, response, request.method === 'HEAD'))) {
      sendText(response, 404, 'not found');
    }
  }

  async function apiCall(request: IncomingMessage, response: ServerResponse, rawName: string): Promise<void> {
    if (request.method !== 'POST') return refuse(response, 405, 'bad-request', 'POST a call');
    if (!tokenMatches(bearerToken(request), token)) return refuse(response, 401, 'unauthorized', 'the token is missing or wrong (Authorization: Bearer <token>)');
    let name: string;
    try {
      name = decodeURIComponent(rawName);
    } catch {
      return refuse(response, 404, 'not-found', 'there is no such call');
    }
    if (!isCallName(name)) return refuse(response, 404, 'not-found', `there is no call ${JSON.stringify(name.slice(0, 100))}`);
    let body: Buffer;
    try {
      body = await readBody(request, maxBodyBytes);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return refuse(response, 413, 'bad-request', `${name}: ${error.message}`);
      throw error;
    }
    let input: unknown;
    if (body.length > 0) {
      try {
        input = JSON.parse(body.toString('utf8'));
      } catch (error) {
        return sendJson(response, 400, { ok: false, error: { code: 'bad-request', message: `${name}: the body is not JSON (${(error as Error).message.slice(0, 200)})` } });
      }
    }
    sendJson(response, 200, await options.api.call(name, input));
  }

  function eventStream(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    response.write(': ready\n\n');
    streams.add(response);
    const unsubscribe = options.api.onEvent((event, payload) => {
      if (response.writableLength > MAX_STREAM_BACKLOG) {
        response.destroy();
        return;
      }
      response.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
    });
    const heartbeat = setInterval(() => response.write(': ping\n\n'), HEARTBEAT_MS);
    heartbeat.unref();
    const end = (): void => {
      clearInterval(heartbeat);
      unsubscribe();
      streams.delete(response);
    };
    request.once('close', end);
    response.once('close', end);
  }

  function pageImage(request: IncomingMessage, response: ServerResponse, path: string): void {
    const match = /^\/pages\/(\d{1,15})\/(\d{1,6})(\/display)?$/.exec(path);
    const file = match === null ? null : options.api.pageImageFile(Number(match[1]), Number(match[2]), match[3] === undefined ? 'full' : 'display');
    if (file === null) return sendText(response, 404, 'no such page image');
    const stream = createReadStream(file);
    stream.once('open', () => {
      // Never kept by the browser: the pages are confidential, and a cache outlives the session.
      response.writeHead(200, { 'Content-Type': contentTypeFor(file), 'Cache-Control': 'private, no-store' });
      if (request.method === 'HEAD') {
        stream.destroy();
        response.end();
        return;
      }
      stream.pipe(response);
    });
    stream.once('error', () => {
      if (!response.headersSent) sendText(response, 404, 'no such page image');
      else response.destroy();
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const stream of streams) stream.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function setCommonHeaders(response: ServerResponse): void {
  response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

function sendJson(response: ServerResponse, status: number, result: ApiResult<unknown>): void {
  const body = JSON.stringify(result);
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store' });
  response.end(body);
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text), 'Cache-Control': 'no-store' });
  response.end(text);
}

/**
 * An error answer. The connection is closed after it: a refused request may still be sending a body
 * (a large upload without the token), which is not worth reading.
 */
function refuse(response: ServerResponse, status: number, code: string, message: string): void {
  response.setHeader('Connection', 'close');
  sendJson(response, status, { ok: false, error: { code, message } });
}
