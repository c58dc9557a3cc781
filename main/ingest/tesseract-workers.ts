// Starting tesseract.js workers that never touch the network: the worker script, the WASM core and
// the traineddata all come from local packages (see /work/shared/notes/ocr-toolchain.md). Without an
// errorHandler a failed load kills the process, and with one `createWorker()` may never settle, so
// every start has a deadline.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import Tesseract from 'tesseract.js';

const require = createRequire(import.meta.url);

export interface TesseractPaths {
  /** tesseract.js's Node worker script. */
  workerPath: string;
  /** Folder holding eng.traineddata.gz (LSTM, best_int). */
  engDir: string;
  /** Folder holding osd.traineddata.gz (legacy engine, orientation and script detection). */
  osdDir: string;
}

/** The paths inside node_modules; a packaged app passes its unpacked resources instead. */
export function defaultTesseractPaths(): TesseractPaths {
  return {
    workerPath: require.resolve('tesseract.js/src/worker-script/node/index.js'),
    engDir: join(dirname(require.resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int'),
    osdDir: join(dirname(require.resolve('@tesseract.js-data/osd/package.json')), '4.0.0'),
  };
}

export type TesseractWorker = Tesseract.Worker & {
  /** The worker thread underneath, which tesseract.js exposes but does not type. */
  worker?: { on(event: 'exit' | 'error', listener: (value: unknown) => void): unknown; terminate(): Promise<number> };
};

/** Parameters set once per worker: layout analysis on (PSM 3), Tesseract's chatter silenced. */
export const RECOGNIZER_PARAMETERS = { tessedit_pageseg_mode: Tesseract.PSM.AUTO, debug_file: '/dev/null' };

export function startRecognizer(paths: TesseractPaths, timeoutMs: number): Promise<TesseractWorker> {
  return startWorker('eng', Tesseract.OEM.LSTM_ONLY, paths.engDir, paths, timeoutMs, {});
}

/** Orientation detection needs the legacy engine and osd.traineddata; it runs in its own worker. */
export function startOrientationDetector(paths: TesseractPaths, timeoutMs: number): Promise<TesseractWorker> {
  return startWorker('osd', Tesseract.OEM.TESSERACT_ONLY, paths.osdDir, paths, timeoutMs, {
    legacyCore: true,
    legacyLang: true,
  });
}

async function startWorker(
  language: string,
  engine: Tesseract.OEM,
  langPath: string,
  paths: TesseractPaths,
  timeoutMs: number,
  extra: Partial<Tesseract.WorkerOptions>,
): Promise<TesseractWorker> {
  const traineddata = join(langPath, `${language}.traineddata.gz`);
  if (!existsSync(traineddata)) throw new Error(`OCR language data missing: ${traineddata}`);
  if (!existsSync(paths.workerPath)) throw new Error(`OCR worker script missing: ${paths.workerPath}`);

  let failure: unknown = null;
  let timer: NodeJS.Timeout | undefined;
  const started = Tesseract.createWorker(language, engine, {
    workerPath: paths.workerPath,
    langPath,
    gzip: true,
    cacheMethod: 'none',
    errorHandler: (error: unknown) => {
      failure = error;
    },
    ...extra,
  });
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const why = failure === null ? `no answer in ${timeoutMs} ms` : String(failure);
      reject(new Error(`OCR worker (${language}) did not start: ${why}`));
    }, timeoutMs);
  });
  try {
    const worker: TesseractWorker = await Promise.race([started, deadline]);
    await worker.setParameters(RECOGNIZER_PARAMETERS);
    return worker;
  } catch (error) {
    // A worker that starts after the deadline is still shut down rather than left running.
    started.then((late) => late.terminate()).catch(() => undefined);
    throw error instanceof Error ? error : new Error(`OCR worker (${language}) did not start: ${String(error)}`);
  } finally {
    clearTimeout(timer);
  }
}
