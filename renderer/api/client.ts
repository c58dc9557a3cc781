// The one ApiClient of the page: the Electron preload's `window.api` when there is one, else the
// loopback web client. Everything else in the renderer reaches main through this.
import type { ApiClient } from '../../shared/api.js';
import { createWebClient } from './web-client.js';

declare global {
  interface Window {
    /** Set by the Electron preload (main/app); absent in a browser. */
    api?: ApiClient;
  }
}

export const api: ApiClient = window.api ?? createWebClient();
