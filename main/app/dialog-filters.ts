// The open dialog's file types, from the extensions the import service takes, so the dialog offers
// exactly what an import accepts. Pure.
import { IMPORTABLE_EXTENSIONS } from '../workflow/import-service.js';

export interface FileFilter {
  name: string;
  extensions: string[];
}

const KINDS: ReadonlyArray<{ name: string; extensions: readonly string[] }> = [
  { name: 'PDF', extensions: ['.pdf'] },
  { name: 'Scanned images', extensions: ['.png', '.jpg', '.jpeg', '.tif', '.tiff'] },
  { name: 'Text from another OCR tool', extensions: ['.txt', '.md'] },
];

/** Every importable type first (the dialog's default), then one filter per kind. */
export function importFileFilters(importable: ReadonlySet<string> = IMPORTABLE_EXTENSIONS): FileFilter[] {
  const bare = (extensions: Iterable<string>) => [...extensions].map((extension) => extension.replace(/^\./, ''));
  const kinds = KINDS.map((kind) => ({ name: kind.name, extensions: bare(kind.extensions.filter((extension) => importable.has(extension))) })).filter((kind) => kind.extensions.length > 0);
  return [{ name: 'Form 4 files (PDF, images, text)', extensions: bare(importable) }, ...kinds];
}
