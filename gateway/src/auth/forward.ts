import { CALLER_HEADER, INTERNAL_TOKEN_HEADER, internalKey, signInternalToken, type Caller } from '@kh02/common';
import type { AuthConfig } from './config';

/** Headers of a subgraph request, as the gateway's data source exposes them. */
interface HeaderBag {
  set(name: string, value: string): void;
  delete(name: string): void;
}

/**
 * Sets the caller's identity on a subgraph request: a token the gateway signs (HS256 with
 * INTERNAL_TOKEN_SECRET, 2 minutes), made once per client request and reused for its fetches.
 * Any identity header already there is removed first; the gateway never forwards client headers.
 * Without a secret (development only) nothing is sent and the subgraphs see the anonymous reader.
 */
export function createIdentityForwarder(config: Readonly<AuthConfig>) {
  const key = config.internalTokenSecret ? internalKey(config.internalTokenSecret) : undefined;
  return async (headers: HeaderBag | undefined, context: { caller?: Caller; identityToken?: Promise<string | undefined> } | undefined): Promise<void> => {
    if (!headers) return;
    headers.delete(CALLER_HEADER);
    headers.delete(INTERNAL_TOKEN_HEADER);
    if (!key || !context?.caller) return;
    context.identityToken ??= signInternalToken(context.caller, key);
    const token = await context.identityToken;
    if (token) headers.set(INTERNAL_TOKEN_HEADER, token);
  };
}
