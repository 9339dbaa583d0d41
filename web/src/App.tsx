import { useCallback, useEffect, useState } from 'react';
import { currentToken, request, setToken, type ApiError } from './api';
import { CommunesPanel } from './CommunesPanel';
import { OverviewDocument, type OverviewQuery } from './gql/graphql';
import { formatCount, formatCutoff, formatPercent, MEASURES, type Measure } from './measures';
import { ProvinceTable } from './ProvinceTable';
import { pathOf, provinceFromPath } from './route';
import { TileMap } from './TileMap';
import { TokenBox } from './TokenBox';

/** "LATEST" is the API's own word for the latest reporting cut-off (what every figure defaults to). */
const LATEST = 'LATEST';

export function App() {
  const [asOf, setAsOf] = useState<string>(LATEST);
  const [measure, setMeasure] = useState<Measure>('green');
  const [selected, setSelected] = useState<string | undefined>(() => provinceFromPath(window.location.pathname));
  const [overview, setOverview] = useState<OverviewQuery>();
  const [warnings, setWarnings] = useState<ApiError[]>([]);
  const [failure, setFailure] = useState<string>();
  const [loading, setLoading] = useState(true);
  const [token, setTokenState] = useState<string | undefined>(currentToken);
  const changeToken = useCallback((next: string | undefined) => {
    setToken(next);
    setTokenState(next);
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    request(OverviewDocument, { asOf }, controller.signal).then(
      ({ data, errors }) => {
        setOverview(data);
        setWarnings(errors);
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
    // Not on a token change: the figures are public and the same for every caller.
  }, [asOf]);

  useEffect(() => {
    const onPop = () => setSelected(provinceFromPath(window.location.pathname));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const select = useCallback((code: string | undefined) => {
    setSelected(code);
    if (window.location.pathname !== pathOf(code)) window.history.pushState(null, '', pathOf(code));
  }, []);

  const cutoffs = overview?.reportingCutoffs ?? [];
  const country = overview?.country;
  const provinces = overview?.provinces ?? [];
  const selectedProvince = provinces.find((p) => p.code === selected);

  return (
    <div className="page" data-loading={loading ? 'true' : 'false'}>
      <header className="masthead">
        <div>
          <h1>KH02 monitoring</h1>
          <p className="subtitle">Digital transformation of the political system — Plan No. 02-KH/BCĐTW</p>
        </div>
        <TokenBox token={token} onChange={changeToken} />
        <label className="cutoff">
          <span>Figures as of</span>
          <select data-testid="cutoff" value={asOf} onChange={(e) => setAsOf(e.target.value)} disabled={cutoffs.length === 0}>
            {cutoffs.length === 0 && <option value={LATEST}>latest cut-off</option>}
            {cutoffs.map((c, i) => (
              <option key={c} value={i === cutoffs.length - 1 ? LATEST : c}>
                {formatCutoff(c)}
                {i === cutoffs.length - 1 ? ' (latest)' : ''}
              </option>
            ))}
          </select>
        </label>
      </header>

      {failure && (
        <p className="error" role="alert">
          The figures could not be loaded: {failure}
        </p>
      )}
      {warnings.length > 0 && (
        <p className="warning" role="status">
          Some figures are unavailable right now ({[...new Set(warnings.map((w) => w.extensions?.service ?? w.extensions?.code ?? 'error'))].join(', ')}); they
          show as “—”.
        </p>
      )}

      <section className="national" aria-label="National figures">
        <div className="figure">
          <span className="figure-label">Provinces on plan progress</span>
          <span className="figure-value" data-testid="national-progress">
            {country?.progress ? (
              <>
                <b className="dot green">{country.progress.green}</b> / <b className="dot yellow">{country.progress.yellow}</b> /{' '}
                <b className="dot red">{country.progress.red}</b>
              </>
            ) : (
              '—'
            )}
          </span>
          <span className="figure-note">green / yellow / red</span>
        </div>
        <div className="figure">
          <span className="figure-label">Green communes</span>
          <span className="figure-value">
            <b data-testid="national-green">{country?.greenCoverage ? formatCount(country.greenCoverage.numerator) : '—'}</b>
            {country?.greenCoverage && <> of {formatCount(country.greenCoverage.denominator)}</>}
          </span>
          <span className="figure-note">{country?.greenCoverage ? formatPercent(country.greenCoverage.percent) : ''}</span>
        </div>
        <div className="figure">
          <span className="figure-label">Service centres fully ready</span>
          <span className="figure-value">
            <b data-testid="national-ready">{country?.readiness ? formatCount(country.readiness.fullyMet.numerator) : '—'}</b>
            {country?.readiness && <> of {formatCount(country.readiness.fullyMet.denominator)}</>}
          </span>
          <span className="figure-note">{country?.readiness ? formatPercent(country.readiness.fullyMet.percent) : ''}</span>
        </div>
      </section>

      <main className="layout">
        <section className="map-column" aria-label="Tile map of the provinces">
          <fieldset className="measures">
            <legend>Colour the map by</legend>
            {(Object.keys(MEASURES) as Measure[]).map((m) => (
              <label key={m} className={m === measure ? 'chosen' : undefined}>
                <input type="radio" name="measure" value={m} checked={m === measure} onChange={() => setMeasure(m)} />
                {MEASURES[m].label}
              </label>
            ))}
          </fieldset>
          <TileMap provinces={provinces} measure={measure} selected={selected} onSelect={select} />
          <p className="note">{MEASURES[measure].description}</p>
        </section>
        <section className="side-column">
          {selected ? (
            <CommunesPanel
              key={selected}
              provinceCode={selected}
              provinceName={selectedProvince?.name}
              asOf={asOf}
              signedIn={token !== undefined}
              onClose={() => select(undefined)}
            />
          ) : (
            <ProvinceTable provinces={provinces} onSelect={select} />
          )}
        </section>
      </main>
      <footer className="footer">
        Data: KH02 platform API (<code>/graphql</code>). Figures the article does not state are synthetic. Cut-offs are Fridays 16:00 Vietnam time.
      </footer>
    </div>
  );
}
