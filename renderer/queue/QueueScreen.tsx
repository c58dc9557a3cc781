// The queue: every filing with its status, people, dates, findings and weakest reading, sorted by a
// click on a header, filtered by status and rule, searched; a virtualized list over paged calls so
// 100,000 filings scroll as fast as ten. Enter or a double click opens the review.
import { memo, useCallback, useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { QueueItem, QueueSort } from '../../shared/api.js';
import type { RuleId } from '../../shared/findings.js';
import { FILING_STATUSES, type FilingStatus } from '../../shared/views.js';
import { useApp, useCall, useCommand } from '../app/app-context.js';
import { listInput, STATUS_LABELS, toggleSort, type QueueQuery } from './queue-query.js';
import { useQueueRows, type QueueRows } from './use-queue-rows.js';
import { renderedRows, rowsPerScreen, scrollToRow, visibleRows, type RowRange } from './virtual-window.js';

export const ROW_HEIGHT = 28;
/** The column headers stick to the top of the scrolled list, over this much of it. */
const HEADER_HEIGHT = 29;
/** Rows are rendered in blocks of this many (virtual-window.ts renderedRows). */
const BLOCK = 8;

export interface QueueView {
  query: QueueQuery;
  selectedIndex: number;
  selectedId: number | null;
  scrollTop: number;
}

interface Column {
  id: string;
  label: string;
  sort: QueueSort;
  className: string;
  title?: string;
}

const COLUMNS: Column[] = [
  { id: 'status', label: 'Status', sort: 'status', className: 'col-status' },
  { id: 'id', label: '#', sort: 'id', className: 'col-id num' },
  { id: 'reportingPerson', label: 'Reporting person', sort: 'reportingPerson', className: 'col-person' },
  { id: 'issuer', label: 'Issuer', sort: 'issuer', className: 'col-issuer' },
  { id: 'ticker', label: 'Ticker', sort: 'ticker', className: 'col-ticker' },
  { id: 'earliestTransaction', label: 'Earliest txn', sort: 'earliestTransaction', className: 'col-date', title: 'Date of the earliest transaction in Table I or II' },
  { id: 'errors', label: 'Errors', sort: 'errors', className: 'col-count num' },
  { id: 'warnings', label: 'Warnings', sort: 'warnings', className: 'col-count num' },
  { id: 'lowestConfidence', label: 'Low conf.', sort: 'lowestConfidence', className: 'col-conf num', title: 'Lowest confidence of any field read from the source' },
  { id: 'updated', label: 'Updated', sort: 'updated', className: 'col-updated' },
];

function shortTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const pad = (value: number): string => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function confidenceClass(confidence: number | null): string {
  if (confidence === null) return 'conf-none';
  if (confidence < 60) return 'conf-low';
  if (confidence < 80) return 'conf-mid';
  return 'conf-high';
}

export function StatusPill({ status }: { status: FilingStatus }) {
  return (
    <span className={`pill status-${status}`} data-testid="status-pill" data-status={status}>
      {STATUS_LABELS[status]}
    </span>
  );
}

const Row = memo(function Row({ item, index, selected, onSelect, onOpen }: { item: QueueItem | undefined; index: number; selected: boolean; onSelect(index: number): void; onOpen(id: number): void }) {
  // Placed by `top`, not a transform: a transform is a compositor node of its own for every row.
  const style = { top: index * ROW_HEIGHT };
  if (item === undefined) {
    return (
      <div className="queue-row placeholder" style={style} aria-hidden="true">
        <span className="skeleton" />
      </div>
    );
  }
  return (
    <div
      className={`queue-row${selected ? ' selected' : ''}`}
      style={style}
      role="row"
      aria-selected={selected}
      data-testid="queue-row"
      data-id={item.id}
      data-index={index}
      data-status={item.status}
      onMouseDown={() => onSelect(index)}
      onDoubleClick={() => onOpen(item.id)}
    >
      <span className="col-status">
        <StatusPill status={item.status} />
      </span>
      <span className="col-id num">{item.id}</span>
      <span className="col-person" title={item.reportingPerson}>
        {item.reportingPerson || <em className="muted">unread</em>}
      </span>
      <span className="col-issuer" title={item.issuer}>
        {item.issuer || <em className="muted">unread</em>}
      </span>
      <span className="col-ticker">{item.ticker}</span>
      <span className="col-date">{item.earliestTransaction ?? '—'}</span>
      <span className="col-count num">{item.errors > 0 ? <span className="count-badge error">{item.errors}</span> : <span className="muted">0</span>}</span>
      <span className="col-count num">{item.warnings > 0 ? <span className="count-badge warning">{item.warnings}</span> : <span className="muted">0</span>}</span>
      <span className={`col-conf num ${confidenceClass(item.lowestConfidence)}`}>{item.lowestConfidence === null ? '—' : Math.round(item.lowestConfidence)}</span>
      <span className="col-updated muted">{shortTime(item.updatedAt)}</span>
    </div>
  );
});

function useStatusCounts(query: QueueQuery, generation: number): Partial<Record<FilingStatus | 'all', number>> {
  const call = useCall();
  const [counts, setCounts] = useState<Partial<Record<FilingStatus | 'all', number>>>({});
  const { rule, search } = query;
  useEffect(() => {
    let alive = true;
    const base = listInput({ ...query, status: null, rule, search });
    for (const status of [null, ...FILING_STATUSES]) {
      void call('filings:list', { ...base, ...(status === null ? {} : { status }), offset: 0, limit: 1 }, { quiet: true }).then((result) => {
        if (alive && result.ok) setCounts((current) => ({ ...current, [status ?? 'all']: result.value.total }));
      });
    }
    return () => {
      alive = false;
    };
    // Counts depend on the rule and the search, not on the status or the order.
  }, [call, rule, search, generation]);
  return counts;
}

export interface QueueScreenProps {
  view: QueueView;
  onView(view: QueueView): void;
  onOpen(id: number): void;
  onImport(): void;
  onExport(): void;
}

export function QueueScreen({ view, onView, onOpen, onImport, onExport }: QueueScreenProps) {
  const { info } = useApp();
  const rows = useQueueRows(view.query);
  const counts = useStatusCounts(view.query, rows.generation);
  const scroller = useRef<HTMLDivElement>(null);
  const searchBox = useRef<HTMLInputElement>(null);
  const [search, setSearch] = useState(view.query.search);
  const viewRef = useRef(view);
  viewRef.current = view;

  const total = rows.total ?? 0;

  // The selected filing stays selected when the rows move under it (a refresh after an import).
  const selectedRow = rows.row(view.selectedIndex);
  useEffect(() => {
    if (selectedRow !== undefined && selectedRow.id !== view.selectedId) onView({ ...viewRef.current, selectedId: selectedRow.id });
  }, [selectedRow, view.selectedId, onView]);

  useEffect(() => {
    if (rows.loaded) document.body.dataset.ready = 'queue';
    else delete document.body.dataset.ready;
  }, [rows.loaded, rows.generation]);
  useEffect(() => () => void delete document.body.dataset.ready, []);

  // The search box applies after a pause in typing.
  useEffect(() => {
    if (search === viewRef.current.query.search) return;
    const timer = window.setTimeout(() => onView({ ...viewRef.current, query: { ...viewRef.current.query, search }, selectedIndex: 0, scrollTop: 0 }), 180);
    return () => window.clearTimeout(timer);
  }, [search, onView]);

  const setQuery = (query: QueueQuery): void => {
    if (scroller.current !== null) scroller.current.scrollTop = 0;
    onView({ ...view, query, selectedIndex: 0, selectedId: null, scrollTop: 0 });
  };

  const select = (index: number): void => {
    const clamped = Math.max(0, Math.min(total - 1, index));
    const element = scroller.current;
    if (element !== null) element.scrollTop = scrollToRow(clamped, element.scrollTop, element.clientHeight - HEADER_HEIGHT, ROW_HEIGHT);
    onView({ ...viewRef.current, selectedIndex: clamped, selectedId: rows.row(clamped)?.id ?? null, scrollTop: element?.scrollTop ?? 0 });
  };

  const open = (id: number): void => {
    onView({ ...viewRef.current, selectedId: id, scrollTop: scroller.current?.scrollTop ?? 0 });
    onOpen(id);
  };

  const openSelected = (): boolean => {
    const item = rows.row(view.selectedIndex);
    if (item === undefined) return false;
    open(item.id);
    return true;
  };

  // The list gets handlers that never change: a change of the toolbar's state does not render it.
  const handlers = useRef({ select, open, setQuery });
  handlers.current = { select, open, setQuery };
  const onSelectRow = useCallback((index: number) => handlers.current.select(index), []);
  const onOpenRow = useCallback((id: number) => handlers.current.open(id), []);
  const onSort = useCallback((sort: QueueSort) => handlers.current.setQuery(toggleSort(viewRef.current.query, sort)), []);

  const screen = (): number => rowsPerScreen((scroller.current?.clientHeight ?? 0) - HEADER_HEIGHT, ROW_HEIGHT);
  useCommand('queue.down', () => select(view.selectedIndex + 1));
  useCommand('queue.up', () => select(view.selectedIndex - 1));
  useCommand('queue.pageDown', () => select(view.selectedIndex + screen()));
  useCommand('queue.pageUp', () => select(view.selectedIndex - screen()));
  useCommand('queue.first', () => select(0));
  useCommand('queue.last', () => select(total - 1));
  useCommand('queue.open', openSelected);
  useCommand('queue.search', () => {
    searchBox.current?.focus();
    searchBox.current?.select();
  });

  const statusTabs: Array<FilingStatus | null> = [null, ...FILING_STATUSES];
  const filtered = view.query.status !== null || view.query.rule !== null || view.query.search !== '';
  return (
    <div className="queue-screen" data-testid="queue-screen">
      <div className="toolbar">
        <button type="button" className="button primary" data-testid="import-button" onClick={onImport} title="Import scanned filings (Ctrl+O), or drop files on the window">
          Import…
        </button>
        <button type="button" className="button" data-testid="export-button" onClick={onExport} title="Export approved filings (Ctrl+E)">
          Export…
        </button>
        <div className="toolbar-sep" />
        <div className="segmented" role="tablist" aria-label="Status">
          {statusTabs.map((status) => (
            <button
              key={status ?? 'all'}
              type="button"
              role="tab"
              aria-selected={view.query.status === status}
              className={view.query.status === status ? 'active' : ''}
              data-testid={`status-filter-${status ?? 'all'}`}
              onClick={() => setQuery({ ...view.query, status })}
            >
              {status === null ? 'All' : STATUS_LABELS[status]}
              <span className="segment-count">{counts[status ?? 'all'] ?? ''}</span>
            </button>
          ))}
        </div>
        <select
          className="select"
          aria-label="Rule"
          data-testid="rule-filter"
          value={view.query.rule ?? ''}
          onChange={(event) => setQuery({ ...view.query, rule: event.target.value === '' ? null : (event.target.value as RuleId) })}
        >
          <option value="">Any finding</option>
          {info.rules.map((rule) => (
            <option key={rule.id} value={rule.id}>
              {rule.id} ({rule.severity})
            </option>
          ))}
        </select>
        <input
          ref={searchBox}
          className="search"
          type="search"
          placeholder="Search person, issuer, ticker…  (Ctrl+F)"
          aria-label="Search"
          data-testid="queue-search"
          value={search}
          onChange={(event) => setSearch(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown' || event.key === 'Enter') {
              event.preventDefault();
              scroller.current?.focus();
            }
          }}
        />
        <span className="toolbar-total" data-testid="queue-total">
          {rows.total === null ? '…' : `${rows.total.toLocaleString()} filing${rows.total === 1 ? '' : 's'}`}
        </span>
      </div>
      <div className="queue-table" role="grid" aria-rowcount={total}>
        <QueueList
          scroller={scroller}
          initialScrollTop={view.scrollTop}
          sort={view.query.sort}
          direction={view.query.direction}
          filtered={filtered}
          total={total}
          loaded={rows.loaded}
          row={rows.row}
          show={rows.show}
          version={rows.version}
          generation={rows.generation}
          selectedIndex={view.selectedIndex}
          onSelect={onSelectRow}
          onOpen={onOpenRow}
          onSort={onSort}
          onImport={onImport}
        />
      </div>
    </div>
  );
}

