// What an app:// request asks for. The UI's files and the filings' page images are served from a
// privileged custom scheme instead of file:// so that the page has an origin of its own (app://ui),
// a strict CSP, and no way to read anything on disk but what these routes hand out. Pure: the
// protocol handler (app-protocol-handler.ts) does the reading.
import { isAbsolute, relative, resolve } from 'node:path';
import { urlPathSegments } from '../api/served-files.js';
import { APP_SCHEME, PAGES_HOST, UI_HOST } from './app-scheme.js';

export type AppRoute =
  | { kind: 'ui'; file: string }
  | { kind: 'page'; filingId: number; page: number; size: 'full' | 'display' }
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
  const segments = urlPathSegments(parsed.pathname);
  if (segments === null) return { kind: 'refused', status: 403, reason: 'a path segment is malformed or leaves its folder' };
  if (parsed.host === UI_HOST) {
    const file = resolveInside(uiRoot, segments.length === 0 ? ['index.html'] : segments);
    return file === null ? { kind: 'refused', status: 403, reason: 'path escapes its folder' } : { kind: 'ui', file };
  }
  if (parsed.host === PAGES_HOST) {
    const display = segments.length === 3 && segments[2] === 'display';
    const [filingId, page, ...rest] = (display ? segments.slice(0, 2) : segments).map(positiveInteger);
    if (filingId == null || page == null || rest.length > 0) return { kind: 'refused', status: 404, reason: 'a page is app://pages/<filingId>/<page>[/display]' };
    return { kind: 'page', filingId, page, size: display ? 'display' : 'full' };
  }
  return { kind: 'refused', status: 404, reason: `unknown host ${parsed.host}` };
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
