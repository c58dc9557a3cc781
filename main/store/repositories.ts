// Every repository over one open store, built once (each prepares its statements up front).
import { AuditLog } from './audit-log.js';
import type { Store } from './database.js';
import { DecisionsRepository } from './decisions-repository.js';
import { ExportsRepository } from './exports-repository.js';
import { FilingsRepository } from './filings-repository.js';
import { ImportJobsRepository } from './import-jobs-repository.js';
import { SourcesRepository } from './sources-repository.js';

export interface Repositories {
  store: Store;
  filings: FilingsRepository;
  sources: SourcesRepository;
  audit: AuditLog;
  decisions: DecisionsRepository;
  exports: ExportsRepository;
  importJobs: ImportJobsRepository;
}

export function repositoriesOf(store: Store): Repositories {
  return {
    store,
    filings: new FilingsRepository(store),
    sources: new SourcesRepository(store),
    audit: new AuditLog(store),
    decisions: new DecisionsRepository(store),
    exports: new ExportsRepository(store),
    importJobs: new ImportJobsRepository(store),
  };
}
