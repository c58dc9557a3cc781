// Importing files: the native dialog or a file input, files dropped on the window (by path in
// Electron, uploaded as bytes in a browser), and the run's progress from 'import:progress' events.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportJob } from '../../shared/views.js';
import { useApp, useCall } from '../app/app-context.js';
import { applyImportEvent, forNewImport, NO_IMPORTS, progressFromState, setRunning, type ImportProgress } from './import-progress.js';

export const IMPORT_ACCEPT = '.pdf,.png,.jpg,.jpeg,.tif,.tiff,.txt,.md';

export interface Importer {
  progress: ImportProgress;
  /** Opens the native dialog, or the hidden file input in a browser. */
  choose(): void;
  importFiles(files: readonly File[]): Promise<void>;
  cancel(): Promise<void>;
  /** Hides the finished files from the panel. */
  clear(): void;
  /** The hidden file input's props (web). */
  inputRef: React.RefObject<HTMLInputElement | null>;
  /** Files being read and sent (web uploads), before main has queued them. */
  uploading: number;
}

function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error(`${file.name}: could not be read`));
    reader.readAsDataURL(file);
  });
}

export function useImporter(): Importer {
  const { api, info, notify } = useApp();
  const call = useCall();
  const [progress, setProgress] = useState<ImportProgress>(NO_IMPORTS);
  const [uploading, setUploading] = useState(0);
  const inputRef = useRef<HTMLInputElement | null>(null);

  useEffect(() => {
    let alive = true;
    const offProgress = api.on('import:progress', (event) => setProgress((current) => applyImportEvent(current, event)));
    const offRunning = api.on('import:running', ({ running }) => setProgress((current) => setRunning(current, running)));
    void call('import:state', {}).then((result) => {
      if (alive && result.ok) setProgress((current) => (current.files.length === 0 ? progressFromState(result.value) : setRunning(current, result.value.running)));
    });
    return () => {
      alive = false;
      offProgress();
      offRunning();
    };
  }, [api, call]);

  const queued = useCallback((jobs: readonly ImportJob[]) => {
    setProgress((current) => jobs.reduce((state, job) => applyImportEvent(state, { type: 'queued', job }), current));
  }, []);

  const importFiles = useCallback(
    async (files: readonly File[]) => {
      if (files.length === 0) return;
      setProgress(forNewImport);
      const paths = files.map((file) => api.pathForFile(file));
      if (paths.every((path): path is string => path !== null)) {
        const result = await call('import:paths', { paths });
        if (result.ok) queued(result.value);
        return;
      }
      setUploading((count) => count + files.length);
      for (const file of files) {
        try {
          const result = await call('import:upload', { name: file.name, base64: await readBase64(file) });
          if (result.ok) queued(result.value);
        } catch (error) {
          notify('error', `${file.name}: ${error instanceof Error ? error.message : String(error)}`);
        } finally {
          setUploading((count) => count - 1);
        }
      }
    },
    [api, call, notify, queued],
  );

  const choose = useCallback(() => {
    if (!info.nativeDialogs) {
      inputRef.current?.click();
      return;
    }
    void call('import:choose', {}).then(async (result) => {
      if (!result.ok || result.value.length === 0) return;
      setProgress(forNewImport);
      const imported = await call('import:paths', { paths: result.value });
      if (imported.ok) queued(imported.value);
    });
  }, [call, info.nativeDialogs, queued]);

  const cancel = useCallback(async () => {
    const result = await call('import:cancel', {});
    if (result.ok) notify('info', result.value.cancelled ? 'Import stopped after the page in hand; the files left stay queued.' : 'No import was running.');
  }, [call, notify]);

  const clear = useCallback(() => setProgress((current) => ({ ...current, files: current.files.filter((file) => file.state === 'queued' || file.state === 'running') })), []);

  return { progress, choose, importFiles, cancel, clear, inputRef, uploading };
}
