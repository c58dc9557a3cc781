// 'app:info': what the renderer needs to know about where it runs.
import type { ApiHandlers } from '../../shared/api.js';
import { RULE_IDS, RULE_SEVERITY } from '../../shared/findings.js';
import type { ApiContext } from './api-context.js';

export function appHandlers(context: ApiContext): Pick<ApiHandlers, 'app:info'> {
  return {
    'app:info': () => ({
      version: context.version,
      transport: context.transport,
      dataFolder: context.dataFolder,
      user: context.user,
      nativeDialogs: context.dialogs !== undefined,
      rules: RULE_IDS.map((id) => ({ id, severity: RULE_SEVERITY[id] })),
    }),
  };
}
