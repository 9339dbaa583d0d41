import { useEffect, useState } from 'react';
import { request, type ApiError } from './api';
import { CommuneDetailDocument, type CommuneDetailQuery } from './gql/graphql';
import { formatCutoff } from './measures';

type Commune = NonNullable<CommuneDetailQuery['commune']>;

/** One commune's service centre against every criterion; with a token, who assessed each and their note. */
export function CommuneDetail(props: { code: string; asOf: string; signedIn: boolean }) {
  const [commune, setCommune] = useState<Commune | null>();
  const [errors, setErrors] = useState<ApiError[]>([]);
  const [failure, setFailure] = useState<string>();
  // Which request the shown data answers: loading is derived, so it is true from the very render that asks anew.
  const key = `${props.code}|${props.asOf}|${props.signedIn}`;
  const [answered, setAnswered] = useState<string>();
  const loading = answered !== key;

  useEffect(() => {
    const controller = new AbortController();
    request(CommuneDetailDocument, { code: props.code, asOf: props.asOf, details: props.signedIn }, controller.signal).then(
      ({ data, errors }) => {
        setCommune(data.commune);
        setErrors(errors);
        setFailure(undefined);
        setAnswered(key);
      },
      (error: Error) => {
        if (controller.signal.aborted) return;
        setFailure(error.message);
        setAnswered(key);
      },
    );
    return () => controller.abort();
  }, [props.code, props.asOf, props.signedIn, key]);

  if (failure) return <p className="error">The criteria could not be loaded: {failure}</p>;
  if (commune === undefined) return <p className="note">Loading the criteria…</p>;
  if (commune === null || !commune.readiness) return <p className="note">No readiness data for this commune right now.</p>;
  // A field the token may not read is null with an error at its path (FORBIDDEN outside an official's own locality).
  const hidden = new Set(errors.filter((e) => e.extensions?.code === 'FORBIDDEN' || e.extensions?.code === 'UNAUTHENTICATED').map((e) => e.path?.join('.')));
  const hiddenAt = (i: number, field: string) => hidden.has(`commune.readiness.criteria.${i}.${field}`);
  return (
    <div className="detail" data-testid="commune-detail" data-loading={loading ? 'true' : 'false'}>
      <p className="note">
        Last progress report: {commune.lastReportedAt ? formatCutoff(commune.lastReportedAt) : 'none yet'}.{' '}
        {props.signedIn
          ? 'Assessor and note shown where your token may read them.'
          : 'Sign in with a token to see who assessed each criterion and their notes.'}
      </p>
      <table className="criteria-table">
        <thead>
          <tr>
            <th scope="col">Criterion</th>
            <th scope="col">Met</th>
            <th scope="col">Assessed</th>
            {props.signedIn && <th scope="col">By</th>}
            {props.signedIn && <th scope="col">Note</th>}
          </tr>
        </thead>
        <tbody>
          {commune.readiness.criteria.map((a, i) => (
            <tr key={a.criterion.code} data-criterion={a.criterion.code}>
              <th scope="row">
                {a.criterion.name}
                {!a.criterion.basic && <small> (not basic)</small>}
              </th>
              <td>{a.met ? <span className="ok">met</span> : <span className="ko">not met</span>}</td>
              <td>{a.assessedAt ? formatCutoff(a.assessedAt) : 'never'}</td>
              {props.signedIn && <td data-field="assessedBy">{hiddenAt(i, 'assessedBy') ? <small>not for this token</small> : (a.assessedBy ?? '—')}</td>}
              {props.signedIn && <td data-field="note">{hiddenAt(i, 'note') ? <small>not for this token</small> : (a.note ?? '—')}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