interface QueueListProps {
  scroller: RefObject<HTMLDivElement | null>;
  /** Where the list was scrolled when the screen was left, restored on entering it. */
  initialScrollTop: number;
  sort: QueueSort;
  direction: 'asc' | 'desc';
  filtered: boolean;
  total: number;
  loaded: boolean;
  row: QueueRows['row'];
  show: QueueRows['show'];
  /** Bumps when rows arrive: the list renders again to read them (the rows live in a cache, not in props). */
  version: number;
  generation: number;
  selectedIndex: number;
  onSelect(index: number): void;
  onOpen(id: number): void;
  onSort(sort: QueueSort): void;
  onImport(): void;
}

function sameRange(a: RowRange, b: RowRange): boolean {
  return a.first === b.first && a.end === b.end;
}

/**
 * The scrolled list, apart from the toolbar: a scroll renders it only when the rows to show change
 * (a block of rows scrolled), and then only the rows coming into view (bench:ui, the queue scrolling).
 */
const QueueList = memo(function QueueList({ scroller, initialScrollTop, sort, direction, filtered, total, loaded, row, show, generation, selectedIndex, onSelect, onOpen, onSort, onImport }: QueueListProps) {
  const [range, setRange] = useState<RowRange>({ first: 0, end: 0 });
  const shown = useRef(range);
  const viewport = useRef({ height: 0, scrollTop: initialScrollTop });
  const totalRef = useRef(total);
  totalRef.current = total;

  const measure = useCallback(() => {
    const next = renderedRows(viewport.current.scrollTop, viewport.current.height, ROW_HEIGHT, totalRef.current, BLOCK);
    if (sameRange(shown.current, next)) return;
    shown.current = next;
    setRange(next);
  }, []);

  useLayoutEffect(() => {
    const element = scroller.current;
    if (element === null) return;
    element.scrollTop = initialScrollTop;
    // The list has the keys on entering the screen (arrows, Enter), unless something else took them.
    if (document.activeElement === document.body) element.focus({ preventScroll: true });
    const observer = new ResizeObserver(() => {
      viewport.current.height = element.clientHeight - HEADER_HEIGHT;
      measure();
    });
    observer.observe(element);
    viewport.current = { height: element.clientHeight - HEADER_HEIGHT, scrollTop: element.scrollTop };
    measure();
    return () => observer.disconnect();
    // Restores the scroll position once, on entering the screen.
  }, []);

  useLayoutEffect(measure, [measure, total]);

  // The pages the rows need, fetched ahead of the scroll.
  useEffect(() => {
    show(visibleRows(viewport.current.scrollTop, viewport.current.height, ROW_HEIGHT, Math.max(total, 1)));
  }, [show, generation, range, total]);

  const items = [];
  for (let index = range.first; index < range.end; index += 1) {
    items.push(<Row key={index} item={row(index)} index={index} selected={index === selectedIndex} onSelect={onSelect} onOpen={onOpen} />);
  }

  return (
    <div
      ref={scroller}
      className="queue-scroller"
      tabIndex={0}
      data-testid="queue-list"
      onScroll={(event) => {
        viewport.current.scrollTop = event.currentTarget.scrollTop;
        measure();
      }}
    >
      <div className="queue-header" role="row">
        {COLUMNS.map((column) => {
          const sorted = sort === column.sort;
          return (
            <button
              key={column.id}
              type="button"
              role="columnheader"
              tabIndex={-1}
              className={`${column.className}${sorted ? ' sorted' : ''}`}
              aria-sort={sorted ? (direction === 'asc' ? 'ascending' : 'descending') : 'none'}
              data-testid={`sort-${column.id}`}
              title={column.title}
              onClick={() => onSort(column.sort)}
            >
              {column.label}
              {sorted ? <span className="sort-mark">{direction === 'asc' ? '▲' : '▼'}</span> : null}
            </button>
          );
        })}
      </div>
      <div className="queue-spacer" style={{ height: total * ROW_HEIGHT }}>
        {items}
      </div>
      {loaded && total === 0 ? (
        <div className="empty" data-testid="queue-empty">
          {filtered ? (
            <p>No filing matches this filter.</p>
          ) : (
            <>
              <p>No filings yet.</p>
              <p>
                <button type="button" className="button primary" onClick={onImport}>
                  Import scanned filings…
                </button>
              </p>
              <p className="muted">or drop PDF, image or text files anywhere on this window.</p>
            </>
          )}
        </div>
      ) : null}
    </div>
  );
});
