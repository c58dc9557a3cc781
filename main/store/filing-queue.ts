// The review queue: a page of filings in any sort order of the queue screen, filtered by status, by a
// rule with a finding on the filing and by words, with the count of every match; and a filing's
// previous and next in that same order. Filing rows carry their whole document, so every query here
// reads narrow indexes only (migration 0007). Two ways to find a page: walk the sort order's index,
// testing each filing's status and rules there; or, when a search or a rule leaves few candidates,
// collect those and sort them. A scroll fetches page after page of one filter: its count, and which
// way it is answered, are worked out once and kept until the database changes.
import type { Statement } from 'better-sqlite3';
import type { QueueItem, QueuePage, QueueSort } from '../../shared/api.js';
import type { RuleId } from '../../shared/findings.js';
import type { FilingStatus } from '../../shared/views.js';
import type { Store } from './database.js';
import { toListItem, type ListRow } from './filings-repository.js';
import { RULE_BITS } from './rule-mask.js';

export interface QueueFilter {
  status?: FilingStatus | undefined;
  /** Only filings with a finding of this rule. */
  rule?: RuleId | undefined;
  /** Words matched as prefixes against reporting person, issuer and ticker. */
  search?: string | undefined;
}

export interface QueueOrder {
  sort?: QueueSort | undefined;
  direction?: 'asc' | 'desc' | undefined;
}

export interface QueueQuery extends QueueFilter, QueueOrder {
  offset?: number | undefined;
  limit?: number | undefined;
}

interface SortKey {
  /** The SQL the order is by (then by id); null for the id order itself. */
  expression: string | null;
  nullable: boolean;
  /** The index of this order: the key, the id, the status and the rules. */
  index: string;
}

const SORT_KEYS: Record<QueueSort, SortKey> = {
  period: { expression: 'f.period_of_report', nullable: true, index: 'filings_by_period' },
  earliestTransaction: { expression: 'f.earliest_transaction', nullable: true, index: 'filings_by_earliest_transaction' },
  reportingPerson: { expression: 'f.reporting_person COLLATE NOCASE', nullable: false, index: 'filings_by_reporting_person' },
  issuer: { expression: 'f.issuer COLLATE NOCASE', nullable: false, index: 'filings_by_issuer' },
  ticker: { expression: 'f.ticker COLLATE NOCASE', nullable: false, index: 'filings_by_ticker' },
  status: { expression: 'f.status', nullable: false, index: 'filings_by_status' },
  errors: { expression: 'f.errors', nullable: false, index: 'filings_by_errors' },
  warnings: { expression: 'f.warnings', nullable: false, index: 'filings_by_warnings' },
  lowestConfidence: { expression: 'f.lowest_confidence', nullable: true, index: 'filings_by_lowest_confidence' },
  updated: { expression: 'f.updated_at', nullable: false, index: 'filings_by_updated' },
  id: { expression: null, nullable: false, index: 'filings_queue_rows' },
};

/**
 * Up to this many candidates of a search or a rule are collected and sorted (about a microsecond
 * each); more are found by walking the sort order's index, where matches are then common enough
 * that a page is a short walk (bench/store.ts).
 */
const COLLECT_AT_MOST = 5000;

interface QueueRow extends ListRow {
  earliest_transaction: string | null;
  lowest_confidence: number | null;
}

type Parameters = Record<string, string | number | null>;

/** An FTS5 query matching every word of `text` as a prefix, with FTS syntax characters neutralised. */
export function searchExpression(text: string): string | null {
  const words = text
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word !== '');
  if (words.length === 0) return null;
  return words.map((word) => `"${word}"*`).join(' ');
}

/** A filter as SQL: conditions on `f` (a filings index row), and the candidates a search or a rule names. */
class FilterSql {
  readonly parameters: Parameters = {};
  /** Every condition, for a walk along an index (words through the hits table, see fillHits). */
  readonly conditions: string[] = [];
  /** The FTS query of the words, or null. */
  readonly match: string | null;
  /** The ids a search or a rule names (before the other conditions), or null when neither is asked. */
  readonly candidates: string | null;
  /** The conditions a candidate must still meet. */
  readonly remaining: string[] = [];
  /** The shape of the filter (which conditions it has), for prepared statements. */
  readonly key: string;
  /** The filter itself, values included. */
  readonly identity: string;

