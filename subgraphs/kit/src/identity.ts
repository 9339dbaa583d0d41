import type { IncomingHttpHeaders } from 'node:http';
import { ANONYMOUS, CALLER_HEADER, createInternalTokenVerifier, INTERNAL_TOKEN_HEADER, isRequestId, REQUEST_ID_HEADER, type Caller } from '@kh02/common';

/** How a subgraph learns who is asking. */
export interface IdentityOptions {
  /**
   * Verifies a token with the HMAC key of INTERNAL_TOKEN_SECRET, remembering good tokens until they
   * expire; undefined without a key, when no identity token can be trusted.
   */
  verify: ((token: string) => Promise<Caller>) | undefined;
  /** Outside development a request without a valid identity token is refused. */
  required: boolean;
}

/** Identity options for a subgraph server: one verifier (and its memory of good tokens) per server. */
export function identityOptions(key: Uint8Array | undefined, required: boolean): IdentityOptions {
  return { verify: key ? createInternalTokenVerifier(key) : undefined, required };
}

/** Why a request's identity was refused (HTTP 401). */
export class IdentityRefused extends Error {}

/**
 * The caller of one subgraph request: the gateway-signed token in {@link INTERNAL_TOKEN_HEADER},
 * verified. An unsigned identity header (the old `x-kh02-caller`), a token that does not verify,
 * or a token this subgraph cannot verify (no key) is refused; no token at all is the anonymous
 * reader in development and refused otherwise. The request id comes from `x-request-id` (the
 * gateway's), or from an older token's `rid` claim.
 */
export async function identify(headers: IncomingHttpHeaders, options: IdentityOptions): Promise<Caller> {
  if (headers[CALLER_HEADER] !== undefined)
    throw new IdentityRefused(`${CALLER_HEADER} is not accepted: identity comes only as the gateway-signed ${INTERNAL_TOKEN_HEADER}.`);
  const token = headers[INTERNAL_TOKEN_HEADER];
  if (token === undefined || token === '') {
    if (options.required) throw new IdentityRefused(`This subgraph answers only requests carrying the gateway's ${INTERNAL_TOKEN_HEADER}.`);
    return ANONYMOUS;
  }
  if (typeof token !== 'string' || !options.verify) throw new IdentityRefused(`${INTERNAL_TOKEN_HEADER} cannot be verified here.`);
  let caller: Caller;
  try {
    caller = await options.verify(token);
  } catch {
    throw new IdentityRefused(`${INTERNAL_TOKEN_HEADER} is not valid.`);
  }
  const requestId = headers[REQUEST_ID_HEADER];
  return isRequestId(requestId) ? Object.freeze({ ...caller, requestId }) : caller;
}
