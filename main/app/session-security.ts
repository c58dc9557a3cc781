// The session's guards, set once before the window loads: every permission a page may ask for is
// refused (the UI needs none), requests to anything but app:// and inline data are cancelled,
// every response gets the CSP, and downloads are refused (exports are written by main).
import type { Session } from 'electron';
import { isAllowedRequestUrl, withSecurityHeaders } from './content-security.js';

export function lockDownSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => callback({ cancel: !isAllowedRequestUrl(details.url) }));
  session.webRequest.onHeadersReceived((details, callback) => callback({ responseHeaders: withSecurityHeaders(details.responseHeaders) }));
  session.on('will-download', (event) => event.preventDefault());
}
