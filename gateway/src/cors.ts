import cors from 'cors';
import type { RequestHandler } from 'express';

/** Request headers a browser client may send cross-origin (Apollo Client, codegen clients, bearer tokens, idempotency keys). */
const ALLOWED_HEADERS = [
  'content-type',
  'authorization',
  'apollo-require-preflight',
  'x-apollo-operation-name',
  'apollographql-client-name',
  'apollographql-client-version',
  // A write's exactly-once key (README, Writing data).
  'idempotency-key',
];

/**
 * CORS for `/graphql` from an allow-list of exact origins (`CORS_ORIGINS`). A preflight is answered
 * here, before the GraphQL middleware (which would refuse a body-less OPTIONS with 400); an origin
 * not on the list gets no `Access-Control-Allow-*` header, so the browser blocks the page. No
 * cookies are involved (tokens travel in `Authorization`), so credentials stay off.
 */
export function corsMiddleware(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins);
  return cors({
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'POST', 'OPTIONS'],
    allowedHeaders: ALLOWED_HEADERS,
    maxAge: 600,
    optionsSuccessStatus: 204,
  });
}

/** Parses `CORS_ORIGINS`: comma-separated exact origins ("scheme://host[:port]"); a malformed entry is a start-up error. */
export function parseOrigins(value: string): string[] {
  const origins = value
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
  for (const origin of origins) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(origin);
    } catch {
      parsed = undefined;
    }
    if (!parsed || parsed.origin !== origin)
      throw new Error(`CORS_ORIGINS: "${origin}" is not an origin such as "https://monitor.example.vn" (scheme, host and port only, no trailing slash).`);
  }
  return origins;
}
