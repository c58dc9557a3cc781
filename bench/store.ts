// `npm run bench:store`: the store with 100,000 generated filings. Prints p50/p95 (ms) for listing a
// page, full-text search, the review queue (sorted by several keys, filtered by status, rule and
// words, with its total; next/previous), opening a filing, editing a field (audit row + rules re-run)
// and approving, and the database size; writes them under "## Store" in docs/BENCHMARKS.md.
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { QUEUE_SORTS } from '../shared/api.js';
import type { RuleId } from '../shared/findings.js';
import { Store } from '../main/store/database.js';
import { repositoriesOf } from '../main/store/repositories.js';
import { ReviewService } from '../main/workflow/review-service.js';
import { generateFilings, LAST, PEOPLE, random } from './generated-filings.js';

const FILINGS = Number(process.env.BENCH_FILINGS ?? 100_000);
const RUNS = 300;
const next = random(20240301);
const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

function measure(label: string, run: (iteration: number) => void): { label: string; p50: number; p95: number } {
  for (let warm = 0; warm < 10; warm += 1) run(-1 - warm);
  const times: number[] = [];
  for (let iteration = 0; iteration < RUNS; iteration += 1) {
    const started = performance.now();
    run(iteration);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { label, p50: percentile(times, 50), p95: percentile(times, 95) };
}

const folder = join(tmpdir(), `form4-bench-store-${process.pid}`);
if (process.env.BENCH_KEEP === undefined) rmSync(folder, { recursive: true, force: true });
mkdirSync(folder, { recursive: true });
const path = join(folder, 'form4.db');
let tick = Date.parse('2024-03-01T09:00:00Z');
const clock = () => new Date((tick += 1000));
const slow: string[] = [];
const store = Store.open({ path, clock, dailyBackup: false, onSlowQuery: (label, ms) => slow.push(`${label} ${ms.toFixed(1)}`) });
const repos = repositoriesOf(store);

const generationStarted = performance.now();
generateFilings(store, repos, { count: FILINGS, next, clock });
const generationSeconds = (performance.now() - generationStarted) / 1000;
const slowWhileGenerating = slow.splice(0);
store.db.pragma('wal_checkpoint(TRUNCATE)');
store.db.exec('ANALYZE');
const sizeMb = statSync(path).size / 1024 / 1024;

const review = new ReviewService(repos, { clock });
const randomId = () => 1 + Math.floor(next() * FILINGS);
const inReview = () => {
  for (;;) {
    const id = randomId();
    if (repos.filings.get(id)?.status === 'needs-review') return id;
  }
};
const ruleCounts = store.db.prepare('SELECT rule, count(DISTINCT filing_id) AS n FROM findings GROUP BY rule ORDER BY n DESC').all() as Array<{ rule: RuleId; n: number }>;
const commonRule = ruleCounts[0] as { rule: RuleId; n: number };
const rareRule = ruleCounts.at(-1) as { rule: RuleId; n: number };
const deepOffset = () => Math.floor(next() * 200) * 100;
const approvableSet = new Set<number>();
while (approvableSet.size < RUNS + 10) approvableSet.add(inReview());
const approvable = [...approvableSet];
const loadBefore = loadavg()[0] ?? 0;
const results = [
  measure('list a page of 100, latest date first', () => void review.list({ limit: 100, offset: Math.floor(next() * 50) * 100 })),
  measure('list a page of 100 in review, latest first', () => void review.list({ status: 'needs-review', limit: 100, offset: Math.floor(next() * 50) * 100 })),
  measure('full-text search by name (first 100 hits)', () => void review.list({ search: pick(LAST), limit: 100 })),
  measure('full-text search, full name', () => void review.list({ search: pick(PEOPLE), limit: 100 })),
  measure('queue: page of 100 by reporting person, offset up to 20,000, with total', () => void review.queue({ sort: 'reportingPerson', direction: 'asc', offset: deepOffset(), limit: 100 })),
  measure('queue: in review by lowest confidence, with total', () => void review.queue({ status: 'needs-review', sort: 'lowestConfidence', direction: 'asc', offset: Math.floor(next() * 20) * 100, limit: 100 })),
  measure('queue: any sort key and direction, with total', (iteration) => void review.queue({ sort: QUEUE_SORTS[Math.abs(iteration) % QUEUE_SORTS.length], direction: iteration % 2 === 0 ? 'asc' : 'desc', offset: deepOffset(), limit: 100 })),
  measure(`queue: rule ${commonRule.rule} (${commonRule.n.toLocaleString('en-US')} filings) by issuer, with total`, () => void review.queue({ rule: commonRule.rule, sort: 'issuer', direction: 'asc', offset: deepOffset() % Math.max(1, commonRule.n), limit: 100 })),
  measure(`queue: rule ${commonRule.rule} in review by errors, with total`, () => void review.queue({ rule: commonRule.rule, status: 'needs-review', sort: 'errors', direction: 'desc', limit: 100 })),
  measure(`queue: rule ${rareRule.rule} (${rareRule.n.toLocaleString('en-US')} filings) by updated, with total`, () => void review.queue({ rule: rareRule.rule, sort: 'updated', direction: 'desc', limit: 100 })),
  measure('queue: search a surname, by ticker, with total', () => void review.queue({ search: pick(LAST), sort: 'ticker', direction: 'asc', limit: 100 })),
  measure('queue: search a surname in review, by earliest transaction, with total', () => void review.queue({ search: pick(LAST), status: 'needs-review', sort: 'earliestTransaction', direction: 'desc', limit: 100 })),
  measure('queue: next/previous of a filing (in review, by reporting person)', () => void review.neighbours(randomId(), { status: 'needs-review', sort: 'reportingPerson', direction: 'asc' })),
  measure(`queue: next/previous under rule ${commonRule.rule}, by period`, () => void review.neighbours(randomId(), { rule: commonRule.rule, sort: 'period', direction: 'desc' })),
  measure('open one filing (fields, findings, decisions)', () => void review.show(randomId())),
  measure('edit a field (audit row + rules re-run)', () => void review.setField({ id: inReview(), path: 'nonDerivative[1].pricePerShare', value: String(Math.round(next() * 5000) / 100), actor: 'bench' })),
  measure('approve', (iteration) => {
    const id = approvable[iteration + 10] as number;
    const errors = repos.filings.findings(id).filter((item) => item.severity === 'error');
    review.approve({ id, actor: 'bench', overrides: [...new Set(errors.map((item) => item.rule))].map((rule) => ({ rule, reason: 'bench' })) });
  }),
];
store.close();

const lines = [
  `${FILINGS.toLocaleString('en-US')} generated filings (${cpus().length} cores, ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}); ${RUNS} runs each after 10 warm-up runs.`,
  `Generated in one transaction in ${generationSeconds.toFixed(1)} s (rules run on each); database ${sizeMb.toFixed(1)} MB after checkpoint.`,
  `Load average (1 min) when the timed runs began: ${loadBefore.toFixed(1)} (other work shares the cores: compare p50s across runs, p95s move with it).`,
  `Statuses: 30% in review, 10% approved, 50% exported, 10% rejected. Rules with findings: ${ruleCounts.map((item) => `${item.rule} ${item.n.toLocaleString('en-US')}`).join(', ')}.`,
  '',
  '| operation | p50 ms | p95 ms | target p95 |',
  '| --- | ---: | ---: | ---: |',
  ...results.map((result) => `| ${result.label} | ${result.p50.toFixed(2)} | ${result.p95.toFixed(2)} | < 20 |`),
  '',
  slow.length === 0 ? 'No query slower than 40 ms was logged during the timed runs.' : `Queries logged as slower than 40 ms during the timed runs: ${slow.length} (e.g. ${slow.slice(0, 3).join(', ')}).`,
  `While generating, ${slowWhileGenerating.length} statements of the one big transaction took over 40 ms${slowWhileGenerating.length === 0 ? '' : ` (e.g. ${slowWhileGenerating.slice(0, 3).join(', ')})`}.`,
];
process.stdout.write(`${lines.join('\n')}\n`);

const docs = 'docs/BENCHMARKS.md';
const section = `## Store\n\nRun with \`npm run bench:store\` (bench/store.ts).\n\n${lines.join('\n')}\n`;
const current = existsSync(docs) ? readFileSync(docs, 'utf8') : '# Benchmarks\n';
const pattern = /## Store\n[\s\S]*?(?=\n## |$)/;
writeFileSync(docs, pattern.test(current) ? current.replace(pattern, section.trimEnd() + '\n') : `${current.trimEnd()}\n\n${section}`);
if (process.env.BENCH_KEEP === undefined) rmSync(folder, { recursive: true, force: true });
