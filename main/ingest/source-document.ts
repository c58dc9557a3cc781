// Any file the product takes, as a Document: scans and PDFs through the scan pipeline, text that
// another OCR tool wrote (.txt/.md) through the text reader. What a file is, is told by its bytes.
import { readFile } from 'node:fs/promises';
import type { Document } from '../../shared/document.js';
import { IngestError } from './errors.js';
import { detectFormat } from './input-format.js';
import { readDocument, type ReadInput, type ReadOptions, type ReadResult } from './read-document.js';
import { readTextDocument } from './text-document.js';

export interface SourceDocument {
  document: Document;
  /** Per page how it was read; absent for text inputs, which have no pages of their own. */
  pages?: ReadResult['pages'];
}

export async function readSourceDocument(input: ReadInput, options: ReadOptions = {}): Promise<SourceDocument> {
  const bytes = input.bytes ?? (await readFileOrExplain(input));
  if (bytes.length === 0) throw new IngestError('empty', input.name, 'the file is empty');
  if (detectFormat(bytes) !== null) return readDocument({ ...input, bytes }, options);
  const text = decodeText(bytes);
  if (text === null) throw new IngestError('unsupported-format', input.name, 'not a PDF, PNG, JPEG, TIFF or text file');
  return { document: readTextDocument(text) };
}

async function readFileOrExplain(input: ReadInput): Promise<Uint8Array> {
  if (input.path === undefined) throw new IngestError('empty', input.name, 'no bytes and no path given');
  try {
    return await readFile(input.path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const what = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a folder' : `cannot be read (${code ?? String(error)})`;
    throw new IngestError('corrupt', input.name, what, null, { cause: error });
  }
}

/** UTF-8 text without NUL bytes, or null for anything binary. */
function decodeText(bytes: Uint8Array): string | null {
  if (bytes.includes(0)) return null;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return null;
  }
}
