// What the window's session lets a page load and what headers every response carries. The UI is
// local code from app://ui; nothing it shows may come from the network or run inline, so a bug that
// lets filing text into the DOM cannot become script. Pure: session-security.ts applies it.
import { APP_SCHEME, PAGES_HOST } from './app-scheme.js';

/**
 * The UI's policy: its own files only; page images from app://pages; inline styles because React
 * sets `style` attributes. The web transport (main/web/) serves the same UI under a policy of its
 * own, where page images come from 'self'.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  `img-src 'self' ${APP_SCHEME}://${PAGES_HOST} data: blob:`,
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
};

/** A response's headers with ours in place of any the response brought (names match in any case). */
export function withSecurityHeaders(headers: Record<string, string[]> | undefined): Record<string, string[]> {
  const ours = new Set(Object.keys(SECURITY_HEADERS).map((name) => name.toLowerCase()));
  const kept = Object.entries(headers ?? {}).filter(([name]) => !ours.has(name.toLowerCase()));
  return Object.fromEntries([...kept, ...Object.entries(SECURITY_HEADERS).map(([name, value]) => [name, [value]] as const)]);
}

/**
 * Schemes a request of the window may use: the app's own, inline data, and the DevTools' own
 * pages. Everything else (http, https, ws, file, ...) is cancelled: the product never calls the
 * network, and a page never reads the disk but through app://.
 */
const ALLOWED_REQUEST_SCHEMES = new Set([`${APP_SCHEME}:`, 'data:', 'blob:', 'devtools:']);

export function isAllowedRequestUrl(url: string): boolean {
  try {
    return ALLOWED_REQUEST_SCHEMES.has(new URL(url).protocol);
  } catch {
    return false;
  }
}
