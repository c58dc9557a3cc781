// The queue's pages and neighbours against a plain in-memory model of the same filings: every sort
// key in both directions, each filter alone and together, both ways of answering (collecting the
// matches, walking an index), and the derived columns kept up to date as filings change.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { QUEUE_SORTS, type QueueItem, type QueueSort } from '../../../shared/api.js';
import { finding, type RuleId } from '../../../shared/findings.js';
import type { DraftFiling } from '../../../shared/model.js';
import { FILING_STATUSES, type FilingStatus } from '../../../shared/views.js';
import { Store } from '../../../main/store/database.js';
import { FilingQueue, type QueueFilter } from '../../../main/store/filing-queue.js';
import { repositoriesOf, type Repositories } from '../../../main/store/repositories.js';
import { SEEDS, tickingClock } from '../workflow/store-fixture.js';

const SEED = JSON.parse(readFileSync(join(SEEDS, '001_f9b7ad6673bacc21.expected.json'), 'utf8')) as DraftFiling;
const PEOPLE = ['Winter Michael R', 'winter michael r', 'Maida Robert', 'Ames Zoe', ''];
const ISSUERS = [{ name: 'Acme Corp', ticker: 'ACME' }, { name: 'acme corp', ticker: 'acm' }, { name: 'Zeta Industries', ticker: 'ZETA' }, { name: 'Beta Holdings', ticker: '' }];
const DAYS = [null, '2024-01-02', '2024-01-02', '2024-02-29', '2023-12-31'];
const RULES: RuleId[] = ['format', 'duplicate', 'low-confidence'];

/** Deterministic choices, so a failure repeats. */
function chooser(seed: number): <T>(items: readonly T[]) => T {
  let state = seed;
  return <T>(items: readonly T[]): T => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return items[Math.floor((state / 2147483648) * items.length)] as T;
  };
}

let dir: string;
let store: Store;
let repos: Repositories;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'form4-queue-'));
  const clock = tickingClock();
  store = Store.open({ path: join(dir, 'form4.db'), clock });
  repos = repositoriesOf(store);
  const pick = chooser(7);
  store.transaction(() => {
    for (let index = 0; index < 160; index += 1) {
      const document = structuredClone(SEED);
      const issuer = pick(ISSUERS);
      document.issuer = { name: issuer.name, tradingSymbol: issuer.ticker };
      (document.reportingOwners[0] as { name: string | null }).name = pick(PEOPLE);
      document.periodOfReport = pick(DAYS);
      for (const line of document.nonDerivative) line.transactionDate = pick(DAYS);
      // A few share one `updated` time, so ties are broken by id there too.
      const at = index % 5 === 0 ? '2024-05-01T00:00:00.000Z' : clock().toISOString();
      const id = repos.filings.insert({ sourceId: null, document, at });
      for (const path of ['issuer.name', 'periodOfReport', 'nonDerivative[0].shares']) {
        const confidence = pick([null, 40, 55.5, 90, 99]);
        if (confidence === null) continue;
        repos.filings.upsertField(id, { path, confidence, guess: null, source: null, setBy: pick([null, null, 'alice']), setAt: null });
      }
      const rules = RULES.filter(() => pick([true, false, false]));
      repos.filings.replaceFindings(id, rules.flatMap((rule) => [finding(rule, 'issuer.name', 'm'), ...(rule === 'format' ? [finding(rule, 'periodOfReport', 'm')] : [])]));
      const status = pick(FILING_STATUSES);
      if (status !== 'needs-review') repos.filings.updateStatus(id, status, at, status === 'approved' || status === 'exported' ? at : null);
    }
  });
});

