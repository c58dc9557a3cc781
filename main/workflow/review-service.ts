// The review workflow over the store: list, show, set a field, add/remove a table line, approve
// (refused while an error is open and not overridden with a reason), reject, reopen, history. Each
// change is one transaction: the new value, its audit row, and the findings re-run. No console, no
// CLI: the acting user comes with each call, the clock with the service.
import { join } from 'node:path';
import type { QueueItem, QueuePage } from '../../shared/api.js';
import { RULE_IDS, type Finding, type RuleId } from '../../shared/findings.js';
import type { Document } from '../../shared/document.js';
import type { DraftFiling } from '../../shared/model.js';
import { filingStateHash } from '../store/audit-chain.js';
import type { AuditRow } from '../store/audit-log.js';
import type { Decision, Override } from '../store/decisions-repository.js';
import { WorkflowError } from '../store/errors.js';
import type { FieldProvenance, FilingRecord, FilingStatus, QueueFilter, QueueOrder, QueueQuery } from '../store/filings-repository.js';
import type { Repositories } from '../store/repositories.js';
import type { PageRecord, SourceRecord } from '../store/sources-repository.js';
import { formatPath, getAt, leafPaths, parseFieldValue, parsePath, setAt } from './field-path.js';
import { FilingChecks } from './filing-checks.js';
import { blankLine, shiftedFieldRows, type TableName } from './table-lines.js';
import type { FieldView, FilingView, ChangeResult } from '../../shared/views.js';
export { type FieldView, type FilingView, type ChangeResult };

export interface OverrideRequest {
  rule: string;
  /** Only the error at this path; every open error of the rule when absent. */
  path?: string | undefined;
  reason: string;
}

export interface ReviewServiceOptions {
  clock: () => Date;
  lowConfidenceThreshold?: number;
  /**
   * Where an edit's re-check of the other filings it affects (same-day duplicates) runs. Absent: in
   * the edit's transaction (the CLI, whose process ends with the command). The app hands it to run
   * just after the answer, in a transaction of its own, so a save does not wait on the rules of its
   * neighbours; their findings are derived data, and approving re-runs the rules anyway.
   */
  deferRecheck?: (recheck: () => void) => void;
  /** Told which other filings had their findings re-checked after a change, to announce them. */
  onRechecked?: (ids: number[]) => void;
}

const EDITABLE: readonly FilingStatus[] = ['needs-review'];

export class ReviewService {
  private readonly checks: FilingChecks;

  constructor(
    private readonly repos: Repositories,
    private readonly options: ReviewServiceOptions,
  ) {
    this.checks = new FilingChecks(repos.filings, options.lowConfidenceThreshold);
  }

  list(query: QueueQuery = {}): QueueItem[] {
    return this.repos.filings.list(query);
  }

  /** One page of the review queue and the count of every filing its filter matches. */
  queue(query: QueueQuery): QueuePage {
    return this.repos.filings.queuePage(query);
  }

  /** The filings before and after `id` in the queue's order and filter, for next/previous keys. */
  neighbours(id: number, query: QueueFilter & QueueOrder): { previous: number | null; next: number | null } {
    const found = this.repos.filings.neighbours(id, query);
    if (found === null) throw new WorkflowError('not-found', `there is no filing #${id}`);
    return found;
  }

  show(id: number): FilingView {
    const filing = this.require(id);
    const provenance = new Map(this.repos.filings.fields(id).map((field) => [field.path, field]));
    const fields = leafPaths(filing.document).map(({ path, value }) => {
      const known = provenance.get(path);
      return { path, value, confidence: known?.confidence ?? null, guess: known?.guess ?? null, source: known?.source ?? null, setBy: known?.setBy ?? null, setAt: known?.setAt ?? null };
    });
    return {
      filing,
      fields,
      findings: this.repos.filings.findings(id),
      decisions: this.repos.decisions.forFiling(id),
      source: filing.sourceId === null ? null : this.repos.sources.get(filing.sourceId),
      pages: this.repos.sources.pagesOfFiling(id),
      exports: this.repos.exports.forFiling(id),
    };
  }

