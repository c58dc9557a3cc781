// Imports from the renderer: by path (Electron's dialog and drag and drop), by upload (the web page),
// the run's state and its cancel. The run itself goes on in the background (ImportRunner).
import { isAbsolute } from 'node:path';
import type { ApiHandlers } from '../../shared/api.js';
import type { ApiContext } from './api-context.js';
import { ApiRefusal } from './api-errors.js';

type ImportCalls = 'import:choose' | 'import:paths' | 'import:upload' | 'import:state' | 'import:cancel';

export function importHandlers({ transport, dialogs, imports, user }: ApiContext): Pick<ApiHandlers, ImportCalls> {
  return {
    'import:choose': async () => {
      if (dialogs === undefined) throw new ApiRefusal('unsupported', 'import:choose needs the desktop app; in a browser, upload the files');
      return dialogs.chooseFiles();
    },
    'import:paths': ({ paths }) => {
      // A browser has no paths of the user's files; a path it sends would name files of the machine.
      if (transport === 'web') throw new ApiRefusal('unsupported', 'import:paths is for the desktop app; in a browser, upload the files (import:upload)');
      const bad = paths.find((path) => !isAbsolute(path) || path.includes('\0'));
      if (bad !== undefined) throw new ApiRefusal('bad-request', `import:paths takes absolute paths of files or folders, not '${bad.slice(0, 200)}'`);
      return imports.enqueuePaths(paths, user);
    },
    'import:upload': ({ name, base64 }) => {
      if (base64.length % 4 !== 0) throw new ApiRefusal('bad-request', `import:upload: ${name} is not whole base64 (its length is not a multiple of 4)`);
      const bytes = Buffer.from(base64, 'base64');
      if (bytes.length === 0) throw new ApiRefusal('bad-request', `import:upload: ${name} is empty`);
      return imports.enqueueBytes({ name, from: `upload:${name}`, bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.length) }, user);
    },
    'import:state': () => imports.state(),
    'import:cancel': () => ({ cancelled: imports.cancel() }),
  };
}
