import { useMemo, useState } from 'react';
import { formatCount, formatPercent, STATUS_COLOURS, type ProvinceRow } from './measures';

type Column = 'name' | 'region' | 'communes' | 'progress' | 'green' | 'ready';

const STATUS_ORDER = { GREEN: 0, YELLOW: 1, RED: 2 } as const;

/** Sort keys: a missing figure (data service unavailable) sorts last either way. */
const KEYS: Record<Column, (p: ProvinceRow) => string | number | undefined> = {
  name: (p) => p.nameAscii,
  region: (p) => p.regionName,
  communes: (p) => p.communeCount,
  progress: (p) => (p.progressStatus ? STATUS_ORDER[p.progressStatus] : undefined),
  green: (p) => p.greenCoverage?.percent,
  ready: (p) => p.readiness?.fullyMet.percent,
};

const HEADERS: { column: Column; label: string; numeric?: boolean }[] = [
  { column: 'name', label: 'Province' },
  { column: 'region', label: 'Region' },
  { column: 'communes', label: 'Communes', numeric: true },
  { column: 'progress', label: 'Plan progress' },
  { column: 'green', label: 'Green coverage', numeric: true },
  { column: 'ready', label: 'Fully ready', numeric: true },
];

/** The same figures as the map, one row per province, sortable by any column; a row opens the province. */
export function ProvinceTable(props: { provinces: ProvinceRow[]; onSelect(code: string): void }) {
  const [sort, setSort] = useState<{ column: Column; descending: boolean }>({ column: 'green', descending: false });
  const rows = useMemo(() => {
    const key = KEYS[sort.column];
    return [...props.provinces].sort((a, b) => {
      const x = key(a);
      const y = key(b);
      if (x === undefined || y === undefined) return x === y ? 0 : x === undefined ? 1 : -1;
      const order = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y));
      return (sort.descending ? -order : order) || a.code.localeCompare(b.code);
    });
  }, [props.provinces, sort]);

  return (
    <div className="table-wrap">
      <table className="provinces" data-testid="province-table">
        <caption>Provinces and centrally-run cities — click a column to sort, a row to open its communes</caption>
        <thead>
          <tr>
            {HEADERS.map((h) => (
              <th
                key={h.column}
                scope="col"
                className={h.numeric ? 'num' : undefined}
                aria-sort={sort.column === h.column ? (sort.descending ? 'descending' : 'ascending') : 'none'}
              >
                <button
                  type="button"
                  onClick={() => setSort((s) => ({ column: h.column, descending: s.column === h.column ? !s.descending : h.numeric === true }))}
                >
                  {h.label}
                  <span className="sort-mark">{sort.column === h.column ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((p) => (
            <tr key={p.code} data-row-province={p.code} onClick={() => props.onSelect(p.code)}>
              <th scope="row">
                <a
                  href={`/province/${p.code}`}
                  onClick={(e) => {
                    e.preventDefault();
                    e.stopPropagation();
                    props.onSelect(p.code);
                  }}
                >
                  {p.name}
                </a>
              </th>
              <td>{p.regionName}</td>
              <td className="num">{formatCount(p.communeCount)}</td>
              <td>
                {p.progressStatus ? (
                  <span className="status">
                    <span className="swatch" style={{ background: STATUS_COLOURS[p.progressStatus].colour }} />
                    {STATUS_COLOURS[p.progressStatus].label}
                  </span>
                ) : (
                  '—'
                )}
              </td>
              <td className="num">
                {p.greenCoverage ? (
                  <>
                    {formatPercent(p.greenCoverage.percent)}{' '}
                    <small>
                      ({p.greenCoverage.numerator}/{p.greenCoverage.denominator})
                    </small>
                  </>
                ) : (
                  '—'
                )}
              </td>
              <td className="num">
                {p.readiness ? (
                  <>
                    {formatPercent(p.readiness.fullyMet.percent)} <small>({p.readiness.fullyMet.numerator})</small>
                  </>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
