import type { TypedDocumentString } from './gql/graphql';

/** A GraphQL error as the KH02 gateway sends it (codes: the README's "Error codes"). */
export interface ApiError {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; service?: string };
}

/** What the page gets back: the data (possibly partial: a data service may be unavailable) and the errors beside it. */
export interface ApiResult<T> {
  data: T;
  errors: ApiError[];
}

/**
 * Runs a generated, typed operation against `/graphql` on the page's own origin, anonymously (the
 * page shows only what every caller may read). A refusal without data throws; data with errors
 * (partial answers: another data service down) is returned with them, and the page says so.
 */
export async function request<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  signal?: AbortSignal,
): Promise<ApiResult<TResult>> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query: document.toString(), variables }),
    signal,
  });
  let body: { data?: TResult | null; errors?: ApiError[] };
  try {
    body = (await response.json()) as typeof body;
  } catch {
    throw new Error(`The API answered HTTP ${response.status} without a GraphQL response.`);
  }
  if (!body.data) {
    const messages = (body.errors ?? []).map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`);
    throw new Error(messages.join('\n') || `The API answered HTTP ${response.status} without data.`);
  }
  return { data: body.data, errors: body.errors ?? [] };
}
