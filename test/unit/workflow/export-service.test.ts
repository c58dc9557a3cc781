import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { toCsv } from '../../../main/form4/export/csv.js';
import { toEdgarXml } from '../../../main/form4/export/edgar-xml.js';
import { toJson } from '../../../main/form4/export/json.js';
import { ExportService } from '../../../main/workflow/export-service.js';
import { importFiles, openTestStore, seedFiles, type TestStore } from './store-fixture.js';

let t: TestStore;
let ids: number[];
let exports: ExportService;

beforeEach(async () => {
  t = openTestStore();
  ids = await importFiles(t, seedFiles());
  exports = new ExportService(t.repos, { clock: t.clock, formats: { xml: (filing) => toEdgarXml(filing), csv: toCsv, json: toJson } });
});
afterEach(() => t.cleanup());

describe('ExportService', () => {
  test('only approved filings go out; xml is one file per filing; each is recorded, marked exported and audited', async () => {
    t.review.approve({ id: ids[1] as number, actor: 'bob' });
    t.review.approve({ id: ids[2] as number, actor: 'bob' });
    const out = join(t.dir, 'out');
    const result = await exports.export({ format: 'xml', outDir: out, actor: 'carol' });
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.exported.map((item) => item.filingId), [ids[1], ids[2]]);
    assert.equal(result.files.length, 2);
    for (const file of result.files) {
      assert.match(file, /form4-\d+-AMOT-\d{4}-\d{2}-\d{2}-[A-Za-z-]+\.xml$/);
      assert.match(readFileSync(file, 'utf8'), /<ownershipDocument>/);
    }
    for (const id of [ids[1], ids[2]] as number[]) {
      const view = t.review.show(id);
      assert.equal(view.filing.status, 'exported');
      assert.equal(view.exports[0]?.exportedBy, 'carol');
      assert.equal(t.review.history(id).at(-1)?.action, 'export');
    }
    assert.equal(t.review.show(ids[0] as number).filing.status, 'needs-review');
    assert.deepEqual((await exports.export({ format: 'xml', outDir: out, actor: 'carol' })).exported, []);
  });

  test('csv is one file per export; --since keeps filings approved before the date out', async () => {
    t.review.approve({ id: ids[0] as number, actor: 'bob' });
    const later = new Date(t.clock().getTime() + 60_000).toISOString();
    const clock = () => new Date(Date.parse(later) + 1000);
    const { ReviewService } = await import('../../../main/workflow/review-service.js');
    new ReviewService(t.repos, { clock }).approve({ id: ids[3] as number, actor: 'bob' });
    const result = await exports.export({ format: 'csv', outDir: join(t.dir, 'csv'), since: later, actor: 'carol' });
    assert.deepEqual(result.exported.map((item) => item.filingId), [ids[3]]);
    assert.equal(result.files.length, 1);
    assert.match(readFileSync(result.files[0] as string, 'utf8'), /Maida/);
    assert.equal(t.review.show(ids[0] as number).filing.status, 'approved');
  });
});
