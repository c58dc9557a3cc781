// The filing's findings in form order; choosing one focuses its field (F8 / Shift+F8 step through).
// Rendered again only when its findings, the chosen one or the overrides change.
import { memo } from 'react';
import type { Finding } from '../../shared/findings.js';
import type { Override } from '../../shared/views.js';

export interface FindingsListProps {
  findings: readonly Finding[];
  active: number | null;
  labelOf(path: string): string;
  /** The overrides of the approval in force: those errors show as overridden, with the reason. */
  overrides: readonly Override[];
  onChoose(index: number): void;
}

export const FindingsList = memo(function FindingsList({ findings, active, labelOf, overrides, onChoose }: FindingsListProps) {
  const overrideOf = (finding: Finding): Override | undefined => overrides.find((item) => item.rule === finding.rule && item.path === finding.path);
  const errors = findings.filter((finding) => finding.severity === 'error' && overrideOf(finding) === undefined).length;
  const overridden = findings.filter((finding) => overrideOf(finding) !== undefined).length;
  const warnings = findings.filter((finding) => finding.severity === 'warning').length;
  return (
    <section className="findings" data-testid="findings" aria-label="Findings">
      <header className="section-header">
        <span>Findings</span>
        <span className="findings-counts">
          {errors > 0 ? <span className="count-badge error">{errors} error{errors === 1 ? '' : 's'}</span> : null}
          {warnings > 0 ? <span className="count-badge warning">{warnings} warning{warnings === 1 ? '' : 's'}</span> : null}
          {overridden > 0 ? <span className="count-badge overridden">{overridden} overridden</span> : null}
          {findings.length === 0 ? <span className="muted">none — the filing passes every rule</span> : null}
        </span>
        <span className="muted hint">F8 next · Shift+F8 previous</span>
      </header>
      {findings.length === 0 ? null : (
        <ul className="findings-list">
          {findings.map((finding, index) => {
            const override = overrideOf(finding);
            return (
              <li key={`${finding.rule}:${finding.path}:${index}`}>
                <button
                  type="button"
                  tabIndex={-1}
                  className={`finding finding-${finding.severity}${index === active ? ' active' : ''}${override === undefined ? '' : ' overridden'}`}
                  data-overridden={override === undefined ? undefined : 'true'}
                  data-testid="finding"
                  data-rule={finding.rule}
                  data-path={finding.path}
                  data-severity={finding.severity}
                  onMouseDown={(event) => event.preventDefault()}
                  onClick={() => onChoose(index)}
                >
                  <span className={`severity-dot ${finding.severity}`} aria-label={finding.severity} />
                  <span className="finding-rule">{finding.rule}</span>
                  <span className="finding-field">{finding.path === '' ? 'whole filing' : labelOf(finding.path)}</span>
                  <span className="finding-message">
                    {finding.message}
                    {override === undefined ? null : <span className="override-note"> Overridden: “{override.reason}”</span>}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
});
