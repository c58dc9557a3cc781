// Filings: the DraftFiling document (current value of every field), the columns the list sorts and
// searches on, per-field provenance (confidence, guess, source boxes, who set it) and findings.
import type { Statement } from 'better-sqlite3';
import type { FieldSource } from '../../shared/document.js';
import type { Finding } from '../../shared/findings.js';
import type { DraftFiling } from '../../shared/model.js';
import { issuerKey, personKey } from '../form4/rules/identity.js';
import type { Store } from './database.js';
import { FILING_STATUSES } from '../../shared/views.js';
import type { FilingStatus, FieldProvenance, FilingListItem, FilingRecord } from '../../shared/views.js';
export { FILING_STATUSES, type FilingStatus, type FieldProvenance, type FilingListItem, type FilingRecord };

export interface ListQuery {
  status?: FilingStatus | undefined;
  /** Words matched as prefixes against reporting person, issuer and ticker. */
  search?: string | undefined;
  limit?: number | undefined;
  offset?: number | undefined;
}

interface FilingRow {
  id: number;
  source_id: number | null;
  status: FilingStatus;
  document: string;
  reporting_person: string;
  issuer: string;
  ticker: string;
  period_of_report: string | null;
  errors: number;
  warnings: number;
  created_at: string;
  updated_at: string;
  approved_at: string | null;
}

type ListRow = Omit<FilingRow, 'document' | 'source_id' | 'created_at' | 'approved_at'>;

interface FieldRow {
  path: string;
  confidence: number | null;
  guess: string | null;
  source_page: number | null;
  source_boxes: string | null;
  source_text: string | null;
  set_by: string | null;
  set_at: string | null;
}

/** The columns derived from the document: what the list shows and what the store rules look up by. */
export function listColumns(document: DraftFiling): {
  reporting_person: string;
  issuer: string;
  ticker: string;
  period_of_report: string | null;
  person_key: string;
  issuer_key: string;
} {
  return {
    reporting_person: document.reportingOwners.map((owner) => owner.name ?? '').filter((name) => name !== '').join('; '),
    issuer: document.issuer.name ?? '',
    ticker: document.issuer.tradingSymbol ?? '',
    period_of_report: document.periodOfReport,
    person_key: personKey(document),
    issuer_key: issuerKey(document),
  };
}

/** An FTS5 query matching every word of `text` as a prefix, with FTS syntax characters neutralised. */
export function searchExpression(text: string): string | null {
  const words = text
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
  if (words.length === 0) return null;
  return words.map((word) => `"${word}"*`).join(' ');
}

const LIST_COLUMNS = 'f.id, f.status, f.reporting_person, f.issuer, f.ticker, f.period_of_report, f.errors, f.warnings, f.updated_at';
const HISTORY_LOOKUP_LIMIT = 50;

function toListItem(row: ListRow): FilingListItem {
  return {
    id: row.id,
    status: row.status,
    reportingPerson: row.reporting_person,
    issuer: row.issuer,
    ticker: row.ticker,
    periodOfReport: row.period_of_report,
    errors: row.errors,
    warnings: row.warnings,
    updatedAt: row.updated_at,
  };
}

export class FilingsRepository {
  private readonly insertFiling: Statement;
  private readonly selectFiling: Statement<[number], FilingRow>;
  private readonly updateDocumentStatement: Statement;
  private readonly updateStatusStatement: Statement;
  private readonly deleteFindings: Statement<[number]>;
  private readonly insertFinding: Statement;
  private readonly updateCounts: Statement;
  private readonly selectFindings: Statement<[number], Finding>;
  private readonly upsertFieldStatement: Statement;
  private readonly selectFields: Statement<[number], FieldRow>;
  private readonly selectFieldsUnder: Statement<[number, string, string], FieldRow>;
  private readonly deleteField: Statement<[number, string]>;
  private readonly selectEarlierApproved: Statement<unknown[], { id: number; period_of_report: string | null; document: string }>;
  private readonly selectSameDay: Statement<unknown[], { id: number; document: string }>;
  private readonly selectLaterInReview: Statement<unknown[], { id: number }>;
  private readonly listAll: Statement<unknown[], ListRow>;
  private readonly listByStatus: Statement<unknown[], ListRow>;
  private readonly searchAll: Statement<unknown[], ListRow>;
  private readonly searchByStatus: Statement<unknown[], ListRow>;
  private readonly approvedSinceStatement: Statement<[string], FilingRow>;