after(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Truth extends QueueItem {
  rules: Set<string>;
  words: string[];
}

/** What the queue should show, worked out from the documents, field rows and findings themselves. */
function truth(): Truth[] {
  const rows = store.db.prepare('SELECT id, status, document, updated_at FROM filings').all() as Array<{ id: number; status: FilingStatus; document: string; updated_at: string }>;
  const fields = store.db.prepare('SELECT filing_id, confidence, set_by FROM filing_fields').all() as Array<{ filing_id: number; confidence: number | null; set_by: string | null }>;
  const findings = store.db.prepare('SELECT filing_id, rule, severity FROM findings').all() as Array<{ filing_id: number; rule: string; severity: string }>;
  return rows.map((row) => {
    const document = JSON.parse(row.document) as DraftFiling;
    const dates = [...document.nonDerivative, ...document.derivative].map((line) => line.transactionDate).filter((day): day is string => day !== null).sort();
    const read = fields.filter((field) => field.filing_id === row.id && field.set_by === null && field.confidence !== null).map((field) => field.confidence as number);
    const own = findings.filter((item) => item.filing_id === row.id);
    const reportingPerson = document.reportingOwners.map((owner) => owner.name ?? '').filter((name) => name !== '').join('; ');
    const issuer = document.issuer.name ?? '';
    const ticker = document.issuer.tradingSymbol ?? '';
    return {
      id: row.id,
      status: row.status,
      reportingPerson,
      issuer,
      ticker,
      periodOfReport: document.periodOfReport,
      errors: own.filter((item) => item.severity === 'error').length,
      warnings: own.filter((item) => item.severity === 'warning').length,
      updatedAt: row.updated_at,
      earliestTransaction: dates[0] ?? null,
      lowestConfidence: read.length === 0 ? null : Math.min(...read),
      rules: new Set(own.map((item) => item.rule)),
      words: `${reportingPerson} ${issuer} ${ticker}`.toLowerCase().split(/[^a-z0-9]+/).filter((word) => word !== ''),
    };
  });
}

function sortValue(item: Truth, sort: QueueSort): string | number | null {
  switch (sort) {
    case 'period': return item.periodOfReport;
    case 'earliestTransaction': return item.earliestTransaction;
    case 'reportingPerson': return item.reportingPerson.toLowerCase();
    case 'issuer': return item.issuer.toLowerCase();
    case 'ticker': return item.ticker.toLowerCase();
    case 'status': return item.status;
    case 'errors': return item.errors;
    case 'warnings': return item.warnings;
    case 'lowestConfidence': return item.lowestConfidence;
    case 'updated': return item.updatedAt;
    case 'id': return null;
  }
}

/** SQLite's order: NULL lowest, then by value, then by id; descending reverses all of it. */
function compare(sort: QueueSort, direction: 'asc' | 'desc'): (a: Truth, b: Truth) => number {
  return (a, b) => {
    const x = sortValue(a, sort);
    const y = sortValue(b, sort);
    let order = x === y ? 0 : x === null ? -1 : y === null ? 1 : x < y ? -1 : 1;
    if (order === 0) order = a.id - b.id;
    return direction === 'asc' ? order : -order;
  };
}

function matches(item: Truth, filter: QueueFilter): boolean {
  if (filter.status !== undefined && item.status !== filter.status) return false;
  if (filter.rule !== undefined && !item.rules.has(filter.rule)) return false;
  const words = (filter.search ?? '').toLowerCase().split(/[^a-z0-9]+/).filter((word) => word !== '');
  return words.every((word) => item.words.some((token) => token.startsWith(word)));
}

function shown(item: Truth): QueueItem {
  const { rules: _rules, words: _words, ...rest } = item;
  return rest;
}

const FILTERS: QueueFilter[] = [
  {},
  { status: 'approved' },
  { rule: 'format' },
  { rule: 'duplicate', status: 'needs-review' },
  { search: 'acme' },
  { search: 'WINTER mich', rule: 'low-confidence', status: 'rejected' },
  { search: 'nobody-by-this-name' },
];

describe('the filing queue', () => {
  const ways = () => [new FilingQueue(store, { collectAtMost: 0 }), new FilingQueue(store, { collectAtMost: Number.POSITIVE_INFINITY })];

  test('every sort key, both directions, each filter: the same page and total as the model, both ways', () => {
    const all = truth();
    let compared = 0;
    for (const queue of ways()) {
      for (const sort of QUEUE_SORTS) {
        for (const direction of ['asc', 'desc'] as const) {
          for (const filter of FILTERS) {
            const expected = all.filter((item) => matches(item, filter)).sort(compare(sort, direction));
            for (const [offset, limit] of [[0, 7], [5, 30], [expected.length - 2, 10], [expected.length + 3, 5]] as const) {
              const page = queue.page({ ...filter, sort, direction, offset: Math.max(0, offset), limit });
              const label = JSON.stringify({ ...filter, sort, direction, offset, limit });
              assert.equal(page.total, expected.length, label);
              assert.deepEqual(page.items, expected.slice(Math.max(0, offset), Math.max(0, offset) + limit).map(shown), label);
              compared += 1;
            }
          }
        }
      }
    }
    assert.equal(compared, 2 * QUEUE_SORTS.length * 2 * FILTERS.length * 4);
    assert.ok(all.some((item) => item.earliestTransaction === null) && all.some((item) => item.lowestConfidence === null), 'the data has NULLs to order');
  });

  test('neighbours follow the same order and filter, also for a filing outside the filter', () => {
    const all = truth();
    const pick = chooser(11);
    for (const queue of ways()) {
      for (const sort of QUEUE_SORTS) {
        for (const direction of ['asc', 'desc'] as const) {
          for (const filter of FILTERS) {
            for (let attempt = 0; attempt < 4; attempt += 1) {
              const item = pick(all);
              const order = all.filter((other) => other.id === item.id || matches(other, filter)).sort(compare(sort, direction));
              const at = order.findIndex((other) => other.id === item.id);
              const label = JSON.stringify({ ...filter, sort, direction, id: item.id });
              assert.deepEqual(queue.neighbours(item.id, { ...filter, sort, direction }), { previous: order[at - 1]?.id ?? null, next: order[at + 1]?.id ?? null }, label);
            }
          }
        }
      }
    }
    assert.equal(new FilingQueue(store).neighbours(999_999, {}), null);
  });

  test('the columns the queue shows and filters on follow edits, findings and status', () => {
    const id = repos.filings.list({ sort: 'id', direction: 'asc', limit: 1 })[0]?.id as number;
    const record = repos.filings.get(id);
    assert.ok(record);
    const document = structuredClone(record.document);
    for (const line of document.nonDerivative) line.transactionDate = '2020-06-30';
    store.transaction(() => {
      repos.filings.updateDocument(id, document, '2024-06-01T00:00:00.000Z');
      repos.filings.upsertField(id, { path: 'issuer.name', confidence: 3, guess: null, source: null, setBy: null, setAt: null });
      repos.filings.replaceFindings(id, [finding('amendment', 'documentType', 'm')]);
      repos.filings.updateStatus(id, 'rejected', '2024-06-01T00:00:00.000Z', null);
    });
    const item = repos.filings.queuePage({ rule: 'amendment', status: 'rejected' }).items.find((row) => row.id === id);
    assert.deepEqual(item, shown(truth().find((row) => row.id === id) as Truth));
    assert.equal(item?.earliestTransaction, '2020-06-30');
    assert.equal(item?.lowestConfidence, 3);
    assert.equal(repos.filings.queuePage({ rule: 'format' }).items.some((row) => row.id === id), false, 'its old findings are gone from the rule filter');
  });
});
