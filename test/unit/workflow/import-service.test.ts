import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, test } from 'node:test';
import { extractFilings } from '../../../main/form4/extract.js';
import { readTextDocument } from '../../../main/ingest/text-document.js';
import { ImportService, type ExtractedFiling, type Extractor } from '../../../main/workflow/import-service.js';
import { createSourceExtractor } from '../../../main/workflow/source-extractor.js';
import type { Document } from '../../../shared/document.js';
import { loadSeed } from '../../support/seeds.js';
import { openTestStore, seedFiles, seedText, type TestStore } from './store-fixture.js';

let t: TestStore;
afterEach(() => t.cleanup());

const realExtract = createSourceExtractor().extract;

describe('ImportService', () => {
  test('the same file imported again is recognised by its sha256 and skipped with a message', async () => {
    t = openTestStore();
    const [first] = seedFiles();
    await t.imports.enqueue([first as string], 'alice');
    await t.imports.run();
    const copy = join(t.dir, 'renamed.txt');
    writeFileSync(copy, await import('node:fs/promises').then((fs) => fs.readFile(first as string)));
    const again = await t.imports.enqueue([first as string, copy], 'alice');
    assert.deepEqual(again.jobs.map((job) => job.state), ['skipped', 'skipped']);
    assert.match(again.jobs[1]?.message ?? '', /already imported as filing #1/);
    assert.equal((await t.imports.run()).finished.length, 0);
    assert.equal(t.review.list().length, 1);
  });

  test('a failing file is recorded with its error and the batch goes on; folders are searched', async () => {
    t = openTestStore();
    const folder = join(t.dir, 'inbox');
    mkdirSync(join(folder, 'nested'), { recursive: true });
    writeFileSync(join(folder, 'a-letter.txt'), 'Dear shareholder,\nthank you.\n');
    writeFileSync(join(folder, 'b-broken.pdf'), Buffer.from([0x00, 0x01, 0x02, 0x03]));
    writeFileSync(join(folder, 'notes.docx'), 'ignored: not an importable extension');
    writeFileSync(join(folder, 'nested', 'seed.txt'), await import('node:fs/promises').then((fs) => fs.readFile(seedFiles()[2] as string)));
    const queued = await t.imports.enqueue([folder, join(t.dir, 'missing.pdf')], 'alice');
    assert.deepEqual(queued.jobs.map((job) => [job.name, job.state]), [['a-letter.txt', 'queued'], ['b-broken.pdf', 'queued'], ['seed.txt', 'queued'], ['missing.pdf', 'failed']]);
    assert.match(queued.jobs[3]?.message ?? '', /no such file/);
    const result = await t.imports.run();
    assert.deepEqual(result.finished.map((job) => [job.name, job.state]), [['a-letter.txt', 'failed'], ['b-broken.pdf', 'failed'], ['seed.txt', 'done']]);
    assert.match(result.finished[0]?.message ?? '', /a-letter\.txt: not a Form 4/);
    assert.match(result.finished[1]?.message ?? '', /b-broken\.pdf/);
    assert.equal(result.remaining, 0);
    assert.equal(t.review.list().length, 1);
  });

  test('a full disk fails the job with a clear error and leaves the store usable', async () => {
    t = openTestStore();
    const [first, second] = seedFiles();
    await t.imports.enqueue([first as string], 'alice');
    const pages = t.store.db.pragma('page_count', { simple: true }) as number;
    t.store.db.pragma(`max_page_count = ${pages}`);
    const result = await t.imports.run();
    assert.equal(result.finished[0]?.state, 'failed');
    assert.match(result.finished[0]?.message ?? '', /the disk is full/);
    assert.deepEqual(t.review.list(), [], 'nothing half-written');

    t.store.db.pragma('max_page_count = 1073741823');
    await t.imports.enqueue([second as string], 'alice');
    assert.equal((await t.imports.run()).finished[0]?.state, 'done');
    assert.equal(t.review.list().length, 1);
  });

  test('a files folder that cannot be written fails those jobs with a clear error, not the store', async () => {
    t = openTestStore();
    mkdirSync(t.store.layout.filesFolder, { recursive: true });
    writeFileSync(join(t.store.layout.filesFolder, 'originals'), 'a file where a folder should be');
    const queued = await t.imports.enqueue([seedFiles()[0] as string], 'alice');
    assert.equal(queued.jobs[0]?.state, 'failed');
    assert.match(queued.jobs[0]?.message ?? '', /cannot keep a copy in the store: the store's files folder is blocked/);

    // The page images are written after extraction: a failure there fails that job only.
    t.cleanup();
    const withImages: Extractor = async (source, options) => ({ ...(await realExtract(source, options)), pageImages: [{ page: 1, extension: 'png', bytes: new Uint8Array([1, 2, 3]) }] });
    t = openTestStore({ extract: withImages });
    mkdirSync(t.store.layout.filesFolder, { recursive: true });
    writeFileSync(join(t.store.layout.filesFolder, 'pages'), 'in the way');
    await t.imports.enqueue(seedFiles().slice(0, 2), 'alice');
    const result = await t.imports.run();
    assert.deepEqual(result.finished.map((job) => job.state), ['failed', 'failed']);
    assert.match(result.finished[0]?.message ?? '', /blocked by a file/);
    assert.deepEqual(t.review.list(), []);
  });

  test('jobs a dead process had claimed are taken over; a live claimant’s job is left alone', async () => {
    t = openTestStore();
    const queued = await t.imports.enqueue(seedFiles().slice(0, 3), 'alice');
    const [dead, live] = [queued.jobs[0]?.id as number, queued.jobs[1]?.id as number];
    assert.ok(t.repos.importJobs.claim(dead, 424242, null));
    assert.ok(t.repos.importJobs.claim(live, 434343, null));
    const service = new ImportService(t.repos, { clock: t.clock, extract: realExtract, pid: 1000, isProcessAlive: (pid) => pid === 434343 });
    const result = await service.run();
    assert.deepEqual(result.finished.map((job) => [job.id, job.state]), [[dead, 'done'], [queued.jobs[2]?.id, 'done']]);
    assert.equal(result.remaining, 1);
    assert.equal(t.repos.importJobs.get(live)?.state, 'running');
  });

  test('a cancelled run puts the job it was on back in the queue, and the next run finishes it', async () => {
    const controller = new AbortController();
    const cancelling: Extractor = async (source, options) => {
      controller.abort();
      options.signal.throwIfAborted();
      return realExtract(source, options);
    };
    t = openTestStore({ extract: cancelling });
    await t.imports.enqueue(seedFiles().slice(0, 2), 'alice');
    const cut = await t.imports.run({ signal: controller.signal });
    assert.equal(cut.cancelled, true);
    assert.equal(cut.remaining, 2);
    assert.deepEqual(t.imports.openJobs().map((job) => job.state), ['queued', 'queued']);
    const resumed = await new ImportService(t.repos, { clock: t.clock, extract: realExtract }).run();
    assert.deepEqual(resumed.finished.map((job) => job.state), ['done', 'done']);
  });

  test('progress events come in order for each job', async () => {
    t = openTestStore();
    await t.imports.enqueue(seedFiles().slice(0, 2), 'alice');
    const events: string[] = [];
    await t.imports.run({ onEvent: (event) => events.push(`${event.type}:${event.job.name.slice(0, 3)}:${'position' in event ? `${event.position}/${event.total}` : ''}`) });
    assert.deepEqual(events, ['started:000:1/2', 'finished:000:1/2', 'started:001:2/2', 'finished:001:2/2']);
  });
});

/** Two seeds as one scan of three pages: the first filing on page 1, the second on pages 2 and 3. */
function twoFilingScan(firstSeed: string, secondSeed: string): { document: Document; extractions: ExtractedFiling[] } {
  const read = (seed: string, page: number) => {
    const document = readTextDocument(seedText(seed));
    const [extraction] = extractFilings(document);
    const sources = Object.fromEntries(Object.entries(extraction!.sources).map(([path, source]) => [path, { ...source, page }]));
    return { page: { ...document.pages[0]!, number: page }, extraction: { ...extraction!, sources, pages: page === 1 ? [1] : [2, 3] } };
  };
  const first = read(firstSeed, 1);
  const second = read(secondSeed, 2);
  const blank = { number: 3, width: 0, height: 0, lines: [] };
  return { document: { origin: 'ocr', pages: [first.page, second.page, blank] }, extractions: [first.extraction, second.extraction] };
}

function scanExtractor(scan: { document: Document; extractions: ExtractedFiling[] }): Extractor {
  return async () => ({ ...scan, pageImages: [1, 2, 3].map((page) => ({ page, extension: 'png', bytes: new Uint8Array([page]) })) });
}

/** A fresh store whose extractor reads `scan`, and its import of a file named `name` by alice, run. */
async function importScan(scan: { document: Document; extractions: ExtractedFiling[] }, name: string) {
  t = openTestStore({ extract: scanExtractor(scan) });
  const file = join(t.dir, name);
  writeFileSync(file, 'the extractor is a stand-in: any bytes');
  await t.imports.enqueue([file], 'alice');
  const [job] = (await t.imports.run()).finished;
  return { job, file };
}

const count = (t: TestStore, table: string) => (t.store.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

describe('ImportService with a file holding several filings', () => {
  test('stores one filing per extraction from the one source, each with its pages, fields, findings and audit row', async () => {
    const scan = twoFilingScan('000', '001');
    const { job } = await importScan(scan, 'bundle.pdf');
    assert.equal(job?.state, 'done');
    const ids = t.imports.filingIdsOf(job!);
    assert.equal(ids.length, 2);
    assert.equal(job?.filingId, ids[0]);
    assert.equal(job?.message, `split into 2 filings: #${ids[0]} (page 1), #${ids[1]} (pages 2-3)`);

    assert.equal(count(t, 'sources'), 1);
    assert.equal(count(t, 'pages'), 3);
    const [first, second] = ids.map((id) => t.review.show(id));
    assert.equal(first?.filing.sourceId, job?.sourceId);
    assert.equal(second?.filing.sourceId, job?.sourceId);
    assert.deepEqual([first?.filing.document, second?.filing.document], scan.extractions.map((extraction) => extraction.filing));
    // The page viewer gets each filing's own pages; the images were written once, for the source.
    assert.deepEqual(first?.pages.map((page) => page.number), [1]);
    assert.deepEqual(second?.pages.map((page) => page.number), [2, 3]);
    assert.deepEqual(readdirSync(join(t.store.layout.filesFolder, 'pages', job!.sha256!)).sort(), ['1.png', '2.png', '3.png']);
    assert.ok(second?.pages.every((page) => page.image !== null));
    // Each field keeps the source page it was read on.
    assert.ok(second!.fields.some((field) => field.source !== null));
    assert.ok(second!.fields.every((field) => field.source === null || field.source.page === 2));
    assert.ok(first!.fields.every((field) => field.source === null || field.source.page === 1));

    for (const [index, id] of ids.entries()) {
      const history = t.review.history(id);
      assert.deepEqual(history.map((row) => [row.action, row.actor]), [['import', 'alice']]);
      assert.deepEqual((JSON.parse(history[0]!.newValue!) as { pages: number[] }).pages, index === 0 ? [1] : [2, 3]);
      const expected = loadSeed(index === 0 ? '000' : '001').expectedFindings.map((item) => `${item.rule} ${item.path}`).sort();
      assert.deepEqual(t.repos.filings.findings(id).map((item) => `${item.rule} ${item.path}`).sort(), expected);
    }
    assert.equal(t.review.list().length, 2);
  });

  test('two copies of one filing in a scan: each is found a duplicate of the other', async () => {
    const { job } = await importScan(twoFilingScan('002', '002'), 'twice.pdf');
    const ids = t.imports.filingIdsOf(job!);
    assert.equal(ids.length, 2);
    // The second sees the first when it is checked; the first is rechecked as the second's neighbour.
    for (const id of ids) assert.ok(t.repos.filings.findings(id).some((item) => item.rule === 'duplicate'), `filing #${id} is flagged a duplicate`);
  });

  test('the same file again is skipped, naming every filing it made; a file with no filing fails as not a Form 4', async () => {
    const { job: done, file: bundle } = await importScan(twoFilingScan('000', '001'), 'bundle.pdf');
    const [first, second] = t.imports.filingIdsOf(done!);
    const again = await t.imports.enqueue([bundle], 'bob');
    assert.equal(again.jobs[0]?.state, 'skipped');
    assert.equal(again.jobs[0]?.message, `already imported as filings #${first}, #${second} (from bundle.pdf)`);
    assert.deepEqual(t.imports.filingIdsOf(again.jobs[0]!), [first, second]);
    assert.equal(count(t, 'sources'), 1);
    t.cleanup();

    t = openTestStore({ extract: async () => ({ document: { origin: 'ocr', pages: [] }, extractions: [] }) });
    writeFileSync(join(t.dir, 'blank.pdf'), 'blank');
    await t.imports.enqueue([join(t.dir, 'blank.pdf')], 'alice');
    const [failed] = (await t.imports.run()).finished;
    assert.equal(failed?.state, 'failed');
    assert.equal(failed?.message, 'blank.pdf: not a Form 4 (no filing was found in it)');
    assert.equal(count(t, 'sources'), 0);
  });
});
