// The preload's window.api and main's one IPC handler, joined by a fake IPC bus that carries what
// Electron would: the sender's frame up, the channel and arguments down.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ApiEvents, ApiResult, EventName } from '../../../shared/api.js';
import { forwardApiEvents, registerApiIpc, sendApiEvent, type EventSink, type InvokeEvent, type IpcRegistrar } from '../../../main/app/api-ipc.js';
import { API_CALL_CHANNEL, API_EVENT_CHANNEL } from '../../../main/app/app-scheme.js';
import { createApiClient, type PreloadIpc } from '../../../main/app/preload-api.js';

type Handler = (event: InvokeEvent, ...args: unknown[]) => Promise<unknown>;

function fakeBus(frame: InvokeEvent['senderFrame']) {
  const handlers = new Map<string, Handler>();
  const rendererListeners = new Map<string, Array<(event: unknown, ...args: unknown[]) => void>>();
  const main: IpcRegistrar = {
    handle: (channel, listener) => {
      assert.ok(!handlers.has(channel), `one handler per channel: ${channel}`);
      handlers.set(channel, listener);
    },
    removeHandler: (channel) => handlers.delete(channel),
  };
  const renderer: PreloadIpc = {
    invoke: async (channel, ...args) => {
      const handler = handlers.get(channel);
      if (handler === undefined) throw new Error(`No handler registered for '${channel}'`);
      // Electron structured-clones both ways; a function in the input cannot cross.
      return structuredClone(await handler({ senderFrame: frame }, ...structuredClone(args)));
    },
    on: (channel, listener) => rendererListeners.set(channel, [...(rendererListeners.get(channel) ?? []), listener]),
  };
  const contents: EventSink & { destroyed: boolean } = {
    destroyed: false,
    isDestroyed() {
      return this.destroyed;
    },
    send: (channel, ...args) => {
      const ipcEvent = { sender: 'the IpcRendererEvent, which must not reach the page' };
      for (const listener of rendererListeners.get(channel) ?? []) listener(ipcEvent, ...structuredClone(args));
    },
  };
  return { main, renderer, contents, handlers, rendererListeners };
}

