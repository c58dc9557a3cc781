// Who may call the API over IPC: only the UI's own top frame, loaded from app://ui. A frame that got
// in some other way (an iframe, a page navigated elsewhere despite the guards) is refused before its
// input reaches the API. Pure: api-ipc.ts reads the facts off the IPC event.
import { APP_SCHEME, UI_HOST } from './app-scheme.js';

export interface SenderFrame {
  /** The frame's current URL; absent when the frame is gone. */
  url: string | undefined;
  /** Whether it is the window's top frame (no parent). */
  isTopFrame: boolean;
}

export function isTrustedSender(frame: SenderFrame | null): boolean {
  if (frame === null || frame.url === undefined || !frame.isTopFrame) return false;
  try {
    const url = new URL(frame.url);
    return url.protocol === `${APP_SCHEME}:` && url.host === UI_HOST;
  } catch {
    return false;
  }
}
