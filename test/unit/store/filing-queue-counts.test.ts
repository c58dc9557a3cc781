// The queue counts a filter once while the database stays as it is (a scroll fetches page after page
// of one filter), and counts again after any write: through this connection, by another connection,
// and never because of its own table of search hits.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import type { DraftFiling } from '../../../shared/model.js';
import { Store } from '../../../main/store/database.js';
import { FilingQueue } from '../../../main/store/filing-queue.js';
import { repositoriesOf, type Repositories } from '../../../main/store/repositories.js';
import { SEEDS, tickingClock } from '../workflow/store-fixture.js';

const SEED = JSON.parse(readFileSync(join(SEEDS, '001_f9b7ad6673bacc21.expected.json'), 'utf8')) as DraftFiling;
const FILINGS = 30;

let dir: string;
let store: Store;
let repos: Repositories;
/** The label of every timed query, in order: the store reports each one when the threshold is below zero. */
const queries: string[] = [];
const counted = (): number => queries.filter((label) => label === 'filings.queueCount').length;

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'form4-queue-counts-'));
  store = Store.open({ path: join(dir, 'form4.db'), clock: tickingClock(), slowQueryMs: -1, onSlowQuery: (label) => queries.push(label) });
  repos = repositoriesOf(store);
  store.transaction(() => {
    for (let index = 0; index < FILINGS; index += 1) {
      const document = structuredClone(SEED);
      (document.reportingOwners[0] as { name: string | null }).name = index % 3 === 0 ? 'Winter Michael R' : 'Ames Zoe';
      repos.filings.insert({ sourceId: null, document, at: `2024-03-01T09:00:${String(index).padStart(2, '0')}.000Z` });
    }
  });
});
after(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the queue count', () => {
  test('is counted once for the pages of one filter, and again after a write through this connection', () => {
    // Walking an index (not collecting the matches) is the way that counts on its own.
    const queue = new FilingQueue(store, { collectAtMost: 0 });
    const before = counted();
    const pages = [0, 10, 20].map((offset) => queue.page({ status: 'needs-review', sort: 'id', offset, limit: 10 }));
    assert.deepEqual(pages.map((page) => page.total), [FILINGS, FILINGS, FILINGS]);
    assert.deepEqual(pages.map((page) => page.items.length), [10, 10, 10]);
    assert.equal(counted() - before, 1, 'three pages of one filter, one count');

    queue.page({ status: 'approved', sort: 'id' });
    assert.equal(counted() - before, 2, 'another filter has a count of its own');

    const first = pages[0]?.items[0]?.id as number;
    repos.filings.updateStatus(first, 'approved', '2024-03-02T00:00:00.000Z', '2024-03-02T00:00:00.000Z');
    assert.equal(queue.page({ status: 'needs-review', sort: 'id', offset: 10, limit: 10 }).total, FILINGS - 1);
    assert.equal(queue.page({ status: 'approved', sort: 'id' }).total, 1);
    assert.equal(counted() - before, 4, 'the write made both filters count again');
  });

  test('a commit by another connection (the CLI on the same file) is seen', () => {
    const queue = new FilingQueue(store, { collectAtMost: 0 });
    const total = queue.page({ status: 'rejected' }).total;
    const other = new Database(join(dir, 'form4.db'));
    try {
      other.prepare("UPDATE filings SET status = 'rejected' WHERE id = (SELECT min(id) FROM filings WHERE status = 'needs-review')").run();
    } finally {
      other.close();
    }
    assert.equal(queue.page({ status: 'rejected' }).total, total + 1);
  });

  test('the search hits the queue writes for itself do not make it count again', () => {
    const queue = new FilingQueue(store, { collectAtMost: 0 });
    const before = counted();
    const totals = [0, 5, 0].map((offset) => queue.page({ search: 'winter', offset, limit: 5 }).total);
    assert.deepEqual(totals, [FILINGS / 3, FILINGS / 3, FILINGS / 3]);
    assert.equal(counted() - before, 1);
    assert.equal(queue.page({ search: 'ames', limit: 5 }).total, FILINGS - FILINGS / 3, 'another search is another filter');
    assert.equal(queue.page({ search: 'winter', offset: 5, limit: 5 }).total, FILINGS / 3);
  });
});
