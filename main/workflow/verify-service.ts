// `form4 verify`: checks the audit log's hash chain row by row (an edited row no longer hashes to
// itself, a deleted one leaves a gap and a broken link), its head (a deleted last row), that every
// filing is in the state its last audit row vouches for, and SQLite's own page check.
import { auditRowHash, filingStateHash, GENESIS_HASH } from '../store/audit-chain.js';
import type { Repositories } from '../store/repositories.js';

export type VerifyProblemKind = 'audit-row-altered' | 'audit-row-missing' | 'audit-head' | 'filing-altered' | 'filing-untracked' | 'database';

export interface VerifyProblem {
  kind: VerifyProblemKind;
  /** The audit row concerned, when there is one. */
  seq: number | null;
  filingId: number | null;
  message: string;
}

export interface VerifyReport {
  ok: boolean;
  auditRows: number;
  filings: number;
  problems: VerifyProblem[];
}

export class VerifyService {
  constructor(private readonly repos: Repositories) {}

  verify(): VerifyReport {
    const problems: VerifyProblem[] = [];
    const pageCheck = this.repos.store.db.pragma('quick_check', { simple: false }) as Array<{ quick_check: string }>;
    for (const row of pageCheck) {
      if (row.quick_check !== 'ok') problems.push({ kind: 'database', seq: null, filingId: null, message: `SQLite reports: ${row.quick_check}` });
    }

    let previousSeq = 0;
    let previousHash = GENESIS_HASH;
    let rows = 0;
    for (const row of this.repos.audit.rows()) {
      rows += 1;
      if (row.seq !== previousSeq + 1) {
        const missing = row.seq - previousSeq - 1;
        problems.push({
          kind: 'audit-row-missing',
          seq: previousSeq + 1,
          filingId: null,
          message: missing === 1 ? `audit row ${previousSeq + 1} was deleted` : `audit rows ${previousSeq + 1} to ${row.seq - 1} were deleted`,
        });
      } else if (row.prevHash !== previousHash) {
        // Row seq-1 was rewritten together with its own hash: only this row's link gives it away.
        problems.push({ kind: 'audit-row-altered', seq: previousSeq, filingId: null, message: `audit row ${previousSeq} was altered (row ${row.seq} no longer follows it)` });
      }
      if (auditRowHash(row.prevHash, row) !== row.hash) {
        problems.push({ kind: 'audit-row-altered', seq: row.seq, filingId: row.filingId, message: `audit row ${row.seq} was altered (${row.action} by ${row.actor} at ${row.at})` });
      }
      previousSeq = row.seq;
      previousHash = row.hash;
    }
    const head = this.repos.audit.headRow();
    if (head.seq !== previousSeq || head.hash !== previousHash) {
      problems.push({
        kind: 'audit-head',
        seq: head.seq,
        filingId: null,
        message: head.seq > previousSeq ? `audit rows ${previousSeq + 1} to ${head.seq} were deleted from the end of the log` : `the audit log's head does not match its last row ${previousSeq}`,
      });
    }

    let filings = 0;
    for (const { id, document, status } of this.repos.store.db.prepare('SELECT id, document, status FROM filings ORDER BY id').iterate() as Iterable<{ id: number; document: string; status: string }>) {
      filings += 1;
      const vouched = this.repos.audit.latestStateHash(id);
      if (vouched === null) {
        problems.push({ kind: 'filing-untracked', seq: null, filingId: id, message: `filing #${id} has no audit trail` });
      } else if (vouched.stateHash !== filingStateHash(JSON.parse(document), status)) {
        problems.push({ kind: 'filing-altered', seq: vouched.seq, filingId: id, message: `filing #${id} was changed outside the review workflow (it differs from audit row ${vouched.seq})` });
      }
    }
    return { ok: problems.length === 0, auditRows: rows, filings, problems };
  }
}
