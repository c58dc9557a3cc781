// One field of the form: its input by kind (text, number, date, code, checkbox, yes/no/blank), its
// confidence and findings marked, its save state as data-state for the tests ('saved' once main
// answered). Text saves on Enter or on leaving the field; a checkbox or choice at once.
import { memo } from 'react';
import type { Finding } from '../../shared/findings.js';
import { valueToText } from './field-text.js';
import type { FieldSpec } from './form-layout.js';

export type FieldState = 'clean' | 'dirty' | 'saving' | 'saved' | 'error';

export interface FieldProvenanceView {
  confidence: number | null;
  guess: string | null;
  setBy: string | null;
  sourceText: string | null;
}

export interface FieldRowProps {
  spec: FieldSpec;
  value: unknown;
  draft: string | undefined;
  state: FieldState;
  problem: string | undefined;
  provenance: FieldProvenanceView | undefined;
  findings: readonly Finding[];
  low: boolean;
  focused: boolean;
  readOnly: boolean;
  register(path: string, element: HTMLElement | null): void;
  onFocus(path: string): void;
  onDraft(path: string, text: string): void;
  onCommit(path: string, text: string): void;
}

function tooltip(props: FieldRowProps): string {
  const lines: string[] = [props.spec.path];
  const provenance = props.provenance;
  if (provenance?.confidence !== null && provenance?.confidence !== undefined) lines.push(`Confidence ${Math.round(provenance.confidence)}`);
  if (provenance?.guess) lines.push(`Guessed: ${provenance.guess}`);
  if (provenance?.sourceText) lines.push(`Read as: “${provenance.sourceText}”`);
  if (provenance?.setBy) lines.push(`Set by ${provenance.setBy}`);
  for (const finding of props.findings) lines.push(`${finding.severity === 'error' ? 'Error' : 'Warning'} (${finding.rule}): ${finding.message}`);
  if (props.problem !== undefined) lines.push(`Not saved: ${props.problem}`);
  return lines.join('\n');
}

export const FieldRow = memo(function FieldRow(props: FieldRowProps) {
  const { spec, value, draft, state, findings, low, focused, readOnly, register, onFocus, onDraft, onCommit } = props;
  const severity = findings.some((finding) => finding.severity === 'error') ? 'error' : findings.length > 0 ? 'warning' : undefined;
  const common = {
    id: `field-${spec.path}`,
    'data-testid': `field-${spec.path}`,
    'data-path': spec.path,
    'data-state': state,
    'data-low': low ? 'true' : undefined,
    'data-finding': severity,
    'aria-invalid': severity === 'error' || state === 'error' ? true : undefined,
    ref: (element: HTMLElement | null) => register(spec.path, element),
    onFocus: () => onFocus(spec.path),
  };
  const className = `field field-${spec.kind} span-${spec.span}${low ? ' low' : ''}${severity === undefined ? '' : ` has-${severity}`}${focused ? ' focused' : ''} state-${state}`;
  const text = draft ?? valueToText(value);

  let input;
  if (spec.kind === 'checkbox') {
    input = (
      <input
        {...common}
        type="checkbox"
        className="field-check"
        checked={value === true}
        disabled={readOnly}
        onChange={(event) => onCommit(spec.path, event.target.checked ? 'true' : 'false')}
      />
    );
  } else if (spec.kind === 'tristate') {
    input = (
      <select {...common} className="field-input" value={value === true ? 'true' : value === false ? 'false' : ''} disabled={readOnly} onChange={(event) => onCommit(spec.path, event.target.value)}>
        <option value="">— (no such box)</option>
        <option value="true">Yes</option>
        <option value="false">No</option>
      </select>
    );
  } else if (spec.kind === 'multiline') {
    input = (
      <textarea
        {...common}
        className="field-input"
        rows={Math.min(6, Math.max(1, Math.ceil(text.length / 70)))}
        value={text}
        readOnly={readOnly}
        spellCheck={false}
        onChange={(event) => onDraft(spec.path, event.target.value)}
        onBlur={(event) => draft !== undefined && onCommit(spec.path, event.target.value)}
      />
    );
  } else {
    input = (
      <input
        {...common}
        type="text"
        className={`field-input${spec.kind === 'number' ? ' num' : ''}${spec.kind === 'code' ? ' code' : ''}`}
        value={text}
        readOnly={readOnly}
        spellCheck={false}
        autoComplete="off"
        placeholder={spec.kind === 'date' ? 'YYYY-MM-DD' : spec.kind === 'code' ? spec.options?.join(' ') : undefined}
        onChange={(event) => onDraft(spec.path, event.target.value)}
        onBlur={(event) => draft !== undefined && onCommit(spec.path, event.target.value)}
      />
    );
  }

  return (
    <div className={className} title={tooltip(props)} data-testid={`fieldrow-${spec.path}`}>
      <label htmlFor={`field-${spec.path}`} className="field-label">
        <span className="field-label-text">{spec.label}</span>
        {low ? (
          <span className="conf-badge" data-testid={`low-${spec.path}`}>
            {props.provenance?.guess ? 'guess' : Math.round(props.provenance?.confidence ?? 0)}
          </span>
        ) : null}
        {state === 'saving' ? <span className="save-mark saving">saving</span> : state === 'saved' ? <span className="save-mark saved">✓</span> : state === 'error' ? <span className="save-mark error">not saved</span> : null}
      </label>
      {input}
    </div>
  );
});
