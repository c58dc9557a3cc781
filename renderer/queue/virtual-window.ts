// The arithmetic of the virtualized queue: which rows a scroll position shows, which pages of the
// paged 'filings:list' call hold them, and where to scroll so a row is in view. Rows have one height.

export interface RowRange {
  /** First row to render (inclusive). */
  first: number;
  /** Row after the last to render (exclusive). */
  end: number;
}

export function visibleRows(scrollTop: number, viewportHeight: number, rowHeight: number, total: number, overscan = 0): RowRange {
  if (total <= 0 || rowHeight <= 0) return { first: 0, end: 0 };
  const first = Math.max(0, Math.min(total - 1, Math.floor(Math.max(0, scrollTop) / rowHeight) - overscan));
  const end = Math.min(total, Math.ceil((Math.max(0, scrollTop) + Math.max(0, viewportHeight)) / rowHeight) + overscan);
  return { first, end: Math.max(first, end) };
}

/**
 * The rows to render at a scroll position: those in view, widened to whole blocks of `block` rows
 * and a block more on either side. The rendered rows then change once per block scrolled, not on
 * every row, so most frames of a scroll change nothing in the page and cost next to nothing
 * (bench:ui: a steady scroll took less than half the CPU per frame).
 */
export function renderedRows(scrollTop: number, viewportHeight: number, rowHeight: number, total: number, block: number): RowRange {
  const seen = visibleRows(scrollTop, viewportHeight, rowHeight, total);
  if (seen.end <= seen.first) return seen;
  return { first: Math.max(0, (Math.floor(seen.first / block) - 1) * block), end: Math.min(total, (Math.ceil(seen.end / block) + 1) * block) };
}

/**
 * The pages (index = offset / pageSize) that hold the rows, plus those holding the `lead` rows on
 * either side, so a scroll finds the next page already loaded.
 */
export function pagesAround(range: RowRange, pageSize: number, total: number, lead: number): number[] {
  if (range.end <= range.first || total <= 0) return [];
  const lastPage = Math.floor((total - 1) / pageSize);
  const from = Math.floor(Math.max(0, range.first - lead) / pageSize);
  const to = Math.min(lastPage, Math.floor(Math.min(total - 1, range.end - 1 + lead) / pageSize));
  const pages: number[] = [];
  for (let page = from; page <= to; page += 1) pages.push(page);
  return pages;
}

/** The scrollTop that brings `row` fully into view with the least movement. */
export function scrollToRow(row: number, scrollTop: number, viewportHeight: number, rowHeight: number): number {
  const top = row * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + viewportHeight) return Math.max(0, top + rowHeight - viewportHeight);
  return scrollTop;
}

/** How many whole rows fit in the viewport (at least one): the step of PageUp/PageDown. */
export function rowsPerScreen(viewportHeight: number, rowHeight: number): number {
  return Math.max(1, Math.floor(viewportHeight / rowHeight));
}
