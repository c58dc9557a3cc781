// RULES.md `duplicate`: another filing in the store with the same reporting person, issuer, box 3
// date and the same Table I and II lines. Pure: the store looks up the candidates (same person,
// issuer and date) and passes them in; this decides whether their lines are the same.
import { finding, type Finding } from '../../../shared/findings.js';
import type { DraftFiling } from '../../../shared/model.js';
import { issuerKey, normalizeName, personKey } from './identity.js';

export interface DuplicateFacts {
  /** Other filings in the store with the same reporting person, issuer and box 3 date. */
  candidates: ReadonlyArray<{ id: number; filing: DraftFiling }>;
}

/** A line as compared: titles and natures without case or punctuation, footnote marks left out. */
function comparableLines(lines: ReadonlyArray<Record<string, unknown>>): string {
  return JSON.stringify(
    lines.map((line) =>
      Object.keys(line)
        .filter((key) => key !== 'footnoteRefs')
        .sort()
        .map((key) => {
          const value = line[key];
          const normalized = key === 'securityTitle' || key === 'natureOfOwnership' || key === 'underlyingTitle' ? normalizeName(value as string | null) : value ?? null;
          return [key, normalized];
        })
        // An optional field left out and one given as null say the same thing.
        .filter(([, value]) => value !== null && value !== ''),
    ),
  );
}

export function sameLines(a: DraftFiling, b: DraftFiling): boolean {
  return comparableLines(a.nonDerivative) === comparableLines(b.nonDerivative) && comparableLines(a.derivative) === comparableLines(b.derivative);
}

/** One finding per other filing that duplicates this one; the path is empty because it is about the whole filing. */
export function duplicate(filing: DraftFiling, facts: DuplicateFacts): Finding[] {
  if (filing.periodOfReport === null) return [];
  return facts.candidates
    .filter(
      (other) =>
        other.filing.periodOfReport === filing.periodOfReport &&
        personKey(other.filing) === personKey(filing) &&
        issuerKey(other.filing) === issuerKey(filing) &&
        sameLines(other.filing, filing),
    )
    .map((other) => finding('duplicate', '', `filing #${other.id} has the same reporting person, issuer, date and Table I and II lines`));
}
