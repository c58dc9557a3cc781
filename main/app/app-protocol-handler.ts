// Answers app:// requests: the UI's files from its folder, stored page images through the API's
// checked lookup, and a plain-text refusal for anything else. Every response carries the security
// headers. No Electron here: protocol.handle takes a fetch-style handler, and so does a Node test.
import type { AppApi } from '../api/app-api.js';
import { contentTypeFor } from '../api/served-files.js';
import { routeAppRequest } from './app-url.js';
import { SECURITY_HEADERS } from './content-security.js';

export interface AppProtocolOptions {
  /** The folder of the renderer's build. */
  uiRoot: string;
  pageImageFile: AppApi['pageImageFile'];
  readFile: (path: string) => Promise<Uint8Array>;
}

export type AppRequestHandler = (request: { url: string; method: string }) => Promise<Response>;

export function appRequestHandler({ uiRoot, pageImageFile, readFile }: AppProtocolOptions): AppRequestHandler {
  return async ({ url, method }) => {
    const route = routeAppRequest(url, method, uiRoot);
    if (route.kind === 'refused') return refusal(route.status, route.reason);
    const file = route.kind === 'ui' ? route.file : pageImageFile(route.filingId, route.page, route.size);
    if (file === null) return refusal(404, `no image of page ${route.kind === 'page' ? route.page : ''} of this filing`);
    let body: Uint8Array;
    try {
      body = await readFile(file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      return code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR' ? refusal(404, 'not found') : refusal(500, 'could not be read');
    }
    const headers = { ...SECURITY_HEADERS, 'Content-Type': contentTypeFor(file), 'Content-Length': String(body.byteLength) };
    return new Response(method === 'HEAD' ? null : body, { status: 200, headers });
  };
}

function refusal(status: number, reason: string): Response {
  return new Response(`${status} ${reason}\n`, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' } });
}
