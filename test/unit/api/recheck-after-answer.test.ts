// A save answers once its own filing is written and checked; the same-day filings it was (or becomes)
// a duplicate of are re-checked just after the answer and announced with 'filings:changed', and a
// re-check still queued when the app closes is done before the store closes.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { Store } from '../../../main/store/database.js';
import { repositoriesOf } from '../../../main/store/repositories.js';
import { seedText } from '../workflow/store-fixture.js';
import { nextEvent, openTestApi, type TestApi } from './api-fixture.js';

let t: TestApi;
let maida: number;
let copy: number;

/** Whether filing `id` has a duplicate finding, as `filings:get` shows it. */
async function flaggedDuplicate(id: number): Promise<boolean> {
  return (await t.value('filings:get', { id })).findings.some((item) => item.rule === 'duplicate');
}

beforeEach(async () => {
  t = openTestApi();
  const ids = await t.importSeeds();
  maida = ids[4] as number;
  // The same filing again from another file: each is flagged as a duplicate of the other.
  const file = join(t.dir, 'maida-copy.txt');
  writeFileSync(file, `${seedText('004_')}\n\n`);
  const done = nextEvent(t.api, 'import:running', (payload) => !payload.running);
  await t.value('import:paths', { paths: [file] });
  await done;
  copy = (await t.value('import:state', {})).jobs.find((job) => job.name === 'maida-copy.txt')?.filingId as number;
  assert.ok(await flaggedDuplicate(maida));
  assert.ok(await flaggedDuplicate(copy));
});
afterEach(() => t.cleanup());

describe('re-checking the neighbours of a save', () => {
  test('comes after the answer, and the neighbours re-checked are announced', async () => {
    const announced = nextEvent(t.api, 'filings:changed', (payload) => payload.ids.includes(maida));
    const saved = await t.value('filings:setField', { id: copy, path: 'periodOfReport', value: '2016-10-19' });
    assert.ok(!saved.findings.some((item) => item.rule === 'duplicate'), 'the saved filing is checked before the answer');
    // The answer came before the neighbour's re-check had its turn.
    const reader = new Database(t.databasePath, { readonly: true });
    try {
      assert.deepEqual(reader.prepare("SELECT count(*) FROM findings WHERE filing_id = ? AND rule = 'duplicate'").pluck().get(maida), 1);
    } finally {
      reader.close();
    }
    assert.deepEqual((await announced).ids, [maida]);
    assert.equal(await flaggedDuplicate(maida), false);
  });

  test('still queued when the app closes, it is done before the store closes', async () => {
    const saved = await t.api.call('filings:setField', { id: copy, path: 'periodOfReport', value: '2016-10-19' });
    assert.ok(saved.ok);
    await t.api.close();
    const store = Store.open({ path: t.databasePath, dailyBackup: false });
    try {
      assert.ok(!repositoriesOf(store).filings.findings(maida).some((item) => item.rule === 'duplicate'));
    } finally {
      store.close();
    }
  });
});
