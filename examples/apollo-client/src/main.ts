import { ApolloClient, gql, HttpLink, InMemoryCache } from '@apollo/client';
import { isDeepStrictEqual } from 'node:util';
import { typePolicies } from './typePolicies';

const JUNE_20 = '2025-06-20T16:00:00+07:00';
const JULY_31 = '2025-07-31T16:00:00+07:00';

// `__typename` written out so the raw answer from the server has exactly the shape Apollo caches.
const ASSIGNMENTS_TEXT = `query CommuneAssignments($code: ID!, $asOf: AsOf) {
  commune(code: $code) { __typename id name assignments(asOf: $asOf) { __typename id number percent state } }
}`;
const BOTH_DATES_TEXT = `query CommuneBothDates($code: ID!) {
  commune(code: $code) { __typename id
    june: assignments(asOf: "${JUNE_20}") { __typename id number percent }
    july: assignments(asOf: "${JULY_31}") { __typename id number percent }
  }
}`;

/** The server's own answer, without any client in between. */
async function raw(url: string, query: string, variables: Record<string, unknown>): Promise<unknown> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
  const body = (await response.json()) as { data?: unknown; errors?: { message: string }[] };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('\n'));
  return body.data;
}

function same(label: string, got: unknown, expected: unknown): void {
  if (!isDeepStrictEqual(got, expected))
    throw new Error(`${label}: the cache returned\n${JSON.stringify(got)}\nbut the server sent\n${JSON.stringify(expected)}`);
}

/**
 * Reads a commune's assignments at 20 June, then 31 July, then 20 June again from the cache only,
 * with the published type policies, and checks every reading is exactly what the server sent:
 * the ids carry the moment, so the two readings never merge. Same for one query aliasing both.
 */
export async function run(url: string, communeCode: string) {
  const client = new ApolloClient({ link: new HttpLink({ uri: url }), cache: new InMemoryCache({ typePolicies }) });
  const ASSIGNMENTS = gql(ASSIGNMENTS_TEXT);
  const june = await raw(url, ASSIGNMENTS_TEXT, { code: communeCode, asOf: JUNE_20 });
  const july = await raw(url, ASSIGNMENTS_TEXT, { code: communeCode, asOf: JULY_31 });

  same('June from the network', (await client.query({ query: ASSIGNMENTS, variables: { code: communeCode, asOf: JUNE_20 } })).data, june);
  same('July from the network', (await client.query({ query: ASSIGNMENTS, variables: { code: communeCode, asOf: JULY_31 } })).data, july);
  same(
    'June again, from the cache only',
    (await client.query({ query: ASSIGNMENTS, variables: { code: communeCode, asOf: JUNE_20 }, fetchPolicy: 'cache-only' })).data,
    june,
  );
  same('July again, from the cache only', client.readQuery({ query: ASSIGNMENTS, variables: { code: communeCode, asOf: JULY_31 } }), july);

  const both = await raw(url, BOTH_DATES_TEXT, { code: communeCode });
  const BOTH = gql(BOTH_DATES_TEXT);
  same('both dates in one query', (await client.query({ query: BOTH, variables: { code: communeCode } })).data, both);
  same('both dates, from the cache only', client.readQuery({ query: BOTH, variables: { code: communeCode } }), both);

  const rows = (june as { commune: { assignments: { percent: number }[] } }).commune.assignments;
  const later = (july as { commune: { assignments: { percent: number }[] } }).commune.assignments;
  return {
    commune: communeCode,
    assignments: rows.length,
    percentChanged: rows.filter((r, i) => r.percent !== later[i]?.percent).length,
    cacheMatchesServer: true,
  };
}

if (require.main === module) {
  const url = process.env.KH02_URL ?? 'http://localhost:4000/graphql';
  run(url, process.env.KH02_COMMUNE ?? '00004').then(
    (result) => process.stdout.write(`${JSON.stringify(result, null, 2)}\n`),
    (error: Error) => {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    },
  );
}
