// Reviewing one filing: the page on the left, the form on the right as printed, the findings
// above it. Every change is saved at once through 'filings:setField' (main re-checks the filing
// and writes the audit trail; the answer carries the new findings), in order, one at a time.
// Undo/redo re-apply field changes; approve, reject and reopen decide; neighbours step through
// the queue in its order.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { Document, FieldSource } from '../../shared/document.js';
import type { Finding } from '../../shared/findings.js';
import type { FieldView, FilingRecord, FilingView, Override } from '../../shared/views.js';
import { useApp, useCall, useCommand } from '../app/app-context.js';
import { listInput, type QueueQuery } from '../queue/queue-query.js';
import { StatusPill } from '../queue/QueueScreen.js';
import { ApproveDialog, RejectDialog, type OverrideInput } from './DecisionDialogs.js';
import { leafFields, valueAt } from './document-paths.js';
import { sameAsValue, textProblem, valueToText } from './field-text.js';
import { FieldRow, type FieldProvenanceView, type FieldState } from './FieldRow.js';
import { FindingsList } from './FindingsList.js';
import { fieldForPath, isLowConfidence, sortFindings, stepFinding } from './findings-nav.js';
import { fieldOrder, footnoteColumns, formLayout, type FieldGroup, type FieldSpec, type TableName } from './form-layout.js';
import { HistoryPanel } from './HistoryPanel.js';
import { PageViewer } from './PageViewer.js';
import { EMPTY_UNDO, recordChange, redoStep, shiftLines, undoStep, type UndoStack } from './undo-stack.js';

export interface ReviewScreenProps {
  id: number;
  /** The queue's order, for next/previous filing. */
  query: QueueQuery;
  onNavigate(id: number): void;
  onBack(): void;
}

const TABLE_NAMES: Record<TableName, string> = { nonDerivative: 'Table I', derivative: 'Table II' };

type Dialogs = null | 'approve' | 'reject';

