// What the store and the workflow hand out, as plain data: the CLI prints it, the contract in api.ts
// carries it to the renderer. Defined once here; main/store and main/workflow use these types.
import type { FieldSource } from './document.js';
import type { Finding } from './findings.js';
import type { DraftFiling } from './model.js';

export const FILING_STATUSES = ['needs-review', 'approved', 'rejected', 'exported'] as const;
export type FilingStatus = (typeof FILING_STATUSES)[number];

export const EXPORT_FORMATS = ['xml', 'csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface FieldProvenance {
  path: string;
  /** 0-100; 100 once a person set the value. Null where nothing read it (a line a person added). */
  confidence: number | null;
  /** Why the parser guessed the value; null when read cleanly or set by a person. */
  guess: string | null;
  source: FieldSource | null;
  setBy: string | null;
  setAt: string | null;
}

export interface FilingListItem {
  id: number;
  status: FilingStatus;
  reportingPerson: string;
  issuer: string;
  ticker: string;
  periodOfReport: string | null;
  errors: number;
  warnings: number;
  updatedAt: string;
}

export interface FilingRecord extends FilingListItem {
  sourceId: number | null;
  document: DraftFiling;
  createdAt: string;
  approvedAt: string | null;
}

export interface Override {
  rule: string;
  path: string;
  reason: string;
}

export interface Decision {
  id: number;
  filingId: number;
  decision: 'approved' | 'rejected' | 'reopened';
  decidedBy: string;
  decidedAt: string;
  reason: string | null;
  overrides: Override[];
}

export interface AuditRowContent {
  seq: number;
  at: string;
  actor: string;
  filingId: number | null;
  action: string;
  path: string | null;
  oldValue: string | null;
  newValue: string | null;
  reason: string | null;
  stateHash: string | null;
}

export interface AuditRow extends AuditRowContent {
  prevHash: string;
  hash: string;
}

export type ImportJobState = 'queued' | 'running' | 'done' | 'skipped' | 'failed';

export interface ImportJob {
  id: number;
  batch: string;
  path: string;
  name: string;
  sha256: string | null;
  size: number | null;
  storedAs: string | null;
  state: ImportJobState;
  message: string | null;
  claimedBy: number | null;
  sourceId: number | null;
  filingId: number | null;
  queuedAt: string;
  queuedBy: string;
  finishedAt: string | null;
}

export interface SourceRecord {
  id: number;
  sha256: string;
  name: string;
  importedFrom: string;
  mediaType: string;
  size: number;
  /** The copy of the original, relative to the store's files folder. */
  storedAs: string;
  origin: 'text' | 'pdf-text' | 'ocr';
  pageCount: number;
  importedAt: string;
  importedBy: string;
}

export interface PageRecord {
  number: number;
  width: number;
  height: number;
  image: string | null;
}

export interface FieldView extends Omit<FieldProvenance, 'path'> {
  path: string;
  value: unknown;
}

export interface FilingExportRecord {
  exportId: number;
  format: string;
  file: string;
  exportedBy: string;
  exportedAt: string;
}

export interface FilingView {
  filing: FilingRecord;
  /** Every leaf field of the document with its value and, where known, where it came from. */
  fields: FieldView[];
  findings: Finding[];
  decisions: Decision[];
  source: SourceRecord | null;
  pages: PageRecord[];
  exports: FilingExportRecord[];
}

export interface ChangeResult {
  filing: FilingRecord;
  findings: Finding[];
}

export interface ExportResult {
  /** Null when nothing was exported. */
  exportId: number | null;
  files: string[];
  exported: Array<{ filingId: number; file: string }>;
  /** Approved filings left out, with why (not a complete Filing, or refused by the format). */
  problems: Array<{ filingId: number; message: string }>;
}

export interface ExtractProgress {
  /** 0-1 through this file when known. */
  fraction: number | null;
  /** What is happening, e.g. `page 2/3: ocr`. */
  stage: string;
}

export type ImportEvent =
  | { type: 'queued'; job: ImportJob }
  | { type: 'started'; job: ImportJob; position: number; total: number }
  | { type: 'progress'; job: ImportJob; position: number; total: number; progress: ExtractProgress }
  | { type: 'finished'; job: ImportJob; position: number; total: number };
