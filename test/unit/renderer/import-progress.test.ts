import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ImportJob } from '../../../shared/views.js';
import { applyImportEvent, forNewImport, NO_IMPORTS, progressFromState, summarize } from '../../../renderer/import/import-progress.js';

function job(id: number, state: ImportJob['state'], message: string | null = null): ImportJob {
  return {
    id, batch: 'b1', path: `/in/${id}.pdf`, name: `${id}.pdf`, sha256: null, size: null, storedAs: null, state, message,
    claimedBy: null, sourceId: null, filingId: state === 'done' ? id * 10 : null, queuedAt: '2024-01-01T00:00:00Z', queuedBy: 'ann', finishedAt: null,
  };
}

describe('import progress', () => {
  it('follows each file from queued through its stages to done or failed', () => {
    let progress = applyImportEvent(NO_IMPORTS, { type: 'queued', job: job(1, 'queued') });
    progress = applyImportEvent(progress, { type: 'queued', job: job(2, 'queued') });
    progress = applyImportEvent(progress, { type: 'started', job: job(1, 'running'), position: 1, total: 2 });
    progress = applyImportEvent(progress, { type: 'progress', job: job(1, 'running'), position: 1, total: 2, progress: { fraction: 0.5, stage: 'page 1/2: ocr' } });
    assert.equal(progress.files[0]?.stage, 'page 1/2: ocr');
    assert.equal(summarize(progress).overall, 0.25);
    progress = applyImportEvent(progress, { type: 'finished', job: job(1, 'done'), position: 1, total: 2 });
    progress = applyImportEvent(progress, { type: 'finished', job: job(2, 'failed', '2.pdf: not a PDF'), position: 2, total: 2 });
    const summary = summarize(progress);
    assert.deepEqual([summary.total, summary.done, summary.failed, summary.overall], [2, 1, 1, 1]);
    assert.equal(progress.files[1]?.message, '2.pdf: not a PDF');
    assert.equal(progress.files[0]?.filingId, 10);
  });

  it('keeps the fraction when a progress event has none', () => {
    let progress = progressFromState({ jobs: [job(1, 'running')], running: true });
    progress = applyImportEvent(progress, { type: 'progress', job: job(1, 'running'), position: 1, total: 1, progress: { fraction: 0.4, stage: 'ocr' } });
    progress = applyImportEvent(progress, { type: 'progress', job: job(1, 'running'), position: 1, total: 1, progress: { fraction: null, stage: 'parse' } });
    assert.equal(progress.files[0]?.fraction, 0.4);
    assert.equal(progress.files[0]?.stage, 'parse');
    assert.equal(progress.running, true);
  });
});

describe('a queued job reported late', () => {
  it('does not go back to queued after its events came first', () => {
    let progress = applyImportEvent(NO_IMPORTS, { type: 'queued', job: job(1, 'queued') });
    progress = applyImportEvent(progress, { type: 'finished', job: job(1, 'failed', 'not a PDF'), position: 1, total: 1 });
    progress = applyImportEvent(progress, { type: 'queued', job: job(1, 'queued') });
    assert.equal(progress.files[0]?.state, 'failed');
    assert.equal(progress.files.length, 1);
  });
});

describe('a new import', () => {
  it('clears the files earlier runs finished cleanly, and keeps failures and files still to do', () => {
    const earlier = progressFromState({ jobs: [job(1, 'done'), job(2, 'failed', '2.pdf: unreadable'), job(3, 'skipped', 'already imported'), job(4, 'queued')], running: false });
    assert.deepEqual(forNewImport(earlier).files.map((file) => file.jobId), [2, 4]);
  });
});
