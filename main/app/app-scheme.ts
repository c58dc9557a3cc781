// The app:// scheme's names, shared by main (which serves it) and the preload (which hands its URLs to
// the page). No imports: the sandboxed preload can load nothing but `electron`.
export const APP_SCHEME = 'app';
/** Where the renderer's build lives: app://ui/<path> -> out/renderer/<path>. */
export const UI_HOST = 'ui';
/** Stored page images: app://pages/<filingId>/<page>, and app://pages/<filingId>/<page>/display for the display copy. */
export const PAGES_HOST = 'pages';
export const UI_ENTRY_URL = `${APP_SCHEME}://${UI_HOST}/index.html`;

/** The URL an <img> of the UI uses for a stored page image ('full' or 'display', shared/api.ts PageImageSize). */
export function pageImageUrl(filingId: number, page: number, size: 'full' | 'display' = 'full'): string {
  return `${APP_SCHEME}://${PAGES_HOST}/${encodeURIComponent(String(filingId))}/${encodeURIComponent(String(page))}${size === 'display' ? '/display' : ''}`;
}

/** IPC channels: the page's calls go up on one, main's events come down on the other. */
export const API_CALL_CHANNEL = 'api:call';
export const API_EVENT_CHANNEL = 'api:event';