function fakeApi() {
  const calls: Array<[string, unknown]> = [];
  const listeners = new Set<(event: EventName, payload: ApiEvents[EventName]) => void>();
  return {
    calls,
    async call(name: string, input: unknown): Promise<ApiResult<unknown>> {
      calls.push([name, input]);
      return name === 'app:info' ? { ok: true, value: { transport: 'electron' } } : { ok: false, error: { code: 'bad-request', message: `${name}: unknown call` } };
    },
    onEvent(listener: (event: EventName, payload: ApiEvents[EventName]) => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    emit<E extends EventName>(event: E, payload: ApiEvents[E]) {
      for (const listener of listeners) listener(event, payload);
    },
  };
}

const uiFrame = { url: 'app://ui/index.html#/queue', parent: null };

describe('IPC bridge', () => {
  test("a call from the UI's top frame reaches the API with its name and input, and its result comes back", async () => {
    const bus = fakeBus(uiFrame);
    const api = fakeApi();
    registerApiIpc(bus.main, api);
    const client = createApiClient(bus.renderer, () => '');
    assert.deepEqual(await client.call('app:info', {}), { ok: true, value: { transport: 'electron' } });
    assert.deepEqual(await client.call('filings:get', { id: 3 }), { ok: false, error: { code: 'bad-request', message: 'filings:get: unknown call' } });
    assert.deepEqual(api.calls, [
      ['app:info', {}],
      ['filings:get', { id: 3 }],
    ]);
  });

  test('a call from any other frame is refused before the API sees it', async () => {
    for (const frame of [{ url: 'app://ui/index.html', parent: { url: 'app://ui/index.html' } }, { url: 'https://example.com/', parent: null }, { url: 'file:///tmp/x.html', parent: null }, null]) {
      const bus = fakeBus(frame);
      const api = fakeApi();
      registerApiIpc(bus.main, api);
      const result = await createApiClient(bus.renderer, () => '').call('app:info', {});
      assert.equal(result.ok, false, JSON.stringify(frame));
      assert.equal(!result.ok && result.error.code, 'forbidden');
      assert.deepEqual(api.calls, []);
    }
  });

  test('a frame that is gone (its getter throws) is refused too', async () => {
    const api = fakeApi();
    let handler: Handler | undefined;
    registerApiIpc({ handle: (_channel, listener) => (handler = listener), removeHandler: () => undefined }, api);
    const gone = {
      get senderFrame(): InvokeEvent['senderFrame'] {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    const result = (await handler?.(gone, 'app:info', {})) as ApiResult<unknown>;
    assert.equal(!result.ok && result.error.code, 'forbidden');
    assert.deepEqual(api.calls, []);
  });

  test('a call name that is not a string is a bad request, not a crash', async () => {
    const bus = fakeBus(uiFrame);
    const api = fakeApi();
    registerApiIpc(bus.main, api);
    const result = (await bus.renderer.invoke(API_CALL_CHANNEL, { name: 'app:info' }, {})) as ApiResult<unknown>;
    assert.equal(!result.ok && result.error.code, 'bad-request');
    assert.deepEqual(api.calls, []);
  });

  test('a call that cannot be sent resolves to an error result instead of rejecting', async () => {
    const bus = fakeBus(uiFrame);
    const client = createApiClient(bus.renderer, () => '');
    const unregistered = await client.call('app:info', {});
    assert.equal(!unregistered.ok && unregistered.error.code, 'internal');
    registerApiIpc(bus.main, fakeApi());
    const uncloneable = await client.call('filings:get', { id: 1, extra: () => 1 } as never);
    assert.equal(uncloneable.ok, false);
    assert.match(!uncloneable.ok ? uncloneable.error.message : '', /^filings:get: /);
  });

  test('the registration can be removed', () => {
    const bus = fakeBus(uiFrame);
    const remove = registerApiIpc(bus.main, fakeApi());
    assert.ok(bus.handlers.has(API_CALL_CHANNEL));
    remove();
    assert.ok(!bus.handlers.has(API_CALL_CHANNEL));
  });

  test('events reach only their own listeners, as bare payloads, until unsubscribed', () => {
    const bus = fakeBus(uiFrame);
    const api = fakeApi();
    const client = createApiClient(bus.renderer, () => '');
    forwardApiEvents(api, () => bus.contents);
    const changed: unknown[][] = [];
    const running: unknown[][] = [];
    const first = client.on('filings:changed', (...args) => changed.push(args));
    client.on('import:running', (...args) => running.push(args));
    api.emit('filings:changed', { ids: [1, 2] });
    api.emit('import:running', { running: true });
    first();
    api.emit('filings:changed', { ids: [3] });
    assert.deepEqual(changed, [[{ ids: [1, 2] }]]);
    assert.deepEqual(running, [[{ running: true }]]);
    // However many views subscribe, the preload holds one IPC listener.
    for (let view = 0; view < 20; view += 1) client.on('filings:changed', () => undefined);
    assert.equal(bus.rendererListeners.get(API_EVENT_CHANNEL)?.length, 1);
  });

  test('a listener that throws does not keep the event from the others', (t) => {
    const bus = fakeBus(uiFrame);
    const client = createApiClient(bus.renderer, () => '');
    const logged = t.mock.method(console, 'error', () => undefined);
    const seen: string[] = [];
    client.on('app:command', () => {
      throw new Error('view failed');
    });
    client.on('app:command', ({ command }) => seen.push(command));
    sendApiEvent(bus.contents, 'app:command', { command: 'filing.approve' });
    assert.deepEqual(seen, ['filing.approve']);
    assert.equal(logged.mock.callCount(), 1);
  });

  test('nothing is sent to a closed window', () => {
    const bus = fakeBus(uiFrame);
    const api = fakeApi();
    const client = createApiClient(bus.renderer, () => '');
    const seen: unknown[] = [];
    client.on('filings:changed', (payload) => seen.push(payload));
    forwardApiEvents(api, () => bus.contents);
    bus.contents.destroyed = true;
    api.emit('filings:changed', { ids: [1] });
    sendApiEvent(null, 'filings:changed', { ids: [2] });
    assert.deepEqual(seen, []);
  });

  test('page images are app://pages URLs; a dropped file gives its path, anything else null', () => {
    const bus = fakeBus(uiFrame);
    const files = new Map<object, string>();
    const dropped = { name: 'scan.pdf' };
    files.set(dropped, '/home/ann/scan.pdf');
    const client = createApiClient(bus.renderer, (file) => {
      const path = files.get(file);
      if (path === undefined) throw new TypeError('parameter 1 is not of type File');
      return path;
    });
    assert.equal(client.pageImageUrl(12, 3), 'app://pages/12/3');
    assert.equal(client.pathForFile(dropped), '/home/ann/scan.pdf');
    assert.equal(client.pathForFile({ name: 'not a file' }), null);
    assert.equal(createApiClient(bus.renderer, () => '').pathForFile(dropped), null);
  });
});
