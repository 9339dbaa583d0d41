import { timingSafeEqual } from 'node:crypto';

/** Header carrying the shared secret from gateway to subgraphs. */
export const GATEWAY_SECRET_HEADER = 'x-kh02-gateway-secret';

/** Constant-time comparison of the presented secret. */
export function secretMatches(presented: string | string[] | undefined, expected: string): boolean {
  if (typeof presented !== 'string') return false;
  const a = Buffer.from(presented);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
