// The queue's rows for the virtualized list: pages of 'filings:list' fetched around what is on
// screen and cached per query. When filings change, the pages are fetched again while the old rows
// stay on screen until the new ones arrive, so the list never blanks.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { QueueItem } from '../../shared/api.js';
import { useApp, useCall } from '../app/app-context.js';
import { PageCache } from './page-cache.js';
import { listInput, queryKey, type QueueQuery } from './queue-query.js';
import { pagesAround, type RowRange } from './virtual-window.js';

export const PAGE_SIZE = 100;
const MAX_PAGES = 60;
/**
 * Rows fetched beyond those on screen, each way: a fling passes about 200 rows a second, and a page
 * takes a few tens of milliseconds to come, so a page ahead is there before it is scrolled to.
 */
const LEAD_ROWS = PAGE_SIZE;
/** Change events come in bursts during an import: one refresh per burst. */
const REFRESH_DELAY_MS = 300;

export interface QueueRows {
  total: number | null;
  row(index: number): QueueItem | undefined;
  /** Asks for the pages the rows on screen need. */
  show(range: RowRange): void;
  /** Bumps when the rows or the total change, and on every refresh (for counts). */
  version: number;
  generation: number;
  /** The first page of the current query arrived. */
  loaded: boolean;
}

export function useQueueRows(query: QueueQuery): QueueRows {
  const { api } = useApp();
  const call = useCall();
  const key = queryKey(query);
  const state = useRef({ key, cache: new PageCache<QueueItem>(PAGE_SIZE, MAX_PAGES), previous: null as PageCache<QueueItem> | null, range: { first: 0, end: 40 } as RowRange });
  const [total, setTotal] = useState<number | null>(null);
  const [version, setVersion] = useState(0);
  const [generation, setGeneration] = useState(0);
  const [loaded, setLoaded] = useState(false);

  const fetchPages = useCallback(
    (range: RowRange, knownTotal: number | null) => {
      const current = state.current;
      const cache = current.cache;
      const wanted = knownTotal === null ? [Math.floor(range.first / PAGE_SIZE)] : pagesAround(range, PAGE_SIZE, knownTotal, LEAD_ROWS);
      for (const page of cache.claimMissing(wanted)) {
        void call('filings:list', { ...listInput(query), offset: page * PAGE_SIZE, limit: PAGE_SIZE }).then((result) => {
          if (state.current.cache !== cache) return;
          if (!result.ok) {
            cache.release(page);
            return;
          }
          cache.store(page, result.value.items);
          setTotal(result.value.total);
          if (page === Math.floor(state.current.range.first / PAGE_SIZE) || result.value.total === 0) {
            state.current.previous = null;
            setLoaded(true);
          }
          setVersion((value) => value + 1);
          // The total may have grown past what the first fetch knew: fill the rest of the screen.
          if (knownTotal === null) fetchPages(state.current.range, result.value.total);
        });
      }
    },
    // The query is read through its key: a new key means a new cache.
    [call, key],
  );

  // A new query: a fresh cache, and nothing old shown (it would be the wrong rows).
  useEffect(() => {
    state.current = { ...state.current, key, cache: new PageCache(PAGE_SIZE, MAX_PAGES), previous: null, range: { first: 0, end: state.current.range.end - state.current.range.first } };
    setTotal(null);
    setLoaded(false);
    setGeneration((value) => value + 1);
    fetchPages(state.current.range, null);
  }, [key, fetchPages]);

  const totalRef = useRef(total);
  totalRef.current = total;

  const refresh = useCallback(() => {
    state.current = { ...state.current, previous: state.current.cache, cache: new PageCache(PAGE_SIZE, MAX_PAGES) };
    setGeneration((value) => value + 1);
    fetchPages(state.current.range, null);
  }, [fetchPages]);

  useEffect(() => {
    let timer: number | undefined;
    const off = api.on('filings:changed', () => {
      if (timer !== undefined) return;
      timer = window.setTimeout(() => {
        timer = undefined;
        refresh();
      }, REFRESH_DELAY_MS);
    });
    return () => {
      off();
      if (timer !== undefined) window.clearTimeout(timer);
    };
  }, [api, refresh]);

  const show = useCallback(
    (range: RowRange) => {
      state.current.range = range;
      fetchPages(range, totalRef.current);
    },
    [fetchPages],
  );

  const row = useCallback((index: number) => state.current.cache.row(index) ?? state.current.previous?.row(index), []);

  return { total, row, show, version, generation, loaded };
}
