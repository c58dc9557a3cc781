// Every call of the contract through AppApi.call on a data folder holding the five seeds: the happy
// path of each, with the events the renderer relies on.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { QUEUE_SORTS, type ApiEvents, type EventName } from '../../../shared/api.js';
import { RULE_IDS } from '../../../shared/findings.js';
import { nextEvent, openTestApi, SEEDS, type TestApi } from './api-fixture.js';

describe('AppApi: the review calls over the imported seeds', () => {
  let t: TestApi;
  let ids: number[];
  const events: Array<[EventName, unknown]> = [];

  before(async () => {
    t = openTestApi({ dialogs: { chooseFiles: async () => [join(SEEDS, 'none.txt')], chooseFolder: async () => null } });
    t.api.onEvent((event, payload) => events.push([event, payload]));
    ids = await t.importSeeds();
  });
  after(() => t.cleanup());

  test('app:info says where it runs and which rules there are', async () => {
    const info = await t.value('app:info', {});
    assert.deepEqual({ ...info, rules: info.rules.length }, { version: '0.0.0-test', transport: 'electron', dataFolder: t.dataFolder, user: 'alice', nativeDialogs: true, rules: RULE_IDS.length });
    assert.ok(info.rules.every((rule) => rule.severity === 'error' || rule.severity === 'warning'));
  });

  test('import:paths queued every seed and the run told the renderer about each step', () => {
    assert.equal(ids.length, 5);
    const kinds = events.filter(([event]) => event === 'import:progress').map(([, payload]) => (payload as ApiEvents['import:progress']).type);
    assert.deepEqual([kinds.filter((kind) => kind === 'queued').length, kinds.filter((kind) => kind === 'started').length, kinds.filter((kind) => kind === 'finished').length], [5, 5, 5]);
    assert.deepEqual(events.filter(([event]) => event === 'import:running').map(([, payload]) => payload), [{ running: true }, { running: false }]);
    const changed = events.filter(([event]) => event === 'filings:changed').flatMap(([, payload]) => (payload as ApiEvents['filings:changed']).ids);
    assert.deepEqual(changed.sort(), [...ids].sort());
  });

  test('import:state lists the batch, finished, and no run going', async () => {
    const state = await t.value('import:state', {});
    assert.equal(state.running, false);
    assert.deepEqual(state.jobs.map((job) => job.state), ['done', 'done', 'done', 'done', 'done']);
    assert.deepEqual(await t.value('import:cancel', {}), { cancelled: false });
  });

  test('filings:list pages, sorts, filters and counts', async () => {
    const all = await t.value('filings:list', {});
    assert.equal(all.total, 5);
    assert.deepEqual(all.items.map((item) => item.id).sort(), [...ids].sort());
    const periods = all.items.map((item) => item.periodOfReport ?? '');
    assert.deepEqual(periods, [...periods].sort().reverse(), 'latest box 3 date first by default');
    for (const sort of QUEUE_SORTS) {
      const page = await t.value('filings:list', { sort, direction: 'asc', limit: 2, offset: 1 });
      assert.equal(page.items.length, 2, sort);
      assert.equal(page.total, 5);
    }
    const byIssuer = await t.value('filings:list', { sort: 'issuer', direction: 'asc' });
    const issuers = byIssuer.items.map((item) => item.issuer.toLowerCase());
    assert.deepEqual(issuers, [...issuers].sort());
    const winter = await t.value('filings:list', { search: 'winter' });
    assert.deepEqual(winter.items.map((item) => item.reportingPerson), ['Winter Michael R']);
    assert.equal((await t.value('filings:list', { status: 'approved' })).total, 0);
    const first = all.items[0];
    assert.ok(first);
    assert.ok(first.lowestConfidence === null || (first.lowestConfidence >= 0 && first.lowestConfidence <= 100));
    assert.ok('earliestTransaction' in first);
    const view = await t.value('filings:get', { id: first.id });
    const rule = view.findings[0]?.rule;
    if (rule !== undefined) {
      const byRule = await t.value('filings:list', { rule });
      assert.ok(byRule.items.some((item) => item.id === first.id));
      assert.equal(byRule.total, byRule.items.length);
    }
  });

  test('filings:neighbours walks the same order', async () => {
    const order = (await t.value('filings:list', { sort: 'ticker', direction: 'desc' })).items.map((item) => item.id);
    const middle = order[2] as number;
    assert.deepEqual(await t.value('filings:neighbours', { id: middle, sort: 'ticker', direction: 'desc' }), { previous: order[1], next: order[3] });
    assert.deepEqual(await t.value('filings:neighbours', { id: order[0], sort: 'ticker', direction: 'desc' }), { previous: null, next: order[1] });
  });

  test('filings:get, :words and :history show a filing, its source words and its trail', async () => {
    const id = ids[0] as number;
    const view = await t.value('filings:get', { id });
    assert.equal(view.filing.id, id);
    assert.ok(view.fields.length > 10);
    const words = await t.value('filings:words', { id });
    assert.ok(words !== null && words.pages.length >= 1 && words.pages[0]?.lines.length);
    const history = await t.value('filings:history', { id });
    assert.deepEqual(history.map((row) => row.action), ['import']);
  });

  test('edits: set a field, add and remove a line; each is announced and audited', async () => {
    const id = ids[1] as number;
    const changed = nextEvent(t.api, 'filings:changed', (payload) => payload.ids.includes(id));
    const set = await t.value('filings:setField', { id, path: 'issuer.tradingSymbol', value: 'ZZZZ', reason: 'typo on the scan' });
    assert.equal(set.filing.ticker, 'ZZZZ');
    await changed;
    const lines = (await t.value('filings:get', { id })).filing.document.nonDerivative.length;
    const added = await t.value('filings:addRow', { id, table: 'nonDerivative', values: { securityTitle: 'Common Stock', shares: '10' } });
    assert.equal(added.filing.document.nonDerivative.length, lines + 1);
    const removed = await t.value('filings:removeRow', { id, table: 'nonDerivative', index: lines });
    assert.equal(removed.filing.document.nonDerivative.length, lines);
    const history = await t.value('filings:history', { id });
    assert.deepEqual(history.map((row) => row.action), ['import', 'set', 'row-add', 'row-remove']);
    assert.deepEqual(history.map((row) => row.actor), ['alice', 'alice', 'alice', 'alice']);
  });

  test('decisions: approve with overrides, reopen, reject', async () => {
    const id = ids[2] as number;
    const view = await t.value('filings:get', { id });
    const errorRules = [...new Set(view.findings.filter((item) => item.severity === 'error').map((item) => item.rule))];
    const approved = await t.value('filings:approve', { id, overrides: errorRules.map((rule) => ({ rule, reason: 'checked on paper' })) });
    assert.equal(approved.filing.status, 'approved');
    assert.equal(approved.overridden.length >= errorRules.length, true);
    assert.equal((await t.value('filings:reopen', { id, reason: 'second look' })).filing.status, 'needs-review');
    assert.equal((await t.value('filings:reject', { id, reason: 'not ours' })).filing.status, 'rejected');
    assert.equal((await t.value('filings:list', { status: 'rejected' })).total, 1);
  });

  test('exports: preview, then run into the default folder inside the data folder', async () => {
    const id = ids[3] as number;
    const view = await t.value('filings:get', { id });
    const errorRules = [...new Set(view.findings.filter((item) => item.severity === 'error').map((item) => item.rule))];
    await t.value('filings:approve', { id, overrides: errorRules.map((rule) => ({ rule, reason: 'checked' })) });
    const preview = await t.value('export:preview', { format: 'json' });
    assert.deepEqual(preview.filings.map((filing) => filing.id), [id]);
    assert.ok(preview.defaultOutDir.startsWith(join(t.dataFolder, 'exports')));
    const changed = nextEvent(t.api, 'filings:changed', (payload) => payload.ids.includes(id));
    const result = await t.value('export:run', { format: 'json' });
    await changed;
    assert.deepEqual(result.exported.map((item) => item.filingId), [id]);
    assert.ok(result.files.every((file) => file.startsWith(join(t.dataFolder, 'exports')) && existsSync(file)));
    assert.equal((JSON.parse(readFileSync(result.files[0] as string, 'utf8')) as unknown[]).length, 1);
    assert.equal((await t.value('filings:get', { id })).filing.status, 'exported');
    assert.deepEqual((await t.value('export:preview', { format: 'json' })).filings, []);
  });

  test('dialogs: import:choose and export:chooseFolder go through the native dialogs', async () => {
    assert.deepEqual(await t.value('import:choose', {}), [join(SEEDS, 'none.txt')]);
    assert.equal(await t.value('export:chooseFolder', {}), null);
  });
});

