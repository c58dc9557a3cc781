// A bounded pool of tesseract.js workers (each one a worker thread) that reads page images: one job
// per page, as many at once as there are slots, the rest queued. Cancelling a queued page drops it;
// cancelling a running page terminates that slot's workers (a WASM call cannot be interrupted) and
// the slot starts fresh ones on its next page. Workers are replaced after `recycleAfter` pages
// because tesseract.js workers grow over a long batch (tesseract.js issue #977).
import { availableParallelism } from 'node:os';
import type Tesseract from 'tesseract.js';
import type { Line } from '../../shared/document.js';
import { abortError } from './errors.js';
import { halveGray, rotateGray, toPgm, type GrayImage, type Rotation } from './gray-image.js';
import { linesFromOcrBlocks, meanConfidence, type OcrBlock } from './ocr-lines.js';
import { withoutUnderlines } from './underlines.js';
import { rereadBlocks, STRIP_PARAMETERS } from './reread-small-words.js';
import { betterReading, osdIsTrusted, readingIsSettled, rotationFromOsd, rotationsToTry, wordsLieFlat, type OsdAnswer } from './orientation.js';
import {
  defaultTesseractPaths,
  RECOGNIZER_PARAMETERS,
  startOrientationDetector,
  startRecognizer,
  type TesseractPaths,
  type TesseractWorker,
} from './tesseract-workers.js';

/** Pages larger than this are halved for orientation detection (a Letter page at 300 DPI is 8.4 MP). */
const OSD_MAX_PIXELS = 3_000_000;

export type OrientationMode = 'osd' | 'retry' | 'off';

export interface OcrPoolOptions {
  /** Pages read at once; default: the cores available. */
  size?: number;
  /** Pages a slot reads before its workers are replaced; default 25. */
  recycleAfter?: number;
  /** Time a worker may take to start; default 30 s. */
  startTimeoutMs?: number;
  /** Time one job (a page, orientation included, or a page's strips) may take; default 5 min. */
  pageTimeoutMs?: number;
  /**
   * How sideways and upside-down scans are found. Every page is first read as it comes; only when
   * that reading looks wrong (few confidently read characters) is another turn looked for. 'osd'
   * (default): Tesseract's orientation detection proposes the turn, and further turns are read only
   * when it was unsure and the reading still looks wrong. 'retry': no detection; the other turns are
   * read in order. 'off': pages are read as they come.
   */
  orientation?: OrientationMode;
  /** Where the worker script and language data are; default: the installed packages. */
  paths?: TesseractPaths;
}

export interface OcrReading {
  /** The page turned upright: the image the boxes of `lines` refer to. */
  image: GrayImage;
  /** Clockwise turn applied to the input to make it upright. */
  rotation: Rotation;
  lines: Line[];
  /** Character-weighted mean word confidence, 0-100. */
  meanConfidence: number;
  /** How many turns were read before one was kept (1 when the first reading was right). */
  attempts: number;
  /**
   * Tesseract's block tree `lines` was made from, for callers that keep the raw OCR (the accuracy
   * bench caches it so a changed line builder can be re-run without OCRing again).
   */
  blocks: readonly OcrBlock[];
}

export interface OcrPoolStats {
  recognizersStarted: number;
  detectorsStarted: number;
  pagesRead: number;
}

/** What a job does on its slot: every step it awaits goes through `step`, so a cancel interrupts it. */
type Work<T> = (slot: Slot, step: Step) => Promise<T>;
/** Runs one awaited step of a job unless the job was interrupted; settles early if it is. */
type Step = <S>(work: () => Promise<S>) => Promise<S>;

/** An image read with parameters of its own (a strip of cells read with a whitelist). */
export interface StripRequest {
  image: GrayImage;
  parameters: Partial<Tesseract.WorkerParams>;
  /**
   * How the strip is made black and white: one threshold for all of it (Otsu, Tesseract's default),
   * or each pixel against its surroundings (Sauvola), for this reading only.
   */
  thresholding?: 'otsu' | 'local';
}

