import { portVariable, SUBGRAPHS, urlVariable, type SubgraphName } from '@kh02/common';
import { cleanEnv, num, port, str, url } from 'envalid';
import path from 'node:path';
import { loadAuthConfig, type AuthConfig } from './auth/config';

// The gateway knows the subgraphs by name and URL only: names and default ports come from the registry.
export { SUBGRAPH_NAMES, type SubgraphName } from '@kh02/common';

/** Gateway settings, read once from the environment. */
export interface GatewayConfig {
  host: string;
  port: number;
  /** Subgraph URLs by name; they override the routing URLs in the supergraph. */
  subgraphUrls: Record<SubgraphName, string>;
  supergraphPath: string;
  /** Shared secret sent to the subgraphs (SUBGRAPH_SECRET). */
  subgraphSecret: string | undefined;
  /** A subgraph fetch taking longer than this fails (the stock gateway has no timeout). */
  subgraphTimeoutMs: number;
  /** Keep-alive sockets per subgraph. */
  subgraphMaxSockets: number;
  production: boolean;
  /** Client token verification and the identity forwarded to subgraphs (`auth/config.ts`). */
  auth: Readonly<AuthConfig>;
}

/** Reads and validates the gateway's configuration; defaults run on a laptop. */
export function loadGatewayConfig(env: NodeJS.ProcessEnv = process.env): Readonly<GatewayConfig> {
  // <NAME>_URL per registered subgraph; by default the subgraph's port (<NAME>_PORT) on loopback.
  const urls = cleanEnv(
    env,
    Object.fromEntries(SUBGRAPHS.map((s) => [urlVariable(s.name), url({ default: `http://127.0.0.1:${env[portVariable(s.name)] || s.defaultPort}/graphql` })])),
  );
  const e = cleanEnv(env, {
    HOST: str({ default: '127.0.0.1' }),
    GATEWAY_PORT: port({ default: 4000 }),
    SUPERGRAPH_PATH: str({ default: path.resolve(__dirname, '../../schema/supergraph.graphql') }),
    SUBGRAPH_SECRET: str({ default: '' }),
    SUBGRAPH_TIMEOUT_MS: num({ default: 30_000 }),
    SUBGRAPH_MAX_SOCKETS: num({ default: 32 }),
    NODE_ENV: str({ default: 'development' }),
  });
  const production = e.NODE_ENV === 'production';
  if (production && !e.SUBGRAPH_SECRET) throw new Error('SUBGRAPH_SECRET must be set when NODE_ENV=production.');
  return Object.freeze({
    host: e.HOST,
    port: e.GATEWAY_PORT,
    subgraphUrls: Object.fromEntries(SUBGRAPHS.map((s) => [s.name, urls[urlVariable(s.name)]])) as Record<SubgraphName, string>,
    supergraphPath: e.SUPERGRAPH_PATH,
    subgraphSecret: e.SUBGRAPH_SECRET || undefined,
    subgraphTimeoutMs: e.SUBGRAPH_TIMEOUT_MS,
    subgraphMaxSockets: e.SUBGRAPH_MAX_SOCKETS,
    production,
    auth: loadAuthConfig(env),
  });
}