describe('AppApi: exports where a person chose', () => {
  test('Electron: a folder the dialog returned takes the export; a relative folder lands in the data folder', async () => {
    const t = openTestApi({ dialogs: { chooseFiles: async () => [], chooseFolder: async () => elsewhere } });
    const elsewhere = join(t.dir, 'chosen');
    mkdirSync(elsewhere);
    try {
      const [first, second] = await t.importSeeds();
      const approve = async (id: number | undefined) => {
        const view = await t.value('filings:get', { id });
        const rules = [...new Set(view.findings.filter((item) => item.severity === 'error').map((item) => item.rule))];
        await t.value('filings:approve', { id, overrides: rules.map((rule) => ({ rule, reason: 'ok' })) });
      };
      await approve(first);
      assert.equal(await t.value('export:chooseFolder', {}), elsewhere);
      const chosen = await t.value('export:run', { format: 'csv', outDir: elsewhere });
      assert.ok(chosen.files.length === 1 && chosen.files[0]?.startsWith(`${elsewhere}/`), JSON.stringify(chosen.files));
      await approve(second);
      const relative = await t.value('export:run', { format: 'csv', outDir: 'mine' });
      assert.ok(relative.files.length === 1 && relative.files[0]?.startsWith(join(t.dataFolder, 'mine/')), JSON.stringify(relative.files));
    } finally {
      await t.cleanup();
    }
  });
});