  /** Absolute path of the kept copy of the filing's original file, for the side-by-side view. */
  originalFile(id: number): string | null {
    const filing = this.require(id);
    const source = filing.sourceId === null ? null : this.repos.sources.get(filing.sourceId);
    return source === null ? null : join(this.repos.store.layout.filesFolder, source.storedAs);
  }

  /** The words read from the filing's source, with their boxes and confidences, as imported. */
  sourceDocument(id: number): Document | null {
    const filing = this.require(id);
    return filing.sourceId === null ? null : this.repos.sources.document(filing.sourceId);
  }

  /** Absolute path of a page image of the filing's source (PNG), or null for text inputs. */
  pageImageFile(id: number, page: number): string | null {
    const filing = this.require(id);
    if (filing.sourceId === null) return null;
    const image = this.repos.sources.pages(filing.sourceId).find((item) => item.number === page)?.image ?? null;
    return image === null ? null : join(this.repos.store.layout.filesFolder, image);
  }

  history(id: number): AuditRow[] {
    this.require(id);
    return this.repos.audit.forFiling(id);
  }

  /** Sets one field from a person's text (typed by the field's kind); the value then counts as certain. */
  setField(input: { id: number; path: string; value: string; actor: string; reason?: string | undefined }): ChangeResult {
    const segments = parsePath(input.path);
    const path = formatPath(segments);
    const value = parseFieldValue(segments, input.value);
    return this.change(input.id, (filing, at) => {
      const before = getAt(filing.document, segments);
      const document = setAt(filing.document, segments, value);
      const known = this.repos.filings.fields(input.id).find((field) => field.path === path);
      this.repos.filings.updateDocument(input.id, document, at);
      this.repos.filings.upsertField(input.id, { path, confidence: 100, guess: null, source: known?.source ?? null, setBy: input.actor, setAt: at });
      return {
        document,
        audit: { action: 'set', path, oldValue: JSON.stringify(before ?? null), newValue: JSON.stringify(value), reason: input.reason ?? null },
      };
    }, input.actor);
  }

  /** Adds a Table I/II line at `index` (0-based; the end when absent), with the fields given as text. */
  addRow(input: { id: number; table: TableName; values?: Record<string, string>; index?: number | undefined; actor: string; reason?: string | undefined }): ChangeResult {
    return this.change(input.id, (filing, at) => {
      const lines = filing.document[input.table] as unknown[];
      const index = input.index ?? lines.length;
      if (!Number.isInteger(index) || index < 0 || index > lines.length) {
        throw new WorkflowError('bad-request', `a line can go at positions 1 to ${lines.length + 1} of ${tableTitle(input.table)}`);
      }
      let document = structuredClone(filing.document);
      (document[input.table] as unknown[]).splice(index, 0, blankLine(input.table));
      const setPaths: string[] = [];
      for (const [field, text] of Object.entries(input.values ?? {})) {
        const segments = [input.table, index, ...parsePath(field)];
        document = setAt(document, segments, parseFieldValue(segments, text));
        setPaths.push(formatPath(segments));
      }
      const line = document[input.table][index];
      this.moveFieldRows(input.id, input.table, index, 1);
      for (const path of setPaths) this.repos.filings.upsertField(input.id, { path, confidence: 100, guess: null, source: null, setBy: input.actor, setAt: at });
      this.repos.filings.updateDocument(input.id, document, at);
      return {
        document,
        audit: { action: 'row-add', path: `${input.table}[${index}]`, oldValue: null, newValue: JSON.stringify(line), reason: input.reason ?? null },
      };
    }, input.actor);
  }

  /** Removes line `index` (0-based) of a table. */
  removeRow(input: { id: number; table: TableName; index: number; actor: string; reason?: string | undefined }): ChangeResult {
    return this.change(input.id, (filing, at) => {
      const lines = filing.document[input.table] as unknown[];
      if (!Number.isInteger(input.index) || input.index < 0 || input.index >= lines.length) {
        throw new WorkflowError('bad-request', `${tableTitle(input.table)} of filing #${input.id} has ${lines.length} line(s); there is no line ${input.index + 1}`);
      }
      const removed = lines[input.index];
      const document = structuredClone(filing.document);
      (document[input.table] as unknown[]).splice(input.index, 1);
      this.moveFieldRows(input.id, input.table, input.index, -1);
      this.repos.filings.updateDocument(input.id, document, at);
      return {
        document,
        audit: { action: 'row-remove', path: `${input.table}[${input.index}]`, oldValue: JSON.stringify(removed), newValue: null, reason: input.reason ?? null },
      };
    }, input.actor);
  }

