// A fresh store in a temporary folder for each test, a clock that ticks a second per reading, and
// the real extractor (text seeds go through readTextDocument + extractFiling, no OCR).
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Store } from '../../../main/store/database.js';
import { repositoriesOf, type Repositories } from '../../../main/store/repositories.js';
import { ImportService, type Extractor } from '../../../main/workflow/import-service.js';
import { ReviewService } from '../../../main/workflow/review-service.js';
import { createSourceExtractor } from '../../../main/workflow/source-extractor.js';

export const SEEDS = '/work/shared/fixtures/seeds';

export function seedFiles(): string[] {
  return readdirSync(SEEDS)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => join(SEEDS, name));
}

export function seedText(prefix: string): string {
  const file = seedFiles().find((path) => path.includes(`/${prefix}`));
  if (file === undefined) throw new Error(`no seed ${prefix}`);
  return readFileSync(file, 'utf8');
}

export function tickingClock(start = '2024-03-01T09:00:00.000Z'): () => Date {
  let now = Date.parse(start);
  return () => {
    now += 1000;
    return new Date(now);
  };
}

export interface TestStore {
  dir: string;
  path: string;
  store: Store;
  repos: Repositories;
  clock: () => Date;
  review: ReviewService;
  imports: ImportService;
  cleanup(): void;
}

export function openTestStore(options: { extract?: Extractor } = {}): TestStore {
  const dir = mkdtempSync(join(tmpdir(), 'form4-store-'));
  const path = join(dir, 'form4.db');
  const clock = tickingClock();
  const store = Store.open({ path, clock });
  const repos = repositoriesOf(store);
  const extract = options.extract ?? createSourceExtractor().extract;
  return {
    dir,
    path,
    store,
    repos,
    clock,
    review: new ReviewService(repos, { clock }),
    imports: new ImportService(repos, { clock, extract }),
    cleanup: () => {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Imports files and returns the filing id of each, in order. */
export async function importFiles(test: TestStore, paths: string[], actor = 'tester'): Promise<number[]> {
  await test.imports.enqueue(paths, actor);
  const result = await test.imports.run();
  return result.finished.filter((job) => job.state === 'done').map((job) => job.filingId as number);
}
