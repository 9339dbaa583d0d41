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

/** The reader's bearer token, if they gave one (kept for this browser tab only); none: anonymous. */
let bearer: string | undefined = stored();

/** The token kept for this tab; none when storage is unavailable (private modes, sandboxed frames). */
function stored(): string | undefined {
  try {
    return sessionStorage.getItem('kh02-token') ?? undefined;
  } catch {
    return undefined;
  }
}

export function currentToken(): string | undefined {
  return bearer;
}

export function setToken(token: string | undefined): void {
  bearer = token?.trim() || undefined;
  try {
    if (bearer) sessionStorage.setItem('kh02-token', bearer);
    else sessionStorage.removeItem('kh02-token');
  } catch {
    // Not kept across reloads then; this page view still uses it.
  }
}

/**
 * Runs a generated, typed operation against `/graphql` on the page's own origin: anonymously (every
 * figure on the page is public), or with the reader's token, which shows more (who assessed a
 * criterion, the assessor's note). A refusal without data throws; data with errors (partial
 * answers: a data service down, a field the token may not read) is returned with them.
 */
export async function request<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  signal?: AbortSignal,
): Promise<ApiResult<TResult>> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
    },
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
