// The native open and folder dialogs the API offers in Electron ('import:choose',
// 'export:chooseFolder'), attached to the window when there is one.
import { dialog, type BrowserWindow, type OpenDialogOptions } from 'electron';
import { importFileFilters } from './dialog-filters.js';

export interface NativeDialogs {
  chooseFiles(): Promise<string[]>;
  chooseFolder(): Promise<string | null>;
}

export function nativeDialogs(currentWindow: () => BrowserWindow | null): NativeDialogs {
  const open = (options: OpenDialogOptions) => {
    const window = currentWindow();
    return window === null ? dialog.showOpenDialog(options) : dialog.showOpenDialog(window, options);
  };
  return {
    async chooseFiles() {
      const result = await open({ title: 'Import Form 4 files', properties: ['openFile', 'multiSelections'], filters: importFileFilters() });
      return result.canceled ? [] : result.filePaths;
    },
    async chooseFolder() {
      const result = await open({ title: 'Export to folder', properties: ['openDirectory', 'createDirectory'] });
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}
