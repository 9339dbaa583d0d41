import { internalKey } from '@kh02/common';
import { bool, cleanEnv, num, str } from 'envalid';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** How the gateway authenticates clients and vouches for them to the subgraphs. */
export interface AuthConfig {
  /** Expected `iss` of client tokens. */
  issuer: string;
  /** Expected `aud` of client tokens. */
  audience: string;
  /** A JWKS endpoint of the identity provider (keys fetched and cached by `jose`). */
  jwksUrl: string | undefined;
  /** Public keys given inline or in a file: a JWKS document (`{"keys":[…]}`). */
  jwks: { keys: object[] } | undefined;
  /** Also accept tokens signed with the local development key (`data/dev-keys/`, created on first use); never in production. */
  devKey: boolean;
  /** Folder of the development key. */
  devKeysDir: string;
  /** Seconds of clock difference tolerated on `exp` and `nbf`. */
  clockSkewSeconds: number;
  /** Key the gateway signs identity tokens for the subgraphs with (INTERNAL_TOKEN_SECRET). */
  internalTokenSecret: string | undefined;
}

/** Issuer of the development tokens `npm run token` prints. */
export const DEV_ISSUER = 'kh02-dev';
/** Default audience of client tokens. */
export const DEFAULT_AUDIENCE = 'kh02';

/** The development key's folder: DEV_KEYS_DIR, else `<DATA_DIR>/dev-keys` (default `data/dev-keys` in the repository). */
export function devKeysDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.DEV_KEYS_DIR) return path.resolve(env.DEV_KEYS_DIR);
  return path.join(env.DATA_DIR ? path.resolve(env.DATA_DIR) : path.resolve(__dirname, '../../../data'), 'dev-keys');
}

function parseJwks(value: string): { keys: object[] } {
  const text = value.trim().startsWith('{') ? value : readFileSync(value, 'utf8');
  const parsed = JSON.parse(text) as { keys?: unknown };
  if (!Array.isArray(parsed.keys) || parsed.keys.length === 0) throw new Error('AUTH_JWKS must be a JWKS document ({"keys":[…]}) or the path of one.');
  return parsed as { keys: object[] };
}

/**
 * Reads the authentication settings once. In production a real key source (AUTH_JWKS_URL or
 * AUTH_JWKS), AUTH_ISSUER and INTERNAL_TOKEN_SECRET are required and the development key is refused.
 */
export function loadAuthConfig(env: NodeJS.ProcessEnv = process.env): Readonly<AuthConfig> {
  const production = env.NODE_ENV === 'production';
  const e = cleanEnv(env, {
    AUTH_ISSUER: str({ default: '' }),
    AUTH_AUDIENCE: str({ default: DEFAULT_AUDIENCE }),
    AUTH_JWKS_URL: str({ default: '' }),
    AUTH_JWKS: str({ default: '' }),
    AUTH_DEV_KEY: bool({ default: !production }),
    AUTH_CLOCK_SKEW_S: num({ default: 30 }),
    INTERNAL_TOKEN_SECRET: str({ default: '' }),
  });
  if (production && e.AUTH_DEV_KEY) throw new Error('AUTH_DEV_KEY cannot be true when NODE_ENV=production.');
  if (production && !e.AUTH_JWKS_URL && !e.AUTH_JWKS)
    throw new Error('AUTH_JWKS_URL or AUTH_JWKS must be set when NODE_ENV=production: the keys client tokens are checked against.');
  if (production && !e.AUTH_ISSUER) throw new Error('AUTH_ISSUER must be set when NODE_ENV=production.');
  if (production && !e.INTERNAL_TOKEN_SECRET)
    throw new Error('INTERNAL_TOKEN_SECRET must be set when NODE_ENV=production: the subgraphs trust only identities the gateway signs.');
  if (e.AUTH_JWKS_URL && !/^https?:\/\//.test(e.AUTH_JWKS_URL)) throw new Error('AUTH_JWKS_URL must be an http(s) URL.');
  if (e.AUTH_CLOCK_SKEW_S < 0 || e.AUTH_CLOCK_SKEW_S > 300) throw new Error('AUTH_CLOCK_SKEW_S must be between 0 and 300 seconds.');
  if (e.INTERNAL_TOKEN_SECRET) internalKey(e.INTERNAL_TOKEN_SECRET);
  return Object.freeze({
    issuer: e.AUTH_ISSUER || DEV_ISSUER,
    audience: e.AUTH_AUDIENCE,
    jwksUrl: e.AUTH_JWKS_URL || undefined,
    jwks: e.AUTH_JWKS ? parseJwks(e.AUTH_JWKS) : undefined,
    devKey: e.AUTH_DEV_KEY,
    devKeysDir: devKeysDir(env),
    clockSkewSeconds: e.AUTH_CLOCK_SKEW_S,
    internalTokenSecret: e.INTERNAL_TOKEN_SECRET || undefined,
  });
}
