import { Fragment, useEffect, useState } from 'react';
import { request } from './api';
import { CommuneDetail } from './CommuneDetail';
import { ProvinceCommunesDocument, type ProvinceCommunesQuery } from './gql/graphql';
import { formatCount, STATUS_COLOURS } from './measures';

/** Page size: the API's default page, well within the gateway's cost limit with every commune's criteria. */
export const PAGE_SIZE = 50;

const KIND_LABELS = { WARD: 'ward', COMMUNE: 'commune', SPECIAL_ZONE: 'special zone' } as const;

type Province = NonNullable<ProvinceCommunesQuery['province']>;

/**
 * A province's communes at the chosen cut-off: colour, whether it counts as green, whether its
 * service centre meets the basic conditions and the basic criteria it fails. Paged by cursor
 * (`after`), searched by the API (case and diacritics ignored: "lai chau" finds "Lai Châu").
 */
export function CommunesPanel(props: { provinceCode: string; provinceName?: string; asOf: string; signedIn: boolean; onClose(): void }) {
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  // Cursors of the pages before the current one: `after` of page n is cursors[n].
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [province, setProvince] = useState<Province | null>();
  const [failure, setFailure] = useState<string>();
  const [loading, setLoading] = useState(true);
  // The commune whose criteria are open below its row.
  const [open, setOpen] = useState<string>();
  const page = cursors.length - 1;

  // Typing waits a moment before asking; a new search starts at the first page.
  useEffect(() => {
    const wanted = search.trim();
    if (wanted === query) return;
    const timer = window.setTimeout(() => {
      setQuery(wanted);
      setCursors([null]);
    }, 250);
    return () => window.clearTimeout(timer);
  }, [search, query]);
  // A cursor is a position in the commune register, not in the figures: another cut-off keeps the page.

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    request(
      ProvinceCommunesDocument,
      { code: props.provinceCode, asOf: props.asOf, first: PAGE_SIZE, after: cursors[page], search: query || null },
      controller.signal,
    ).then(
      ({ data }) => {
        setProvince(data.province);
        setFailure(undefined);
        setLoading(false);
      },
      (error: Error) => {
        if (controller.signal.aborted) return;
        setFailure(error.message);
        setLoading(false);
      },
    );
    return () => controller.abort();
  }, [props.provinceCode, props.asOf, query, cursors, page]);

  const connection = province?.communes;
  const edges = connection?.edges ?? [];
  const first = page * PAGE_SIZE + 1;
  const name = province?.name ?? props.provinceName ?? props.provinceCode;

  return (
    <div className="communes" data-testid="communes-panel" data-loading={loading ? 'true' : 'false'}>
      <div className="communes-head">
        <button type="button" className="back" onClick={props.onClose}>
          ← All provinces
        </button>
        <h2>{name}</h2>
        {province && <p className="note">{formatCount(province.communeCount)} commune-level units</p>}
      </div>
      {province === null && <p className="error">No province has the code {props.provinceCode}.</p>}
      {failure && (
        <p className="error" role="alert">
          The communes could not be loaded: {failure}
        </p>
      )}
      <label className="search">
        <span>Search communes</span>
        <input type="search" value={search} placeholder="e.g. Tân Uyên or tan uyen" onChange={(e) => setSearch(e.target.value)} data-testid="commune-search" />
      </label>
      {connection && (
        <p className="count" data-testid="commune-count" aria-live="polite">
          {connection.totalCount === 0
            ? 'No commune matches.'
            : `${formatCount(first)}–${formatCount(first + edges.length - 1)} of ${formatCount(connection.totalCount)}`}
        </p>
      )}
      <div className="table-wrap">
        <table className="commune-table">
          <thead>
            <tr>
              <th scope="col">Commune</th>
              <th scope="col">Colour</th>
              <th scope="col">Service centre</th>
              <th scope="col">Basic criteria not met</th>
            </tr>
          </thead>
          <tbody>
            {edges.map(({ node: c }) => (
              <Fragment key={c.code}>
                <tr data-commune-code={c.code}>
                  <th scope="row">
                    <button
                      type="button"
                      className="expand"
                      aria-expanded={open === c.code}
                      onClick={() => setOpen((o) => (o === c.code ? undefined : c.code))}
                    >
                      {open === c.code ? '▾' : '▸'} {c.name}
                    </button>
                    <small>
                      {c.code} · {KIND_LABELS[c.kind]}
                    </small>
                  </th>
                  <td>
                    {c.progressStatus ? (
                      <span className="status">
                        <span className="swatch" style={{ background: STATUS_COLOURS[c.progressStatus].colour }} />
                        {STATUS_COLOURS[c.progressStatus].label}
                        {c.countsAsGreen === false && c.progressStatus === 'GREEN' && <small> (no report yet)</small>}
                      </span>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>{c.readiness ? c.readiness.meetsBasicConditions ? <span className="ok">ready</span> : <span className="ko">not ready</span> : '—'}</td>
                  <td className="criteria">
                    {c.readiness
                      ? c.readiness.unmetCriteria.length === 0
                        ? '—'
                        : c.readiness.unmetCriteria.map((k) => <span key={k.code}>{k.name}</span>)
                      : '—'}
                  </td>
                </tr>
                {open === c.code && (
                  <tr data-commune-detail={c.code}>
                    <td colSpan={4}>
                      <CommuneDetail code={c.code} asOf={props.asOf} signedIn={props.signedIn} />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      </div>
      <nav className="pager" aria-label="Pages of communes">
        <button type="button" disabled={page === 0 || loading} onClick={() => setCursors((c) => c.slice(0, -1))}>
          ← Previous
        </button>
        <button
          type="button"
          disabled={!connection?.pageInfo.hasNextPage || loading}
          onClick={() => setCursors((c) => [...c, connection!.pageInfo.endCursor ?? null])}
        >
          Next →
        </button>
      </nav>
    </div>
  );
}
