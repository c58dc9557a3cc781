// Findings in the order of the form, the field each one points at, and stepping through them with
// F8 / Shift+F8 from wherever the focus is.
import type { Finding } from '../../shared/findings.js';

/**
 * The field a finding's path names: the field itself, or the first field inside it when the path
 * names a group (a whole Table line, a footnote); null when it is about the filing as a whole.
 */
export function fieldForPath(path: string, order: readonly string[]): string | null {
  if (path === '') return null;
  if (order.includes(path)) return path;
  return order.find((field) => field.startsWith(`${path}.`) || field.startsWith(`${path}[`)) ?? null;
}

/** Findings sorted by where their field sits on the form (filing-wide ones first), errors before warnings there. */
export function sortFindings(findings: readonly Finding[], order: readonly string[]): Finding[] {
  const position = (finding: Finding): number => {
    const field = fieldForPath(finding.path, order);
    return field === null ? -1 : order.indexOf(field);
  };
  return [...findings].sort((a, b) => position(a) - position(b) || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
}

/**
 * The index in `sorted` of the next (direction 1) or previous (-1) finding from the current one,
 * wrapping around; from no current finding, the first after (or last before) the focused field.
 */
export function stepFinding(sorted: readonly Finding[], order: readonly string[], current: number | null, focusedPath: string | null, direction: 1 | -1): number | null {
  if (sorted.length === 0) return null;
  if (current !== null && current >= 0 && current < sorted.length) return (current + direction + sorted.length) % sorted.length;
  const focused = focusedPath === null ? -1 : order.indexOf(focusedPath);
  const positions = sorted.map((finding) => {
    const field = fieldForPath(finding.path, order);
    return field === null ? -1 : order.indexOf(field);
  });
  if (direction === 1) {
    const next = positions.findIndex((position) => position > focused);
    return next === -1 ? 0 : next;
  }
  for (let index = positions.length - 1; index >= 0; index -= 1) if ((positions[index] ?? -1) < focused) return index;
  return sorted.length - 1;
}

/** The findings about one field: those on its path or on a group holding it. */
export function findingsOfField(findings: readonly Finding[], path: string, order: readonly string[]): Finding[] {
  return findings.filter((finding) => fieldForPath(finding.path, order) === path || finding.path === path);
}

/** Whether a field's reading is doubtful: confidence below 80 or a guess. */
export function isLowConfidence(field: { confidence: number | null; guess: string | null }): boolean {
  return field.guess !== null || (field.confidence !== null && field.confidence < 80);
}
