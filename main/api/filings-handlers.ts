// The queue and the review of one filing: list, neighbours, show, words, history, edits and
// decisions. Each change is announced as 'filings:changed' so open views refresh, once its answer
// is on its way: the screen that made the change waits on the answer, not on the event.
import type { ApiHandlers } from '../../shared/api.js';
import type { ApiContext } from './api-context.js';

type FilingCalls = 'filings:list' | 'filings:neighbours' | 'filings:get' | 'filings:words' | 'filings:history' | 'filings:setField' | 'filings:addRow' | 'filings:removeRow' | 'filings:approve' | 'filings:reject' | 'filings:reopen';

export function filingsHandlers({ review, user, emit, displayImages, afterAnswer }: ApiContext): Pick<ApiHandlers, FilingCalls> {
  const changed = <T>(id: number, result: T): T => {
    afterAnswer(() => emit('filings:changed', { ids: [id] }));
    return result;
  };
  return {
    'filings:list': (input) => review.queue(input),
    'filings:neighbours': ({ id, ...order }) => review.neighbours(id, order),
    'filings:get': ({ id }) => {
      const view = review.show(id);
      // Its other pages are asked for next: their display copies, if missing, start now.
      if (view.pages.some((page) => page.image !== null)) displayImages(id);
      return view;
    },
    'filings:words': ({ id }) => review.sourceDocument(id),
    'filings:history': ({ id }) => review.history(id),
    'filings:setField': ({ id, path, value, reason }) => changed(id, review.setField({ id, path, value, reason, actor: user })),
    'filings:addRow': ({ id, table, index, values, reason }) => changed(id, review.addRow({ id, table, index, values, reason, actor: user })),
    'filings:removeRow': ({ id, table, index, reason }) => changed(id, review.removeRow({ id, table, index, reason, actor: user })),
    'filings:approve': ({ id, overrides, reason }) => changed(id, review.approve({ id, overrides, reason, actor: user })),
    'filings:reject': ({ id, reason }) => changed(id, review.reject({ id, reason, actor: user })),
    'filings:reopen': ({ id, reason }) => changed(id, review.reopen({ id, reason, actor: user })),
  };
}
