import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { CutoffsAndSyncedRecordsDocument, ProvinceAtMomentDocument } from './gql/graphql';

/** A GraphQL error as the KH02 gateway sends it (codes: README, "Error codes"). */
interface GraphQLErrorBody {
  message: string;
  extensions?: { code?: string };
}

/**
 * Runs a typed operation with plain `fetch`: the result and the variables are typed by the
 * generated document, so `asOf: 20250701` or a misspelt field does not compile.
 */
export async function request<TResult, TVariables>(url: string, document: TypedDocumentNode<TResult, TVariables>, variables: TVariables): Promise<TResult> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: print(document), variables }),
  });
  const body = (await response.json()) as { data?: TResult; errors?: GraphQLErrorBody[] };
  if (body.errors?.length) throw new Error(body.errors.map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('\n'));
  if (!body.data) throw new Error(`HTTP ${response.status} without data`);
  return body.data;
}

/** What the example prints: one province at a calendar date and at the latest cut-off, and the cut-offs. */
export async function run(url: string, provinceCode = '04') {
  const onDay = await request(url, ProvinceAtMomentDocument, { code: provinceCode, asOf: '2025-07-25' });
  const latest = await request(url, ProvinceAtMomentDocument, { code: provinceCode, asOf: 'LATEST' });
  const calendar = await request(url, CutoffsAndSyncedRecordsDocument, { from: '2025-07-01', to: '2025-07-31' });
  // Fields another data service provides are null while it is unavailable (an error says so at
  // their path): a client shows "unavailable" rather than a zero.
  const describe = (p: typeof onDay.province) =>
    p && {
      id: p.id,
      name: p.name,
      colour: p.progressStatus,
      greenPercent: p.greenCoverage?.percent ?? null,
      readyPercent: p.readiness?.fullyMet.percent ?? null,
      readAt: p.readiness?.asOf ?? null,
    };
  return {
    onDay: describe(onDay.province),
    latest: describe(latest.province),
    cutoffs: calendar.reportingCutoffs.length,
    latestCutoff: calendar.reportingCutoffs[calendar.reportingCutoffs.length - 1],
    syncedInJuly: calendar.country.syncedRecords?.total ?? null,
  };
}

if (require.main === module) {
  run(process.env.KH02_URL ?? 'http://localhost:4000/graphql').then(
    (result) => process.stdout.write(`${JSON.stringify(result, null, 2)}\n`),
    (error: Error) => {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    },
  );
}