/** Tesseract's thresholding_method for each StripRequest thresholding. */
const THRESHOLDING_METHOD = { otsu: '0', local: '2' } as const;

interface Job {
  work: Work<unknown>;
  /** Pages the job reads, counted towards recycling the slot's workers (strips count none). */
  pages: number;
  signal: AbortSignal | undefined;
  resolve(value: unknown): void;
  reject(error: unknown): void;
  detach(): void;
}

interface Slot {
  recognizer: Promise<TesseractWorker> | null;
  detector: Promise<TesseractWorker> | null;
  pagesSinceStart: number;
  /** Rejects the running page's pending steps when it is cancelled, times out or its worker dies. */
  interrupt: ((error: unknown) => void) | null;
}

export class OcrPool {
  readonly size: number;
  private readonly recycleAfter: number;
  private readonly startTimeoutMs: number;
  private readonly pageTimeoutMs: number;
  private readonly orientation: OrientationMode;
  private readonly paths: TesseractPaths;
  private readonly slots: Slot[];
  private readonly queue: Job[] = [];
  private closed = false;
  private readonly counters: OcrPoolStats = { recognizersStarted: 0, detectorsStarted: 0, pagesRead: 0 };

  constructor(options: OcrPoolOptions = {}) {
    this.size = Math.max(1, Math.floor(options.size ?? availableParallelism()));
    this.recycleAfter = Math.max(1, options.recycleAfter ?? 25);
    this.startTimeoutMs = options.startTimeoutMs ?? 30_000;
    this.pageTimeoutMs = options.pageTimeoutMs ?? 300_000;
    this.orientation = options.orientation ?? 'osd';
    this.paths = options.paths ?? defaultTesseractPaths();
    this.slots = Array.from({ length: this.size }, () => ({ recognizer: null, detector: null, pagesSinceStart: 0, interrupt: null }));
  }

  get stats(): OcrPoolStats {
    return { ...this.counters };
  }

  /** Reads one page image; rejects with an AbortError when `signal` fires first. */
  read(image: GrayImage, options: { signal?: AbortSignal } = {}): Promise<OcrReading> {
    return this.enqueue(options.signal, 1, (slot, step) => this.readUpright(slot, image, step)).then((reading) => {
      this.counters.pagesRead += 1;
      return reading;
    });
  }

  /**
   * Reads small images (strips of cells cut from a page) each with its own parameters, in one job;
   * the worker's page parameters are restored after. Block trees in the order of `strips`.
   */
  readStrips(strips: readonly StripRequest[], options: { signal?: AbortSignal } = {}): Promise<Array<readonly OcrBlock[]>> {
    return this.enqueue(options.signal, 0, async (slot, step) => {
      const recognizer = await step(() => this.recognizerOf(slot));
      const out: Array<readonly OcrBlock[]> = [];
      try {
        for (const strip of strips) {
          await step(() => recognizer.setParameters(strip.parameters));
          // (Parameters given with one reading are Tesseract's for that reading only.)
          const only = {
            ...(strip.image.dpi ? { user_defined_dpi: String(Math.round(strip.image.dpi)) } : {}),
            ...(strip.thresholding === undefined ? {} : { thresholding_method: THRESHOLDING_METHOD[strip.thresholding] }),
          } as Partial<Tesseract.RecognizeOptions & Tesseract.WorkerParams>;
          out.push((await step(() => recognizer.recognize(toPgm(strip.image), only, { blocks: true, text: false }))).data.blocks ?? []);
        }
      } finally {
        await step(() => recognizer.setParameters({ ...RECOGNIZER_PARAMETERS, tessedit_char_whitelist: '' }));
      }
      return out;
    });
  }

