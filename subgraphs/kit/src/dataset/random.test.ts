import { createRandom, DEFAULT_SEED } from './random';

const draw = (seed: number, ...keys: string[]) => {
  const r = createRandom(seed, ...keys);
  return Array.from({ length: 20 }, () => r.next());
};

describe('createRandom', () => {
  it('exports the dataset seed', () => {
    expect(DEFAULT_SEED).toBe(20250731);
  });

  it('repeats the same sequence for the same seed and keys', () => {
    expect(draw(DEFAULT_SEED, 'geography', '01')).toEqual(draw(DEFAULT_SEED, 'geography', '01'));
  });

  it('gives independent streams per seed and per key list', () => {
    const base = draw(1, 'geography', '01');
    expect(draw(2, 'geography', '01')).not.toEqual(base);
    expect(draw(1, 'geography', '04')).not.toEqual(base);
    expect(draw(1, 'tasks')).not.toEqual(draw(1, 'readiness'));
    expect(draw(1, 'ab', 'c')).not.toEqual(draw(1, 'a', 'bc'));
  });

  it('keeps next() in [0, 1) and spreads it out', () => {
    const r = createRandom(7, 'spread');
    const xs = Array.from({ length: 10_000 }, () => r.next());
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(mean).toBeGreaterThan(0.48);
    expect(mean).toBeLessThan(0.52);
  });

  it('int(min, max) is inclusive at both ends and rejects bad bounds', () => {
    const r = createRandom(7, 'int');
    const seen = new Set(Array.from({ length: 2000 }, () => r.int(-2, 2)));
    expect([...seen].sort()).toEqual([-1, -2, 0, 1, 2]);
    expect(r.int(5, 5)).toBe(5);
    expect(() => r.int(3, 2)).toThrow(RangeError);
    expect(() => r.int(0, 1.5)).toThrow(RangeError);
  });

  it('pick() returns elements of the array, all of them eventually, and rejects an empty one', () => {
    const r = createRandom(7, 'pick');
    const arr = ['a', 'b', 'c'] as const;
    const seen = new Set(Array.from({ length: 300 }, () => r.pick(arr)));
    expect([...seen].sort()).toEqual(['a', 'b', 'c']);
    expect(() => r.pick([])).toThrow(RangeError);
  });

  it('shuffle() permutes in place and returns the same array', () => {
    const r = createRandom(7, 'shuffle');
    const arr = Array.from({ length: 50 }, (_, i) => i);
    const out = r.shuffle(arr);
    expect(out).toBe(arr);
    expect([...arr].sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(arr).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
  });

  it('rejects a seed that is not an integer', () => {
    expect(() => createRandom(1.5)).toThrow(RangeError);
    expect(() => createRandom(Number.NaN)).toThrow(RangeError);
  });
});
