// The findings of a stored filing: every filing-only rule (checkFiling) plus the two store rules, fed
// with what the store knows: per-field confidence and guesses, earlier approved filings, same-day
// filings. Rechecking writes the findings back; call it inside the transaction of the change.
import type { Finding } from '../../shared/findings.js';
import type { DraftFiling } from '../../shared/model.js';
import { duplicate } from '../form4/rules/duplicate.js';
import { historyMismatch } from '../form4/rules/history-mismatch.js';
import { checkFiling, type RuleContext } from '../form4/rules/index.js';
import type { FieldProvenance, FilingsRepository } from '../store/filings-repository.js';

/** What the parser knew, from the field rows: a value a person set counts as certain. */
export function ruleContextOf(fields: readonly FieldProvenance[], lowConfidenceThreshold: number | undefined): RuleContext {
  const confidence: Record<string, number> = {};
  const guesses: Record<string, string> = {};
  for (const field of fields) {
    if (field.setBy !== null) continue;
    if (field.confidence !== null) confidence[field.path] = field.confidence;
    if (field.guess !== null) guesses[field.path] = field.guess;
  }
  return { confidence, guesses, ...(lowConfidenceThreshold === undefined ? {} : { lowConfidenceThreshold }) };
}

export class FilingChecks {
  constructor(
    private readonly filings: FilingsRepository,
    private readonly lowConfidenceThreshold?: number,
  ) {}

  findingsFor(id: number, document: DraftFiling, fields: readonly FieldProvenance[]): Finding[] {
    const filingOnly = checkFiling(document, ruleContextOf(fields, this.lowConfidenceThreshold));
    if (document.periodOfReport === null) return filingOnly;
    return [
      ...filingOnly,
      ...historyMismatch(document, { earlierApproved: this.filings.earlierApproved(document, document.periodOfReport, id) }),
      ...duplicate(document, { candidates: this.filings.sameDay(document, document.periodOfReport, id) }),
    ];
  }

  /** Recomputes and stores the findings of one filing. */
  recheck(id: number): Finding[] {
    const record = this.filings.get(id);
    if (record === null) return [];
    const findings = this.findingsFor(id, record.document, this.filings.fields(id));
    this.filings.replaceFindings(id, findings);
    return findings;
  }

  /**
   * Rechecks the filings in review whose store-rule findings may have changed because `document`
   * (filing `id`) changed: the ones on the same day (duplicate), and, when `includeLater`, the later
   * ones of the same person and issuer (history-mismatch, after an approval or a reopening).
   * Returns the ids of the filings it re-checked, so their change can be announced.
   */
  recheckNeighbours(id: number, documents: ReadonlyArray<DraftFiling>, includeLater: boolean): number[] {
    const ids = new Set<number>();
    for (const document of documents) {
      if (document.periodOfReport === null) continue;
      for (const other of this.filings.sameDay(document, document.periodOfReport, id)) ids.add(other.id);
      if (includeLater) for (const later of this.filings.laterInReview(document, document.periodOfReport)) ids.add(later);
    }
    const rechecked: number[] = [];
    for (const other of ids) {
      if (this.filings.get(other)?.status !== 'needs-review') continue;
      this.recheck(other);
      rechecked.push(other);
    }
    return rechecked;
  }
}
