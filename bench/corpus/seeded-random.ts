// A small seeded random source so that every corpus page, layout and damage is the same from run to run:
// a benchmark figure must not move because the scan did.

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  between(min: number, max: number): number;
  integer(min: number, maxInclusive: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** An approximately normal value (mean 0, deviation 1) from four uniforms: cheap, and bounded by ±3.5. */
  normal(): number;
}

/** FNV-1a over the UTF-16 code units: a stable 32-bit seed from a file name. */
export function hashSeed(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: fast, 32-bit state, good enough for layout and noise (not for anything secret). */
export function createRandom(seed: number | string): Random {
  let state = (typeof seed === 'string' ? hashSeed(seed) : seed) >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), 1 | state);
    mixed = (mixed + Math.imul(mixed ^ (mixed >>> 7), 61 | mixed)) ^ mixed;
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    between: (min, max) => min + (max - min) * next(),
    integer: (min, maxInclusive) => min + Math.floor(next() * (maxInclusive - min + 1)),
    chance: (probability) => next() < probability,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from an empty list');
      return items[Math.floor(next() * items.length)] as T;
    },
    normal: () => (next() + next() + next() + next() - 2) * Math.sqrt(3),
  };
}
