// The app:// scheme in Electron: declared privileged before the app is ready (a standard, secure
// origin, so the UI gets relative URLs, ES modules and a secure context without file://), then
// answered by app-protocol-handler.ts.
import { readFile } from 'node:fs/promises';
import { protocol, type Session } from 'electron';
import type { AppApi } from '../api/app-api.js';
import { appRequestHandler } from './app-protocol-handler.js';
import { APP_SCHEME } from './app-scheme.js';

/** Must run before app 'ready'. No bypassCSP, no CORS, no service workers: the UI needs none. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
}

export function serveAppScheme(session: Session, uiRoot: string, api: Pick<AppApi, 'pageImageFile'>): void {
  const handler = appRequestHandler({ uiRoot, pageImageFile: (filingId, page, size) => api.pageImageFile(filingId, page, size), readFile });
  session.protocol.handle(APP_SCHEME, (request) => handler(request));
}
