// The one place the API meets IPC. Every call from the page comes through the single 'api:call'
// handler, which refuses any sender but the UI's own top frame and otherwise hands the call to
// AppApi.call (where the input is validated and errors become results). Events go down on one
// channel. Written against the few members of ipcMain and webContents it uses, so it is tested in
// Node with fakes.
import type { ApiEvents, ApiResult, EventName } from '../../shared/api.js';
import type { AppApi } from '../api/app-api.js';
import { API_CALL_CHANNEL, API_EVENT_CHANNEL } from './app-scheme.js';
import { isTrustedSender, type SenderFrame } from './sender-check.js';

/** The parts of Electron's WebFrameMain and IpcMainInvokeEvent the check reads. */
export interface InvokeEvent {
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

export interface IpcRegistrar {
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

/** A webContents, as far as sending events goes. */
export interface EventSink {
  isDestroyed(): boolean;
  send(channel: string, ...args: unknown[]): void;
}

/** Registers the handler; returns its removal. */
export function registerApiIpc(ipc: IpcRegistrar, api: Pick<AppApi, 'call'>): () => void {
  ipc.handle(API_CALL_CHANNEL, async (event, name, input): Promise<ApiResult<unknown>> => {
    const frame = senderFrameOf(event);
    if (!isTrustedSender(frame)) {
      return { ok: false, error: { code: 'forbidden', message: `api:call refused: the sender (${frame?.url ?? 'a closed frame'}) is not the app's own page` } };
    }
    if (typeof name !== 'string') return { ok: false, error: { code: 'bad-request', message: 'api:call: the call name must be a string' } };
    return api.call(name, input);
  });
  return () => ipc.removeHandler(API_CALL_CHANNEL);
}

/** Electron's senderFrame getter throws or returns null once the frame is gone: either is untrusted. */
function senderFrameOf(event: InvokeEvent): SenderFrame | null {
  try {
    const frame = event.senderFrame;
    return frame === null ? null : { url: frame.url, isTopFrame: frame.parent === null };
  } catch {
    return null;
  }
}

export function sendApiEvent<E extends EventName>(sink: EventSink | null, event: E, payload: ApiEvents[E]): void {
  if (sink !== null && !sink.isDestroyed()) sink.send(API_EVENT_CHANNEL, event, payload);
}

/** Forwards every API event to whatever window is current; returns the unsubscribe. */
export function forwardApiEvents(api: Pick<AppApi, 'onEvent'>, currentSink: () => EventSink | null): () => void {
  return api.onEvent((event, payload) => sendApiEvent(currentSink(), event, payload));
}
