import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, test } from 'node:test';
import { ImportService, type Extractor } from '../../../main/workflow/import-service.js';
import { createSourceExtractor } from '../../../main/workflow/source-extractor.js';
import { openTestStore, seedFiles, type TestStore } from './store-fixture.js';

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
