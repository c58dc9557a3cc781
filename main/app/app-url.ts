// What an app:// request asks for. The UI's files and the filings' page images are served from a
// privileged custom scheme instead of file:// so that the page has an origin of its own (app://ui),
// a strict CSP, and no way to read anything on disk but what these routes hand out. Pure: the
// protocol handler (app-protocol-handler.ts) does the reading.
import { extname, isAbsolute, relative, resolve } from 'node:path';
import { APP_SCHEME, PAGES_HOST, UI_HOST } from './app-scheme.js';

export type AppRoute =
  | { kind: 'ui'; file: string }
  | { kind: 'page'; filingId: number; page: number }
  | { kind: 'refused'; status: 400 | 403 | 404 | 405; reason: string };

/** Routes a request; `uiRoot` is the absolute folder the UI is served from. */
export function routeAppRequest(url: string, method: string, uiRoot: string): AppRoute {
  if (method !== 'GET' && method !== 'HEAD') return { kind: 'refused', status: 405, reason: `${method} is not served` };
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'refused', status: 400, reason: 'not a URL' };
  }
  if (parsed.protocol !== `${APP_SCHEME}:`) return { kind: 'refused', status: 400, reason: `not an ${APP_SCHEME}: URL` };
  const segments = pathSegments(parsed.pathname);
  if (segments === null) return { kind: 'refused', status: 403, reason: 'a path segment is malformed or leaves its folder' };
  if (parsed.host === UI_HOST) {
    const file = resolveInside(uiRoot, segments.length === 0 ? ['index.html'] : segments);
    return file === null ? { kind: 'refused', status: 403, reason: 'path escapes its folder' } : { kind: 'ui', file };
  }
  if (parsed.host === PAGES_HOST) {
    const [filingId, page, ...rest] = segments.map(positiveInteger);
    if (filingId == null || page == null || rest.length > 0) return { kind: 'refused', status: 404, reason: 'a page is app://pages/<filingId>/<page>' };
    return { kind: 'page', filingId, page };
  }
  return { kind: 'refused', status: 404, reason: `unknown host ${parsed.host}` };
}

/**
 * The decoded segments of a URL path, or null when one of them would step out of the served folder.
 * The URL parser already folds literal `..`, but a percent-encoded slash or dot-dot survives it and
 * would become a real one once decoded.
 */
function pathSegments(pathname: string): string[] | null {
  const segments: string[] = [];
  for (const raw of pathname.split('/')) {
    if (raw === '') continue;
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    if (segment === '.' || segment === '..' || /[/\\\0]/.test(segment) || /^[a-zA-Z]:/.test(segment)) return null;
    segments.push(segment);
  }
  return segments;
}

/** The absolute path of `segments` under `root`, or null when it would not lie inside `root`. */
export function resolveInside(root: string, segments: readonly string[]): string | null {
  const base = resolve(root);
  const full = resolve(base, ...segments);
  const inside = relative(base, full);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return null;
  return full;
}

function positiveInteger(segment: string): number | null {
  if (!/^[1-9]\d{0,14}$/.test(segment)) return null;
  return Number(segment);
}

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** Served with nosniff, so a file of an unknown kind is plain bytes and never runs as script. */
export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
}
