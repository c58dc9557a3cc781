// The store in use that the store and UI benchmarks measure: N filings made from one seed filing
// with deterministic people, issuers, dates and amounts, each with field provenance, findings from
// the real rules, an audit row, and the status mix of a store in use (most decided long ago).
import { readFileSync } from 'node:fs';
import type { DraftFiling } from '../shared/model.js';
import type { FilingStatus } from '../shared/views.js';
import { filingStateHash } from '../main/store/audit-chain.js';
import type { Store } from '../main/store/database.js';
import type { Repositories } from '../main/store/repositories.js';
import { FilingChecks } from '../main/workflow/filing-checks.js';

const SEED = JSON.parse(readFileSync('/work/shared/fixtures/seeds/001_f9b7ad6673bacc21.expected.json', 'utf8')) as DraftFiling;

/** Deterministic pseudo-random numbers (mulberry32), so every run builds the same store. */
export function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const LAST = ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez', 'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin', 'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores', 'Maida', 'Winter', 'Federico', 'Chiarmonte', 'Okafor', 'Kowalski', 'Lindqvist', 'Moreau', 'Tanaka', 'Rossi'];
const FIRST = ['Michael', 'Robert', 'Susan', 'Richard', 'Maria', 'David', 'Linda', 'James', 'Patricia', 'John', 'Jennifer', 'William', 'Elizabeth', 'Thomas', 'Karen', 'Daniel', 'Nancy', 'Paul', 'Lisa', 'Mark'];
const WORDS = ['Allied', 'Motion', 'Global', 'Pacific', 'Northern', 'United', 'Advanced', 'Digital', 'Quantum', 'Summit', 'Harbor', 'Granite', 'Silver', 'Cedar', 'Apex', 'Vertex', 'Nova', 'Orion', 'Atlas', 'Beacon'];
const KINDS = ['Technologies', 'Holdings', 'Industries', 'Systems', 'Therapeutics', 'Energy', 'Financial', 'Networks'];
export const PEOPLE = Array.from({ length: 4000 }, (_, index) => `${LAST[index % LAST.length]} ${FIRST[Math.floor(index / LAST.length) % FIRST.length]} ${String.fromCharCode(65 + (index % 26))}${index}`);
const ISSUERS = Array.from({ length: 800 }, (_, index) => ({ name: `${WORDS[index % WORDS.length]} ${WORDS[Math.floor(index / WORDS.length) % WORDS.length]} ${KINDS[index % KINDS.length]} Inc`, ticker: `${String.fromCharCode(65 + (index % 26))}${String.fromCharCode(65 + (Math.floor(index / 26) % 26))}${String.fromCharCode(65 + (Math.floor(index / 676) % 26))}` }));
const READ_FIELDS = ['periodOfReport', 'issuer.name', 'issuer.tradingSymbol', 'reportingOwners[0].name', 'nonDerivative[1].transactionDate', 'nonDerivative[1].shares', 'nonDerivative[1].pricePerShare', 'nonDerivative[1].sharesOwnedFollowing'];

function isoDay(offset: number): string {
  return new Date(Date.UTC(2015, 0, 5) + offset * 86_400_000).toISOString().slice(0, 10);
}

function generatedFiling(next: () => number): DraftFiling {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const filing = structuredClone(SEED);
  const issuer = pick(ISSUERS);
  const day = isoDay(Math.floor(next() * 3600));
  filing.issuer = { ...filing.issuer, name: issuer.name, tradingSymbol: issuer.ticker };
  const owner = filing.reportingOwners[0];
  if (owner !== undefined) owner.name = pick(PEOPLE);
  filing.periodOfReport = day;
  const trade = filing.nonDerivative[1];
  if (trade !== undefined) {
    const shares = 100 + Math.floor(next() * 10_000);
    trade.transactionDate = day;
    trade.shares = shares;
    trade.sharesOwnedFollowing = 10_000 + Math.floor(next() * 500_000);
    trade.pricePerShare = Math.round(next() * 20_000) / 100;
  }
  filing.signatures = filing.signatures.map((signature) => ({ ...signature, date: day }));
  return filing;
}

/**
 * Adds `count` generated filings to an open store in one transaction, drawing from `next` and
 * stamping times from `clock`. Statuses: 30% in review, 10% approved, 50% exported, 10% rejected.
 */
export function generateFilings(store: Store, repos: Repositories, options: { count: number; next: () => number; clock: () => Date }): void {
  const { count, next, clock } = options;
  const checks = new FilingChecks(repos.filings);
  const statuses: FilingStatus[] = ['needs-review', 'needs-review', 'needs-review', 'approved', 'exported', 'exported', 'exported', 'exported', 'exported', 'rejected'];
  store.transaction(() => {
    for (let index = 0; index < count; index += 1) {
      const document = generatedFiling(next);
      const at = clock().toISOString();
      const id = repos.filings.insert({ sourceId: null, document, at });
      for (const field of READ_FIELDS) {
        repos.filings.upsertField(id, { path: field, confidence: 70 + Math.floor(next() * 31), guess: null, source: { page: 1, boxes: [{ x: 100, y: 200, width: 80, height: 14 }], text: '' }, setBy: null, setAt: null });
      }
      repos.filings.replaceFindings(id, checks.findingsFor(id, document, repos.filings.fields(id)));
      repos.audit.append({ at, actor: 'bench', filingId: id, action: 'import', newValue: '{}', stateHash: filingStateHash(document, 'needs-review') });
      const status = statuses[Math.floor(next() * statuses.length)] as FilingStatus;
      if (status !== 'needs-review') repos.filings.updateStatus(id, status, at, status === 'rejected' ? null : at);
    }
  });
}
