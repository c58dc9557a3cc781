// What every screen reaches: the API client, the app's info, the command bus and the toasts, and
// `call`, which runs an API call and shows a refused one as a toast so no error goes unseen.
import { createContext, useCallback, useContext, useEffect, useLayoutEffect, useRef } from 'react';
import type { ApiClient, ApiResult, AppInfo, CallInput, CallName, CallValue } from '../../shared/api.js';
import type { CommandId } from '../../shared/keymap.js';
import type { CommandBus, CommandHandler } from './command-bus.js';

export type ToastKind = 'error' | 'info' | 'success';

export interface AppServices {
  api: ApiClient;
  info: AppInfo;
  bus: CommandBus;
  notify(kind: ToastKind, message: string): void;
  /** Counts open modal dialogs: while one is open the screen's keys stay quiet. */
  modal: { open(): () => void; isOpen(): boolean };
}

export const AppContext = createContext<AppServices | null>(null);

export function useApp(): AppServices {
  const services = useContext(AppContext);
  if (services === null) throw new Error('useApp outside <AppContext.Provider>');
  return services;
}

export type Call = <N extends CallName>(name: N, input: CallInput<N>, options?: { quiet?: boolean }) => Promise<ApiResult<CallValue<N>>>;

/** Runs API calls; a refused or failed call is shown as an error toast unless `quiet`. */
export function useCall(): Call {
  const { api, notify } = useApp();
  return useCallback<Call>(
    async (name, input, options) => {
      let result: ApiResult<CallValue<typeof name>>;
      try {
        result = await api.call(name, input);
      } catch (error) {
        result = { ok: false, error: { code: 'internal', message: `${name}: ${error instanceof Error ? error.message : String(error)}` } };
      }
      if (!result.ok && options?.quiet !== true) notify('error', result.error.message);
      return result;
    },
    [api, notify],
  ) as Call;
}

/** Handles a command while the component is mounted (and `enabled`); the latest handler is used. */
export function useCommand(id: CommandId, handler: CommandHandler, enabled = true): void {
  const { bus } = useApp();
  const latest = useRef(handler);
  useLayoutEffect(() => {
    latest.current = handler;
  });
  useEffect(() => (enabled ? bus.register(id, () => latest.current()) : undefined), [bus, id, enabled]);
}