  private enqueue<T>(signal: AbortSignal | undefined, pages: number, work: Work<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('OCR pool is closed'));
    if (signal?.aborted) return Promise.reject(abortError(signal));
    return new Promise<T>((resolve, reject) => {
      const job: Job = {
        work,
        pages,
        signal,
        resolve: (value) => {
          job.detach();
          resolve(value as T);
        },
        reject: (error) => {
          job.detach();
          reject(error);
        },
        detach: () => signal?.removeEventListener('abort', onAbort),
      };
      const onAbort = () => this.cancel(job);
      signal?.addEventListener('abort', onAbort, { once: true });
      this.queue.push(job);
      this.dispatch();
    });
  }

  /** Rejects queued pages, stops running ones and ends every worker. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('OCR pool is closed'));
    await Promise.all(this.slots.map((slot) => this.stopWorkers(slot, new Error('OCR pool is closed'))));
  }

  private readonly running = new Map<Job, Slot>();

  private cancel(job: Job): void {
    const queued = this.queue.indexOf(job);
    if (queued >= 0) {
      this.queue.splice(queued, 1);
      job.reject(abortError(job.signal));
      return;
    }
    const slot = this.running.get(job);
    if (slot) void this.stopWorkers(slot, abortError(job.signal));
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if ([...this.running.values()].includes(slot)) continue;
      const job = this.queue.shift();
      if (job) void this.run(slot, job);
    }
  }

  private async run(slot: Slot, job: Job): Promise<void> {
    this.running.set(job, slot);
    let stopped = false;
    const interrupted = new Promise<never>((_, reject) => {
      slot.interrupt = (reason) => {
        stopped = true;
        reject(reason);
      };
    });
    // Steps race the interruption so a terminated worker's never-settling promise cannot hold the slot;
    // once interrupted, no further step is started (a call into a terminated worker throws inside
    // tesseract.js, out of reach of any handler).
    interrupted.catch(() => undefined);
    const step = <T>(work: () => Promise<T>): Promise<T> => (stopped ? interrupted : Promise.race([work(), interrupted]));
    const timer = setTimeout(
      () => void this.stopWorkers(slot, new Error(`OCR did not finish the page within ${this.pageTimeoutMs} ms`)),
      this.pageTimeoutMs,
    );
    try {
      if (slot.pagesSinceStart >= this.recycleAfter) await this.stopWorkers(slot, null);
      const value = await job.work(slot, step);
      slot.pagesSinceStart += job.pages;
      job.resolve(value);
    } catch (error) {
      job.reject(error);
    } finally {
      clearTimeout(timer);
      slot.interrupt = null;
      this.running.delete(job);
      if (!this.closed) this.dispatch();
    }
  }

  private async readUpright(slot: Slot, image: GrayImage, step: Step): Promise<OcrReading> {
    const recognizer = await step(() => this.recognizerOf(slot));
    // Without a DPI Tesseract estimates one from the text height.
    const dpiParameter: Partial<Tesseract.RecognizeOptions & Tesseract.WorkerParams> = image.dpi
      ? { user_defined_dpi: String(Math.round(image.dpi)) }
      : {};

    let best: OcrReading | null = null;
    let attempts = 0;
    const read = async (rotation: Rotation): Promise<Line[]> => {
      attempts += 1;
      const upright = rotateGray(image, rotation);
      // Tesseract reads a copy without the underlines (underlines.ts); the reading keeps the page as printed.
      const result = await step(() => recognizer.recognize(toPgm(withoutUnderlines(upright)), dpiParameter, { blocks: true, text: false }));
      const blocks = result.data.blocks ?? [];
      const lines = linesFromOcrBlocks(blocks);
      best = betterReading(best, { image: upright, rotation, lines, meanConfidence: meanConfidence(lines), attempts: 0, blocks });
      return lines;
    };

    // Nearly every scan is upright, so the page is read as it comes first: when that reading is
    // settled and its words lie flat, the orientation step (about a fifth of a page's time) is
    // never paid.
    const asItComes = await read(0);
    if (this.orientation !== 'off' && !(readingIsSettled(asItComes) && wordsLieFlat(asItComes))) {
      let proposed: Rotation = 0;
      let trusted = false;
      if (this.orientation === 'osd') {
        const detector = await step(() => this.detectorOf(slot));
        // OSD looks at the shapes of characters, not their detail: a 300 DPI page halved reads as
        // well and costs a quarter of the time.
        const small = halvedUnder(image, OSD_MAX_PIXELS);
        const dpi = small.dpi;
        if (dpi) await step(() => detector.setParameters({ user_defined_dpi: String(Math.round(dpi)) }));
        const answer: OsdAnswer = (await step(() => detector.detect(toPgm(small)))).data;
        proposed = rotationFromOsd(answer);
        trusted = osdIsTrusted(answer);
      }
      for (const rotation of rotationsToTry(proposed)) {
        if (rotation === 0) {
          // Already read; a trusted OSD saying "upright" keeps that reading.
          if (trusted) break;
          continue;
        }
        const lines = await read(rotation);
        if (trusted || (readingIsSettled(lines) && wordsLieFlat(lines))) break;
      }
    }
    // `best` is set by `read`, which TypeScript cannot see from here.
    const kept = best as OcrReading | null;
    if (!kept) throw new Error('OCR produced no reading');
    // Superscript footnote marks and unsure short words, read again enlarged (reread-small-words.ts).
    const blocks = await rereadBlocks(kept.image, kept.blocks, async (strip) => {
      await step(() => recognizer.setParameters(STRIP_PARAMETERS));
      try {
        const stripDpi: Partial<Tesseract.RecognizeOptions & Tesseract.WorkerParams> = strip.dpi ? { user_defined_dpi: String(Math.round(strip.dpi)) } : {};
        return (await step(() => recognizer.recognize(toPgm(strip), stripDpi, { blocks: true, text: false }))).data.blocks;
      } finally {
        await step(() => recognizer.setParameters(RECOGNIZER_PARAMETERS));
      }
    });
    const lines = linesFromOcrBlocks(blocks);
    return { ...kept, blocks, lines, meanConfidence: meanConfidence(lines), attempts };
  }

  private recognizerOf(slot: Slot): Promise<TesseractWorker> {
    if (!slot.recognizer) {
      this.counters.recognizersStarted += 1;
      slot.recognizer = this.watch(slot, startRecognizer(this.paths, this.startTimeoutMs), 'recognizer');
    }
    return slot.recognizer;
  }

  private detectorOf(slot: Slot): Promise<TesseractWorker> {
    if (!slot.detector) {
      this.counters.detectorsStarted += 1;
      slot.detector = this.watch(slot, startOrientationDetector(this.paths, this.startTimeoutMs), 'detector');
    }
    return slot.detector;
  }

  /** A worker that fails to start is forgotten (the next page retries); one that dies fails its page. */
  private watch(slot: Slot, starting: Promise<TesseractWorker>, role: 'recognizer' | 'detector'): Promise<TesseractWorker> {
    const watched = starting.then(
      (worker) => {
        // tesseract.js sets a browser-style `onerror` that Node's Worker ignores; without an 'error'
        // listener an exception inside the thread (a WASM abort, out of memory) would end the process.
        let failure = 'OCR worker stopped unexpectedly';
        worker.worker?.on('error', (error) => {
          failure = `OCR worker failed: ${error instanceof Error ? error.message : String(error)}`;
        });
        worker.worker?.on('exit', () => {
          if (slot[role] !== watched) return;
          slot[role] = null;
          slot.interrupt?.(new Error(failure));
        });
        return worker;
      },
      (error: unknown) => {
        if (slot[role] === watched) slot[role] = null;
        throw error;
      },
    );
    watched.catch(() => undefined);
    return watched;
  }

  /** Ends the slot's workers; `reason` (when given) fails the page running on it. */
  private async stopWorkers(slot: Slot, reason: unknown): Promise<void> {
    const workers = [slot.recognizer, slot.detector];
    slot.recognizer = null;
    slot.detector = null;
    slot.pagesSinceStart = 0;
    if (reason !== null) slot.interrupt?.(reason);
    await Promise.all(
      workers.map(async (starting) => {
        const worker = await starting?.catch(() => null);
        await worker?.terminate();
      }),
    );
  }
}

/** The image halved until it has at most `pixels` pixels. */
function halvedUnder(image: GrayImage, pixels: number): GrayImage {
  let small = image;
  while (small.width * small.height > pixels) small = halveGray(small);
  return small;
}