export function ReviewScreen({ id, query, onNavigate, onBack }: ReviewScreenProps) {
  const { api, info, notify } = useApp();
  const call = useCall();
  const [view, setView] = useState<FilingView | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [words, setWords] = useState<Document | null | undefined>(undefined);
  const [record, setRecord] = useState<FilingRecord | null>(null);
  const [findings, setFindings] = useState<Finding[]>([]);
  const [provenance, setProvenance] = useState<ReadonlyMap<string, FieldView>>(new Map());
  const [drafts, setDrafts] = useState<Readonly<Record<string, string>>>({});
  const [states, setStates] = useState<Readonly<Record<string, FieldState>>>({});
  const [problems, setProblems] = useState<Readonly<Record<string, string>>>({});
  const [undo, setUndo] = useState<UndoStack>(EMPTY_UNDO);
  const [focused, setFocused] = useState<string | null>(null);
  const [activeFinding, setActiveFinding] = useState<number | null>(null);
  const [page, setPage] = useState(1);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [historyVersion, setHistoryVersion] = useState(0);
  const [dialog, setDialog] = useState<Dialogs>(null);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [extraRefs, setExtraRefs] = useState<string[]>([]);
  const [removing, setRemoving] = useState<string | null>(null);

  const fieldElements = useRef(new Map<string, HTMLElement>());
  const pendingFocus = useRef<string | null>(null);
  const saveChain = useRef<Promise<unknown>>(Promise.resolve());
  /** Saves sent and not yet answered. */
  const savesInFlight = useRef(0);

  const document_ = record?.document ?? null;
  const readOnly = record === null || record.status !== 'needs-review';

  // ----- loading ---------------------------------------------------------------------------
  const preloaded = useRef<HTMLImageElement | null>(null);
  const load = useCallback(async (): Promise<boolean> => {
    const getting = call('filings:get', { id }, { quiet: true });
    // The first page's image starts loading with the words, not after the screen has rendered: the
    // page viewer's <img> then finds it loaded (bench:ui, opening a filing).
    void getting.then((got) => {
      const first = got.ok ? got.value.pages[0] : undefined;
      if (preloaded.current !== null || first === undefined || first.image === null) return;
      preloaded.current = new Image();
      preloaded.current.src = api.pageImageUrl(id, first.number, 'display');
    });
    const [got, gotWords] = await Promise.all([getting, call('filings:words', { id }, { quiet: true })]);
    if (!got.ok) {
      setLoadError(got.error.message);
      return false;
    }
    setView(got.value);
    // A filing split from a PDF of several starts on its own first page, not the file's.
    const pages = got.value.pages;
    setPage((current) => (pages.some((item) => item.number === current) ? current : (pages[0]?.number ?? current)));
    setRecord(got.value.filing);
    setFindings(got.value.findings);
    setProvenance(new Map(got.value.fields.map((field) => [field.path, field])));
    setWords(gotWords.ok ? gotWords.value : null);
    if (!gotWords.ok) notify('error', gotWords.error.message);
    return true;
  }, [api, call, id, notify]);

  useEffect(() => {
    void load();
  }, [load]);

  const ready = view !== null && words !== undefined;
  useEffect(() => {
    if (!ready) return;
    // Keyboard first: the form has the focus on opening, at its first field.
    const first = fieldElements.current.get(latest.current.order[0] ?? '');
    if (first !== undefined && (document.activeElement === document.body || document.activeElement === null)) first.focus();
    document.body.dataset.ready = 'review';
    return () => void delete document.body.dataset.ready;
  }, [ready]);

  // ----- layout ----------------------------------------------------------------------------
  // The form is laid out again only when the document's shape changes (a line, an owner, a footnote
  // added or removed), not on every saved value: its field specs stay the same objects, so a save
  // renders only the rows whose props changed (bench:ui, a field saved).
  const present = useMemo(() => (document_ === null ? [] : leafFields(document_)), [document_]);
  const shape = useMemo(() => `${present.map((field) => (Array.isArray(field.value) && field.value.length === 0 ? `${field.path}=[]` : field.path)).join('\n')}\n--\n${extraRefs.join('\n')}`, [present, extraRefs]);
  const groups = useMemo<FieldGroup[]>(() => {
    if (document_ === null) return [];
    const known = new Set(present.map((field) => field.path));
    return formLayout(document_, [...present, ...extraRefs.filter((path) => !known.has(path)).map((path) => ({ path, value: [] }))]);
    // The shape stands for the document, the fields present and the extra marks: the layout reads no value.
  }, [shape, document_ === null]);
  const order = useMemo(() => fieldOrder(groups), [groups]);
  const specs = useMemo(() => new Map(groups.flatMap((group) => group.fields.map((field) => [field.path, { field, group }] as const))), [groups]);
  const labelOf = useCallback(
    (path: string): string => {
      const target = fieldForPath(path, order);
      const entry = target === null ? undefined : specs.get(target);
      if (entry === undefined) return path;
      return target === path ? `${entry.group.title} › ${entry.field.label}` : entry.group.title;
    },
    [order, specs],
  );
  const sortedFindings = useMemo(() => sortFindings(findings, order), [findings, order]);
  // A field's list of findings stays the same array while its findings stay the same, so a save
  // that changes the findings of one field does not render the rows of the others.
  const previousFindings = useRef(new Map<string, Finding[]>());
  const findingsByField = useMemo(() => {
    const map = new Map<string, Finding[]>();
    for (const finding of findings) {
      const target = fieldForPath(finding.path, order);
      if (target !== null) map.set(target, [...(map.get(target) ?? []), finding]);
    }
    for (const [path, list] of map) {
      const before = previousFindings.current.get(path);
      if (before !== undefined && sameFindings(before, list)) map.set(path, before);
    }
    previousFindings.current = map;
    return map;
  }, [findings, order]);
  // A save replaces one field's provenance: the other fields keep their view objects, so their
  // memoized rows do not render again (bench:ui, a field saved).
  const viewCache = useRef(new WeakMap<FieldView, FieldProvenanceView>());
  const provenanceViews = useMemo(() => {
    const map = new Map<string, FieldProvenanceView>();
    for (const [path, field] of provenance) {
      let view = viewCache.current.get(field);
      if (view === undefined) {
        view = { confidence: field.confidence, guess: field.guess, setBy: field.setBy, sourceText: field.source?.text ?? null };
        viewCache.current.set(field, view);
      }
      map.set(path, view);
    }
    return map;
  }, [provenance]);

  // The latest state for handlers that run later (saves, keys) without re-subscribing.
  const latest = useRef({ record, drafts, undo, focused, findings, sortedFindings, order, specs, readOnly, activeFinding, provenance });
  useLayoutEffect(() => {
    latest.current = { record, drafts, undo, focused, findings, sortedFindings, order, specs, readOnly, activeFinding, provenance };
  });

  // ----- focus -----------------------------------------------------------------------------
  const focusField = useCallback((path: string): boolean => {
    const element = fieldElements.current.get(path);
    if (element === undefined) {
      pendingFocus.current = path;
      return false;
    }
    element.focus({ preventScroll: true });
    element.scrollIntoView({ block: 'nearest' });
    if (element instanceof HTMLInputElement && element.type === 'text') element.select();
    return true;
  }, []);

  useEffect(() => {
    if (pendingFocus.current !== null && fieldElements.current.has(pendingFocus.current)) {
      const path = pendingFocus.current;
      pendingFocus.current = null;
      focusField(path);
    }
  });

  const register = useCallback((path: string, element: HTMLElement | null) => {
    if (element === null) fieldElements.current.delete(path);
    else fieldElements.current.set(path, element);
  }, []);

  const onFocusField = useCallback(
    (path: string) => {
      setFocused(path);
      const source = latest.current.provenance.get(path)?.source;
      if (source !== null && source !== undefined && source.boxes.length > 0) setPage(source.page);
      setActiveFinding((current) => {
        const finding = current === null ? undefined : latest.current.sortedFindings[current];
        return finding !== undefined && fieldForPath(finding.path, latest.current.order) === path ? current : null;
      });
    },
    // Reads the provenance through `latest`: a save then leaves this handler, and every field row, as they were.
    [],
  );

  // ----- saving ----------------------------------------------------------------------------
  const setFieldState = (path: string, state: FieldState | null): void =>
    setStates((current) => {
      const next = { ...current };
      if (state === null) delete next[path];
      else next[path] = state;
      return next;
    });
  const setProblem = (path: string, problem: string | null): void =>
    setProblems((current) => {
      const next = { ...current };
      if (problem === null) delete next[path];
      else next[path] = problem;
      return next;
    });
  const dropDraft = (path: string, ifText?: string): void =>
    setDrafts((current) => {
      if (!(path in current) || (ifText !== undefined && current[path] !== ifText)) return current;
      const next = { ...current };
      delete next[path];
      return next;
    });

  /**
   * Saves `text` into a field unless it says what the field holds; resolves true once saved (or
   * nothing needed saving). Saves run one after another so the last answer has the last findings.
   */
  const commit = useCallback(
    (path: string, text: string, options: { reason?: 'undo' | 'redo'; undoable?: boolean } = {}): Promise<boolean> => {
      const entry = latest.current.specs.get(path);
      const kind = entry?.field.kind ?? 'text';
      if (latest.current.readOnly) {
        dropDraft(path);
        return Promise.resolve(false);
      }
      const held = latest.current.record === null ? undefined : valueAt(latest.current.record.document, path);
      if (sameAsValue(kind, text, held) && options.reason === undefined) {
        dropDraft(path, text);
        setProblem(path, null);
        setStates((current) => (current[path] === 'dirty' || current[path] === 'error' ? { ...current, [path]: 'clean' } : current));
        return Promise.resolve(true);
      }
      const problem = textProblem(kind, text, entry?.field.options);
      if (problem !== null) {
        setFieldState(path, 'error');
        setProblem(path, problem);
        notify('error', `${entry === undefined ? path : entry.field.label}: ${problem}`);
        return Promise.resolve(false);
      }
      setFieldState(path, 'saving');
      const save = async (): Promise<boolean> => {
        const before = latest.current.record === null ? undefined : valueAt(latest.current.record.document, path);
        // The same text may come twice (Enter, then the blur of moving on): once saved, it is a no-op.
        if (options.reason === undefined && sameAsValue(kind, text, before)) {
          dropDraft(path, text);
          setFieldState(path, 'saved');
          return true;
        }
        const result = await call('filings:setField', { id, path, value: text, ...(options.reason === undefined ? {} : { reason: options.reason }) });
        if (!result.ok) {
          setFieldState(path, 'error');
          setProblem(path, result.error.message);
          return false;
        }
        const after = valueAt(result.value.filing.document, path);
        latest.current.record = result.value.filing;
        setRecord(result.value.filing);
        setFindings(result.value.findings);
        setProvenance((current) => {
          const next = new Map(current);
          const previous = current.get(path);
          next.set(path, { path, value: after, confidence: 100, guess: null, source: previous?.source ?? null, setBy: info.user, setAt: new Date().toISOString() });
          return next;
        });
        dropDraft(path, text);
        setProblem(path, null);
        setFieldState(path, 'saved');
        setHistoryVersion((value) => value + 1);
        if (options.undoable !== false) setUndo((current) => recordChange(current, { path, before: valueToText(before), after: valueToText(after) }));
        return true;
      };
      const counted = async (): Promise<boolean> => {
        try {
          return await save();
        } finally {
          savesInFlight.current -= 1;
        }
      };
      // With no save in flight the request goes now, before the screen renders the move to the
      // next field: that render then overlaps main's work instead of delaying it (bench:ui).
      const run = savesInFlight.current === 0 ? counted() : saveChain.current.then(counted);
      savesInFlight.current += 1;
      saveChain.current = run;
      return run;
    },
    [call, id, info.user, notify],
  );

  const onDraft = useCallback((path: string, text: string) => {
    setDrafts((current) => ({ ...current, [path]: text }));
    setStates((current) => (current[path] === 'dirty' ? current : { ...current, [path]: 'dirty' }));
  }, []);

  const onCommit = useCallback((path: string, text: string) => void commit(path, text), [commit]);

  /** Saves every field still being edited; true when all were saved. */
  const flush = useCallback(async (): Promise<boolean> => {
    const pending = Object.entries(latest.current.drafts);
    const results = await Promise.all(pending.map(([path, text]) => commit(path, text)));
    await saveChain.current;
    return results.every(Boolean);
  }, [commit]);

  // ----- words from the page ---------------------------------------------------------------
  const onPickWord = useCallback(
    (text: string, append: boolean) => {
      const path = latest.current.focused;
      const kind = path === null ? undefined : latest.current.specs.get(path)?.field.kind;
      if (path === null || kind === undefined) {
        notify('info', 'Click a field first, then the word on the page that belongs in it.');
        return;
      }
      if (kind === 'checkbox' || kind === 'tristate' || latest.current.readOnly) return;
      const current = latest.current.drafts[path] ?? valueToText(latest.current.record === null ? undefined : valueAt(latest.current.record.document, path));
      onDraft(path, append && current.trim() !== '' ? `${current.trimEnd()} ${text}` : text);
      const element = fieldElements.current.get(path);
      if (element !== undefined && document.activeElement !== element) element.focus({ preventScroll: true });
    },
    [notify, onDraft],
  );

  // ----- rows ------------------------------------------------------------------------------
  const addLine = async (table: TableName): Promise<void> => {
    if (!(await flush()) || document_ === null) return;
    const index = document_[table].length;
    const result = await call('filings:addRow', { id, table });
    if (!result.ok) return;
    setUndo((current) => shiftLines(current, table, index, 1));
    await load();
    setHistoryVersion((value) => value + 1);
    focusField(`${table}[${index}].securityTitle`);
  };

  const removeLine = async (table: TableName, index: number): Promise<void> => {
    setRemoving(null);
    if (!(await flush())) return;
    const result = await call('filings:removeRow', { id, table, index });
    if (!result.ok) return;
    setUndo((current) => shiftLines(current, table, index, -1));
    setExtraRefs((current) => current.filter((path) => !path.startsWith(`${table}[`)));
    await load();
    setHistoryVersion((value) => value + 1);
    notify('info', `${TABLE_NAMES[table]} line ${index + 1} removed.`);
  };

  const addFootnoteMark = (table: TableName, index: number, column: string): void => {
    const path = `${table}[${index}].footnoteRefs.${column}`;
    setExtraRefs((current) => (current.includes(path) ? current : [...current, path]));
    pendingFocus.current = path;
  };

  // ----- decisions -------------------------------------------------------------------------
  const openErrors = findings.filter((finding) => finding.severity === 'error');

  const approve = async (overrides: OverrideInput[]): Promise<void> => {
    setBusy(true);
    setRefusal(null);
    const result = await call('filings:approve', { id, overrides });
    setBusy(false);
    if (!result.ok) {
      setRefusal(result.error.message);
      return;
    }
    setDialog(null);
    notify('success', `Filing #${id} approved${result.value.overridden.length > 0 ? ` with ${result.value.overridden.length} override(s)` : ''}.`);
    await load();
    setHistoryVersion((value) => value + 1);
  };

  const startApprove = async (): Promise<void> => {
    const current = latest.current.record;
    if (current === null) return;
    if (current.status !== 'needs-review') {
      notify('error', `Filing #${id} is ${current.status}; only a filing that needs review can be approved.`);
      return;
    }
    if (!(await flush())) return;
    setRefusal(null);
    if (latest.current.findings.some((finding) => finding.severity === 'error')) setDialog('approve');
    else await approve([]);
  };

  const reject = async (reason: string): Promise<void> => {
    setBusy(true);
    const result = await call('filings:reject', { id, reason });
    setBusy(false);
    if (!result.ok) return;
    setDialog(null);
    notify('success', `Filing #${id} rejected.`);
    await load();
    setHistoryVersion((value) => value + 1);
  };

  const startReject = async (): Promise<void> => {
    const current = latest.current.record;
    if (current === null) return;
    if (current.status !== 'needs-review' && current.status !== 'approved') {
      notify('error', `Filing #${id} is ${current.status}; only a filing in review or approved can be rejected.`);
      return;
    }
    if (!(await flush())) return;
    setDialog('reject');
  };

  const reopen = async (): Promise<void> => {
    const current = latest.current.record;
    if (current === null) return;
    if (current.status === 'needs-review') {
      notify('info', `Filing #${id} is already in review.`);
      return;
    }
    const result = await call('filings:reopen', { id });
    if (!result.ok) return;
    notify('success', `Filing #${id} is back in review.`);
    await load();
    setHistoryVersion((value) => value + 1);
  };

  // ----- navigation ------------------------------------------------------------------------
  const goNeighbour = async (direction: 'next' | 'previous'): Promise<void> => {
    if (!(await flush())) return;
    const result = await call('filings:neighbours', { id, ...listInput(query) });
    if (!result.ok) return;
    const target = direction === 'next' ? result.value.next : result.value.previous;
    if (target === null) notify('info', direction === 'next' ? 'This is the last filing in the queue.' : 'This is the first filing in the queue.');
    else onNavigate(target);
  };

  const back = async (): Promise<void> => {
    if (await flush()) onBack();
  };

  const stepFindings = (direction: 1 | -1): void => {
    const state = latest.current;
    const index = stepFinding(state.sortedFindings, state.order, state.activeFinding, state.focused, direction);
    if (index === null) {
      notify('info', 'No findings: the filing passes every rule.');
      return;
    }
    chooseFinding(index);
  };

  const chooseFinding = useCallback(
    (index: number): void => {
      setActiveFinding(index);
      const finding = latest.current.sortedFindings[index];
      const target = finding === undefined ? null : fieldForPath(finding.path, latest.current.order);
      if (target !== null) {
        focusField(target);
        // Focusing clears the active finding unless it is this field's: set it again after.
        setActiveFinding(index);
      }
    },
    [focusField],
  );

  const runUndo = async (direction: 'undo' | 'redo'): Promise<void> => {
    const step = direction === 'undo' ? undoStep(latest.current.undo) : redoStep(latest.current.undo);
    if (step === null) {
      notify('info', direction === 'undo' ? 'Nothing to undo.' : 'Nothing to redo.');
      return;
    }
    if (latest.current.readOnly) {
      notify('error', `Filing #${id} is ${latest.current.record?.status}; reopen it to change it.`);
      return;
    }
    dropDraft(step.change.path);
    const saved = await commit(step.change.path, direction === 'undo' ? step.change.before : step.change.after, { reason: direction, undoable: false });
    if (saved) setUndo(step.next);
    focusField(step.change.path);
  };

  // ----- keys ------------------------------------------------------------------------------
  const activeFieldPath = (): string | null => {
    const element = document.activeElement;
    return element instanceof HTMLElement ? element.dataset.path ?? null : null;
  };

  useCommand('field.confirm', () => {
    const path = activeFieldPath();
    if (path === null) return false;
    const draft = latest.current.drafts[path];
    if (draft !== undefined) void commit(path, draft);
    const next = latest.current.order[latest.current.order.indexOf(path) + 1];
    if (next !== undefined) focusField(next);
    return true;
  });
  useCommand('field.revert', () => {
    const path = activeFieldPath();
    if (path === null || (latest.current.drafts[path] === undefined && states[path] !== 'error')) return false;
    dropDraft(path);
    setProblem(path, null);
    setFieldState(path, 'clean');
    return true;
  });
  useCommand('app.back', () => void back());
  useCommand('edit.undo', () => {
    const path = activeFieldPath();
    // While a field is being edited, Ctrl+Z undoes typing in it, as everywhere.
    if (path !== null && latest.current.drafts[path] !== undefined) return false;
    void runUndo('undo');
  });
  useCommand('edit.redo', () => {
    const path = activeFieldPath();
    if (path !== null && latest.current.drafts[path] !== undefined) return false;
    void runUndo('redo');
  });
  useCommand('finding.next', () => stepFindings(1));
  useCommand('finding.previous', () => stepFindings(-1));
  useCommand('filing.next', () => void goNeighbour('next'));
  useCommand('filing.previous', () => void goNeighbour('previous'));
  useCommand('filing.approve', () => void startApprove());
  useCommand('filing.reject', () => void startReject());
  useCommand('filing.reopen', () => void reopen());
  useCommand('review.history', () => setHistoryOpen((open) => !open));

  // ----- render ----------------------------------------------------------------------------
  if (loadError !== null) {
    return (
      <div className="review-screen" data-testid="review-screen">
        <div className="crash" role="alert">
          <h2>Filing #{id} could not be opened</h2>
          <p className="crash-message">{loadError}</p>
          <button type="button" className="button primary" onClick={onBack}>
            Back to the queue
          </button>
        </div>
      </div>
    );
  }
  if (view === null || record === null || document_ === null) {
    return (
      <div className="review-screen loading" data-testid="review-screen">
        <div className="starting muted">Opening filing #{id}…</div>
      </div>
    );
  }

  const focusedSource: FieldSource | null = focused === null ? null : (provenance.get(focused)?.source ?? null);
  const person = document_.reportingOwners[0]?.name ?? record.reportingPerson;
  const lastDecision = view.decisions.at(-1);

  const fieldRow = (spec: FieldSpec) => {
    const field = provenance.get(spec.path);
    return (
      <FieldRow
        key={spec.path}
        spec={spec}
        value={valueAt(document_, spec.path)}
        draft={drafts[spec.path]}
        state={states[spec.path] ?? 'clean'}
        problem={problems[spec.path]}
        provenance={provenanceViews.get(spec.path)}
        findings={findingsByField.get(spec.path) ?? NO_FINDINGS}
        low={field !== undefined && isLowConfidence(field)}
        focused={focused === spec.path}
        readOnly={readOnly}
        register={register}
        onFocus={onFocusField}
        onDraft={onDraft}
        onCommit={onCommit}
      />
    );
  };

  const addLineBar = (table: TableName) =>
    readOnly ? null : (
      <div className="add-line" key={`add-${table}`}>
        <button type="button" className="button small" tabIndex={-1} data-testid={`add-line-${table}`} onClick={() => void addLine(table)}>
          + Add {TABLE_NAMES[table]} line
        </button>
      </div>
    );

  const blocks: React.ReactNode[] = [];
  groups.forEach((group, index) => {
    const line = group.line;
    blocks.push(
      <section key={group.id} className={`field-group${line === undefined ? '' : ' table-line'}`} data-testid={`group-${group.id}`}>
        <header className="group-header">
          <span className="group-title">{group.title}</span>
          {line !== undefined && !readOnly ? (
            <span className="group-tools">
              <select
                className="select small"
                tabIndex={-1}
                aria-label="Add a footnote mark"
                value=""
                data-testid={`add-mark-${line.table}-${line.index}`}
                onChange={(event) => event.target.value !== '' && addFootnoteMark(line.table, line.index, event.target.value)}
              >
                <option value="">+ footnote mark…</option>
                {footnoteColumns(line.table).map((column) => (
                  <option key={column.name} value={column.name}>
                    on {column.label}
                  </option>
                ))}
              </select>
              {removing === group.id ? (
                <>
                  <button type="button" className="button small danger" tabIndex={-1} data-testid={`confirm-remove-${line.table}-${line.index}`} onClick={() => void removeLine(line.table, line.index)}>
                    Remove line {line.index + 1}
                  </button>
                  <button type="button" className="button small" tabIndex={-1} onClick={() => setRemoving(null)}>
                    Keep
                  </button>
                </>
              ) : (
                <button type="button" className="icon-button" tabIndex={-1} title="Remove this line" data-testid={`remove-line-${line.table}-${line.index}`} onClick={() => setRemoving(group.id)}>
                  ×
                </button>
              )}
            </span>
          ) : null}
        </header>
        {group.fields.length === 0 ? <p className="muted group-empty">None on this filing.</p> : <div className="group-grid">{group.fields.map(fieldRow)}</div>}
      </section>,
    );
    const next = groups[index + 1];
    if (line !== undefined && next?.line?.table !== line.table) blocks.push(addLineBar(line.table));
    if (group.id === 'box6' && document_.nonDerivative.length === 0) blocks.push(addLineBar('nonDerivative'));
    const tableIEnds = (group.id === 'box6' && document_.nonDerivative.length === 0) || (line?.table === 'nonDerivative' && next?.line?.table !== 'nonDerivative');
    if (tableIEnds && document_.derivative.length === 0) blocks.push(addLineBar('derivative'));
  });

  return (
    <div className="review-screen" data-testid="review-screen" data-filing-id={id} data-status={record.status}>
      <header className="review-header">
        <button type="button" className="button" data-testid="back-button" title="Back to the queue (Esc)" onClick={() => void back()}>
          ← Queue
        </button>
        <div className="review-title">
          <StatusPill status={record.status} />
          <strong className="ellipsis" title={person ?? ''}>
            {person || 'Reporting person unread'}
          </strong>
          <span className="muted">·</span>
          <span className="ellipsis">{document_.issuer.name ?? record.issuer}</span>
          {document_.issuer.tradingSymbol ? <span className="ticker">{document_.issuer.tradingSymbol}</span> : null}
          <span className="muted">#{id}</span>
        </div>
        <div className="review-actions">
          <div className="button-group">
            <button type="button" className="icon-button" data-testid="previous-filing" title="Previous filing (Alt+↑)" onClick={() => void goNeighbour('previous')}>
              ↑
            </button>
            <button type="button" className="icon-button" data-testid="next-filing" title="Next filing (Alt+↓)" onClick={() => void goNeighbour('next')}>
              ↓
            </button>
          </div>
          <div className="button-group">
            <button type="button" className="icon-button" data-testid="undo-button" title="Undo (Ctrl+Z)" disabled={undo.undo.length === 0 || readOnly} onClick={() => void runUndo('undo')}>
              ↶
            </button>
            <button type="button" className="icon-button" data-testid="redo-button" title="Redo (Ctrl+Shift+Z)" disabled={undo.redo.length === 0 || readOnly} onClick={() => void runUndo('redo')}>
              ↷
            </button>
          </div>
          <button type="button" className={`button${historyOpen ? ' active' : ''}`} data-testid="history-button" title="History (Ctrl+Shift+H)" onClick={() => setHistoryOpen(!historyOpen)}>
            History
          </button>
          {record.status === 'needs-review' || record.status === 'approved' ? (
            <button type="button" className="button danger-outline" data-testid="reject-button" title="Reject (Ctrl+Alt+R)" onClick={() => void startReject()}>
              Reject…
            </button>
          ) : null}
          {record.status === 'needs-review' ? null : (
            <button type="button" className="button" data-testid="reopen-button" title="Reopen (Ctrl+Alt+O)" onClick={() => void reopen()}>
              Reopen
            </button>
          )}
          {record.status === 'needs-review' ? (
            <button type="button" className="button primary" data-testid="approve-button" title="Approve (Ctrl+Enter)" onClick={() => void startApprove()}>
              Approve{openErrors.length > 0 ? ` (${openErrors.length} open)` : ''}
            </button>
          ) : null}
        </div>
      </header>
      {readOnly ? (
        <div className={`status-banner status-${record.status}`} data-testid="status-banner">
          {record.status === 'approved' ? 'Approved' : record.status === 'rejected' ? 'Rejected' : 'Exported'}
          {lastDecision === undefined ? '' : ` by ${lastDecision.decidedBy} on ${new Date(lastDecision.decidedAt).toLocaleString()}`}
          {lastDecision?.reason ? ` — “${lastDecision.reason}”` : ''}
          {lastDecision !== undefined && lastDecision.overrides.length > 0 ? ` · ${lastDecision.overrides.length} override(s)` : ''}
          <span className="muted"> · Reopen to make changes.</span>
        </div>
      ) : null}
      <div className="review-body">
        <PageViewer filingId={id} pages={view.pages} page={page} onPage={setPage} words={words ?? null} outline={focusedSource} onPickWord={onPickWord} />
        <div className="review-side">
          <FindingsList findings={sortedFindings} active={activeFinding} labelOf={labelOf} overrides={record.status === 'needs-review' ? NO_OVERRIDES : (lastDecision?.overrides ?? NO_OVERRIDES)} onChoose={chooseFinding} />
          <div className="fields-scroller" data-testid="fields">
            {blocks}
            <div className="fields-end muted">
              {view.source === null ? 'Entered by hand.' : `Source: ${view.source.name} · ${view.source.origin === 'ocr' ? 'OCR' : view.source.origin === 'pdf-text' ? 'PDF text' : 'text'} · ${view.source.pageCount} page(s)`}
            </div>
          </div>
        </div>
        {historyOpen ? <HistoryPanel id={id} version={historyVersion} onClose={() => setHistoryOpen(false)} /> : null}
      </div>
      {dialog === 'approve' ? <ApproveDialog errors={openErrors} labelOf={labelOf} busy={busy} refusal={refusal} onApprove={(overrides) => void approve(overrides)} onClose={() => setDialog(null)} /> : null}
      {dialog === 'reject' ? <RejectDialog busy={busy} onReject={(reason) => void reject(reason)} onClose={() => setDialog(null)} /> : null}
    </div>
  );
}

const NO_FINDINGS: readonly Finding[] = [];
const NO_OVERRIDES: readonly Override[] = [];

function sameFindings(a: readonly Finding[], b: readonly Finding[]): boolean {
  return a.length === b.length && a.every((item, index) => {
    const other = b[index];
    return other !== undefined && item.rule === other.rule && item.path === other.path && item.severity === other.severity && item.message === other.message;
  });
}
