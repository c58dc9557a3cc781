// Exports from the renderer: what would be written, the folder dialog (Electron), and the export.
// The folder must be inside the data folder, or (desktop) one the folder dialog returned: a page
// must not be able to write files anywhere on the machine.
import { join, resolve } from 'node:path';
import type { ApiHandlers, ExportPreview } from '../../shared/api.js';
import type { ApiContext } from './api-context.js';
import { ApiRefusal } from './api-errors.js';
import { reallyInside, realPathOf } from './folders.js';

type ExportCalls = 'export:preview' | 'export:chooseFolder' | 'export:run';

export function exportHandlers(context: ApiContext): Pick<ApiHandlers, ExportCalls> {
  const { repos, dialogs, chosenFolders, dataFolder, clock, user, emit } = context;
  const defaultOutDir = (): string => join(dataFolder, 'exports', clock().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z'));
  let running = false;

  const checkedSince = (since: string | undefined): string => {
    if (since !== undefined && Number.isNaN(Date.parse(since))) throw new ApiRefusal('bad-request', `since takes a date (YYYY-MM-DD), not '${since}'`);
    return since ?? '';
  };

  /** The folder to write into, refused unless it is one a person may have chosen for this transport. */
  const allowedOutDir = (outDir: string | undefined): string => {
    if (outDir === undefined) return defaultOutDir();
    if (outDir.includes('\0')) throw new ApiRefusal('bad-request', 'export:run: the folder name has a NUL character');
    // A relative folder is taken within the data folder, the only place a browser can name.
    const folder = resolve(dataFolder, outDir);
    if (reallyInside(dataFolder, folder)) return folder;
    if (context.transport === 'electron' && chosenFolders.has(realPathOf(folder))) return folder;
    throw new ApiRefusal(
      'bad-request',
      context.transport === 'electron'
        ? `export:run: ${folder} is outside the data folder and was not chosen in the folder dialog`
        : `export:run: ${folder} is outside the data folder (${dataFolder})`,
    );
  };

  return {
    'export:preview': ({ since }): ExportPreview => ({
      filings: repos.filings.approvedSince(checkedSince(since)).map((filing) => ({
        id: filing.id,
        reportingPerson: filing.reportingPerson,
        issuer: filing.issuer,
        ticker: filing.ticker,
        periodOfReport: filing.periodOfReport,
        approvedAt: filing.approvedAt,
      })),
      defaultOutDir: defaultOutDir(),
    }),
    'export:chooseFolder': async () => {
      if (dialogs === undefined) throw new ApiRefusal('unsupported', 'export:chooseFolder needs the desktop app; in a browser, exports go into the data folder');
      const folder = await dialogs.chooseFolder();
      if (folder !== null) chosenFolders.add(realPathOf(folder));
      return folder;
    },
    'export:run': async ({ format, since, outDir }) => {
      checkedSince(since);
      const folder = allowedOutDir(outDir);
      if (running) throw new ApiRefusal('busy', 'an export is already running; wait for it to finish');
      running = true;
      try {
        const result = await context.exports.export({ format, since, outDir: folder, actor: user });
        if (result.exported.length > 0) emit('filings:changed', { ids: result.exported.map((item) => item.filingId) });
        return result;
      } finally {
        running = false;
      }
    },
  };
}
