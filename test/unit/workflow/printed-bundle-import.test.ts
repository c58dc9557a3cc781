// A real bundle end to end: two corpus filings printed back to back in one PDF (a text layer, no OCR),
// imported through the product's own extractor. Each filing is stored from the one source with its
// own pages, matching what was printed.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { printedFilingsPdf, printedFilingsSkip, type PrintedFilings } from '../../support/printed-filings.js';
import { openTestStore, type TestStore } from './store-fixture.js';

// One filing of one page, then one of three pages (a long Table II).
const NAMES = ['0000704051-14-000037_LM', '0000899243-18-025227_EB'];

describe('importing a PDF of two filings back to back', { skip: printedFilingsSkip }, () => {
  let printed: PrintedFilings;
  let t: TestStore;
  before(async () => {
    printed = await printedFilingsPdf(NAMES);
    t = openTestStore();
  });
  after(() => t?.cleanup());

  test('makes one filing per printed form, each showing its own pages, and a second import is skipped', async () => {
    const bundle = join(t.dir, 'bundle.pdf');
    writeFileSync(bundle, printed.pdf);
    await t.imports.enqueue([bundle], 'alice');
    const [job] = (await t.imports.run()).finished;
    assert.equal(job?.state, 'done', job?.message ?? '');
    const ids = t.imports.filingIdsOf(job!);
    assert.equal(ids.length, printed.filings.length);
    assert.match(job?.message ?? '', new RegExp(`^split into 2 filings: #${ids[0]} \\(page 1\\), #${ids[1]} \\(pages 2-4\\)$`));

    const source = t.repos.sources.get(job!.sourceId!);
    assert.equal(source?.pageCount, 4);
    for (const [index, id] of ids.entries()) {
      const { truth, pages } = printed.filings[index]!;
      const view = t.review.show(id);
      assert.equal(view.filing.sourceId, source?.id);
      assert.equal(view.filing.document.reportingOwners[0]?.name, truth.reportingOwners[0]?.name);
      // The CIK is not printed on the form.
      assert.deepEqual([view.filing.document.issuer.name, view.filing.document.issuer.tradingSymbol], [truth.issuer.name, truth.issuer.tradingSymbol]);
      assert.equal(view.filing.document.periodOfReport, truth.periodOfReport);
      assert.equal(view.filing.document.derivative.length, truth.derivative.length);
      assert.deepEqual(view.pages.map((page) => page.number), pages);
      assert.ok(view.pages.every((page) => page.image !== null), 'each page has its image');
      const read = view.fields.filter((field) => field.source !== null);
      assert.ok(read.length > 0);
      assert.ok(read.every((field) => pages.includes(field.source!.page)), `every field of filing #${id} was read on its pages`);
      assert.deepEqual(t.review.history(id).map((row) => row.action), ['import']);
    }

    const again = await t.imports.enqueue([bundle], 'bob');
    assert.equal(again.jobs[0]?.message, `already imported as filings #${ids[0]}, #${ids[1]} (from bundle.pdf)`);
  });
});
