// The entry point of ingest: a scanned Form 4 (PDF, PNG, JPEG or TIFF) in, a Document out. PDF
// pages with a usable text layer are read from it; every other page is rasterized or decoded to
// grayscale, straightened (deskew.ts) and read by the OCR pool, turned upright first. Pages go
// through a window as wide as the pool (plus one being prepared), so memory stays bounded
// whatever the page count.
import { readFile, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { Document, Page } from '../../shared/document.js';
import { measureSkew, straighten } from './deskew.js';
import { IngestError, throwIfAborted } from './errors.js';
import { grayToPng, rotateGray, type GrayImage, type Rotation } from './gray-image.js';
import { openImage } from './image-source.js';
import { detectFormat } from './input-format.js';
import { readMergedLinesApart } from './merged-lines.js';
import type { OcrBlock } from './ocr-lines.js';
import { OcrPool, type StripRequest } from './ocr-pool.js';
import { PdfSource } from './pdf-source.js';
import { readCells, type CellReading, type CellToRead } from './second-look.js';

export interface ReadInput {
  /** The name shown in messages, usually the file name. */
  name: string;
  /** Read from disk when `bytes` is not given. */
  path?: string;
  bytes?: Uint8Array;
}

export type ReadPhase = 'text-layer' | 'render' | 'decode' | 'ocr' | 'done' | 'second-look';

export interface ReadProgress {
  file: string;
  /** 1-based page the event is about. */
  page: number;
  pages: number;
  phase: ReadPhase;
}

/** A page image as the review screen should show it: upright, in the pixels the word boxes use. */
export interface PageImage {
  number: number;
  image: GrayImage;
  /** Clockwise turn that was applied to the scan (after its skew was taken out). */
  rotation: Rotation;
  png(): Promise<Uint8Array>;
}

export interface PageInfo {
  number: number;
  source: 'pdf-text' | 'ocr';
  rotation: Rotation;
  /** Degrees of skew taken out of the scan before it was turned and read (0 when none was). */
  skew: number;
  /** Resolution of the page's pixel coordinates (lower than asked when the page was too large). */
  dpi: number | null;
  /** Character-weighted mean word confidence (100 for text-layer pages). */
  meanConfidence: number;
  /** Turns OCR read before keeping one: 0 for text-layer pages, 1 when the first turn was right. */
  ocrAttempts: number;
}

export interface ReadOptions {
  /** Resolution PDF pages are rasterized at and their text-layer boxes expressed in; default 300. */
  dpi?: number;
  /** The pool to OCR with; without one a pool is started for this file and closed after it. */
  pool?: OcrPool;
  signal?: AbortSignal;
  onProgress?: (progress: ReadProgress) => void;
  /**
   * Receives each page's image as soon as the page is read (in completion order), so the caller
   * stores it and ingest keeps none. Text-layer pages are rendered only when this is given.
   */
  onPageImage?: (page: PageImage) => void | Promise<void>;
  /** Files with more pages are refused before any page is read; default 200. */
  maxPages?: number;
  /**
   * Image pages larger than this are refused, and so are PDF pages whose scanned image is; larger
   * PDF pages are rendered at a lower DPI. Default 40 MP.
   */
  maxPixels?: number;
  /** Files larger than this are refused unread; default 512 MiB. */
  maxBytes?: number;
  /** A PDF page whose text layer has fewer non-space characters is OCR'd; default 40. */
  minTextCharacters?: number;
  /** OCR every PDF page even when it has a text layer. */
  forceOcr?: boolean;
  /** Give up on a PDF that pdf.js cannot open within this time; default 30 s. */
  openTimeoutMs?: number;
  /**
   * The reader of the document (the Form 4 parser) names cells of OCR'd pages it wants read again,
   * closer and with only the characters they can hold (second-look.ts); their page images are made
   * again and the answers handed back, which give the document returned.
   */
  secondLook?: (document: Document) => { cells: ReadonlyArray<CellToRead & { page: number }>; apply(answers: ReadonlyArray<CellReading | null>): Document };
}

export interface ReadResult {
  document: Document;
  pages: PageInfo[];
  /** Things the analyst should know that did not stop the read (e.g. a page rendered below the DPI asked). */
  warnings: string[];
}

const DEFAULTS = {
  dpi: 300,
  maxPages: 200,
  maxPixels: 40_000_000,
  maxBytes: 512 * 1024 * 1024,
  minTextCharacters: 40,
  openTimeoutMs: 30_000,
};

interface PageSource {
  pageCount: number;
  read(number: number, context: PageContext): Promise<{ page: Page; info: PageInfo }>;
  /** The page's image made again, as `read` made it before turning it upright. */
  image(number: number): Promise<GrayImage>;
  close(): Promise<void>;
}

interface PageContext {
  signal: AbortSignal;
  progress(phase: ReadPhase): void;
  ocr(image: GrayImage, number: number): Promise<{ page: Page; info: PageInfo }>;
  warn(message: string): void;
}

export async function readDocument(input: ReadInput, options: ReadOptions = {}): Promise<ReadResult> {
  const settings = { ...DEFAULTS, ...definedOnly(options) };
  const file = input.name;
  throwIfAborted(options.signal);
  const bytes = input.bytes ?? (await readInputFile(input, settings.maxBytes));
  if (bytes.length === 0) throw new IngestError('empty', file, 'file is empty (0 bytes)');
  if (bytes.length > settings.maxBytes) throw new IngestError('too-large', file, `file is ${megabytes(bytes.length)}; the limit is ${megabytes(settings.maxBytes)}`);

  const format = detectFormat(bytes);
  if (!format) throw new IngestError('unsupported-format', file, 'not a PDF, PNG, JPEG or TIFF file');

  // One controller for the whole read: the caller's cancel, or the first failing page, stops the rest.
  const controller = new AbortController();
  const signal = options.signal ? AbortSignal.any([options.signal, controller.signal]) : controller.signal;
  const warnings: string[] = [];
  let ownPool: OcrPool | null = null;

  const source = format === 'pdf' ? await pdfPages(bytes, file, settings, options.onPageImage) : imagePages(bytes, format, file, settings);
  try {
    if (source.pageCount > settings.maxPages) {
      throw new IngestError('too-many-pages', file, `has ${source.pageCount} pages; the limit is ${settings.maxPages} (a Form 4 has a few)`);
    }
    const pages = source.pageCount;
    const pool = () => {
      if (options.pool) return options.pool;
      ownPool ??= new OcrPool({ size: Math.min(availableParallelism(), pages) });
      return ownPool;
    };

    const contextFor = (number: number): PageContext => ({
      signal,
      progress: (phase) => options.onProgress?.({ file, page: number, pages, phase }),
      warn: (message) => warnings.push(`${file} page ${number}: ${message}`),
      ocr: async (image, pageNumber) => {
        options.onProgress?.({ file, page: pageNumber, pages, phase: 'ocr' });
        const skew = measureSkew(image);
        const reading = await pool()
          .read(straighten(image, skew), { signal })
          .catch((error: unknown) => {
            if (error instanceof Error && error.name === 'AbortError') throw error;
            throw new IngestError('ocr-failed', file, `OCR failed (${error instanceof Error ? error.message : String(error)})`, pageNumber, { cause: error });
          });
        await options.onPageImage?.(pageImage(pageNumber, reading.image, reading.rotation));
        const lines = await readMergedLinesApart(async () => reading.image, reading.lines, (strips) => pool().readStrips(strips, { signal }));
        return {
          page: { number: pageNumber, width: reading.image.width, height: reading.image.height, lines },
          info: { number: pageNumber, source: 'ocr', rotation: reading.rotation, skew, dpi: image.dpi, meanConfidence: reading.meanConfidence, ocrAttempts: reading.attempts },
        };
      },
    });

    const results = new Array<{ page: Page; info: PageInfo }>(pages);
    const window = (options.pool?.size ?? Math.min(availableParallelism(), pages)) + 1;
    const inFlight = new Set<Promise<void>>();
    let failure: unknown = null;
    for (let number = 1; number <= pages && failure === null; number += 1) {
      throwIfAborted(signal);
      const task = source
        .read(number, contextFor(number))
        .then((result) => {
          results[number - 1] = result;
          options.onProgress?.({ file, page: number, pages, phase: 'done' });
        })
        .catch((error: unknown) => {
          failure ??= error;
          controller.abort(error);
        })
        .finally(() => inFlight.delete(task));
      inFlight.add(task);
      if (inFlight.size >= window) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
    if (failure !== null) throw failure;
    throwIfAborted(signal);
    const origin = results.every((result) => result.info.source === 'pdf-text') ? 'pdf-text' : 'ocr';
    const infos = results.map((result) => result.info);
    let document: Document = { origin, pages: results.map((result) => result.page) };
    if (options.secondLook) {
      const look = options.secondLook(document);
      const answers = await readCellsAgain(look.cells, infos, (info) => uprightImage(source, info), (strips) => pool().readStrips(strips, { signal }), window, (page) => options.onProgress?.({ file, page, pages, phase: 'second-look' }));
      throwIfAborted(signal);
      document = look.apply(answers);
    }
    return { document, pages: infos, warnings };
  } finally {
    await source.close();
    await (ownPool as OcrPool | null)?.close();
  }
}

/**
 * What readDocument does after the pool's page readings, on a document read before (the accuracy
 * bench keeps those readings in a cache): lines run together read apart, then the second look. The
 * pages are made again from the same bytes and settings, so the boxes of `read` still fit them.
 */
export async function lookAgainAt(
  input: { name: string; bytes: Uint8Array },
  read: Pick<ReadResult, 'document' | 'pages'>,
  secondLook: NonNullable<ReadOptions['secondLook']>,
  options: { pool: OcrPool; dpi?: number; signal?: AbortSignal },
): Promise<Document> {
  const settings = { ...DEFAULTS, ...definedOnly({ dpi: options.dpi }) };
  const format = detectFormat(input.bytes);
  if (!format) throw new IngestError('unsupported-format', input.name, 'not a PDF, PNG, JPEG or TIFF file');
  const source = format === 'pdf' ? await pdfPages(input.bytes, input.name, settings, undefined) : imagePages(input.bytes, format, input.name, settings);
  // Each page made and turned upright once for both steps (a filing is a few pages).
  const images = new Map<number, Promise<GrayImage>>();
  const upright = (info: PageInfo) => images.get(info.number) ?? images.set(info.number, uprightImage(source, info)).get(info.number)!;
  try {
    const readStrips = (strips: StripRequest[]) => options.pool.readStrips(strips, { signal: options.signal });
    const pages: Page[] = [];
    for (const page of read.document.pages) {
      const info = read.pages.find((p) => p.number === page.number);
      pages.push(info?.source !== 'ocr' ? page : { ...page, lines: await readMergedLinesApart(() => upright(info), page.lines, readStrips) });
    }
    const look = secondLook({ ...read.document, pages });
    const answers = await readCellsAgain(look.cells, read.pages, upright, readStrips, options.pool.size + 1, () => undefined);
    return look.apply(answers);
  } finally {
    await source.close();
  }
}

async function pdfPages(pdfBytes: Uint8Array, name: string, limits: typeof DEFAULTS & { forceOcr?: boolean }, onPageImage: ReadOptions['onPageImage']): Promise<PageSource> {
  const pdf = await PdfSource.open(pdfBytes, name, { openTimeoutMs: limits.openTimeoutMs, maxImagePixels: limits.maxPixels });
  return {
    pageCount: pdf.pageCount,
    close: () => pdf.close(),
    image: async (number) => pdf.renderPage(number, (await pdf.pageSize(number, limits.dpi, limits.maxPixels)).dpi),
    async read(number, context) {
      const size = await pdf.pageSize(number, limits.dpi, limits.maxPixels);
      if (size.dpi < limits.dpi) {
        context.warn(`page is too large for ${limits.dpi} DPI; read at ${Math.floor(size.dpi)} DPI (${size.width} x ${size.height} pixels)`);
      }
      if (!limits.forceOcr) {
        context.progress('text-layer');
        const page = await pdf.textPage(number, size.dpi, limits.minTextCharacters);
        if (page) {
          if (onPageImage) {
            context.progress('render');
            await onPageImage(pageImage(number, await pdf.renderPage(number, size.dpi), 0));
          }
          return { page, info: { number, source: 'pdf-text', rotation: 0, skew: 0, dpi: size.dpi, meanConfidence: 100, ocrAttempts: 0 } };
        }
      }
      context.progress('render');
      const image = await pdf.renderPage(number, size.dpi);
      throwIfAborted(context.signal);
      return context.ocr(image, number);
    },
  };
}

function imagePages(bytes: Uint8Array, format: 'png' | 'jpeg' | 'tiff', file: string, limits: typeof DEFAULTS): PageSource {
  const images = openImage(bytes, format, file, limits);
  return {
    pageCount: images.pageCount,
    close: async () => undefined,
    image: (number) => images.readPage(number),
    async read(number, context) {
      context.progress('decode');
      const image = await images.readPage(number);
      throwIfAborted(context.signal);
      return context.ocr(image, number);
    },
  };
}

/**
 * The cells of OCR'd pages read again, page by page (`width` pages' images at most in memory):
 * answers in the order of `cells`, null for a cell of a page that was not OCR'd.
 */
async function readCellsAgain(
  cells: ReadonlyArray<CellToRead & { page: number }>,
  infos: readonly PageInfo[],
  upright: (info: PageInfo) => Promise<GrayImage>,
  readStrips: (strips: StripRequest[]) => Promise<Array<readonly OcrBlock[]>>,
  width: number,
  progress: (page: number) => void,
): Promise<Array<CellReading | null>> {
  const answers = new Array<CellReading | null>(cells.length).fill(null);
  const pages = infos.filter((info) => info.source === 'ocr' && cells.some((cell) => cell.page === info.number));
  let next = 0;
  const worker = async () => {
    while (next < pages.length) {
      const info = pages[next++]!;
      progress(info.number);
      const indexes = cells.flatMap((cell, index) => (cell.page === info.number ? [index] : []));
      const read = await readCells(await upright(info), indexes.map((index) => cells[index]!), readStrips);
      indexes.forEach((index, k) => {
        answers[index] = read[k] ?? null;
      });
    }
  };
  await Promise.all(Array.from({ length: Math.min(width, pages.length) }, worker));
  return answers;
}

/** An OCR'd page's image made again and turned upright as its reading was: what the reading's boxes refer to. */
function uprightImage(source: PageSource, info: PageInfo): Promise<GrayImage> {
  return source.image(info.number).then((image) => rotateGray(straighten(image, info.skew), info.rotation));
}

function pageImage(number: number, image: GrayImage, rotation: Rotation): PageImage {
  return { number, image, rotation, png: () => grayToPng(image) };
}

async function readInputFile(input: ReadInput, maxBytes: number): Promise<Uint8Array> {
  if (!input.path) throw new IngestError('unreadable', input.name, 'no path and no bytes given');
  try {
    const info = await stat(input.path);
    if (info.size > maxBytes) throw new IngestError('too-large', input.name, `file is ${megabytes(info.size)}; the limit is ${megabytes(maxBytes)}`);
    return new Uint8Array(await readFile(input.path));
  } catch (error) {
    if (error instanceof IngestError) throw error;
    const message = error instanceof Error && 'code' in error ? String(error.code) : String(error);
    throw new IngestError('unreadable', input.name, `file could not be read (${message})`, null, { cause: error });
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

/** Options spread over defaults must not replace a default with an explicit `undefined`. */
function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as Partial<T>;
}
