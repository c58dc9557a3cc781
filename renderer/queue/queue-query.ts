// What the queue shows: the filter, the search and the order, as 'filings:list' and
// 'filings:neighbours' take them; the review screen steps through filings in this same order.
import type { QueueSort } from '../../shared/api.js';
import type { RuleId } from '../../shared/findings.js';
import type { FilingStatus } from '../../shared/views.js';

export interface QueueQuery {
  status: FilingStatus | null;
  rule: RuleId | null;
  search: string;
  sort: QueueSort;
  direction: 'asc' | 'desc';
}

export const DEFAULT_QUERY: QueueQuery = { status: 'needs-review', rule: null, search: '', sort: 'period', direction: 'desc' };

/** The query as the API's input (absent filters left out). */
export function listInput(query: QueueQuery): { status?: FilingStatus; rule?: RuleId; search?: string; sort: QueueSort; direction: 'asc' | 'desc' } {
  return {
    ...(query.status === null ? {} : { status: query.status }),
    ...(query.rule === null ? {} : { rule: query.rule }),
    ...(query.search.trim() === '' ? {} : { search: query.search.trim() }),
    sort: query.sort,
    direction: query.direction,
  };
}

/** A key that changes whenever the rows a query lists would. */
export function queryKey(query: QueueQuery): string {
  return JSON.stringify(listInput(query));
}

/** Clicking a column header: sort by it, or turn the order round when it already sorts. */
export function toggleSort(query: QueueQuery, sort: QueueSort): QueueQuery {
  if (query.sort === sort) return { ...query, direction: query.direction === 'asc' ? 'desc' : 'asc' };
  const textual = sort === 'reportingPerson' || sort === 'issuer' || sort === 'ticker' || sort === 'status';
  return { ...query, sort, direction: textual ? 'asc' : 'desc' };
}

export const STATUS_LABELS: Record<FilingStatus, string> = {
  'needs-review': 'Needs review',
  approved: 'Approved',
  rejected: 'Rejected',
  exported: 'Exported',
};
