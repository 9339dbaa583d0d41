import { CALLER_HEADER, createInternalTokenSigner, INTERNAL_TOKEN_HEADER, internalKey, REQUEST_ID_HEADER, type Caller } from '@kh02/common';
import type { AuthConfig } from './config';

/** Headers of a subgraph request, as the gateway's data source exposes them. */
interface HeaderBag {
  set(name: string, value: string): void;
  delete(name: string): void;
}

/**
 * Sets the caller's identity on a subgraph request: a token the gateway signs (HS256 with
 * INTERNAL_TOKEN_SECRET, 2 minutes), one per distinct caller and reused for up to a minute (see
 * `createInternalTokenSigner`), and the client request's id in `x-request-id`. Any identity
 * header already there is removed first; the gateway never forwards client headers. Without a
 * secret (development only) nothing is sent and the subgraphs see the anonymous reader.
 */
export function createIdentityForwarder(config: Readonly<AuthConfig>) {
  const key = config.internalTokenSecret ? internalKey(config.internalTokenSecret) : undefined;
  const sign = key ? createInternalTokenSigner(key) : undefined;
  return async (headers: HeaderBag | undefined, context: { caller?: Caller; identityToken?: Promise<string | undefined> } | undefined): Promise<void> => {
    if (!headers) return;
    headers.delete(CALLER_HEADER);
    headers.delete(INTERNAL_TOKEN_HEADER);
    headers.delete(REQUEST_ID_HEADER);
    if (context?.caller?.requestId !== undefined) headers.set(REQUEST_ID_HEADER, context.caller.requestId);
    if (!sign || !context?.caller) return;
    context.identityToken ??= sign(context.caller);
    const token = await context.identityToken;
    if (token) headers.set(INTERNAL_TOKEN_HEADER, token);
  };
}
