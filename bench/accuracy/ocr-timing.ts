// Seconds per page of uncached OCR, summed over the runs that filled a set's cache (a prefill stopped
// and resumed counts both parts), so a fully cached run can still report what OCR costs.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface OcrTiming {
  pages: number;
  /** Wall-clock seconds of the OCR phase, PDFs read `workers` at a time. */
  seconds: number;
  workers: number;
  /** Date of the latest run that added to it. */
  date: string;
  /** The OCR settings and code the pages were read with (see ocr-cache.ts): runs of other code are not summed. */
  engine: string;
}

function timingPath(cacheDir: string, set: string): string {
  return join(cacheDir, `${set}.timing.json`);
}

export function readTiming(cacheDir: string, set: string): OcrTiming | null {
  const path = timingPath(cacheDir, set);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as OcrTiming) : null;
}

/**
 * Adds a run to the record; a run with another worker count or other OCR code, or one that OCR'd
 * afresh on purpose (`fresh`, from --no-cache), replaces it, its speed being another figure.
 */
export function addTiming(cacheDir: string, set: string, run: OcrTiming, fresh: boolean): void {
  const previous = fresh ? null : readTiming(cacheDir, set);
  const merged = previous && previous.workers === run.workers && previous.engine === run.engine
    ? { ...run, pages: previous.pages + run.pages, seconds: previous.seconds + run.seconds }
    : run;
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(timingPath(cacheDir, set), `${JSON.stringify(merged)}\n`);
}
