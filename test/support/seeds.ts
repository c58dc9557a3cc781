// The five seed Form 4s of ../shared/fixtures/seeds: their text, what must be read from them, and the
// findings they must raise.
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SEEDS_DIR = fileURLToPath(new URL('../../../shared/fixtures/seeds/', import.meta.url));

export interface ExpectedFinding {
  rule: string;
  path: string;
}

export interface Seed {
  id: string;
  textPath: string;
  text: string;
  expected: Record<string, unknown>;
  expectedFindings: ExpectedFinding[];
}

export function loadSeeds(): Seed[] {
  const findings = JSON.parse(readFileSync(`${SEEDS_DIR}expected-findings.json`, 'utf8')) as Record<string, ExpectedFinding[]>;
  return readdirSync(SEEDS_DIR)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => {
      const id = name.replace(/\.txt$/, '');
      return {
        id,
        textPath: `${SEEDS_DIR}${name}`,
        text: readFileSync(`${SEEDS_DIR}${name}`, 'utf8'),
        expected: JSON.parse(readFileSync(`${SEEDS_DIR}${id}.expected.json`, 'utf8')) as Record<string, unknown>,
        expectedFindings: findings[id] ?? [],
      };
    });
}

export function loadSeed(prefix: string): Seed {
  const seed = loadSeeds().find((s) => s.id.startsWith(prefix));
  if (seed === undefined) throw new Error(`no seed ${prefix}`);
  return seed;
}

/**
 * Every leaf of `expected` that differs in `actual`, as `path: got X, want Y`. Strings compare with
 * white space folded, as the fixtures allow for long footnote texts.
 */
export function differences(expected: unknown, actual: unknown, path = ''): string[] {
  if (expected !== null && typeof expected === 'object') {
    const diffs: string[] = [];
    if (Array.isArray(expected) && (!Array.isArray(actual) || actual.length !== expected.length)) {
      diffs.push(`${path}: ${Array.isArray(actual) ? actual.length : 'no'} items, want ${expected.length}`);
    }
    for (const [key, value] of Object.entries(expected)) {
      const child = Array.isArray(expected) ? `${path}[${key}]` : path === '' ? key : `${path}.${key}`;
      diffs.push(...differences(value, (actual as Record<string, unknown> | null | undefined)?.[key], child));
    }
    return diffs;
  }
  const fold = (v: unknown) => (typeof v === 'string' ? v.replace(/\s+/g, ' ').trim() : v);
  return Object.is(fold(expected), fold(actual)) ? [] : [`${path}: got ${JSON.stringify(actual)}, want ${JSON.stringify(expected)}`];
}