  constructor(filter: QueueFilter) {
    this.match = filter.search === undefined ? null : searchExpression(filter.search);
    const status = filter.status ?? null;
    const rule = filter.rule ?? null;
    if (status !== null) {
      this.parameters.status = status;
      this.conditions.push('f.status = @status');
    }
    if (rule !== null) {
      this.parameters.rule = rule;
      this.parameters.bit = RULE_BITS[rule];
      this.conditions.push('(f.rule_mask & @bit) <> 0');
    }
    if (this.match !== null) {
      this.parameters.match = this.match;
      this.remaining = [...this.conditions];
      this.conditions.push('f.id IN temp.queue_hits');
      this.candidates = 'SELECT rowid AS id FROM filings_search WHERE filings_search MATCH @match';
    } else if (rule !== null) {
      this.remaining = this.conditions.filter((condition) => !condition.includes('@bit'));
      this.candidates = 'SELECT DISTINCT filing_id AS id FROM findings WHERE rule = @rule';
    } else {
      this.candidates = null;
    }
    this.key = `${status === null ? '' : 's'}${rule === null ? '' : 'r'}${this.match === null ? '' : 'm'}`;
    this.identity = JSON.stringify([status, rule, this.match]);
  }
}

/**
 * What is known of a filter until the database changes: its count and whether its candidates are few
 * enough to collect. Any write through this connection moves SQLite's total_changes() and any commit
 * by another connection (the CLI importing into the same file) moves data_version, so comparing the
 * two before each use catches every change without the writers knowing of this cache. The queue's own
 * writes to its temp table of search hits are subtracted: they change no filing.
 */
class FilterFacts {
  private readonly facts = new Map<string, number | boolean>();
  private stamp = '';
  private ownChanges = 0;
  private readonly changes: Statement<[], number>;
  private readonly dataVersion: Statement<[], number>;

  constructor(store: Store) {
    this.changes = store.db.prepare<[], number>('SELECT total_changes()').pluck();
    this.dataVersion = store.db.prepare<[], number>('PRAGMA data_version').pluck();
  }

  /** The value of `key` for the database as it is now, computed by `compute` when not known. */
  get<T extends number | boolean>(key: string, compute: () => T): T {
    const stamp = `${this.changes.get()! - this.ownChanges}:${this.dataVersion.get()!}`;
    if (stamp !== this.stamp) {
      this.facts.clear();
      this.stamp = stamp;
    }
    let value = this.facts.get(key);
    if (value === undefined) {
      value = compute();
      this.facts.set(key, value);
    }
    return value as T;
  }

  /** Runs a write that changes no filing (the temp table of search hits), so it does not count as a change. */
  own(write: () => void): void {
    const before = this.changes.get()!;
    write();
    this.ownChanges += this.changes.get()! - before;
  }
}

export class FilingQueue {
  private readonly statements = new Map<string, { statement: Statement; names: string[] }>();
  private readonly facts: FilterFacts;
  private readonly rowsOf: Statement<[string], QueueRow>;
  private readonly collectAtMost: number;
  private readonly clearHits: Statement<[]>;
  private readonly insertHits: Statement<[string]>;

  /** `collectAtMost` is there for tests, which check both ways give the same answers. */
  constructor(
    private readonly store: Store,
    options: { collectAtMost?: number } = {},
  ) {
    this.collectAtMost = options.collectAtMost ?? COLLECT_AT_MOST;
    this.facts = new FilterFacts(store);
    // The hits of a search, kept for the queries of one call: a walk tests each filing against them,
    // and an IN (subquery) would run the search again for each statement.
    store.db.exec('CREATE TEMP TABLE IF NOT EXISTS queue_hits (id INTEGER PRIMARY KEY)');
    this.clearHits = store.db.prepare('DELETE FROM temp.queue_hits');
    this.insertHits = store.db.prepare('INSERT INTO temp.queue_hits (id) SELECT rowid FROM filings_search WHERE filings_search MATCH ?');
    this.rowsOf = store.db.prepare(
      `SELECT f.id, f.status, f.reporting_person, f.issuer, f.ticker, f.period_of_report, f.errors, f.warnings, f.updated_at,
         f.earliest_transaction, f.lowest_confidence
       FROM json_each(?) AS j CROSS JOIN filings f INDEXED BY filings_queue_rows ON f.id = j.value ORDER BY j.key`,
    );
  }

