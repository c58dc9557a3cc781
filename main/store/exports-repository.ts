// Exports: which filings went out, in what format, into which file, by whom and when.
import type { Statement } from 'better-sqlite3';
import type { Store } from './database.js';
import type { ExportFormat } from '../../shared/views.js';
export { type ExportFormat };

export interface ExportRecord {
  id: number;
  format: ExportFormat;
  outDir: string;
  since: string | null;
  exportedBy: string;
  exportedAt: string;
  files: Array<{ filingId: number; file: string }>;
}

export class ExportsRepository {
  private readonly insertExport: Statement;
  private readonly insertExportFiling: Statement;
  private readonly byFiling: Statement<[number], { id: number; format: ExportFormat; out_dir: string; since: string | null; exported_by: string; exported_at: string; file: string }>;

  constructor(store: Store) {
    this.insertExport = store.db.prepare('INSERT INTO exports (format, out_dir, since, exported_by, exported_at) VALUES (?, ?, ?, ?, ?)');
    this.insertExportFiling = store.db.prepare('INSERT INTO export_filings (export_id, filing_id, file) VALUES (?, ?, ?)');
    this.byFiling = store.db.prepare(
      `SELECT e.id, e.format, e.out_dir, e.since, e.exported_by, e.exported_at, x.file
       FROM export_filings x JOIN exports e ON e.id = x.export_id WHERE x.filing_id = ? ORDER BY e.id`,
    );
  }

  /** Records an export and its files; call inside the transaction that marks the filings exported. */
  add(record: Omit<ExportRecord, 'id'>): number {
    const id = Number(this.insertExport.run(record.format, record.outDir, record.since, record.exportedBy, record.exportedAt).lastInsertRowid);
    for (const file of record.files) this.insertExportFiling.run(id, file.filingId, file.file);
    return id;
  }

  forFiling(filingId: number): Array<{ exportId: number; format: ExportFormat; file: string; exportedBy: string; exportedAt: string }> {
    return this.byFiling.all(filingId).map((row) => ({ exportId: row.id, format: row.format, file: row.file, exportedBy: row.exported_by, exportedAt: row.exported_at }));
  }
}
