// Exports approved filings as EDGAR XML (one file per filing), CSV or JSON (one file per export).
// The formats are pure functions passed in; this writes their output (temporary name, then rename),
// then records the export, marks the filings exported and appends their audit rows in one
// transaction. A filing a format cannot express is reported and stays approved.
import { mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { filingSchema, type Filing } from '../../shared/model.js';
import { filingStateHash } from '../store/audit-chain.js';
import { WorkflowError } from '../store/errors.js';
import { exists, writeFileDurably } from '../store/file-store.js';
import type { ExportFormat } from '../store/exports-repository.js';
import type { FilingRecord } from '../store/filings-repository.js';
import type { Repositories } from '../store/repositories.js';
import type { ExportResult } from '../../shared/views.js';
export { type ExportResult };

export interface ExportFormats {
  xml: (filing: Filing) => string;
  csv: (filings: Filing[]) => string;
  json: (filings: Filing[]) => string;
}

export interface ExportRequest {
  format: ExportFormat;
  outDir: string;
  /** Only filings approved on or after this date (YYYY-MM-DD or a full ISO time). */
  since?: string | undefined;
  actor: string;
}

export class ExportService {
  constructor(
    private readonly repos: Repositories,
    private readonly options: { clock: () => Date; formats: ExportFormats },
  ) {}

  async export(request: ExportRequest): Promise<ExportResult> {
    if (request.since !== undefined && Number.isNaN(Date.parse(request.since))) {
      throw new WorkflowError('bad-request', `--since takes a date (YYYY-MM-DD), not '${request.since}'`);
    }
    const outDir = resolve(request.outDir);
    const problems: ExportResult['problems'] = [];
    const ready: Array<{ record: FilingRecord; filing: Filing; xml?: string }> = [];
    for (const record of this.repos.filings.approvedSince(request.since ?? '')) {
      const parsed = filingSchema.safeParse(record.document);
      if (!parsed.success) {
        problems.push({ filingId: record.id, message: `not a complete Form 4: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}` });
        continue;
      }
      if (request.format !== 'xml') {
        ready.push({ record, filing: parsed.data });
        continue;
      }
      try {
        ready.push({ record, filing: parsed.data, xml: this.options.formats.xml(parsed.data) });
      } catch (error) {
        problems.push({ filingId: record.id, message: (error as Error).message });
      }
    }
    if (ready.length === 0) return { exportId: null, files: [], exported: [], problems };

    await mkdir(outDir, { recursive: true });
    const now = this.options.clock();
    const exported: ExportResult['exported'] = [];
    if (request.format === 'xml') {
      for (const item of ready) exported.push({ filingId: item.record.id, file: await writeNew(outDir, xmlFileName(item.record), item.xml ?? '') });
    } else {
      const filings = ready.map((item) => item.filing);
      const text = request.format === 'csv' ? this.options.formats.csv(filings) : this.options.formats.json(filings);
      const file = await writeNew(outDir, `form4-export-${now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}.${request.format}`, text);
      for (const item of ready) exported.push({ filingId: item.record.id, file });
    }

    const exportId = this.repos.store.transaction(() => {
      const at = now.toISOString();
      const id = this.repos.exports.add({ format: request.format, outDir, since: request.since ?? null, exportedBy: request.actor, exportedAt: at, files: exported });
      for (const item of ready) {
        const file = exported.find((entry) => entry.filingId === item.record.id)?.file ?? '';
        this.repos.filings.updateStatus(item.record.id, 'exported', at, item.record.approvedAt);
        this.repos.audit.append({
          at,
          actor: request.actor,
          filingId: item.record.id,
          action: 'export',
          oldValue: JSON.stringify('approved'),
          newValue: JSON.stringify({ status: 'exported', format: request.format, file }),
          stateHash: filingStateHash(item.record.document, 'exported'),
        });
      }
      return id;
    });
    return { exportId, files: [...new Set(exported.map((entry) => entry.file))], exported, problems };
  }
}

function slug(text: string): string {
  return text.normalize('NFKD').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'unknown';
}

/** `form4-<id>-<TICKER>-<period>-<person>.xml`: sorts by filing and says what it is at a glance. */
export function xmlFileName(record: FilingRecord): string {
  return `form4-${record.id}-${slug(record.ticker)}-${record.periodOfReport ?? 'undated'}-${slug(record.reportingPerson)}.xml`;
}

/** Writes a new file, never over an existing one (a second export of a filing gets `-2`, `-3`, ...). */
async function writeNew(folder: string, name: string, text: string): Promise<string> {
  const dot = name.lastIndexOf('.');
  for (let attempt = 1; ; attempt += 1) {
    const candidate = join(folder, attempt === 1 ? name : `${name.slice(0, dot)}-${attempt}${name.slice(dot)}`);
    if (await exists(candidate)) continue;
    await writeFileDurably(candidate, text);
    return candidate;
  }
}
