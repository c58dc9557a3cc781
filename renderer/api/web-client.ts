// The ApiClient over the loopback web transport (main/web): each call a POST of its input as JSON,
// events from one EventSource, page images by URL. The token comes once in the page's address
// (`#token=...`), is kept for the tab's session and taken out of the address bar.
import type { ApiClient, ApiEvents, ApiResult, CallInput, CallName, CallValue, EventName, PageImageSize } from '../../shared/api.js';

const TOKEN_KEY = 'form4.token';

function takeToken(): string {
  const match = /(?:^#|&)token=([0-9A-Za-z_-]+)/.exec(location.hash);
  if (match?.[1] !== undefined) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', location.pathname + location.search);
    return match[1];
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function failure(code: string, message: string): ApiResult<never> {
  return { ok: false, error: { code, message } };
}

function isApiResult(value: unknown): value is ApiResult<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

export function createWebClient(): ApiClient {
  const token = takeToken();
  const listeners = new Map<EventName, Set<(payload: never) => void>>();
  let source: EventSource | null = null;

  const subscribe = (event: EventName): void => {
    if (source === null) source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
    source.addEventListener(event, (message) => {
      let payload: unknown;
      try {
        payload = JSON.parse((message as MessageEvent<string>).data);
      } catch {
        return;
      }
      for (const listener of listeners.get(event) ?? []) listener(payload as never);
    });
  };

  return {
    async call<N extends CallName>(name: N, input: CallInput<N>): Promise<ApiResult<CallValue<N>>> {
      let response: Response;
      try {
        response = await fetch(`/api/call/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify(input ?? {}),
        });
      } catch (error) {
        return failure('network', `${name}: the app's server does not answer (${error instanceof Error ? error.message : String(error)})`);
      }
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        return failure('internal', `${name}: the server answered ${response.status} ${response.statusText} without a result`);
      }
      if (isApiResult(body)) return body as ApiResult<CallValue<N>>;
      return failure('internal', `${name}: the server answered ${response.status} with something that is not a result`);
    },

    on<E extends EventName>(event: E, listener: (payload: ApiEvents[E]) => void): () => void {
      let set = listeners.get(event);
      if (set === undefined) {
        set = new Set();
        listeners.set(event, set);
        subscribe(event);
      }
      const entry = listener as (payload: never) => void;
      set.add(entry);
      return () => set.delete(entry);
    },

    pageImageUrl(filingId: number, page: number, size: PageImageSize = 'full'): string {
      return `/pages/${filingId}/${page}${size === 'display' ? '/display' : ''}?token=${encodeURIComponent(token)}`;
    },

    pathForFile(): string | null {
      return null;
    },
  };
}
