import { jwtVerify, SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
import { ROLES, type Caller, type Role } from './caller';

/** Header carrying the gateway-signed identity token to the subgraphs. */
export const INTERNAL_TOKEN_HEADER = 'x-kh02-identity';
/**
 * Identity headers a client might send: the gateway never forwards them, and a subgraph that
 * receives one of the older, unsigned kind refuses the request (someone is trying to speak for a caller).
 */
export const CALLER_HEADER = 'x-kh02-caller';

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
 * too, so a subgraph can require one. `ttlSeconds` is for tools that stand in for the gateway (the
 * benchmark's stock and peer arms), never longer than a run.
 */
export function signInternalToken(caller: Caller, key: Uint8Array, now = Date.now(), ttlSeconds = INTERNAL_TOKEN_TTL_SECONDS): Promise<string> {
  const claims: Record<string, unknown> = { roles: caller.roles, scopes: caller.scopes, rid: caller.requestId ?? randomUUID() };
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

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

/** Verifies a token from the gateway and returns the caller it speaks for; throws on any fault. */
export async function verifyInternalToken(token: string, key: Uint8Array): Promise<Caller> {
  const { payload } = await jwtVerify(token, key, {
    issuer: ISSUER,
    audience: AUDIENCE,
    algorithms: [ALGORITHM],
    clockTolerance: 5,
    requiredClaims: ['exp', 'iat'],
  });
  const { roles, scopes, province, commune, rid, sub } = payload as Record<string, unknown>;
  if (!isStrings(roles) || !roles.every((r) => (ROLES as readonly string[]).includes(r)) || !isStrings(scopes)) throw new Error('malformed identity claims');
  const caller: Caller = { roles: roles as Role[], scopes };
  if (typeof sub === 'string') caller.subject = sub;
  if (typeof province === 'string') caller.province = province;
  if (typeof commune === 'string') caller.commune = commune;
  if (typeof rid === 'string') caller.requestId = rid;
  return Object.freeze(caller);
}
