// RULES.md `history-mismatch`: the holding a filing starts from must be what the latest earlier
// approved filing of the same person, issuer, security and ownership left. Pure: the store looks up
// the earlier approved filings and passes them in.
import { finding, type Finding } from '../../../shared/findings.js';
import type { DraftFiling } from '../../../shared/model.js';
import { holdingKey, type TableName } from './identity.js';

export interface EarlierApprovedFiling {
  id: number;
  periodOfReport: string | null;
  filing: DraftFiling;
}

export interface HistoryFacts {
  /** Approved (or exported) filings of the same reporting person and issuer dated before this one, latest first. */
  earlierApproved: readonly EarlierApprovedFiling[];
}

type AnyLine = DraftFiling['nonDerivative'][number] | DraftFiling['derivative'][number];

/** following − amount for an acquisition, + amount for a disposition; a holdings-only line starts where it ends. */
export function startingHolding(table: TableName, line: AnyLine): number | null {
  if (line.sharesOwnedFollowing === null) return null;
  if (table === 'nonDerivative') {
    const nd = line as DraftFiling['nonDerivative'][number];
    if (nd.shares === null) return nd.transactionCode === null ? nd.sharesOwnedFollowing : null;
    if (nd.acquiredDisposed === 'A') return line.sharesOwnedFollowing - nd.shares;
    if (nd.acquiredDisposed === 'D') return line.sharesOwnedFollowing + nd.shares;
    return null;
  }
  const d = line as DraftFiling['derivative'][number];
  const acquired = d.sharesAcquired ?? null;
  const disposed = d.sharesDisposed ?? null;
  if (acquired === null && disposed === null && d.transactionCode !== null) return null;
  return line.sharesOwnedFollowing - (acquired ?? 0) + (disposed ?? 0);
}

/** The amount the last line of this holding in `filing` left, or undefined when it has no such line. */
function lastHolding(filing: DraftFiling, table: TableName, key: string): number | null | undefined {
  const lines: readonly AnyLine[] = filing[table];
  for (let index = lines.length - 1; index >= 0; index -= 1) {
    const line = lines[index];
    if (line !== undefined && holdingKey(table, line) === key) return line.sharesOwnedFollowing;
  }
  return undefined;
}

function formatShares(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 4 });
}

export function historyMismatch(filing: DraftFiling, facts: HistoryFacts): Finding[] {
  const findings: Finding[] = [];
  for (const table of ['nonDerivative', 'derivative'] as const) {
    const seen = new Set<string>();
    const lines: readonly AnyLine[] = filing[table];
    lines.forEach((line, index) => {
      const key = holdingKey(table, line);
      if (key === null || seen.has(key)) return;
      seen.add(key);
      const start = startingHolding(table, line);
      if (start === null) return;
      for (const earlier of facts.earlierApproved) {
        const previous = lastHolding(earlier.filing, table, key);
        if (previous === undefined) continue;
        if (previous !== null && Math.abs(previous - start) > 1e-6) {
          findings.push(
            finding(
              'history-mismatch',
              `${table}[${index}].sharesOwnedFollowing`,
              `this line starts from ${formatShares(start)} but approved filing #${earlier.id}` +
                `${earlier.periodOfReport === null ? '' : ` (${earlier.periodOfReport})`} left ${formatShares(previous)} ` +
                `of ${line.securityTitle ?? 'this security'}`,
            ),
          );
        }
        return;
      }
    });
  }
  return findings;
}
