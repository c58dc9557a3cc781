// Imports through the API: uploads (the web page), one background run at a time that later files
// join, cancel, the run a crash left, page images, with the events the renderer follows.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, describe, test } from 'node:test';
import type { ApiEvents } from '../../../shared/api.js';
import { openAppApi } from '../../../main/api/app-api.js';
import { Store } from '../../../main/store/database.js';
import { repositoriesOf } from '../../../main/store/repositories.js';
import { ImportService, type Extractor } from '../../../main/workflow/import-service.js';
import { seedFiles, tickingClock } from '../workflow/store-fixture.js';
import { assertRefused, nextEvent, openTestApi, textExtract, type TestApi } from './api-fixture.js';

const upload = (path: string) => ({ name: basename(path), base64: readFileSync(path).toString('base64') });

/** An extractor that holds each file until the test lets it go (or the run is cancelled). */
function gatedExtractor(): { extract: Extractor; release(): void; started: string[] } {
  const started: string[] = [];
  let open: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    open = resolve;
  });
  return {
    started,
    release: () => open(),
    extract: async (source, options) => {
      started.push(source.name);
      await new Promise<void>((resolve, reject) => {
        const abort = () => reject(Object.assign(new Error('cancelled'), { name: 'AbortError' }));
        if (options.signal.aborted) return abort();
        options.signal.addEventListener('abort', abort, { once: true });
        void gate.then(resolve);
      });
      return textExtract(source, options);
    },
  };
}

let t: TestApi;
afterEach(() => t.cleanup());

describe('AppApi imports', () => {
  test('import:upload (web) queues the bytes, the run imports them, the same file again is skipped', async () => {
    t = openTestApi({ transport: 'web' });
    const progress: Array<ApiEvents['import:progress']['type']> = [];
    t.api.onEvent((event, payload) => {
      if (event === 'import:progress') progress.push((payload as ApiEvents['import:progress']).type);
    });
    const seed = seedFiles()[0] as string;
    const changed = nextEvent(t.api, 'filings:changed');
    const finished = nextEvent(t.api, 'import:running', (payload) => !payload.running);
    const [job] = await t.value('import:upload', upload(seed));
    assert.equal(job?.state, 'queued');
    assert.equal(job?.path, `upload:${basename(seed)}`);
    await finished;
    const { ids } = await changed;
    assert.deepEqual((await t.value('filings:list', {})).items.map((item) => item.id), ids);
    assert.deepEqual([progress[0], progress[1], progress.at(-1)], ['queued', 'started', 'finished']);

    const [again] = await t.value('import:upload', upload(seed));
    assert.equal(again?.state, 'skipped');
    assert.match(again?.message ?? '', /already imported as filing #/);
    assertRefused(await t.api.call('import:paths', { paths: [seed] }), 'unsupported', /upload/);
  });

  test('one run at a time: a file uploaded while a run goes joins it', async () => {
    const gated = gatedExtractor();
    t = openTestApi({ transport: 'web', extract: gated.extract });
    const running: boolean[] = [];
    t.api.onEvent((event, payload) => {
      if (event === 'import:running') running.push((payload as ApiEvents['import:running']).running);
    });
    const [first, second] = seedFiles();
    const started = nextEvent(t.api, 'import:progress', (payload) => payload.type === 'started');
    await t.value('import:upload', upload(first as string));
    await started;
    await t.value('import:upload', upload(second as string));
    const state = await t.value('import:state', {});
    assert.equal(state.running, true);
    assert.deepEqual(state.jobs.map((job) => job.state), ['running', 'queued']);
    const done = nextEvent(t.api, 'import:running', (payload) => !payload.running);
    gated.release();
    await done;
    assert.deepEqual(running, [true, false], 'one run took both');
    assert.deepEqual((await t.value('import:state', {})).jobs.map((job) => job.state), ['done', 'done']);
    assert.equal((await t.value('filings:list', {})).total, 2);
  });

  test('import:cancel stops the run; the file stays queued and the next run finishes it', async () => {
    const gated = gatedExtractor();
    t = openTestApi({ transport: 'web', extract: gated.extract });
    const started = nextEvent(t.api, 'import:progress', (payload) => payload.type === 'started');
    const stopped = nextEvent(t.api, 'import:running', (payload) => !payload.running);
    await t.value('import:upload', upload(seedFiles()[0] as string));
    await started;
    assert.deepEqual(await t.value('import:cancel', {}), { cancelled: true });
    await stopped;
    const state = await t.value('import:state', {});
    assert.deepEqual([state.running, state.jobs.map((job) => job.state)], [false, ['queued']]);
    assert.equal((await t.value('filings:list', {})).total, 0);

    gated.release();
    const finished = nextEvent(t.api, 'import:running', (payload) => !payload.running);
    t.api.resumeImports();
    await finished;
    assert.deepEqual((await t.value('import:state', {})).jobs.map((job) => job.state), ['done']);
    assert.equal((await t.value('filings:list', {})).total, 1);
  });

  test('resumeImports finishes a job a crashed process left claimed', async () => {
    t = openTestApi();
    await t.api.close();
    const store = Store.open({ path: t.databasePath, clock: tickingClock() });
    const repos = repositoriesOf(store);
    const { jobs } = await new ImportService(repos, { clock: tickingClock(), extract: textExtract }).enqueue([seedFiles()[1] as string], 'bob');
    const deadPid = spawnSync(process.execPath, ['-e', '']).pid as number;
    assert.ok(repos.importJobs.claim(jobs[0]?.id as number, deadPid, null));
    store.close();

    const api = openAppApi({ databasePath: t.databasePath, user: 'alice', transport: 'web', version: 'test', extract: textExtract });
    t.api = api;
    const finished = nextEvent(api, 'import:running', (payload) => !payload.running);
    api.resumeImports();
    await finished;
    const result = await api.call('import:state', {});
    assert.ok(result.ok);
    assert.deepEqual((result.value as { jobs: Array<{ state: string; queuedBy: string }> }).jobs.map((job) => [job.state, job.queuedBy]), [['done', 'bob']]);
  });

  test('pageImageFile gives a stored page image inside the data folder, and null for anything else', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    t = openTestApi({ extract: async (source, options) => ({ ...(await textExtract(source, options)), pageImages: [{ page: 1, extension: 'png', bytes: png }] }) });
    const [id] = await t.importSeeds();
    const file = t.api.pageImageFile(id as number, 1);
    assert.ok(file !== null && file.startsWith(`${t.dataFolder}/`), String(file));
    assert.deepEqual(readFileSync(file), png);
    for (const [filing, page] of [[id as number, 2], [999_999, 1], [Number.NaN, 1], [id as number, -1], [id as number, 1.5], [1e300, 1], [0, 0]] as const) {
      assert.equal(t.api.pageImageFile(filing, page), null, `${filing}/${page}`);
    }
    const view = await t.value('filings:get', { id });
    assert.deepEqual(view.pages.map((page) => page.image !== null), [true]);
    assert.equal(join(t.dataFolder, 'form4.files', view.pages[0]?.image ?? ''), file);
  });
});
