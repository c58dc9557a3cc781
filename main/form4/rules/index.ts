// The review rules of ../../../../shared/spec/RULES.md that look at one filing alone. The rules that
// compare a filing with others in the store (`history-mismatch`, `duplicate`) need a repository and
// live with the store; this module stays a pure function of the filing and what the parser knew.
import type { Finding } from '../../../shared/findings.js';
import type { DraftFiling } from '../../../shared/model.js';
import { amendmentFindings } from './amendment.js';
import { codeDirectionFindings } from './code-direction.js';
import { footnoteRefFindings, footnoteUnusedFindings } from './footnotes.js';
import { formatFindings } from './format.js';
import { indirectNatureFindings } from './indirect-nature.js';
import { lateFilingFindings } from './late-filing.js';
import { DEFAULT_LOW_CONFIDENCE_THRESHOLD, lowConfidenceFindings } from './low-confidence.js';
import { periodMismatchFindings } from './period.js';
import { requiredFindings } from './required.js';
import { rollforwardFindings } from './rollforward.js';
import { record } from './values.js';

export { DEFAULT_LOW_CONFIDENCE_THRESHOLD };

export interface RuleContext {
  /** 0-100 per field path the parser filled; absent paths are treated as certain (typed by a person). */
  confidence: Record<string, number>;
  /** Field paths the parser guessed from a damaged layout, with why. */
  guesses: Record<string, string>;
  /** Under this confidence a field gets `low-confidence`. Default 80. */
  lowConfidenceThreshold?: number;
}

/** The filing-only rules, in the order of RULE_IDS; each lists its findings in form order. */
const FILING_RULES: ReadonlyArray<(filing: DraftFiling) => Finding[]> = [
  requiredFindings,
  formatFindings,
  codeDirectionFindings,
  rollforwardFindings,
  periodMismatchFindings,
  lateFilingFindings,
  footnoteRefFindings,
  footnoteUnusedFindings,
  indirectNatureFindings,
  amendmentFindings,
];

/**
 * Every finding of the filing-only rules, by rule then in form order, without exact duplicates (a cell
 * that lists one footnote twice is one finding). Pure: no clock, no I/O. It reads every value
 * defensively, so any draft, however damaged or hand-edited, gets findings rather than an exception.
 */
export function checkFiling(filing: DraftFiling, context: RuleContext): Finding[] {
  const given = record(context);
  const findings = [
    ...FILING_RULES.flatMap((rule) => rule(filing)),
    ...lowConfidenceFindings({
      confidence: given.confidence,
      guesses: given.guesses,
      threshold: given.lowConfidenceThreshold,
    }),
  ];
  const seen = new Set<string>();
  return findings.filter((found) => {
    const key = JSON.stringify([found.rule, found.path, found.message]);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