  /** One page of the queue and the count of every filing the filter matches. */
  page(query: QueueQuery): QueuePage {
    const filter = new FilterSql(query);
    const key = SORT_KEYS[query.sort ?? 'period'];
    const order = orderBy(key, (query.direction ?? 'desc') === 'desc');
    const parameters = { ...filter.parameters, limit: query.limit ?? 100, offset: query.offset ?? 0 };
    return this.store.timed('filings.queue', () => {
      let total: number;
      let ids: number[];
      if (this.collects(filter)) {
        const matches = `FROM (${filter.candidates}) m CROSS JOIN filings f INDEXED BY filings_queue_rows ON f.id = m.id ${where(filter.remaining)}`;
        // The matches are all sorted for a page anyway; the count comes with them (past the end, on its own).
        const { statement, names } = this.statement(`page:collect:${filter.key}:${order}`, `SELECT f.id AS id, count(*) OVER () AS n ${matches} ORDER BY ${order} LIMIT @limit OFFSET @offset`);
        const rows = statement.all(pick(parameters, names)) as Array<{ id: number; n: number }>;
        ids = rows.map((row) => row.id);
        total = rows[0]?.n ?? this.number(`count:collect:${filter.key}`, `SELECT count(*) AS n ${matches}`, filter.parameters);
      } else {
        this.fillHits(filter);
        total = this.facts.get(`count:${filter.identity}`, () => this.store.timed('filings.queueCount', () => this.walkCount(filter)));
        ids = this.ids(`page:walk:${filter.key}:${order}`, `SELECT f.id FROM filings f INDEXED BY ${key.index} ${where(filter.conditions)} ORDER BY ${order} LIMIT @limit OFFSET @offset`, parameters);
      }
      return { items: ids.length === 0 ? [] : this.rowsOf.all(JSON.stringify(ids)).map(toQueueItem), total, offset: parameters.offset };
    });
  }

  /**
   * The filings before and after `id` in the queue's order under the filter; the filing itself need
   * not match (it may have just left the filter, e.g. once approved). Null when `id` is no filing.
   */
  neighbours(id: number, query: QueueFilter & QueueOrder): { previous: number | null; next: number | null } | null {
    const filter = new FilterSql(query);
    const key = SORT_KEYS[query.sort ?? 'period'];
    const descending = (query.direction ?? 'desc') === 'desc';
    return this.store.timed('filings.neighbours', () => {
      const current = this.statement(`value:${key.expression}`, `SELECT ${key.expression ?? 'f.id'} AS value FROM filings f INDEXED BY filings_queue_rows WHERE f.id = ?`).statement.get(id) as { value: string | number | null } | undefined;
      if (current === undefined) return null;
      if (this.collects(filter)) {
        const order = orderBy(key, descending);
        const ordered = this.ids(
          `neighbours:collect:${filter.key}:${order}`,
          `SELECT f.id FROM (${filter.candidates} UNION SELECT @id) m CROSS JOIN filings f INDEXED BY filings_queue_rows ON f.id = m.id ${where([`(${filter.remaining.length === 0 ? '1' : filter.remaining.join(' AND ')} OR f.id = @id)`])} ORDER BY ${order}`,
          { ...filter.parameters, id },
        );
        const at = ordered.indexOf(id);
        return { previous: ordered[at - 1] ?? null, next: ordered[at + 1] ?? null };
      }
      this.fillHits(filter);
      const walk = (ascending: boolean) => this.step(filter, key, ascending, current.value, id);
      return { previous: walk(descending), next: walk(!descending) };
    });
  }

