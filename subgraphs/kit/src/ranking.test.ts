import { rankBy, type Ranked } from './ranking';
import { coverage, compareCoverage } from './types/coverage';
import { SortDirection } from './types/enums';

const items = [
  { code: '04', value: 0.5 },
  { code: '01', value: 0.9 },
  { code: '12', value: 0.5 },
  { code: '08', value: 0.5 },
  { code: '02', value: 0.1 },
];
const byValue = (a: { value: number }, b: { value: number }) => a.value - b.value;
const shown = <T extends { code: string }>(ranked: Ranked<T>[]) => ranked.map((r) => [r.rank, r.item.code]);

describe('rankBy', () => {
  test('DESC: equal figures share a rank, the next rank skips (1, 2, 2, 2, 5), ties listed by code', () => {
    expect(shown(rankBy(items, byValue, (x) => x.code, SortDirection.DESC))).toEqual([
      [1, '01'],
      [2, '04'],
      [2, '08'],
      [2, '12'],
      [5, '02'],
    ]);
  });

  test('ASC: the same rule from the lowest; ties still listed by code ascending', () => {
    expect(shown(rankBy(items, byValue, (x) => x.code, SortDirection.ASC))).toEqual([
      [1, '02'],
      [2, '04'],
      [2, '08'],
      [2, '12'],
      [5, '01'],
    ]);
  });

  test('1, 2, 2, 4', () => {
    const four = [
      { code: 'a', value: 3 },
      { code: 'b', value: 2 },
      { code: 'c', value: 2 },
      { code: 'd', value: 1 },
    ];
    expect(rankBy(four, byValue, (x) => x.code, SortDirection.DESC).map((r) => r.rank)).toEqual([1, 2, 2, 4]);
  });

  test('all equal: everyone is first', () => {
    const same = ['c', 'a', 'b'].map((code) => ({ code, value: 1 }));
    expect(shown(rankBy(same, byValue, (x) => x.code, SortDirection.DESC))).toEqual([
      [1, 'a'],
      [1, 'b'],
      [1, 'c'],
    ]);
  });

  test('empty input, and the input is not reordered', () => {
    expect(rankBy<{ code: string; value: number }>([], byValue, (x) => x.code, SortDirection.DESC)).toEqual([]);
    const copy = items.map((i) => i.code);
    rankBy(items, byValue, (x) => x.code, SortDirection.DESC);
    expect(items.map((i) => i.code)).toEqual(copy);
  });

  test('coverages tie on their exact rate: 1/2 = 28/56, 8/8 = 56/56', () => {
    const entries = [
      { code: '04', c: coverage(28, 56) },
      { code: '01', c: coverage(1, 2) },
      { code: '11', c: coverage(56, 56) },
      { code: '10', c: coverage(8, 8) },
      { code: '20', c: coverage(0, 0) },
    ];
    expect(
      shown(
        rankBy(
          entries,
          (a, b) => compareCoverage(a.c, b.c),
          (x) => x.code,
          SortDirection.DESC,
        ),
      ),
    ).toEqual([
      [1, '10'],
      [1, '11'],
      [3, '01'],
      [3, '04'],
      [5, '20'],
    ]);
  });
});
