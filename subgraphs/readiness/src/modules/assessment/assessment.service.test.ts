import 'reflect-metadata';
import { asOfFrom, coverage, DATASET_CUTOFFS, MONITORING_START, PUBLISHED_CUTOFF, rankBy, SortDirection, timelineOf } from '@kh02/subgraph-kit';
import { Criterion, CriterionCategory } from '../criterion/criterion.entity';
import { filterCriteria, requireCriterion } from '../criterion/criterion.service';
import { areaCoverage, buildAreaReadiness, buildCommuneReadiness, rankingSize, sumCounts, type LatestFinding } from './assessment.service';

const criterion = (code: string, basic: boolean, position: number): Criterion =>
  Object.assign(new Criterion(), { code, name: code, description: '', category: CriterionCategory.SOFTWARE, basic, legalBasis: '', position });
const catalogue = [criterion('A', true, 1), criterion('B', true, 2), criterion('X', false, 3)];
const at = new Date('2025-07-01T00:00:00Z');
const finding = (criterionCode: string, met: boolean): LatestFinding => ({
  communeCode: '01001',
  criterionCode,
  met,
  note: met ? null : 'why',
  assessedAt: at,
  assessedBy: 'someone',
});

describe('buildCommuneReadiness', () => {
  it('meets the basic conditions only when every basic criterion is met; non-basic ones do not count', () => {
    const r = buildCommuneReadiness(catalogue, [finding('A', true), finding('B', true), finding('X', false)], at);
    expect(r.meetsBasicConditions).toBe(true);
    expect(r.unmetCriteria).toEqual([]);
    expect(r.criteria.map((c) => [c.criterion.code, c.met])).toEqual([
      ['A', true],
      ['B', true],
      ['X', false],
    ]);
  });

  it('treats a never-assessed criterion as not met, with no assessment time', () => {
    const r = buildCommuneReadiness(catalogue, [finding('A', true)], at);
    expect(r.meetsBasicConditions).toBe(false);
    expect(r.unmetCriteria.map((c) => c.code)).toEqual(['B']);
    expect(r.criteria[1]).toMatchObject({ met: false, assessedAt: null, assessedBy: null, note: null });
  });

  it('lists an unmet basic criterion with its note', () => {
    const r = buildCommuneReadiness(catalogue, [finding('A', false), finding('B', true)], at);
    expect(r.unmetCriteria.map((c) => c.code)).toEqual(['A']);
    expect(r.criteria[0].note).toBe('why');
  });
});

describe('coverage maths', () => {
  it('rounds half-up at two decimals on the exact ratio', () => {
    expect(coverage(1981, 3321).percent).toBe(59.65);
    expect(coverage(3, 56).percent).toBe(5.36);
    expect(coverage(1, 8).percent).toBe(12.5);
    expect(coverage(1, 200).percent).toBe(0.5);
    expect(coverage(1, 3).rate).toBeCloseTo(1 / 3, 12);
  });

  it('gives 0 for an empty denominator', () => {
    expect(areaCoverage(0, 0)).toMatchObject({ numerator: 0, denominator: 0, rate: 0, percent: 0 });
  });

  it('refuses a denominator smaller than the numerator, naming communeCount', () => {
    expect(() => areaCoverage(5, 4)).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argument: 'communeCount' }) }),
    );
  });

  it('builds area readiness over the given denominator, never-assessed communes counting against it', () => {
    const counts = sumCounts([
      {
        fullyMet: 2,
        metByCriterion: new Map([
          ['A', 3],
          ['B', 2],
        ]),
      },
      {
        fullyMet: 1,
        metByCriterion: new Map([
          ['A', 1],
          ['B', 1],
          ['X', 4],
        ]),
      },
    ]);
    const r = buildAreaReadiness(catalogue, counts, 10, at);
    expect(r.fullyMet).toMatchObject({ numerator: 3, denominator: 10, percent: 30 });
    expect(r.criteria.map((c) => [c.criterion.code, c.coverage.numerator])).toEqual([
      ['A', 4],
      ['B', 3],
      ['X', 4],
    ]);
  });
});

describe('ranking with the kit rule (rankBy)', () => {
  const items = [
    { code: '04', v: 0.5 },
    { code: '01', v: 0.9 },
    { code: '02', v: 0.5 },
    { code: '03', v: 0.1 },
  ];
  it('ranks descending with shared ranks for ties, listed by code', () => {
    expect(
      rankBy(
        items,
        (a, b) => a.v - b.v,
        (x) => x.code,
        SortDirection.DESC,
      ).map((r) => [r.rank, r.item.code]),
    ).toEqual([
      [1, '01'],
      [2, '02'],
      [2, '04'],
      [4, '03'],
    ]);
  });
  it('ranks ascending and cuts to first', () => {
    expect(
      rankBy(
        items,
        (a, b) => a.v - b.v,
        (x) => x.code,
        SortDirection.ASC,
      )
        .slice(0, 2)
        .map((r) => [r.rank, r.item.code]),
    ).toEqual([
      [1, '03'],
      [2, '02'],
    ]);
  });
  it('validates first: 1 to 34, default 34', () => {
    expect(rankingSize(undefined)).toBe(34);
    expect(rankingSize(1)).toBe(1);
    for (const bad of [0, 35, -1])
      expect(() => rankingSize(bad)).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ argument: 'first' }) }));
  });
});

describe('as-of selection (the kit rule over the cut-offs readiness records)', () => {
  const readinessAsOf = (asOf: Date | null | undefined, cutoffs: readonly Date[]) => asOfFrom(timelineOf(cutoffs), asOf);
  it('defaults to the latest reporting cut-off, never the wall clock', () => {
    expect(readinessAsOf(undefined, DATASET_CUTOFFS)).toEqual(PUBLISHED_CUTOFF);
    expect(readinessAsOf(null, DATASET_CUTOFFS.slice(0, 2))).toEqual(DATASET_CUTOFFS[1]);
  });
  it('keeps a given moment, refuses one before the history, and falls back to the start with no cut-offs', () => {
    expect(readinessAsOf(DATASET_CUTOFFS[0], DATASET_CUTOFFS)).toEqual(DATASET_CUTOFFS[0]);
    expect(() => readinessAsOf(new Date('2025-05-31T00:00:00Z'), DATASET_CUTOFFS)).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ argument: 'asOf' }) }),
    );
    expect(readinessAsOf(undefined, [])).toEqual(MONITORING_START);
  });
});

describe('criterion catalogue helpers', () => {
  it('finds codes and rejects unknown ones, naming the argument', () => {
    expect(requireCriterion(catalogue, 'B').code).toBe('B');
    expect(() => requireCriterion(catalogue, 'NOPE')).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', argument: 'criterion' }) }),
    );
    expect(filterCriteria(catalogue, { basic: false }).map((c) => c.code)).toEqual(['X']);
    expect(filterCriteria(catalogue, { codes: ['B', 'A'] }).map((c) => c.code)).toEqual(['A', 'B']);
    expect(() => filterCriteria(catalogue, { codes: ['A', 'NOPE'] })).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ argument: 'filter.codes' }) }),
    );
  });
});
