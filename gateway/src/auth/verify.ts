import { ROLES, SCOPES, scopesOfRoles, type Caller, type Role } from '@kh02/common';
import { createLocalJWKSet, createRemoteJWKSet, errors, jwtVerify, type JWTPayload, type JWTVerifyGetKey, type KeyLike } from 'jose';
import type { AuthConfig } from './config';
import { ensureDevKey } from './dev-keys';

/** Why a bearer token was refused; the gateway answers HTTP 401 with `UNAUTHENTICATED` and this message. */
export class AuthenticationFailed extends Error {}

/** Asymmetric algorithms only: a shared-secret (HS*) or unsigned (`none`) client token is refused. */
export const CLIENT_ALGORITHMS = ['EdDSA', 'ES256', 'ES384', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512'];

/** Scopes the gateway derives from roles; a token cannot grant them itself. */
const DERIVED: readonly string[] = [SCOPES.READ_DETAILS, SCOPES.READ_LOCAL_DETAILS];

/** Verifies the `Authorization` header of a request and returns its caller (anonymous without one). */
export type BearerVerifier = (authorization: string | undefined) => Promise<Omit<Caller, 'requestId'> | undefined>;

function reason(error: unknown): string {
  if (error instanceof errors.JWTExpired) return 'the token has expired';
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf') return 'the token is not valid yet';
    return `the token's "${error.claim}" claim is not accepted`;
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) return 'the token signature does not verify';
  if (error instanceof errors.JOSEAlgNotAllowed) return "the token's algorithm is not accepted";
  if (error instanceof errors.JWKSNoMatchingKey) return 'the token was signed with a key this service does not know';
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) return 'the token is malformed';
  if (error instanceof AuthenticationFailed) return error.message;
  return 'the token could not be verified';
}

/** The caller a verified token speaks for; refuses claims that do not describe one. */
export function callerFromClaims(payload: JWTPayload): Omit<Caller, 'requestId'> {
  const claims = payload as Record<string, unknown>;
  if (typeof payload.sub !== 'string' || payload.sub === '') throw new AuthenticationFailed('the token has no subject ("sub")');
  const rawRoles = Array.isArray(claims.roles) ? claims.roles : typeof claims.role === 'string' ? [claims.role] : [];
  for (const r of rawRoles) {
    if (typeof r !== 'string' || !(ROLES as readonly string[]).includes(r))
      throw new AuthenticationFailed(`unknown role ${JSON.stringify(r)} (known: ${ROLES.join(', ')})`);
  }
  const roles = [...new Set(rawRoles as Role[])];
  const caller: Omit<Caller, 'requestId'> & { province?: string; commune?: string } = { subject: payload.sub, roles, scopes: [] };
  if (roles.includes('province-official')) {
    if (typeof claims.province !== 'string' || !/^\d{2}$/.test(claims.province))
      throw new AuthenticationFailed('a province-official token needs a two-digit "province" claim');
    caller.province = claims.province;
  }
  if (roles.includes('commune-official')) {
    if (typeof claims.commune !== 'string' || !/^\d{5}$/.test(claims.commune))
      throw new AuthenticationFailed('a commune-official token needs a five-digit "commune" claim');
    caller.commune = claims.commune;
  }
  if (roles.includes('province-official') && roles.includes('commune-official'))
    throw new AuthenticationFailed('a token is bound to one province or one commune, not both');
  const granted = typeof claims.scope === 'string' ? claims.scope.split(' ') : Array.isArray(claims.scp) ? claims.scp : [];
  const own = granted.filter((s): s is string => typeof s === 'string' && s !== '' && !DERIVED.includes(s));
  caller.scopes = [...new Set([...own, ...scopesOfRoles(roles)])];
  return Object.freeze(caller);
}

/**
 * Builds the verifier: signature against the configured keys (JWKS URL, inline JWKS, and in
 * development the local key), issuer, audience, expiry and not-before with the configured clock
 * skew, asymmetric algorithms only. No header is the anonymous reader (undefined); anything else
 * that does not verify throws {@link AuthenticationFailed}.
 */
export async function createBearerVerifier(config: Readonly<AuthConfig>): Promise<BearerVerifier> {
  const sets: JWTVerifyGetKey[] = [];
  if (config.jwksUrl) sets.push(createRemoteJWKSet(new URL(config.jwksUrl)));
  if (config.jwks) sets.push(createLocalJWKSet(config.jwks as never));
  const dev = config.devKey ? await ensureDevKey(config.devKeysDir) : undefined;
  if (dev) sets.push(createLocalJWKSet({ keys: [dev.publicJwk] } as never));
  const getKey: JWTVerifyGetKey = async (header, token) => {
    let last: unknown = new AuthenticationFailed('no key is configured to verify tokens');
    for (const set of sets) {
      try {
        return (await set(header, token)) as KeyLike;
      } catch (error) {
        last = error;
      }
    }
    throw last;
  };
  return async (authorization) => {
    if (authorization === undefined || authorization === '') return undefined;
    const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
    if (!match) throw new AuthenticationFailed('the Authorization header must be "Bearer <token>"');
    try {
      const { payload } = await jwtVerify(match[1], getKey, {
        issuer: config.issuer,
        audience: config.audience,
        algorithms: CLIENT_ALGORITHMS,
        clockTolerance: config.clockSkewSeconds,
        requiredClaims: ['exp', 'sub'],
      });
      return callerFromClaims(payload);
    } catch (error) {
      throw new AuthenticationFailed(reason(error));
    }
  };
}
