/** The seed of the default dataset: the date of the reported figures (31 July 2025). */
export const DEFAULT_SEED = 20250731;

/** A seeded pseudo-random source. Not for anything security-related. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both inclusive. Throws a RangeError unless both are integers and min ≤ max. */
  int(min: number, max: number): number;
  /** A uniformly chosen element. Throws a RangeError on an empty array. */
  pick<T>(arr: readonly T[]): T;
  /** Shuffles `arr` in place (Fisher–Yates) and returns it. */
  shuffle<T>(arr: T[]): T[];
}

/** FNV-1a, 32-bit, over UTF-16 code units: small, stable, and good enough to spread stream keys. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * A deterministic PRNG (mulberry32) for one named stream of the dataset.
 *
 * The seed and the stream keys are hashed together into the generator's state, so each consumer
 * (`createRandom(seed, 'geography', '01')`, `createRandom(seed, 'tasks')`, …) draws from its own
 * stream: adding a consumer, or changing how many numbers one consumer draws, never shifts the
 * data another consumer generates.
 *
 * @param seed an integer (the dataset seed, usually {@link DEFAULT_SEED})
 * @param streamKeys names the stream; the same seed and keys always give the same sequence
 */
export function createRandom(seed: number, ...streamKeys: string[]): Random {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer, got ${seed}`);
  // The unit separator keeps ('ab','c') and ('a','bc') apart.
  let state = fnv1a([String(seed), ...streamKeys].join('\u001f'));

  const next = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };

  const int = (min: number, max: number): number => {
    if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min > max) {
      throw new RangeError(`int(min, max) needs integers with min <= max, got (${min}, ${max})`);
    }
    return min + Math.floor(next() * (max - min + 1));
  };

  return {
    next,
    int,
    pick<T>(arr: readonly T[]): T {
      if (arr.length === 0) throw new RangeError('pick() from an empty array');
      return arr[int(0, arr.length - 1)];
    },
    shuffle<T>(arr: T[]): T[] {
      for (let i = arr.length - 1; i > 0; i--) {
        const j = int(0, i);
        [arr[i], arr[j]] = [arr[j], arr[i]];
      }
      return arr;
    },
  };
}
