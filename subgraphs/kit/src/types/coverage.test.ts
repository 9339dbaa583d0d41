import { compareCoverage, coverage, CoverageExceedsError } from './coverage';

describe('coverage', () => {
  test.each([
    [3, 56, 5.36],
    [3, 38, 7.89],
    [1981, 3321, 59.65],
    [1, 8, 12.5],
    [1, 3, 33.33],
    [2, 3, 66.67],
    [56, 56, 100],
    [0, 56, 0],
  ])('%i/%i is %f percent', (n, d, percent) => {
    const c = coverage(n, d);
    expect(c.percent).toBe(percent);
    expect(c.rate).toBeCloseTo(n / d, 12);
    expect([c.numerator, c.denominator]).toEqual([n, d]);
  });

  test('rounds half up on the exact ratio, not on a float', () => {
    // 1/800 = 0.125% exactly: half-up gives 0.13 (Math.round(0.125 * 100) / 100 gives 0.13 too, but 0.0125*... drifts)
    expect(coverage(1, 800).percent).toBe(0.13);
    // 201/200000 = 0.1005%: a float path (0.1005 * 100 = 10.049999…) would round down to 0.1
    expect(coverage(201, 200000).percent).toBe(0.1);
    expect(coverage(2010, 200000).percent).toBe(1.01);
  });

  test('an empty whole has rate and percent 0', () => {
    expect(coverage(0, 0)).toMatchObject({ numerator: 0, denominator: 0, rate: 0, percent: 0 });
  });

  test('rejects impossible shares', () => {
    expect(() => coverage(-1, 4)).toThrow(RangeError);
    expect(() => coverage(1.5, 4)).toThrow(RangeError);
  });

  test('a numerator above the denominator is BAD_USER_INPUT naming where the denominator came from', () => {
    expect(() => coverage(5, 4)).toThrow(CoverageExceedsError);
    expect(() => coverage(5, 4, { argument: 'communeCount', where: 'Province 01' })).toThrow(
      expect.objectContaining({
        message: expect.stringMatching(/^Province 01: communeCount 4 is smaller than the 5 /),
        extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argument: 'communeCount', numerator: 5, denominator: 4 }),
      }),
    );
  });

  test('compareCoverage compares exact rates; an empty whole rates 0', () => {
    expect(compareCoverage(coverage(1, 2), coverage(28, 56))).toBe(0);
    expect(compareCoverage(coverage(1, 3), coverage(1, 2))).toBeLessThan(0);
    expect(compareCoverage(coverage(0, 0), coverage(0, 5))).toBe(0);
    expect(compareCoverage(coverage(1, 5), coverage(0, 0))).toBeGreaterThan(0);
  });
});