  /** Whether the filter's candidates are few enough to collect and sort (counted no further than that). */
  private collects(filter: FilterSql): boolean {
    const candidates = filter.candidates;
    if (candidates === null) return false;
    return this.facts.get(`collects:${filter.identity}`, () => {
      const sql = `SELECT count(*) AS n FROM (${candidates} LIMIT @cap)`;
      // A negative LIMIT is none: a queue told to always collect counts them all.
      const cap = Number.isFinite(this.collectAtMost) ? this.collectAtMost + 1 : -1;
      return this.number(`candidates:${filter.key}`, sql, { ...filter.parameters, cap }) <= this.collectAtMost;
    });
  }

  private fillHits(filter: FilterSql): void {
    const match = filter.match;
    if (match === null) return;
    this.facts.own(() => {
      this.clearHits.run();
      this.insertHits.run(match);
    });
  }

  /** The count of a filter's matches when there are many: the status index, walked with the conditions. */
  private walkCount(filter: FilterSql): number {
    if (filter.match !== null && filter.remaining.length === 0) return this.number('count:hits', 'SELECT count(*) AS n FROM temp.queue_hits', {});
    return this.number(`count:walk:${filter.key}`, `SELECT count(*) AS n FROM filings f INDEXED BY filings_by_status ${where(filter.conditions)}`, filter.parameters);
  }

  /** The first filing after (x, id) going up (ascending) or down the order; SQLite puts NULL lowest. */
  private step(filter: FilterSql, key: SortKey, ascending: boolean, x: string | number | null, id: number): number | null {
    const first = (label: string, conditions: string[], order: string): number | null => {
      const sql = `SELECT f.id FROM filings f INDEXED BY ${key.index} ${where([...filter.conditions, ...conditions])} ORDER BY ${order} LIMIT 1`;
      return this.ids(`step:${filter.key}:${key.index}:${label}`, sql, { ...filter.parameters, x, id })[0] ?? null;
    };
    const up = ascending ? 'ASC' : 'DESC';
    const beyond = ascending ? '>' : '<';
    const byId = `f.id ${up}`;
    if (key.expression === null) return first(`id${up}`, [`f.id ${beyond} @id`], byId);
    const expression = key.expression;
    const byValue = `${expression} ${up}, f.id ${up}`;
    if (x === null) {
      // The NULL group comes first going up: after it, the lowest value; going down, nothing follows it.
      return first(`null-group${up}`, [`${expression} IS NULL`, `f.id ${beyond} @id`], byId) ?? (ascending ? first('non-null', [`${expression} IS NOT NULL`], byValue) : null);
    }
    return (
      first(`same${up}`, [`${expression} = @x`, `f.id ${beyond} @id`], byId) ??
      first(`value${up}`, [`${expression} ${beyond} @x`], byValue) ??
      (!ascending && key.nullable ? first('null-last', [`${expression} IS NULL`], byId) : null)
    );
  }

  private number(cacheKey: string, sql: string, parameters: Parameters): number {
    const { statement, names } = this.statement(cacheKey, sql);
    return (statement.get(pick(parameters, names)) as { n: number }).n;
  }

  private ids(cacheKey: string, sql: string, parameters: Parameters): number[] {
    const { statement, names } = this.statement(cacheKey, sql);
    return statement.pluck().all(pick(parameters, names)) as number[];
  }

  /** A statement prepared once per shape of query, with the names of its parameters. */
  private statement(cacheKey: string, sql: string): { statement: Statement; names: string[] } {
    let entry = this.statements.get(cacheKey);
    if (entry === undefined) {
      entry = { statement: this.store.db.prepare(sql), names: [...new Set([...sql.matchAll(/@(\w+)/g)].map((match) => match[1] as string))] };
      this.statements.set(cacheKey, entry);
    }
    return entry;
  }
}

function where(conditions: readonly string[]): string {
  return conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`;
}

function orderBy(key: SortKey, descending: boolean): string {
  const direction = descending ? 'DESC' : 'ASC';
  return key.expression === null ? `f.id ${direction}` : `${key.expression} ${direction}, f.id ${direction}`;
}

/** The parameters a statement names: better-sqlite3 refuses others. */
function pick(parameters: Parameters, names: readonly string[]): Parameters {
  return Object.fromEntries(names.map((name) => [name, parameters[name] ?? null]));
}

function toQueueItem(row: QueueRow): QueueItem {
  return { ...toListItem(row), earliestTransaction: row.earliest_transaction, lowestConfidence: row.lowest_confidence };
}