  constructor(private readonly store: Store) {
    const db = store.db;
    this.insertFiling = db.prepare(
      `INSERT INTO filings (source_id, status, document, reporting_person, issuer, ticker, period_of_report, person_key, issuer_key, created_at, updated_at)
       VALUES (@source_id, @status, @document, @reporting_person, @issuer, @ticker, @period_of_report, @person_key, @issuer_key, @at, @at)`,
    );
    this.selectFiling = db.prepare('SELECT * FROM filings WHERE id = ?');
    this.updateDocumentStatement = db.prepare(
      `UPDATE filings SET document = @document, reporting_person = @reporting_person, issuer = @issuer, ticker = @ticker,
         period_of_report = @period_of_report, person_key = @person_key, issuer_key = @issuer_key, updated_at = @at
       WHERE id = @id`,
    );
    this.updateStatusStatement = db.prepare(
      'UPDATE filings SET status = @status, updated_at = @at, approved_at = @approved_at WHERE id = @id',
    );
    this.deleteFindings = db.prepare('DELETE FROM findings WHERE filing_id = ?');
    this.insertFinding = db.prepare(
      'INSERT INTO findings (filing_id, position, rule, severity, path, message) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.updateCounts = db.prepare('UPDATE filings SET errors = ?, warnings = ? WHERE id = ?');
    this.selectFindings = db.prepare('SELECT rule, severity, path, message FROM findings WHERE filing_id = ? ORDER BY position');
    this.upsertFieldStatement = db.prepare(
      `INSERT INTO filing_fields (filing_id, path, confidence, guess, source_page, source_boxes, source_text, set_by, set_at)
       VALUES (@filing_id, @path, @confidence, @guess, @source_page, @source_boxes, @source_text, @set_by, @set_at)
       ON CONFLICT (filing_id, path) DO UPDATE SET confidence = excluded.confidence, guess = excluded.guess,
         source_page = excluded.source_page, source_boxes = excluded.source_boxes, source_text = excluded.source_text,
         set_by = excluded.set_by, set_at = excluded.set_at`,
    );
    this.selectFields = db.prepare('SELECT * FROM filing_fields WHERE filing_id = ? ORDER BY path');
    this.selectFieldsUnder = db.prepare("SELECT * FROM filing_fields WHERE filing_id = ? AND path >= ? || '[' AND path < ? || '\\'");
    this.deleteField = db.prepare('DELETE FROM filing_fields WHERE filing_id = ? AND path = ?');
    this.selectEarlierApproved = db.prepare(
      `SELECT id, period_of_report, document FROM filings
       WHERE person_key = ? AND issuer_key = ? AND period_of_report < ? AND status IN ('approved', 'exported') AND id <> ?
       ORDER BY period_of_report DESC, id DESC LIMIT ${HISTORY_LOOKUP_LIMIT}`,
    );
    this.selectSameDay = db.prepare(
      `SELECT id, document FROM filings
       WHERE person_key = ? AND issuer_key = ? AND period_of_report = ? AND status <> 'rejected' AND id <> ?
       ORDER BY id LIMIT ${HISTORY_LOOKUP_LIMIT}`,
    );
    this.selectLaterInReview = db.prepare(
      `SELECT id FROM filings WHERE person_key = ? AND issuer_key = ? AND period_of_report > ? AND status = 'needs-review'
       ORDER BY period_of_report LIMIT ${HISTORY_LOOKUP_LIMIT}`,
    );
    const order = 'ORDER BY f.period_of_report DESC, f.id DESC LIMIT ? OFFSET ?';
    this.listAll = db.prepare(`SELECT ${LIST_COLUMNS} FROM filings f ${order}`);
    this.listByStatus = db.prepare(`SELECT ${LIST_COLUMNS} FROM filings f WHERE f.status = ? ${order}`);
    // The page of hits is chosen inside the search table (date and status live there), then joined.
    const hits = (statusFilter: string) =>
      `WITH hits AS (SELECT rowid AS id FROM filings_search WHERE filings_search MATCH ? ${statusFilter}
         ORDER BY period_of_report DESC, rowid DESC LIMIT ? OFFSET ?)
       SELECT ${LIST_COLUMNS} FROM hits JOIN filings f ON f.id = hits.id ORDER BY f.period_of_report DESC, f.id DESC`;
    this.searchAll = db.prepare(hits(''));
    this.searchByStatus = db.prepare(hits('AND status = ?'));
    this.approvedSinceStatement = db.prepare(
      "SELECT * FROM filings WHERE status = 'approved' AND approved_at >= ? ORDER BY approved_at, id",
    );
  }

  insert(input: { sourceId: number | null; document: DraftFiling; at: string }): number {
    const result = this.store.timed('filings.insert', () =>
      this.insertFiling.run({
        source_id: input.sourceId,
        status: 'needs-review',
        document: JSON.stringify(input.document),
        ...listColumns(input.document),
        at: input.at,
      }),
    );
    return Number(result.lastInsertRowid);
  }

  get(id: number): FilingRecord | null {
    const row = this.store.timed('filings.get', () => this.selectFiling.get(id));
    if (row === undefined) return null;
    return {
      ...toListItem(row),
      sourceId: row.source_id,
      document: JSON.parse(row.document) as DraftFiling,
      createdAt: row.created_at,
      approvedAt: row.approved_at,
    };
  }

  updateDocument(id: number, document: DraftFiling, at: string): void {
    this.store.timed('filings.updateDocument', () =>
      this.updateDocumentStatement.run({ id, document: JSON.stringify(document), ...listColumns(document), at }),
    );
  }

  updateStatus(id: number, status: FilingStatus, at: string, approvedAt: string | null): void {
    this.store.timed('filings.updateStatus', () => this.updateStatusStatement.run({ id, status, at, approved_at: approvedAt }));
  }

  findings(id: number): Finding[] {
    return this.store.timed('filings.findings', () => this.selectFindings.all(id));
  }

  replaceFindings(id: number, findings: readonly Finding[]): void {
    this.store.timed('filings.replaceFindings', () => {
      this.deleteFindings.run(id);
      findings.forEach((item, position) => this.insertFinding.run(id, position, item.rule, item.severity, item.path, item.message));
      const errors = findings.filter((item) => item.severity === 'error').length;
      this.updateCounts.run(errors, findings.length - errors, id);
    });
  }

  fields(id: number): FieldProvenance[] {
    return this.store.timed('filings.fields', () => this.selectFields.all(id)).map(fieldFromRow);
  }

  /** Field rows under one table, e.g. every `nonDerivative[...]` path. */
  fieldsUnder(id: number, table: string): FieldProvenance[] {
    return this.selectFieldsUnder.all(id, table, table).map(fieldFromRow);
  }

  upsertField(id: number, field: FieldProvenance): void {
    this.upsertFieldStatement.run({
      filing_id: id,
      path: field.path,
      confidence: field.confidence,
      guess: field.guess,
      source_page: field.source?.page ?? null,
      source_boxes: field.source === null ? null : JSON.stringify(field.source.boxes),
      source_text: field.source?.text ?? null,
      set_by: field.setBy,
      set_at: field.setAt,
    });
  }

  removeField(id: number, path: string): void {
    this.deleteField.run(id, path);
  }

  /** Approved or exported filings of the same person and issuer dated before `periodOfReport`, latest first. */
  earlierApproved(document: DraftFiling, periodOfReport: string, excludeId: number): Array<{ id: number; periodOfReport: string | null; filing: DraftFiling }> {
    const { person_key, issuer_key } = listColumns(document);
    return this.store
      .timed('filings.earlierApproved', () => this.selectEarlierApproved.all(person_key, issuer_key, periodOfReport, excludeId))
      .map((row) => ({ id: row.id, periodOfReport: row.period_of_report, filing: JSON.parse(row.document) as DraftFiling }));
  }

  /** Other filings, not rejected, of the same person and issuer with the same box 3 date. */
  sameDay(document: DraftFiling, periodOfReport: string, excludeId: number): Array<{ id: number; filing: DraftFiling }> {
    const { person_key, issuer_key } = listColumns(document);
    return this.store
      .timed('filings.sameDay', () => this.selectSameDay.all(person_key, issuer_key, periodOfReport, excludeId))
      .map((row) => ({ id: row.id, filing: JSON.parse(row.document) as DraftFiling }));
  }

  /** Filings still in review whose history-mismatch depends on this one being approved. */
  laterInReview(document: DraftFiling, periodOfReport: string): number[] {
    const { person_key, issuer_key } = listColumns(document);
    return this.selectLaterInReview.all(person_key, issuer_key, periodOfReport).map((row) => row.id);
  }

  list(query: ListQuery): FilingListItem[] {
    const limit = query.limit ?? 100;
    const offset = query.offset ?? 0;
    const expression = query.search === undefined ? null : searchExpression(query.search);
    const rows = this.store.timed(expression === null ? 'filings.list' : 'filings.search', () => {
      if (expression === null) {
        return query.status === undefined ? this.listAll.all(limit, offset) : this.listByStatus.all(query.status, limit, offset);
      }
      return query.status === undefined
        ? this.searchAll.all(expression, limit, offset)
        : this.searchByStatus.all(expression, query.status, limit, offset);
    });
    return rows.map(toListItem);
  }

  /** Approved filings not yet exported, approved on or after `since` (ISO), oldest approval first. */
  approvedSince(since: string): FilingRecord[] {
    return this.store.timed('filings.approvedSince', () => this.approvedSinceStatement.all(since)).map((row) => ({
      ...toListItem(row),
      sourceId: row.source_id,
      document: JSON.parse(row.document) as DraftFiling,
      createdAt: row.created_at,
      approvedAt: row.approved_at,
    }));
  }
}

function fieldFromRow(row: FieldRow): FieldProvenance {
  return {
    path: row.path,
    confidence: row.confidence,
    guess: row.guess,
    source:
      row.source_page === null
        ? null
        : { page: row.source_page, boxes: row.source_boxes === null ? [] : JSON.parse(row.source_boxes), text: row.source_text ?? '' },
    setBy: row.set_by,
    setAt: row.set_at,
  };
}
