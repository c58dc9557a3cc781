// `form4 extract` and `form4 import` on a PDF holding two filings back to back: every filing is
// printed (with --json one object per filing and line, as for files of one filing) and imported.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { outcomeLine } from '../../../main/cli/import-progress.js';
import type { ImportJob } from '../../../shared/views.js';
import { printedFilingsPdf, printedFilingsSkip, type PrintedFilings } from '../../support/printed-filings.js';

const NAMES = ['0000704051-14-000037_LM', '0000899243-18-025227_EB'];

describe('form4 on a file of several filings', { skip: printedFilingsSkip }, () => {
  let dir: string;
  let bundle: string;
  let printed: PrintedFilings;
  const form4 = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'main/cli/index.ts', ...args], { encoding: 'utf8', env: { ...process.env, FORM4_DB: join(dir, 'data', 'form4.db') } });

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'form4-bundle-'));
    printed = await printedFilingsPdf(NAMES);
    bundle = join(dir, 'bundle.pdf');
    writeFileSync(bundle, printed.pdf);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('extract --json prints one {filing, findings, confidence} line per filing, in page order', () => {
    const run = form4('extract', bundle, '--json');
    assert.equal(run.status, 0, run.stderr);
    const lines = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, { reportingOwners: Array<{ name: string }> }>);
    assert.deepEqual(lines.map((line) => Object.keys(line)), [['filing', 'findings', 'confidence'], ['filing', 'findings', 'confidence']]);
    assert.deepEqual(lines.map((line) => line.filing?.reportingOwners[0]?.name), printed.filings.map((filing) => filing.truth.reportingOwners[0]?.name));
  });

  test('extract names each filing with its pages; import reports every filing it made', () => {
    const run = form4('extract', bundle);
    assert.equal(run.status, 0, run.stderr);
    assert.deepEqual(run.stdout.match(/^== .*$/gm), [`== ${bundle} (filing 1 of 2, page 1)`, `== ${bundle} (filing 2 of 2, pages 2-4)`]);

    const imported = form4('import', bundle, '--user', 'alice', '--json');
    assert.equal(imported.status, 0, imported.stderr);
    const result = JSON.parse(imported.stdout) as { imported: number; filings: number; jobs: Array<{ state: string; filingId: number; filingIds: number[]; message: string }> };
    assert.deepEqual([result.imported, result.filings], [1, 2]);
    const [job] = result.jobs;
    assert.equal(job?.filingIds.length, 2);
    assert.equal(job?.filingId, job?.filingIds[0]);
    assert.equal(job?.message, `split into 2 filings: #${job?.filingIds[0]} (page 1), #${job?.filingIds[1]} (pages 2-4)`);

    const shown = form4('show', String(job?.filingIds[1]));
    assert.match(shown.stdout, /from bundle\.pdf \(pdf-text, pages 2-4 of 4,/);
  });
});

test("import's line for a file of several filings names each, with its pages", () => {
  const job: ImportJob = {
    id: 1, batch: 'b', path: '/in/bundle.pdf', name: 'bundle.pdf', sha256: null, size: 1, storedAs: null, state: 'done',
    message: 'split into 2 filings: #4 (page 1), #5 (pages 2-4)', claimedBy: null, sourceId: 1, filingId: 4, queuedAt: 't', queuedBy: 'u', finishedAt: 't',
  };
  assert.equal(outcomeLine(job), 'bundle.pdf: imported, split into 2 filings: #4 (page 1), #5 (pages 2-4)');
  assert.equal(outcomeLine({ ...job, message: null }), 'bundle.pdf: imported as filing #4');
});
