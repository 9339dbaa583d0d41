import { compareCoverage, coverage, SortDirection } from '@kh02/subgraph-kit';
import { countColours, coverageBands, rankByCoverage } from './country.service';

describe('coverageBands', () => {
  it('puts the edges in the documented bands: 100 full, just above 70 above70, exactly 70 above50, exactly 50 below50', () => {
    expect(coverageBands([coverage(5, 5)])).toEqual({ full: 1, above70: 0, above50: 0, below50: 0 });
    expect(coverageBands([coverage(71, 100)])).toEqual({ full: 0, above70: 1, above50: 0, below50: 0 });
    expect(coverageBands([coverage(99, 100)])).toEqual({ full: 0, above70: 1, above50: 0, below50: 0 });
    expect(coverageBands([coverage(70, 100)])).toEqual({ full: 0, above70: 0, above50: 1, below50: 0 });
    expect(coverageBands([coverage(51, 100)])).toEqual({ full: 0, above70: 0, above50: 1, below50: 0 });
    expect(coverageBands([coverage(50, 100)])).toEqual({ full: 0, above70: 0, above50: 0, below50: 1 });
    expect(coverageBands([coverage(0, 0)])).toEqual({ full: 0, above70: 0, above50: 0, below50: 1 });
  });

  it('compares exactly, not on rounded percentages (72/102 = 70.588… is above 70; 7/10 is not)', () => {
    expect(coverageBands([coverage(72, 102), coverage(7, 10)])).toEqual({ full: 0, above70: 1, above50: 1, below50: 0 });
  });
});

describe('rankByCoverage', () => {
  const entries = [
    { provinceCode: '20', coverage: coverage(1, 2) },
    { provinceCode: '04', coverage: coverage(3, 56) },
    { provinceCode: '01', coverage: coverage(2, 4) },
    { provinceCode: '14', coverage: coverage(75, 75) },
  ];

  it('DESC: highest first, equal rates share a rank and are listed by code (1, 2, 2, 4)', () => {
    expect(rankByCoverage(entries, SortDirection.DESC).map((e) => [e.rank, e.provinceCode])).toEqual([
      [1, '14'],
      [2, '01'],
      [2, '20'],
      [4, '04'],
    ]);
  });

  it('ASC: lowest first, equal rates still by code ascending', () => {
    expect(rankByCoverage(entries, SortDirection.ASC).map((e) => e.provinceCode)).toEqual(['04', '01', '20', '14']);
  });

  it('compareCoverage treats an empty denominator as rate 0', () => {
    expect(compareCoverage(coverage(0, 0), coverage(1, 10))).toBeLessThan(0);
    expect(compareCoverage(coverage(1, 10), coverage(0, 0))).toBeGreaterThan(0);
    expect(compareCoverage(coverage(0, 0), coverage(0, 5))).toBe(0);
  });
});

describe('countColours', () => {
  it('counts each colour', () => {
    expect(countColours(['GREEN', 'RED', 'GREEN', 'YELLOW'])).toEqual({ green: 2, yellow: 1, red: 1 });
  });
});
