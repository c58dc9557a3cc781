// Garbage at every call: wrong types, over-long text, unknown ids and names, paths outside the data
// folder. Each gets a clear one-line refusal with the right code, and the store and the data folder
// are exactly as before (every table a call could touch, every file).
import assert from 'node:assert/strict';
import { mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { MAX_TEXT } from '../../../shared/api.js';
import { ApiRefusal, toApiError } from '../../../main/api/api-errors.js';
import { WorkflowError } from '../../../main/store/errors.js';
import { assertRefused, openTestApi, type TestApi } from './api-fixture.js';

type Case = [name: string, input: unknown, code: string, message?: RegExp];

describe('AppApi refuses garbage and changes nothing', () => {
  let t: TestApi;
  let web: TestApi;
  let id: number;
  let withErrors: number;

  before(async () => {
    t = openTestApi();
    web = openTestApi({ transport: 'web' });
    const ids = await t.importSeeds();
    id = ids[0] as number;
    // One filing approved, so an export that were let through would write something.
    const approvable = ids[1] as number;
    const view = await t.value('filings:get', { id: approvable });
    await t.value('filings:approve', { id: approvable, overrides: [...new Set(view.findings.filter((item) => item.severity === 'error').map((item) => item.rule))].map((rule) => ({ rule, reason: 'ok' })) });
    // One filing with open errors: a blank Table I line lacks its required fields.
    withErrors = ids[2] as number;
    const blank = await t.value('filings:addRow', { id: withErrors, table: 'nonDerivative' });
    assert.ok(blank.filing.errors > 0);
    const outside = join(t.dir, 'outside');
    mkdirSync(outside);
    symlinkSync(outside, join(t.dataFolder, 'link-out'));
  });
  after(async () => {
    await t.cleanup();
    await web.cleanup();
  });

  const cases = (): Case[] => [
    ['filings:drop', {}, 'bad-request', /no call/],
    ['__proto__', {}, 'bad-request', /no call/],
    ['constructor', {}, 'bad-request', /no call/],
    ['', {}, 'bad-request', /no call/],
    ['x'.repeat(100_000), {}, 'bad-request', /no call/],
    ['app:info', { extra: 1 }, 'bad-request', /app:info/],
    ['app:info', 'text', 'bad-request'],
    ['app:info', [], 'bad-request'],
    ['filings:list', { limit: 0 }, 'bad-request', /limit/],
    ['filings:list', { limit: 501 }, 'bad-request', /limit/],
    ['filings:list', { limit: '10' }, 'bad-request', /limit/],
    ['filings:list', { offset: -1 }, 'bad-request', /offset/],
    ['filings:list', { sort: 'document; DROP TABLE filings' }, 'bad-request', /sort/],
    ['filings:list', { direction: 'sideways' }, 'bad-request', /direction/],
    ['filings:list', { status: 'done' }, 'bad-request', /status/],
    ['filings:list', { rule: 'nope' }, 'bad-request', /rule/],
    ['filings:list', { search: 'x'.repeat(201) }, 'bad-request', /search/],
    ['filings:list', { search: 'x'.repeat(5_000_000) }, 'bad-request', /search/],
    ['filings:neighbours', { id: 0 }, 'bad-request', /id/],
    ['filings:neighbours', { id: 999_999 }, 'not-found', /#999999/],
    ['filings:get', { id: 'one' }, 'bad-request', /id/],
    ['filings:get', { id: 1.5 }, 'bad-request', /id/],
    ['filings:get', { id: 2 ** 60 }, 'bad-request', /id/],
    ['filings:get', { id: null }, 'bad-request', /id/],
    ['filings:get', {}, 'bad-request', /id/],
    ['filings:get', { id: 999_999 }, 'not-found', /no filing #999999/],
    ['filings:words', { id: 999_999 }, 'not-found'],
    ['filings:history', { id: -3 }, 'bad-request'],
    ['filings:setField', { id: 999_999, path: 'issuer.name', value: 'x' }, 'not-found'],
    ['filings:setField', { id, path: '', value: 'x' }, 'bad-request', /path/],
    ['filings:setField', { id, path: 'x'.repeat(201), value: 'x' }, 'bad-request', /path/],
    ['filings:setField', { id, path: 'issuer.name', value: 'x'.repeat(MAX_TEXT + 1) }, 'bad-request', /value/],
    ['filings:setField', { id, path: 'issuer.name', value: 5 }, 'bad-request', /value/],
    ['filings:setField', { id, path: 'nonsense.field', value: 'x' }, 'bad-request'],
    ['filings:setField', { id, path: '__proto__.polluted', value: 'x' }, 'bad-request'],
    ['filings:setField', { id, path: 'constructor.prototype.polluted', value: 'x' }, 'bad-request'],
    ['filings:setField', { id, path: 'nonDerivative[0].footnoteRefs.__proto__', value: '1' }, 'bad-request', /not a field path/],
    ['filings:setField', { id, path: 'nonDerivative[0].shares', value: 'a lot' }, 'bad-request'],
    ['filings:setField', { id, path: 'issuer.name', value: 'x', reason: '   ' }, 'bad-request', /reason/],
    ['filings:addRow', { id, table: 'tableIII' }, 'bad-request', /table/],
    ['filings:addRow', { id, table: 'nonDerivative', index: 9_999 }, 'bad-request', /position/],
    ['filings:addRow', { id, table: 'nonDerivative', values: { shares: 'many' } }, 'bad-request'],
    ['filings:addRow', { id, table: 'nonDerivative', values: { ['k'.repeat(101)]: 'a' } }, 'bad-request'],
    ['filings:removeRow', { id, table: 'derivative', index: 500 }, 'bad-request', /no line 501/],
    ['filings:removeRow', { id, table: 'derivative', index: -1 }, 'bad-request'],
    ['filings:approve', { id: withErrors }, 'open-errors', /open error/],
    ['filings:approve', { id: withErrors, overrides: [{ rule: 'nope', reason: 'x' }] }, 'bad-request', /rule/],
    ['filings:approve', { id: withErrors, overrides: [{ rule: 'amendment', reason: 'x' }] }, 'bad-override'],
    ['filings:approve', { id: withErrors, overrides: [{ rule: 'required', reason: ' ' }] }, 'bad-request', /reason/],
    ['filings:reject', { id }, 'bad-request', /reason/],
    ['filings:reject', { id, reason: '\t ' }, 'bad-request', /reason/],
    ['filings:reopen', { id }, 'wrong-status', /needs-review/],
    ['filings:reject', { id: 999_999, reason: 'x' }, 'not-found'],
    ['import:choose', {}, 'unsupported'],
    ['import:paths', { paths: [] }, 'bad-request', /paths/],
    ['import:paths', { paths: 'a.pdf' }, 'bad-request', /paths/],
    ['import:paths', { paths: ['relative/a.pdf'] }, 'bad-request', /absolute/],
    ['import:paths', { paths: [`/tmp/a\0b.pdf`] }, 'bad-request', /absolute/],
    ['import:paths', { paths: ['/'.repeat(4097)] }, 'bad-request', /paths/],
    ['import:upload', { name: '../evil.pdf', base64: 'AAAA' }, 'bad-request', /name/],
    ['import:upload', { name: 'a/b.pdf', base64: 'AAAA' }, 'bad-request', /name/],
    ['import:upload', { name: '..', base64: 'AAAA' }, 'bad-request', /name/],
    ['import:upload', { name: 'x'.repeat(256), base64: 'AAAA' }, 'bad-request', /name/],
    ['import:upload', { name: 'a.pdf', base64: '@@@@' }, 'bad-request', /base64/],
    ['import:upload', { name: 'a.pdf', base64: 'QQ' }, 'bad-request', /base64/],
    ['import:upload', { name: 'a.pdf', base64: '' }, 'bad-request', /empty/],
    ['import:upload', { name: 'a.pdf' }, 'bad-request', /base64/],
    ['import:state', { all: true }, 'bad-request'],
    ['import:cancel', 7, 'bad-request'],
    ['export:preview', { format: 'pdf' }, 'bad-request', /format/],
    ['export:preview', { format: 'json', since: 'yesterday' }, 'bad-request', /since/],
    ['export:preview', { format: 'json', since: '2024-13-45' }, 'bad-request', /since/],
    ['export:chooseFolder', {}, 'unsupported'],
    ['export:run', { format: 'json', outDir: '/etc' }, 'bad-request', /outside the data folder/],
    ['export:run', { format: 'json', outDir: '../../escape' }, 'bad-request', /outside the data folder/],
    ['export:run', { format: 'json', outDir: join(t.dataFolder, 'exports', '..', '..', 'escape') }, 'bad-request', /outside the data folder/],
    ['export:run', { format: 'json', outDir: join(t.dataFolder, 'link-out') }, 'bad-request', /outside the data folder/],
    ['export:run', { format: 'json', outDir: join(t.dataFolder, 'link-out', 'deeper') }, 'bad-request', /outside the data folder/],
    ['export:run', { format: 'json', outDir: 'exports\0x' }, 'bad-request', /NUL/],
    ['export:run', { format: 'json', since: 'soon' }, 'bad-request', /since/],
    ['export:run', { format: 'json', outDir: 'x'.repeat(4097) }, 'bad-request', /outDir/],
  ];

  test('each bad call gets its refusal, and nothing in the store or the data folder changes', async () => {
    const before = t.snapshot();
    const all = cases();
    for (const [name, input, code, message] of all) {
      const result = await t.api.call(name, input);
      try {
        assertRefused(result, code, message);
      } catch (error) {
        throw new Error(`${name.slice(0, 40)} ${JSON.stringify(input)?.slice(0, 120)}: ${(error as Error).message}`);
      }
    }
    assert.equal(t.snapshot(), before);
    assert.ok(all.length > 70);
  });

  test('over the web: paths are refused, exports stay inside the data folder', async () => {
    const before = web.snapshot();
    assertRefused(await web.api.call('import:paths', { paths: [join(t.dir, 'x.pdf')] }), 'unsupported', /upload/);
    assertRefused(await web.api.call('export:run', { format: 'csv', outDir: t.dataFolder }), 'bad-request', /outside the data folder/);
    assertRefused(await web.api.call('export:run', { format: 'csv', outDir: '/tmp' }), 'bad-request', /outside the data folder/);
    assertRefused(await web.api.call('export:chooseFolder', {}), 'unsupported');
    assert.equal(web.snapshot(), before);
  });

  test('search text full of query syntax is just words', async () => {
    for (const search of ['" OR 1=1 --', 'NEAR(a b)', '*', 'winter AND', '\0\u202e', "'); DROP TABLE filings; --"]) {
      const result = await t.api.call('filings:list', { search });
      assert.ok(result.ok, `${search}: ${JSON.stringify(result)}`);
    }
    const winter = await t.value('filings:list', { search: '"winter" *' });
    assert.deepEqual(winter.items.map((item) => item.reportingPerson), ['Winter Michael R']);
  });

  test('errors map to the contract codes; the unexpected is internal, logged with its stack', () => {
    const logged: string[] = [];
    const log = (line: string) => void logged.push(line);
    assert.deepEqual(toApiError('filings:get', new WorkflowError('bad-path', 'no such field'), log), { code: 'bad-request', message: 'no such field' });
    assert.deepEqual(toApiError('export:run', new ApiRefusal('busy', 'wait'), log), { code: 'busy', message: 'wait' });
    assert.equal(toApiError('filings:setField', Object.assign(new Error('disk'), { code: 'ENOSPC' }), log).code, 'storage');
    assert.equal(toApiError('filings:setField', Object.assign(new Error('locked'), { code: 'SQLITE_BUSY' }), log).code, 'busy');
    assert.equal(toApiError('filings:get', Object.assign(new Error('bad'), { code: 'SQLITE_CORRUPT' }), log).code, 'storage');
    assert.deepEqual(logged, []);
    const internal = toApiError('filings:get', new TypeError('x is undefined'), log);
    assert.deepEqual(internal, { code: 'internal', message: 'filings:get failed unexpectedly: x is undefined' });
    assert.match(logged.join(''), /TypeError: x is undefined\n\s+at /);
  });
});
