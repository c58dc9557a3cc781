// Approvals, rejections and reopenings, with the reason and the errors an approval overrode.
import type { Statement } from 'better-sqlite3';
import type { Store } from './database.js';
import type { Override, Decision } from '../../shared/views.js';
export { type Override, type Decision };

interface DecisionRow {
  id: number;
  filing_id: number;
  decision: Decision['decision'];
  decided_by: string;
  decided_at: string;
  reason: string | null;
  overrides: string;
}

export class DecisionsRepository {
  private readonly insertDecision: Statement;
  private readonly byFiling: Statement<[number], DecisionRow>;

  constructor(private readonly store: Store) {
    this.insertDecision = store.db.prepare(
      'INSERT INTO decisions (filing_id, decision, decided_by, decided_at, reason, overrides) VALUES (?, ?, ?, ?, ?, ?)',
    );
    this.byFiling = store.db.prepare('SELECT * FROM decisions WHERE filing_id = ? ORDER BY id');
  }

  add(decision: Omit<Decision, 'id'>): number {
    return Number(
      this.insertDecision.run(decision.filingId, decision.decision, decision.decidedBy, decision.decidedAt, decision.reason, JSON.stringify(decision.overrides))
        .lastInsertRowid,
    );
  }

  forFiling(filingId: number): Decision[] {
    return this.store.timed('decisions.forFiling', () => this.byFiling.all(filingId)).map((row) => ({
      id: row.id,
      filingId: row.filing_id,
      decision: row.decision,
      decidedBy: row.decided_by,
      decidedAt: row.decided_at,
      reason: row.reason,
      overrides: JSON.parse(row.overrides) as Override[],
    }));
  }
}
