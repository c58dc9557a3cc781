import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PageCache } from '../../../renderer/queue/page-cache.js';
import { pagesAround, renderedRows, rowsPerScreen, scrollToRow, visibleRows } from '../../../renderer/queue/virtual-window.js';

describe('visibleRows', () => {
  it('covers the rows under the viewport, with overscan, within the total', () => {
    assert.deepEqual(visibleRows(0, 100, 25, 1000), { first: 0, end: 4 });
    assert.deepEqual(visibleRows(260, 100, 25, 1000, 2), { first: 8, end: 17 });
    assert.deepEqual(visibleRows(1e9, 100, 25, 10), { first: 9, end: 10 });
    assert.deepEqual(visibleRows(0, 100, 25, 0), { first: 0, end: 0 });
  });

  it('stays small over 100,000 rows', () => {
    const range = visibleRows(99_000 * 26, 800, 26, 100_000, 5);
    assert.ok(range.end - range.first < 50);
    assert.equal(range.first, 98_995);
  });
});

describe('renderedRows', () => {
  it('covers the rows in view with whole blocks and a block to spare each way', () => {
    // Rows 10 to 13 in view (scrollTop 260, 100 px, 25 px rows).
    assert.deepEqual(renderedRows(260, 100, 25, 1000, 8), { first: 0, end: 24 });
    assert.deepEqual(renderedRows(0, 100, 25, 1000, 8), { first: 0, end: 16 });
    assert.deepEqual(renderedRows(1e9, 100, 25, 1000, 8), { first: 984, end: 1000 });
    assert.deepEqual(renderedRows(0, 100, 25, 0, 8), { first: 0, end: 0 });
  });

  it('changes only when the scroll crosses into another block', () => {
    const ranges = new Set<string>();
    // Rows 24 to 31 scrolled past a pixel at a time, with 4 rows in view: two blocks' worth of change at most.
    for (let top = 24 * 25; top <= 31 * 25; top += 1) ranges.add(JSON.stringify(renderedRows(top, 100, 25, 1000, 8)));
    assert.ok(ranges.size <= 2, [...ranges].join(' '));
    for (const range of ranges) {
      const { first, end } = JSON.parse(range) as { first: number; end: number };
      assert.equal(first % 8, 0);
      assert.equal(end % 8, 0);
    }
  });
});

describe('pagesAround', () => {
  it('takes the pages holding the rows and the neighbour the rows come near', () => {
    assert.deepEqual(pagesAround({ first: 0, end: 30 }, 100, 1000, 50), [0]);
    assert.deepEqual(pagesAround({ first: 70, end: 100 }, 100, 1000, 50), [0, 1]);
    assert.deepEqual(pagesAround({ first: 120, end: 150 }, 100, 1000, 50), [0, 1]);
    assert.deepEqual(pagesAround({ first: 990, end: 1000 }, 100, 1000, 50), [9]);
    assert.deepEqual(pagesAround({ first: 0, end: 0 }, 100, 1000, 50), []);
  });

  it('reaches as far ahead and behind as the lead, within the total', () => {
    assert.deepEqual(pagesAround({ first: 0, end: 30 }, 100, 1000, 100), [0, 1]);
    assert.deepEqual(pagesAround({ first: 120, end: 150 }, 100, 1000, 100), [0, 1, 2]);
    assert.deepEqual(pagesAround({ first: 950, end: 980 }, 100, 1000, 100), [8, 9]);
  });
});

describe('scrollToRow', () => {
  it('moves only as far as needed', () => {
    assert.equal(scrollToRow(5, 0, 100, 25), 50);
    assert.equal(scrollToRow(1, 50, 100, 25), 25);
    assert.equal(scrollToRow(3, 50, 100, 25), 50);
    assert.equal(rowsPerScreen(100, 25), 4);
    assert.equal(rowsPerScreen(10, 25), 1);
  });
});

describe('PageCache', () => {
  it('finds rows by index across pages and claims each missing page once', () => {
    const cache = new PageCache<string>(2, 10);
    assert.deepEqual(cache.claimMissing([0, 1]), [0, 1]);
    assert.deepEqual(cache.claimMissing([0, 1, 2]), [2]);
    cache.store(1, ['c', 'd']);
    assert.equal(cache.row(3), 'd');
    assert.equal(cache.row(0), undefined);
    cache.release(0);
    assert.deepEqual(cache.claimMissing([0, 1]), [0]);
  });

  it('drops the least recently used page beyond its bound', () => {
    const cache = new PageCache<number>(1, 2);
    cache.store(0, [0]);
    cache.store(1, [1]);
    cache.claimMissing([0]);
    cache.store(2, [2]);
    assert.equal(cache.row(0), 0);
    assert.equal(cache.row(1), undefined);
    assert.equal(cache.row(2), 2);
  });
});

describe('queue query', async () => {
  const { DEFAULT_QUERY, listInput, queryKey, toggleSort } = await import('../../../renderer/queue/queue-query.js');

  it('leaves absent filters out of the API input', () => {
    assert.deepEqual(listInput({ ...DEFAULT_QUERY, status: null, search: '  ' }), { sort: 'period', direction: 'desc' });
    assert.deepEqual(listInput({ ...DEFAULT_QUERY, rule: 'format', search: ' acme ' }), { status: 'needs-review', rule: 'format', search: 'acme', sort: 'period', direction: 'desc' });
    assert.notEqual(queryKey(DEFAULT_QUERY), queryKey({ ...DEFAULT_QUERY, direction: 'asc' }));
  });

  it('turns the order round on a second click, and sorts names A-Z first', () => {
    const byIssuer = toggleSort(DEFAULT_QUERY, 'issuer');
    assert.deepEqual([byIssuer.sort, byIssuer.direction], ['issuer', 'asc']);
    assert.equal(toggleSort(byIssuer, 'issuer').direction, 'desc');
    assert.equal(toggleSort(DEFAULT_QUERY, 'errors').direction, 'desc');
  });
});
