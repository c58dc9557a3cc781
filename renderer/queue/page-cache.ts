// Pages of queue rows kept by page index for one query, the least recently used dropped beyond a
// bound: scrolling 100,000 rows keeps memory flat, scrolling back finds recent pages at hand.

export class PageCache<Row> {
  private readonly pages = new Map<number, Row[]>();
  private readonly pending = new Set<number>();

  constructor(
    readonly pageSize: number,
    private readonly maxPages: number,
  ) {}

  row(index: number): Row | undefined {
    return this.pages.get(Math.floor(index / this.pageSize))?.[index % this.pageSize];
  }

  /** The pages among `wanted` neither held nor being fetched; they are marked as being fetched. */
  claimMissing(wanted: readonly number[]): number[] {
    const missing = wanted.filter((page) => !this.pages.has(page) && !this.pending.has(page));
    for (const page of missing) this.pending.add(page);
    for (const page of wanted) this.touch(page);
    return missing;
  }

  store(page: number, rows: Row[]): void {
    this.pending.delete(page);
    this.pages.delete(page);
    this.pages.set(page, rows);
    while (this.pages.size > this.maxPages) {
      const oldest = this.pages.keys().next().value;
      if (oldest === undefined) break;
      this.pages.delete(oldest);
    }
  }

  /** A fetch failed: the page may be asked for again. */
  release(page: number): void {
    this.pending.delete(page);
  }

  private touch(page: number): void {
    const rows = this.pages.get(page);
    if (rows === undefined) return;
    this.pages.delete(page);
    this.pages.set(page, rows);
  }
}
