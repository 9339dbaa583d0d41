import { timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { ANONYMOUS, type Caller } from './caller';

/** Header carrying the shared secret from gateway to subgraphs. */
export const GATEWAY_SECRET_HEADER = 'x-kh02-gateway-secret';
/** Header carrying the caller's identity, set by the gateway (clients' own copies are dropped there). */
export const CALLER_HEADER = 'x-kh02-caller';

/** Constant-time comparison of the presented secret. */
export function secretMatches(presented: string | string[] | undefined, expected: string): boolean {
  if (typeof presented !== 'string') return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Encodes a caller for {@link CALLER_HEADER}. */
export function encodeCaller(caller: Caller): string {
  return Buffer.from(JSON.stringify(caller), 'utf8').toString('base64url');
}

/**
 * The caller a request speaks for. Only trusted when the gateway's secret was checked: without
 * a configured secret (local development) the header is still read, which is fine because the
 * subgraphs then listen on loopback only.
 */
export function callerFromHeaders(headers: IncomingHttpHeaders): Caller {
  const raw = headers[CALLER_HEADER];
  if (typeof raw !== 'string' || raw === '') return ANONYMOUS;
  try {
    const parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Partial<Caller>;
    if (typeof parsed.id === 'string' && Array.isArray(parsed.scopes) && parsed.scopes.every((s) => typeof s === 'string')) {
      return Object.freeze({ id: parsed.id, scopes: [...parsed.scopes] });
    }
  } catch {
    // fall through: a malformed header is treated as no identity, never as an error page
  }
  return ANONYMOUS;
}
