// The append-only audit log: who did what to which filing, when, old -> new, and why. Rows are only
// ever inserted (triggers refuse UPDATE and DELETE) and chained by hashes (audit-chain.ts).
import type { Statement } from 'better-sqlite3';
import { auditRowHash, type AuditRowContent } from './audit-chain.js';
import type { Store } from './database.js';
import type { AuditRow } from '../../shared/views.js';
export { type AuditRow };

export type AuditAction =
  | 'import'
  | 'set'
  | 'row-add'
  | 'row-remove'
  | 'approve'
  | 'override'
  | 'reject'
  | 'reopen'
  | 'export';

export interface AuditEntry {
  at: string;
  actor: string;
  filingId: number | null;
  action: AuditAction;
  path?: string | null;
  /** JSON of the value before and after, as a person would read it. */
  oldValue?: string | null;
  newValue?: string | null;
  reason?: string | null;
  stateHash?: string | null;
}

interface AuditRowRecord {
  seq: number;
  at: string;
  actor: string;
  filing_id: number | null;
  action: string;
  path: string | null;
  old_value: string | null;
  new_value: string | null;
  reason: string | null;
  state_hash: string | null;
  prev_hash: string;
  hash: string;
}

function fromRecord(record: AuditRowRecord): AuditRow {
  return {
    seq: record.seq,
    at: record.at,
    actor: record.actor,
    filingId: record.filing_id,
    action: record.action,
    path: record.path,
    oldValue: record.old_value,
    newValue: record.new_value,
    reason: record.reason,
    stateHash: record.state_hash,
    prevHash: record.prev_hash,
    hash: record.hash,
  };
}

export class AuditLog {
  private readonly head: Statement<[], { seq: number; hash: string }>;
  private readonly insert: Statement<AuditRowRecord>;
  private readonly byFiling: Statement<[number], AuditRowRecord>;
  private readonly lastForFiling: Statement<[number], { state_hash: string | null; seq: number }>;
  private readonly everything: Statement<[], AuditRowRecord>;

  constructor(private readonly store: Store) {
    const db = store.db;
    this.head = db.prepare('SELECT seq, hash FROM audit_head WHERE id = 1');
    this.insert = db.prepare(
      `INSERT INTO audit_log (seq, at, actor, filing_id, action, path, old_value, new_value, reason, state_hash, prev_hash, hash)
       VALUES (@seq, @at, @actor, @filing_id, @action, @path, @old_value, @new_value, @reason, @state_hash, @prev_hash, @hash)`,
    );
    this.byFiling = db.prepare('SELECT * FROM audit_log WHERE filing_id = ? ORDER BY seq');
    this.lastForFiling = db.prepare('SELECT state_hash, seq FROM audit_log WHERE filing_id = ? AND state_hash IS NOT NULL ORDER BY seq DESC LIMIT 1');
    this.everything = db.prepare('SELECT * FROM audit_log ORDER BY seq');
  }

  /** Appends one row after the current head; call inside the transaction that makes the change. */
  append(entry: AuditEntry): AuditRow {
    const head = this.head.get();
    if (head === undefined) throw new Error('the audit log has no head row');
    const content: AuditRowContent = {
      seq: head.seq + 1,
      at: entry.at,
      actor: entry.actor,
      filingId: entry.filingId,
      action: entry.action,
      path: entry.path ?? null,
      oldValue: entry.oldValue ?? null,
      newValue: entry.newValue ?? null,
      reason: entry.reason ?? null,
      stateHash: entry.stateHash ?? null,
    };
    const hash = auditRowHash(head.hash, content);
    this.store.timed('audit.append', () =>
      this.insert.run({
        seq: content.seq,
        at: content.at,
        actor: content.actor,
        filing_id: content.filingId,
        action: content.action,
        path: content.path,
        old_value: content.oldValue,
        new_value: content.newValue,
        reason: content.reason,
        state_hash: content.stateHash,
        prev_hash: head.hash,
        hash,
      }),
    );
    return { ...content, prevHash: head.hash, hash };
  }

  forFiling(filingId: number): AuditRow[] {
    return this.store.timed('audit.forFiling', () => this.byFiling.all(filingId)).map(fromRecord);
  }

  latestStateHash(filingId: number): { seq: number; stateHash: string | null } | null {
    const row = this.lastForFiling.get(filingId);
    return row === undefined ? null : { seq: row.seq, stateHash: row.state_hash };
  }

  headRow(): { seq: number; hash: string } {
    const head = this.head.get();
    if (head === undefined) throw new Error('the audit log has no head row');
    return head;
  }

  /** Every row in order, one at a time, for verification. */
  *rows(): Generator<AuditRow> {
    for (const record of this.everything.iterate()) yield fromRecord(record);
  }
}
