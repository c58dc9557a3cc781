// The OCR of each corpus PDF kept on disk, so a re-run of the accuracy bench only re-parses. What is
// kept is Tesseract's block tree per page (words with boxes, confidences and symbol flags), not the
// document lines made from it: ingest's line builder (ocr-lines.ts) is re-run on load, so a change
// there is measured without OCRing again. The key hashes the PDF's bytes with every setting that
// changes what OCR reads (resolution, orientation mode, engine and model versions, worker
// parameters, the ingest code that reads pages); a change to any of them misses the cache instead
// of reading stale words.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Document } from '../../shared/document.js';
import type { OcrBlock } from '../../main/ingest/ocr-lines.js';
import { linesFromOcrBlocks } from '../../main/ingest/ocr-lines.js';
import type { OrientationMode } from '../../main/ingest/ocr-pool.js';
import { RECOGNIZER_PARAMETERS } from '../../main/ingest/tesseract-workers.js';

const require = createRequire(import.meta.url);
/** Bumped when the shape of a cache file changes. */
export const CACHE_FORMAT = 2;

export interface OcrSettings {
  dpi: number;
  orientation: OrientationMode;
}

export interface CachedPage {
  number: number;
  width: number;
  height: number;
  rotation: number;
  /** Degrees of skew ingest took out before OCR; the second look straightens the page the same way. */
  skew: number;
  meanConfidence: number;
  blocks: OcrBlock[];
}

export interface CachedOcr {
  format: number;
  file: string;
  settings: OcrSettings & { engine: Record<string, string> };
  /** Wall-clock seconds the uncached read took, and with how many OCR workers. */
  seconds: number;
  workers: number;
  pages: CachedPage[];
}

function packageVersion(name: string): string {
  const manifest = JSON.parse(readFileSync(join(dirname(require.resolve(`${name}/package.json`)), 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

const INGEST_DIR = fileURLToPath(new URL('../../main/ingest/', import.meta.url));
/**
 * Ingest modules that do not change what OCR reads: the line builder is re-run on load, lines read
 * apart and the second look run after the cached reading, the rest read other inputs.
 */
const NOT_OCR = new Set(['ocr-lines.ts', 'errors.ts', 'text-document.ts', 'source-document.ts', 'pdf-text-layer.ts', 'input-format.ts', 'image-source.ts', 'png-decoder.ts', 'merged-lines.ts', 'second-look.ts', 'raised-marks.ts', 'ink-blots.ts']);

/**
 * The code that turns a page into Tesseract's blocks (rasterizing, orientation, the pool, second
 * readings of small words, ...), comments and spacing left out: an edit to how pages are read
 * misses the cache, a reworded comment does not.
 */
function ocrCodeFingerprint(): string {
  const hash = createHash('sha256');
  for (const name of readdirSync(INGEST_DIR).filter((file) => file.endsWith('.ts') && !NOT_OCR.has(file)).sort()) {
    const code = readFileSync(join(INGEST_DIR, name), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '')
      .replace(/\s+/g, ' ');
    hash.update(`${name}\n${code}\n`);
  }
  return hash.digest('hex').slice(0, 16);
}

/** Everything besides the settings that decides what Tesseract reads. */
export function engineFingerprint(): Record<string, string> {
  return {
    'tesseract.js': packageVersion('tesseract.js'),
    'tesseract.js-core': packageVersion('tesseract.js-core'),
    eng: `${packageVersion('@tesseract.js-data/eng')}/4.0.0_best_int`,
    osd: packageVersion('@tesseract.js-data/osd'),
    parameters: JSON.stringify(RECOGNIZER_PARAMETERS),
    code: ocrCodeFingerprint(),
  };
}

export function cacheKey(pdf: Uint8Array, settings: OcrSettings, engine: Record<string, string>): string {
  return createHash('sha256')
    .update(pdf)
    .update(JSON.stringify({ format: CACHE_FORMAT, settings, engine }))
    .digest('hex')
    .slice(0, 16);
}

export function cachePath(cacheDir: string, set: string, name: string, key: string): string {
  return join(cacheDir, set, `${name}.${key}.json`);
}

export function readCache(path: string): CachedOcr | null {
  if (!existsSync(path)) return null;
  const cached = JSON.parse(readFileSync(path, 'utf8')) as CachedOcr;
  return cached.format === CACHE_FORMAT ? cached : null;
}

/** Written to a temporary name first, so a run stopped midway never leaves half a file under the key. */
export function writeCache(path: string, cached: CachedOcr): void {
  mkdirSync(dirname(path), { recursive: true });
  const partial = `${path}.partial`;
  writeFileSync(partial, JSON.stringify(cached));
  renameSync(partial, path);
}

/** The document the parser reads, made from the cached OCR by today's line builder. */
export function documentFromCache(cached: CachedOcr): Document {
  return {
    origin: 'ocr',
    pages: cached.pages.map((page) => ({ number: page.number, width: page.width, height: page.height, lines: linesFromOcrBlocks(page.blocks) })),
  };
}

/**
 * Tesseract's tree without what the parser can never use (font names, per-symbol choices, the
 * page back-reference), which would triple the files. Fields are copied by name so the JSON stays
 * plain data.
 */
export function pruneBlocks(blocks: readonly unknown[]): OcrBlock[] {
  return blocks.map((block) => {
    const b = block as RawNode;
    return {
      ...pick(b, ['bbox', 'confidence', 'blocktype']),
      paragraphs: (b.paragraphs ?? []).map((paragraph) => ({
        ...pick(paragraph, ['bbox', 'confidence', 'is_ltr']),
        lines: (paragraph.lines ?? []).map((line) => ({
          ...pick(line, ['bbox', 'confidence', 'baseline', 'rowAttributes']),
          words: (line.words ?? []).map((word) => ({
            ...pick(word, ['text', 'confidence', 'bbox', 'baseline', 'is_numeric', 'in_dictionary', 'font_size', 'is_bold', 'is_italic']),
            choices: word.choices ?? [],
            symbols: (word.symbols ?? []).map((symbol) => pick(symbol, ['text', 'confidence', 'bbox', 'is_superscript', 'is_subscript'])),
          })),
        })),
      })),
    } as unknown as OcrBlock;
  });
}

interface RawNode {
  [key: string]: unknown;
  paragraphs?: RawNode[];
  lines?: RawNode[];
  words?: RawNode[];
  symbols?: RawNode[];
  choices?: unknown[];
}

function pick(node: RawNode, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((key) => node[key] !== undefined).map((key) => [key, node[key]]));
}