  /**
   * Approves a filing in review. Every open error must be overridden with a written reason; each
   * override goes into the audit log as its own row. Warnings never block.
   */
  approve(input: { id: number; actor: string; overrides?: readonly OverrideRequest[]; reason?: string | undefined }): ChangeResult & { overridden: Override[] } {
    return this.repos.store.transaction(() => {
      const filing = this.require(input.id);
      requireStatus(filing, ['needs-review'], 'approve');
      const findings = this.checks.findingsFor(input.id, filing.document, this.repos.filings.fields(input.id));
      const errors = findings.filter((item) => item.severity === 'error');
      const overridden = matchOverrides(errors, input.overrides ?? []);
      const open = errors.filter((error) => !overridden.some((item) => item.rule === error.rule && item.path === error.path));
      if (open.length > 0) {
        throw new WorkflowError(
          'open-errors',
          `filing #${input.id} has ${open.length} open error(s): ${open.map((error) => `${error.rule} at ${error.path || 'the filing'} (${error.message})`).join('; ')}. ` +
            'Fix them or override each rule with a reason (--override RULE=REASON).',
        );
      }
      const now = this.options.clock().toISOString();
      this.repos.filings.replaceFindings(input.id, findings);
      this.repos.filings.updateStatus(input.id, 'approved', now, now);
      this.repos.decisions.add({ filingId: input.id, decision: 'approved', decidedBy: input.actor, decidedAt: now, reason: input.reason ?? null, overrides: overridden });
      for (const item of overridden) {
        this.repos.audit.append({ at: now, actor: input.actor, filingId: input.id, action: 'override', path: item.path, newValue: JSON.stringify({ overrides: item.rule }), reason: item.reason });
      }
      this.repos.audit.append({
        at: now,
        actor: input.actor,
        filingId: input.id,
        action: 'approve',
        oldValue: JSON.stringify(filing.status),
        newValue: JSON.stringify('approved'),
        reason: input.reason ?? null,
        stateHash: filingStateHash(filing.document, 'approved'),
      });
      this.recheckNeighbours(input.id, [filing.document], true);
      return { filing: this.require(input.id), findings, overridden };
    });
  }

  reject(input: { id: number; actor: string; reason: string }): ChangeResult {
    if (input.reason.trim() === '') throw new WorkflowError('bad-request', 'a rejection needs a reason');
    return this.decide(input.id, input.actor, 'rejected', ['needs-review', 'approved'], input.reason);
  }

  /** Back to review: an approved, rejected or exported filing can be corrected again. */
  reopen(input: { id: number; actor: string; reason?: string | undefined }): ChangeResult {
    return this.decide(input.id, input.actor, 'needs-review', ['approved', 'rejected', 'exported'], input.reason ?? null);
  }

  private decide(id: number, actor: string, status: 'rejected' | 'needs-review', from: readonly FilingStatus[], reason: string | null): ChangeResult {
    return this.repos.store.transaction(() => {
      const filing = this.require(id);
      requireStatus(filing, from, status === 'rejected' ? 'reject' : 'reopen');
      const now = this.options.clock().toISOString();
      this.repos.filings.updateStatus(id, status, now, null);
      this.repos.decisions.add({ filingId: id, decision: status === 'rejected' ? 'rejected' : 'reopened', decidedBy: actor, decidedAt: now, reason, overrides: [] });
      const findings = status === 'needs-review' ? this.checks.recheck(id) : this.repos.filings.findings(id);
      this.repos.audit.append({
        at: now,
        actor,
        filingId: id,
        action: status === 'rejected' ? 'reject' : 'reopen',
        oldValue: JSON.stringify(filing.status),
        newValue: JSON.stringify(status),
        reason,
        stateHash: filingStateHash(filing.document, status),
      });
      this.recheckNeighbours(id, [filing.document], true);
      return { filing: this.require(id), findings };
    });
  }

