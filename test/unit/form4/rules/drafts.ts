// Drafts for the rule tests: a clean filing that no rule objects to, edited one field at a time, and the
// seed filings of ../shared/fixtures/seeds as their expected.json gives them.
import { readFileSync, readdirSync } from 'node:fs';
import type { Finding, RuleId } from '../../../../shared/findings.js';
import type { DraftFiling } from '../../../../shared/model.js';
import { checkFiling, type RuleContext } from '../../../../main/form4/rules/index.js';

export const NO_CONTEXT: RuleContext = { confidence: {}, guesses: {} };

const SEEDS = new URL('../../../../../shared/fixtures/seeds/', import.meta.url);

/** A Form 4 filed on time whose every box is filled and consistent: checkFiling finds nothing in it. */
export function cleanFiling(): DraftFiling {
  return {
    documentType: '4',
    periodOfReport: '2022-03-07',
    dateOfOriginalSubmission: null,
    notSubjectToSection16: false,
    issuer: { name: 'ALLIED MOTION TECHNOLOGIES INC', tradingSymbol: 'AMOT' },
    reportingOwners: [{
      name: 'Maida Robert P', street1: '495 COMMERCE DRIVE', city: 'AMHERST', state: 'NY', zip: '14228',
      isDirector: false, isOfficer: true, isTenPercentOwner: false, isOther: false, officerTitle: 'Senior VP', otherText: null,
    }],
    jointFiling: false,
    nonDerivative: [
      {
        securityTitle: 'Common Stock', transactionDate: '2022-03-07', deemedExecutionDate: null, transactionCode: 'F',
        equitySwapInvolved: false, shares: 216, acquiredDisposed: 'D', pricePerShare: 33.85, sharesOwnedFollowing: 103663,
        directOrIndirect: 'D', natureOfOwnership: null, footnoteRefs: { shares: ['1'] },
      },
      {
        securityTitle: 'Common Stock', transactionDate: '2022-03-08', deemedExecutionDate: null, transactionCode: 'M',
        equitySwapInvolved: false, shares: 2192, acquiredDisposed: 'A', pricePerShare: 34.39, sharesOwnedFollowing: 105855,
        directOrIndirect: 'D', natureOfOwnership: null, footnoteRefs: {},
      },
      {
        securityTitle: 'Common Stock', transactionDate: null, deemedExecutionDate: null, transactionCode: null,
        equitySwapInvolved: false, shares: null, acquiredDisposed: null, pricePerShare: null, sharesOwnedFollowing: 4275,
        directOrIndirect: 'I', natureOfOwnership: 'By ESOP Trust', footnoteRefs: {},
      },
    ],
    derivative: [
      {
        securityTitle: 'Stock Option (right to buy)', conversionOrExercisePrice: 20, transactionDate: '2022-03-08',
        deemedExecutionDate: null, transactionCode: 'M', equitySwapInvolved: false, sharesAcquired: null, sharesDisposed: 2192,
        dateExercisable: 'Immediately', expirationDate: '2030-03-08', underlyingTitle: 'Common Stock', underlyingShares: 2192,
        pricePerShare: 0, sharesOwnedFollowing: 7808, directOrIndirect: 'D', natureOfOwnership: null,
        footnoteRefs: { dateExercisable: ['2'] },
      },
    ],
    footnotes: [
      { id: '1', text: 'Shares withheld to cover tax withholding on vesting.' },
      { id: '2', text: 'The option vested in full on grant.' },
    ],
    remarks: null,
    signatures: [{ name: '/s/ Michael C. Donlon, attorney-in-fact for Robert P. Maida', date: '2022-03-09' }],
  };
}

/**
 * The clean filing after `change`, which may put anything anywhere: the rules must cope with what a
 * person can type into a field, not only with what the types allow.
 */
export function edited(change: (draft: any) => void, base: DraftFiling = cleanFiling()): DraftFiling {
  const draft = structuredClone(base);
  change(draft);
  return draft;
}

export function findingsOf(filing: DraftFiling, rule: RuleId, context: RuleContext = NO_CONTEXT): Finding[] {
  return checkFiling(filing, context).filter((found) => found.rule === rule);
}

export function pathsOf(findings: readonly Finding[]): string[] {
  return findings.map((found) => found.path);
}

export interface Seed {
  name: string;
  filing: DraftFiling;
  expected: Array<{ rule: RuleId; path: string }>;
}

export function seeds(): Seed[] {
  const expected = JSON.parse(readFileSync(new URL('expected-findings.json', SEEDS), 'utf8')) as Record<string, Seed['expected']>;
  return readdirSync(SEEDS)
    .filter((file) => file.endsWith('.expected.json'))
    .sort()
    .map((file) => {
      const name = file.replace(/\.expected\.json$/, '');
      return {
        name,
        filing: JSON.parse(readFileSync(new URL(file, SEEDS), 'utf8')) as DraftFiling,
        expected: expected[name] ?? [],
      };
    });
}
