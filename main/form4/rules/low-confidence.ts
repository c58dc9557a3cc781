// `low-confidence`: fields a person should compare with the page before trusting them, because the
// OCR was unsure of their words or the parser had to guess them from a damaged layout.
import type { Finding } from '../../../shared/findings.js';
import { finding } from '../../../shared/findings.js';
import { describeFieldPath } from './field-labels.js';
import { record, text } from './values.js';

export const DEFAULT_LOW_CONFIDENCE_THRESHOLD = 80;

export interface LowConfidenceInput {
  confidence: unknown;
  guesses: unknown;
  threshold: unknown;
}

/**
 * Paths in a fixed order with line numbers compared as numbers (`nonDerivative[10]` after
 * `nonDerivative[9]`), independent of the locale and of the order the parser filled the maps in.
 */
export function compareFieldPaths(a: string, b: string): number {
  const left = a.match(/\d+|\D+/g) ?? [];
  const right = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(left.length, right.length); i += 1) {
    const x = left[i] ?? '';
    const y = right[i] ?? '';
    if (x === y) continue;
    const bothNumbers = /^\d/.test(x) && /^\d/.test(y);
    if (bothNumbers && Number(x) !== Number(y)) return Number(x) - Number(y);
    return x < y ? -1 : 1;
  }
  return left.length - right.length;
}

export function lowConfidenceFindings({ confidence, guesses, threshold }: LowConfidenceInput): Finding[] {
  const limit = typeof threshold === 'number' && Number.isFinite(threshold) ? threshold : DEFAULT_LOW_CONFIDENCE_THRESHOLD;
  const reasons = new Map<string, string[]>();
  const add = (path: string, reason: string): void => {
    reasons.set(path, [...(reasons.get(path) ?? []), reason]);
  };
  for (const [path, score] of Object.entries(record(confidence))) {
    if (typeof score === 'number' && Number.isFinite(score) && score < limit) {
      add(path, `read with ${Math.round(score)}% confidence (under ${limit}%)`);
    }
  }
  for (const [path, why] of Object.entries(record(guesses))) {
    add(path, `guessed by the parser: ${text(why) ?? 'the layout was damaged'}`);
  }
  return [...reasons.keys()].sort(compareFieldPaths).map((path) =>
    finding('low-confidence', path,
      `${describeFieldPath(path)}: ${(reasons.get(path) ?? []).join('; ')}. Compare it with the page before approving.`));
}
