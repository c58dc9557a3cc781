// window.api as the preload builds it: the ApiClient of shared/api.ts over two IPC channels. The page
// never sees ipcRenderer or an IPC event object, only results and event payloads; a call never
// rejects (a failure to send becomes an error result); `on` returns its unsubscribe. Written against
// the two members of ipcRenderer it uses, so it runs in Node with a fake.
import type { ApiClient, ApiEvents, ApiResult, EventName } from '../../shared/api.js';
import { API_CALL_CHANNEL, API_EVENT_CHANNEL, pageImageUrl } from './app-scheme.js';

export interface PreloadIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** webUtils.getPathForFile: the path of a File from a drop or a file input, '' when it has none. */
export type PathForFile = (file: object) => string;

type Listener = (payload: unknown) => void;

export function createApiClient(ipc: PreloadIpc, getPathForFile: PathForFile): ApiClient {
  // One IPC listener for all subscriptions: a listener per `on` would pile up on ipcRenderer
  // (and past ten, Node warns of a leak) in a page that subscribes per mounted view.
  const listeners = new Map<string, Set<Listener>>();
  ipc.on(API_EVENT_CHANNEL, (_event, name, payload) => {
    if (typeof name !== 'string') return;
    for (const listener of [...(listeners.get(name) ?? [])]) {
      try {
        listener(payload);
      } catch (error) {
        // One failing view must not keep the event from the others.
        console.error(`window.api listener for ${name} failed:`, error);
      }
    }
  });

  return {
    async call(name, input) {
      try {
        return (await ipc.invoke(API_CALL_CHANNEL, name, input)) as ApiResult<never>;
      } catch (error) {
        return { ok: false, error: { code: 'internal', message: `${name}: ${error instanceof Error ? error.message : String(error)}` } };
      }
    },
    on<E extends EventName>(event: E, listener: (payload: ApiEvents[E]) => void) {
      const forEvent = listeners.get(event) ?? new Set<Listener>();
      listeners.set(event, forEvent);
      // A wrapper of its own, so the same function subscribed twice is two subscriptions.
      const entry: Listener = (payload) => listener(payload as ApiEvents[E]);
      forEvent.add(entry);
      return () => {
        forEvent.delete(entry);
      };
    },
    pageImageUrl,
    pathForFile(file) {
      try {
        const path = getPathForFile(file);
        return path === '' ? null : path;
      } catch {
        return null;
      }
    },
  };
}
