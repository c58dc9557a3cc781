// Imported files: one row per distinct file (by sha256), its pages with their images, and the lines
// and words read from them with boxes and confidences, from which the document can be rebuilt.
import type { Statement } from 'better-sqlite3';
import type { Document, Line, Page } from '../../shared/document.js';
import type { Store } from './database.js';
import type { SourceRecord, PageRecord } from '../../shared/views.js';
export { type SourceRecord, type PageRecord };

export interface NewSource extends Omit<SourceRecord, 'id' | 'pageCount'> {
  document: Document;
  /** Page number -> the page image, relative to the files folder. */
  pageImages: ReadonlyMap<number, string>;
}

interface SourceRow {
  id: number;
  sha256: string;
  name: string;
  imported_from: string;
  media_type: string;
  size: number;
  stored_as: string;
  origin: Document['origin'];
  page_count: number;
  imported_at: string;
  imported_by: string;
}

function fromRow(row: SourceRow): SourceRecord {
  return {
    id: row.id,
    sha256: row.sha256,
    name: row.name,
    importedFrom: row.imported_from,
    mediaType: row.media_type,
    size: row.size,
    storedAs: row.stored_as,
    origin: row.origin,
    pageCount: row.page_count,
    importedAt: row.imported_at,
    importedBy: row.imported_by,
  };
}

const box = (x: number | null, y: number | null, width: number | null, height: number | null) =>
  x === null || y === null || width === null || height === null ? null : { x, y, width, height };

export class SourcesRepository {
  private readonly insertSource: Statement;
  private readonly insertPage: Statement;
  private readonly insertLine: Statement;
  private readonly insertWord: Statement;
  private readonly bySha: Statement<[string], SourceRow>;
  private readonly byId: Statement<[number], SourceRow>;
  private readonly pagesOf: Statement<[number], PageRecord>;
  private readonly pagesOfFilingStatement: Statement<[number], PageRecord>;
  private readonly linesOf: Statement<[number], { page: number; number: number; x: number | null; y: number | null; width: number | null; height: number | null }>;
  private readonly wordsOf: Statement<[number], { page: number; line: number; text: string; x: number | null; y: number | null; width: number | null; height: number | null; confidence: number; cell: number | null; gap_before: number | null }>;

  constructor(private readonly store: Store) {
    const db = store.db;
    this.insertSource = db.prepare(
      `INSERT INTO sources (sha256, name, imported_from, media_type, size, stored_as, origin, page_count, imported_at, imported_by)
       VALUES (@sha256, @name, @imported_from, @media_type, @size, @stored_as, @origin, @page_count, @imported_at, @imported_by)`,
    );
    this.insertPage = db.prepare('INSERT INTO pages (source_id, number, width, height, image) VALUES (?, ?, ?, ?, ?)');
    this.insertLine = db.prepare('INSERT INTO lines (source_id, page, number, x, y, width, height) VALUES (?, ?, ?, ?, ?, ?, ?)');
    this.insertWord = db.prepare(
      'INSERT INTO words (source_id, page, line, position, text, x, y, width, height, confidence, cell, gap_before) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.bySha = db.prepare('SELECT * FROM sources WHERE sha256 = ?');
    this.byId = db.prepare('SELECT * FROM sources WHERE id = ?');
    this.pagesOf = db.prepare('SELECT number, width, height, image FROM pages WHERE source_id = ? ORDER BY number');
    this.pagesOfFilingStatement = db.prepare(
      `SELECT page.number, page.width, page.height, page.image FROM filings AS filing JOIN pages AS page ON page.source_id = filing.source_id
       WHERE filing.id = ? AND (filing.first_page IS NULL OR page.number BETWEEN filing.first_page AND filing.last_page)
       ORDER BY page.number`,
    );
    this.linesOf = db.prepare('SELECT page, number, x, y, width, height FROM lines WHERE source_id = ? ORDER BY page, number');
    this.wordsOf = db.prepare('SELECT page, line, text, x, y, width, height, confidence, cell, gap_before FROM words WHERE source_id = ? ORDER BY page, line, position');
  }

  /** Inserts the source with its pages, lines and words; call inside the import's transaction. */
  insert(source: NewSource): number {
    return this.store.timed('sources.insert', () => {
      const id = Number(
        this.insertSource.run({
          sha256: source.sha256,
          name: source.name,
          imported_from: source.importedFrom,
          media_type: source.mediaType,
          size: source.size,
          stored_as: source.storedAs,
          origin: source.origin,
          page_count: source.document.pages.length,
          imported_at: source.importedAt,
          imported_by: source.importedBy,
        }).lastInsertRowid,
      );
      for (const page of source.document.pages) {
        this.insertPage.run(id, page.number, page.width, page.height, source.pageImages.get(page.number) ?? null);
        page.lines.forEach((line, lineIndex) => {
          this.insertLine.run(id, page.number, lineIndex, line.box?.x ?? null, line.box?.y ?? null, line.box?.width ?? null, line.box?.height ?? null);
          line.words.forEach((word, position) => {
            const b = word.box;
            this.insertWord.run(id, page.number, lineIndex, position, word.text, b?.x ?? null, b?.y ?? null, b?.width ?? null, b?.height ?? null, word.confidence, word.cell ?? null, word.gapBefore === true ? 1 : null);
          });
        });
      }
      return id;
    });
  }

  bySha256(sha256: string): SourceRecord | null {
    const row = this.bySha.get(sha256);
    return row === undefined ? null : fromRow(row);
  }

  get(id: number): SourceRecord | null {
    const row = this.byId.get(id);
    return row === undefined ? null : fromRow(row);
  }

  pages(id: number): PageRecord[] {
    return this.pagesOf.all(id);
  }

  /** The pages of its source a filing was read from: a run of them when the source holds several filings. */
  pagesOfFiling(filingId: number): PageRecord[] {
    return this.pagesOfFilingStatement.all(filingId);
  }

  /** The document as it was read at import, rebuilt from its pages, lines and words. */
  document(id: number): Document | null {
    const source = this.get(id);
    if (source === null) return null;
    const pages = new Map<number, Page>();
    for (const page of this.pagesOf.all(id)) pages.set(page.number, { number: page.number, width: page.width, height: page.height, lines: [] });
    const lines = new Map<string, Line>();
    for (const row of this.linesOf.all(id)) {
      const line: Line = { words: [], box: box(row.x, row.y, row.width, row.height) };
      lines.set(`${row.page}:${row.number}`, line);
      pages.get(row.page)?.lines.push(line);
    }
    for (const row of this.wordsOf.all(id)) {
      lines.get(`${row.page}:${row.line}`)?.words.push({
        text: row.text,
        box: box(row.x, row.y, row.width, row.height),
        confidence: row.confidence,
        // Text inputs give every word its cell (null outside tables); OCR words carry none.
        ...(row.cell === null && source.origin !== 'text' ? {} : { cell: row.cell }),
        ...(row.gap_before === 1 ? { gapBefore: true } : {}),
      });
    }
    return { origin: source.origin, pages: [...pages.values()] };
  }
}
