// Percentiles of a sample, the way bench/store.ts takes them (nearest rank).

export interface Summary {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

export function summarize(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
  return { n: sorted.length, p50: at(50), p95: at(95), max: sorted.at(-1) ?? Number.NaN };
}