  /** One edit of a filing in review: the change, its audit row, the rules re-run, in one transaction. */
  private change(
    id: number,
    edit: (filing: FilingRecord, at: string) => { document: DraftFiling; audit: { action: 'set' | 'row-add' | 'row-remove'; path: string; oldValue: string | null; newValue: string | null; reason: string | null } },
    actor: string,
  ): ChangeResult {
    const defer = this.options.deferRecheck;
    let affected: DraftFiling[] = [];
    const result = this.repos.store.transaction(() => {
      const filing = this.require(id);
      requireStatus(filing, EDITABLE, 'edit');
      const at = this.options.clock().toISOString();
      const { document, audit } = edit(filing, at);
      const findings = this.checks.findingsFor(id, document, this.repos.filings.fields(id));
      this.repos.filings.replaceFindings(id, findings);
      this.repos.audit.append({ at, actor, filingId: id, ...audit, stateHash: filingStateHash(document, filing.status) });
      // The same-day filings of the old and the new document: a duplicate may have come or gone.
      affected = [filing.document, document];
      if (defer === undefined) this.recheckNeighbours(id, affected, false);
      return { filing: this.require(id), findings };
    });
    defer?.(() => this.repos.store.transaction(() => this.recheckNeighbours(id, affected, false)));
    return result;
  }

  private recheckNeighbours(id: number, documents: ReadonlyArray<DraftFiling>, includeLater: boolean): void {
    const rechecked = this.checks.recheckNeighbours(id, documents, includeLater);
    if (rechecked.length > 0) this.options.onRechecked?.(rechecked);
  }

  private moveFieldRows(id: number, table: TableName, index: number, delta: 1 | -1): void {
    const rows = this.repos.filings.fieldsUnder(id, table);
    for (const row of rows) this.repos.filings.removeField(id, row.path);
    for (const row of shiftedFieldRows(rows, table, index, delta)) this.repos.filings.upsertField(id, row);
  }

  private require(id: number): FilingRecord {
    const filing = this.repos.filings.get(id);
    if (filing === null) throw new WorkflowError('not-found', `there is no filing #${id}`);
    return filing;
  }
}

function tableTitle(table: TableName): string {
  return table === 'nonDerivative' ? 'Table I' : 'Table II';
}

function requireStatus(filing: FilingRecord, allowed: readonly FilingStatus[], what: string): void {
  if (allowed.includes(filing.status)) return;
  const hint = filing.status === 'needs-review' ? '' : filing.status === 'rejected' && what === 'edit' ? '; reopen it first' : what === 'edit' ? '; reopen it to edit' : '';
  throw new WorkflowError('wrong-status', `cannot ${what} filing #${filing.id}: it is ${filing.status}${hint}`);
}

/** The open errors each override covers; an override that covers none is refused as a likely typo. */
function matchOverrides(errors: readonly Finding[], requests: readonly OverrideRequest[]): Override[] {
  const overridden: Override[] = [];
  for (const request of requests) {
    if (!(RULE_IDS as readonly string[]).includes(request.rule)) {
      throw new WorkflowError('bad-override', `'${request.rule}' is not a rule (rules: ${RULE_IDS.join(', ')})`);
    }
    if (request.reason.trim() === '') throw new WorkflowError('bad-override', `the override of ${request.rule} needs a reason`);
    const covered = errors.filter((error) => error.rule === (request.rule as RuleId) && (request.path === undefined || error.path === request.path));
    if (covered.length === 0) {
      throw new WorkflowError('bad-override', `there is no open ${request.rule} error${request.path === undefined ? '' : ` at ${request.path}`} to override`);
    }
    for (const error of covered) {
      if (!overridden.some((item) => item.rule === error.rule && item.path === error.path)) overridden.push({ rule: error.rule, path: error.path, reason: request.reason.trim() });
    }
  }
  return overridden;
}
