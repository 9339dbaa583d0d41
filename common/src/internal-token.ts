import { jwtVerify, SignJWT } from 'jose';
import { ROLES, type Caller, type Role } from './caller';

/** Header carrying the gateway-signed identity token to the subgraphs. */
export const INTERNAL_TOKEN_HEADER = 'x-kh02-identity';
/**
 * Identity headers a client might send: the gateway never forwards them, and a subgraph that
 * receives one of the older, unsigned kind refuses the request (someone is trying to speak for a caller).
 */
export const CALLER_HEADER = 'x-kh02-caller';

/**
 * Header carrying the client request's id from the gateway to the subgraphs (the audit log keeps
 * it with every write). Trusted as far as the request itself: subgraphs answer only the gateway.
 */
export const REQUEST_ID_HEADER = 'x-request-id';

/** A request id worth keeping: a short token of word characters, dots, colons and dashes. */
export function isRequestId(value: unknown): value is string {
  return typeof value === 'string' && /^[\w.:-]{1,64}$/.test(value);
}

const ISSUER = 'kh02-gateway';
const AUDIENCE = 'kh02-subgraphs';
const ALGORITHM = 'HS256';
/** Seconds an internal token lives: long enough for the slowest subgraph fetch, short enough to be useless if leaked. */
export const INTERNAL_TOKEN_TTL_SECONDS = 120;
/** Shortest accepted secret: HS256 wants at least 256 bits. */
export const INTERNAL_SECRET_MIN_LENGTH = 32;

/** The HMAC key of `INTERNAL_TOKEN_SECRET`; refuses a secret too short to be one. */
export function internalKey(secret: string): Uint8Array {
  if (secret.length < INTERNAL_SECRET_MIN_LENGTH) throw new Error(`INTERNAL_TOKEN_SECRET must be at least ${INTERNAL_SECRET_MIN_LENGTH} characters.`);
  return new TextEncoder().encode(secret);
}

/**
 * Signs the caller for the subgraphs (HS256, 2 minutes by default). Anonymous callers get a token
 * too, so a subgraph can require one. The request id goes in as `rid` when the caller has one (the
 * gateway sends it in {@link REQUEST_ID_HEADER} instead, so that one token serves a caller's
 * requests: see {@link createInternalTokenSigner}). `ttlSeconds` is for tools that stand in for
 * the gateway (the benchmark's stock and peer arms), never longer than a run.
 */
export function signInternalToken(caller: Caller, key: Uint8Array, now = Date.now(), ttlSeconds = INTERNAL_TOKEN_TTL_SECONDS): Promise<string> {
  const claims: Record<string, unknown> = { roles: caller.roles, scopes: caller.scopes };
  if (caller.requestId !== undefined) claims.rid = caller.requestId;
  if (caller.province !== undefined) claims.province = caller.province;
  if (caller.commune !== undefined) claims.commune = caller.commune;
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg: ALGORITHM, typ: 'JWT' })
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(Math.floor(now / 1000))
    .setExpirationTime(Math.floor(now / 1000) + ttlSeconds);
  if (caller.subject !== undefined) jwt.setSubject(caller.subject);
  return jwt.sign(key);
}

/** Clock skew tolerated between the gateway and a subgraph. */
const CLOCK_TOLERANCE_SECONDS = 5;

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

/** Verifies a token from the gateway and returns the caller it speaks for; throws on any fault. */
export async function verifyInternalToken(token: string, key: Uint8Array, now = Date.now()): Promise<Caller> {
  return (await verifiedClaims(token, key, now)).caller;
}

/** The caller a token speaks for and when the token expires (ms), once it has verified. */
async function verifiedClaims(token: string, key: Uint8Array, now: number): Promise<{ caller: Caller; expiresAt: number }> {
  const { payload } = await jwtVerify(token, key, {
    currentDate: new Date(now),
    issuer: ISSUER,
    audience: AUDIENCE,
    algorithms: [ALGORITHM],
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
    requiredClaims: ['exp', 'iat'],
  });
  const { roles, scopes, province, commune, rid, sub } = payload as Record<string, unknown>;
  if (!isStrings(roles) || !roles.every((r) => (ROLES as readonly string[]).includes(r)) || !isStrings(scopes)) throw new Error('malformed identity claims');
  const caller: Caller = { roles: roles as Role[], scopes };
  if (typeof sub === 'string') caller.subject = sub;
  if (typeof province === 'string') caller.province = province;
  if (typeof commune === 'string') caller.commune = commune;
  if (typeof rid === 'string') caller.requestId = rid;
  return { caller: Object.freeze(caller), expiresAt: payload.exp! * 1000 };
}

/** The claims that make a caller who they are (the request id aside): one token per distinct caller. */
function identityKey(caller: Caller): string {
  return JSON.stringify([caller.roles, caller.scopes, caller.province ?? null, caller.commune ?? null, caller.subject ?? null]);
}

/**
 * The gateway's signer: one token per distinct caller (roles, scopes, locality, subject), signed
 * without a request id and reused for at most `reuseSeconds` (default half the token's life, so a
 * token sent always has a minute left). A busy gateway signed one token per client request before;
 * the subgraphs verified each one. At most `maxCallers` tokens are kept (the oldest half is
 * dropped when full).
 */
export function createInternalTokenSigner(key: Uint8Array, options: { reuseSeconds?: number; maxCallers?: number } = {}) {
  const reuseMs = (options.reuseSeconds ?? INTERNAL_TOKEN_TTL_SECONDS / 2) * 1000;
  const maxCallers = options.maxCallers ?? 10_000;
  const tokens = new Map<string, { token: Promise<string>; until: number }>();
  return (caller: Caller, now = Date.now()): Promise<string> => {
    const id = identityKey(caller);
    const kept = tokens.get(id);
    if (kept && kept.until > now) return kept.token;
    if (tokens.size >= maxCallers) for (const old of [...tokens.keys()].slice(0, maxCallers / 2)) tokens.delete(old);
    const { requestId: _requestId, ...identity } = caller;
    const token = signInternalToken(identity, key, now);
    tokens.set(id, { token, until: now + reuseMs });
    // A failed signature is not kept.
    token.catch(() => tokens.delete(id));
    return token;
  };
}

/**
 * A subgraph's verifier: {@link verifyInternalToken}, remembering each token that verified until it
 * expires (the gateway reuses a caller's token for many requests, and HMAC verification was a
 * tenth of a millisecond per request). A remembered token is still refused once past its expiry
 * (same 5 s tolerance). Tokens that fail are never remembered. At most `maxTokens` are kept.
 */
export function createInternalTokenVerifier(key: Uint8Array, options: { maxTokens?: number } = {}) {
  const maxTokens = options.maxTokens ?? 1000;
  const verified = new Map<string, { caller: Caller; expiresAt: number }>();
  return async (token: string, now = Date.now()): Promise<Caller> => {
    const kept = verified.get(token);
    if (kept) {
      if (now <= kept.expiresAt) return kept.caller;
      verified.delete(token);
    }
    const { caller, expiresAt } = await verifiedClaims(token, key, now);
    if (verified.size >= maxTokens) for (const old of [...verified.keys()].slice(0, maxTokens / 2)) verified.delete(old);
    verified.set(token, { caller, expiresAt: expiresAt + CLOCK_TOLERANCE_SECONDS * 1000 });
    return caller;
  };
}
