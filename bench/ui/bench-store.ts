// The store the UI benchmark opens: the 100,000 generated filings of bench:store, plus a few clean
// scanned corpus PDFs imported through the real path (`form4 import`: rasterize, OCR, parse, page
// images kept), each cloned so that many filings have a page image and OCR words to show, and the
// display copies of their page images that the app makes after an import (main/api/page-renditions.ts;
// the CLI does not make them). Built once into bench/.cache/bench-ui/ (minutes: OCR and 100,000 rule
// runs); each run works on a fresh copy, since the benchmark edits fields.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { displayRenditionPath } from '../../main/api/display-rendition.js';
import { PageRenditions } from '../../main/api/page-renditions.js';
import { filingStateHash } from '../../main/store/audit-chain.js';
import { Store } from '../../main/store/database.js';
import { repositoriesOf } from '../../main/store/repositories.js';
import { generateFilings, random } from '../generated-filings.js';

const CACHE = 'bench/.cache/bench-ui';
const FIXTURE = join(CACHE, 'store-v1');
const MARKER = join(FIXTURE, 'complete.json');
const GENERATED = 100_000;
/** Clean corpus scans (one or two pages each), imported with real OCR. */
const SCANS = ['0001209191-12-054358_YELP', '0000899243-21-043382_AUR', '0001062993-24-012233_MSFT', '0001415889-21-003731_NTRA'];
/** Copies of each scanned filing, so the review benchmark opens many filings that have page images. */
const CLONES = 15;

export interface BenchStore {
  databasePath: string;
  generated: number;
  /** Ids of the filings with page images (imported scans and their copies), highest first. */
  scannedIds: number[];
  /** Pages of each scan. */
  scanPages: Record<string, number>;
}

interface Marker {
  generated: number;
  scannedIds: number[];
  scanPages: Record<string, number>;
  buildSeconds: number;
}

function build(log: (line: string) => void): void {
  rmSync(FIXTURE, { recursive: true, force: true });
  mkdirSync(FIXTURE, { recursive: true });
  const databasePath = join(FIXTURE, 'form4.db');
  const started = performance.now();
  let tick = Date.parse('2024-03-01T09:00:00Z');
  const clock = () => new Date((tick += 1000));

  log(`generating ${GENERATED.toLocaleString('en-US')} filings (a few minutes)…`);
  let store = Store.open({ path: databasePath, clock, dailyBackup: false });
  generateFilings(store, repositoriesOf(store), { count: GENERATED, next: random(20240301), clock });
  store.close();

  log(`importing ${SCANS.length} scanned PDFs with OCR (a few minutes)…`);
  const files = SCANS.map((name) => resolve('bench/.cache/corpus/clean', `${name}.pdf`));
  for (const file of files) if (!existsSync(file)) throw new Error(`${file} is missing: run \`npm run corpus\` first`);
  execFileSync(process.execPath, ['bin/form4.js', 'import', '--db', databasePath, '--user', 'bench', '--json', ...files], { stdio: ['ignore', 'ignore', 'inherit'] });

  store = Store.open({ path: databasePath, clock, dailyBackup: false });
  const repos = repositoriesOf(store);
  const scanned = store.db.prepare('SELECT f.id AS id, s.name AS name, s.page_count AS pages FROM filings f JOIN sources s ON s.id = f.source_id ORDER BY f.id').all() as Array<{ id: number; name: string; pages: number }>;
  if (scanned.length !== SCANS.length) throw new Error(`expected ${SCANS.length} imported scans, found ${scanned.length}`);
  store.transaction(() => {
    for (let copy = 0; copy < CLONES; copy += 1) {
      for (const original of scanned) {
        const record = repos.filings.get(original.id);
        if (record === null || record.sourceId === null) throw new Error(`filing ${original.id} has no source`);
        const at = clock().toISOString();
        const id = repos.filings.insert({ sourceId: record.sourceId, document: record.document, at });
        for (const field of repos.filings.fields(original.id)) repos.filings.upsertField(id, field);
        repos.filings.replaceFindings(id, repos.filings.findings(original.id));
        repos.audit.append({ at, actor: 'bench', filingId: id, action: 'import', newValue: '{}', stateHash: filingStateHash(record.document, 'needs-review') });
      }
    }
  });
  const scannedIds = (store.db.prepare('SELECT id FROM filings WHERE source_id IS NOT NULL ORDER BY id DESC').all() as Array<{ id: number }>).map((row) => row.id);
  store.db.pragma('wal_checkpoint(TRUNCATE)');
  store.db.exec('ANALYZE');
  store.close();
  const marker: Marker = { generated: GENERATED, scannedIds, scanPages: Object.fromEntries(scanned.map((item) => [item.name, item.pages])), buildSeconds: (performance.now() - started) / 1000 };
  writeFileSync(MARKER, JSON.stringify(marker));
  log(`bench store built in ${marker.buildSeconds.toFixed(0)} s`);
}

/** The display copies of the stored page images, made as the app makes them after an import. */
async function makeDisplayCopies(log: (line: string) => void): Promise<void> {
  const pages = join(FIXTURE, 'form4.files', 'pages');
  const images = readdirSync(pages, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.png'))
    .map((name) => resolve(pages, name))
    .filter((image) => !existsSync(displayRenditionPath(image)));
  if (images.length === 0) return;
  log(`making display copies of ${images.length} page images…`);
  const renditions = new PageRenditions(log);
  renditions.ensure(images);
  await renditions.idle();
  await renditions.close();
}

/**
 * A fresh copy of the bench store (built first if the cache has none) in `folder`. The copy's
 * backups folder is kept from run to run: the app takes a daily backup on opening (a VACUUM INTO of
 * the whole database), once a day is enough.
 */
export async function benchStoreCopy(folder: string, log: (line: string) => void): Promise<BenchStore> {
  if (!existsSync(MARKER)) build(log);
  await makeDisplayCopies(log);
  const marker = JSON.parse(readFileSync(MARKER, 'utf8')) as Marker;
  mkdirSync(folder, { recursive: true });
  for (const name of ['form4.db', 'form4.db-wal', 'form4.db-shm', 'form4.files']) rmSync(join(folder, name), { recursive: true, force: true });
  cpSync(FIXTURE, folder, { recursive: true, filter: (source) => !source.endsWith('complete.json') && !source.endsWith('.backups') });
  return { databasePath: join(folder, 'form4.db'), generated: marker.generated, scannedIds: marker.scannedIds, scanPages: marker.scanPages };
}
