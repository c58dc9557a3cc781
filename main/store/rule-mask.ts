// Which rules a filing has findings of, as the bits of one integer that the queue's indexes carry
// (migration 0007), so a rule filter is tested without leaving an index. The bits are stored: a rule
// keeps its bit for good, and a new rule takes the next free bit in a migration that also sets it
// for the filings already checked.
import type { Finding, RuleId } from '../../shared/findings.js';

export const RULE_BITS: Readonly<Record<RuleId, number>> = {
  required: 1,
  format: 2,
  'code-direction': 4,
  rollforward: 8,
  'period-mismatch': 16,
  'late-filing': 32,
  'footnote-ref': 64,
  'footnote-unused': 128,
  'indirect-nature': 256,
  amendment: 512,
  'low-confidence': 1024,
  'history-mismatch': 2048,
  duplicate: 4096,
};

export function ruleMask(findings: readonly Finding[]): number {
  return findings.reduce((mask, item) => mask | RULE_BITS[item.rule], 0);
}
