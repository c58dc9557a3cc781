// Filings: the DraftFiling document (current value of every field), the columns the queue sorts and
// searches on, per-field provenance (confidence, guess, source boxes, who set it) and findings.
import type { Statement } from 'better-sqlite3';
import type { QueueItem, QueuePage } from '../../shared/api.js';
import type { FieldSource } from '../../shared/document.js';
import type { Finding } from '../../shared/findings.js';
import type { DraftFiling } from '../../shared/model.js';
import { issuerKey, personKey } from '../form4/rules/identity.js';
import type { Store } from './database.js';
import { ruleMask } from './rule-mask.js';
import { FilingQueue, type QueueFilter, type QueueOrder, type QueueQuery } from './filing-queue.js';
import { FILING_STATUSES } from '../../shared/views.js';
import type { FilingStatus, FieldProvenance, FilingListItem, FilingRecord } from '../../shared/views.js';
export { FILING_STATUSES, type FilingStatus, type FieldProvenance, type FilingListItem, type FilingRecord, type QueueFilter, type QueueOrder, type QueueQuery };

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

/** The list columns of a filing row, as SQLite names them. */
export type ListRow = Pick<FilingRow, 'id' | 'status' | 'reporting_person' | 'issuer' | 'ticker' | 'period_of_report' | 'errors' | 'warnings' | 'updated_at'>;

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

/** The columns derived from the document: what the queue shows and what the store rules look up by. */
export function listColumns(document: DraftFiling): {
  reporting_person: string;
  issuer: string;
  ticker: string;
  period_of_report: string | null;
  earliest_transaction: string | null;
  person_key: string;
  issuer_key: string;
} {
  return {
    reporting_person: document.reportingOwners.map((owner) => owner.name ?? '').filter((name) => name !== '').join('; '),
    issuer: document.issuer.name ?? '',
    ticker: document.issuer.tradingSymbol ?? '',
    period_of_report: document.periodOfReport,
    earliest_transaction: earliestTransaction(document),
    person_key: personKey(document),
    issuer_key: issuerKey(document),
  };
}

/** The earliest transaction date of Table I and II (ISO dates compare as text), null when none. */
export function earliestTransaction(document: DraftFiling): string | null {
  let earliest: string | null = null;
  for (const line of [...document.nonDerivative, ...document.derivative]) {
    const day = line.transactionDate;
    if (typeof day === 'string' && (earliest === null || day < earliest)) earliest = day;
  }
  return earliest;
}

/** A run of a source's pages, first to last (1-based, inclusive). */
export interface SourcePages {
  first: number;
  last: number;
}

const HISTORY_LOOKUP_LIMIT = 50;

export function toListItem(row: ListRow): FilingListItem {
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
  private readonly selectIdsFromSource: Statement<[number], { id: number }>;
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
  private readonly approvedSinceStatement: Statement<[string], FilingRow>;
  private readonly queue: FilingQueue;

  constructor(private readonly store: Store) {
    const db = store.db;
    this.insertFiling = db.prepare(
      `INSERT INTO filings (source_id, first_page, last_page, status, document, reporting_person, issuer, ticker, period_of_report, earliest_transaction, person_key, issuer_key, created_at, updated_at)
       VALUES (@source_id, @first_page, @last_page, @status, @document, @reporting_person, @issuer, @ticker, @period_of_report, @earliest_transaction, @person_key, @issuer_key, @at, @at)`,
    );
    this.selectIdsFromSource = db.prepare('SELECT id FROM filings WHERE source_id = ? ORDER BY id');
    this.selectFiling = db.prepare('SELECT * FROM filings WHERE id = ?');
    this.updateDocumentStatement = db.prepare(
      `UPDATE filings SET document = @document, reporting_person = @reporting_person, issuer = @issuer, ticker = @ticker,
         period_of_report = @period_of_report, earliest_transaction = @earliest_transaction, person_key = @person_key, issuer_key = @issuer_key,
         updated_at = @at
       WHERE id = @id`,
    );
    this.updateStatusStatement = db.prepare(
      'UPDATE filings SET status = @status, updated_at = @at, approved_at = @approved_at WHERE id = @id',
    );
    this.deleteFindings = db.prepare('DELETE FROM findings WHERE filing_id = ?');
    this.insertFinding = db.prepare(
      'INSERT INTO findings (filing_id, position, rule, severity, path, message) VALUES (?, ?, ?, ?, ?, ?)',
    );
    // Every change of a filing's fields ends with its findings re-run, so the queue's lowest
    // confidence is brought up to date here, with the counts and the rules.
    this.updateCounts = db.prepare(
      `UPDATE filings SET errors = @errors, warnings = @warnings, rule_mask = @rule_mask,
         lowest_confidence = (SELECT min(confidence) FROM filing_fields WHERE filing_id = @id AND set_by IS NULL)
       WHERE id = @id`,
    );
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
    this.approvedSinceStatement = db.prepare(
      "SELECT * FROM filings WHERE status = 'approved' AND approved_at >= ? ORDER BY approved_at, id",
    );
    this.queue = new FilingQueue(store);
  }

  /** `pages`: the run of the source's pages the filing was read from; without it, all of them. */
  insert(input: { sourceId: number | null; document: DraftFiling; at: string; pages?: SourcePages | null }): number {
    const result = this.store.timed('filings.insert', () =>
      this.insertFiling.run({
        source_id: input.sourceId,
        first_page: input.pages?.first ?? null,
        last_page: input.pages?.last ?? null,
        status: 'needs-review',
        document: JSON.stringify(input.document),
        ...listColumns(input.document),
        at: input.at,
      }),
    );
    return Number(result.lastInsertRowid);
  }

  /** The filings read from one source, in the order they were stored (its page order). */
  idsFromSource(sourceId: number): number[] {
    return this.selectIdsFromSource.all(sourceId).map((row) => row.id);
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
      this.updateCounts.run({ errors, warnings: findings.length - errors, rule_mask: ruleMask(findings), id });
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

  /** The first `limit` filings of the queue (latest box 3 date first unless sorted otherwise). */
  list(query: QueueQuery = {}): QueueItem[] {
    return this.queue.page(query).items;
  }

  /** One page of the queue with the count of every filing the filter matches. */
  queuePage(query: QueueQuery): QueuePage {
    return this.queue.page(query);
  }

  /** The filings before and after `id` in the queue's order and filter; null when there is no filing `id`. */
  neighbours(id: number, query: QueueFilter & QueueOrder): { previous: number | null; next: number | null } | null {
    return this.queue.neighbours(id, query);
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
