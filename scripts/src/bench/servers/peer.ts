/**
 * The peer arm: `@graphql-hive/gateway`'s runtime serving the same supergraph on Node's HTTP
 * server; with `@graphql-hive/router-runtime`'s query planner when BENCH_PEER_ROUTER=1.
 *
 * Hive Gateway is not a dependency of the workspace: `npm run bench` installs it into
 * `scripts/bench-peer` from that folder's own lockfile, and it is loaded from there.
 */
import { GATEWAY_SECRET_HEADER, INTERNAL_TOKEN_HEADER } from '@kh02/subgraph-kit';
import http from 'node:http';
import { PEER_DIR, requirePeer } from '../common';
import { fail, serverEnv } from './env';

/** The part of Hive Gateway's API this arm uses (its own types live with the on-demand install). */
interface HiveGateway {
  createGatewayRuntime(config: Record<string, unknown>): http.RequestListener;
}
interface HiveRouterRuntime {
  unifiedGraphHandler: unknown;
}

async function main(): Promise<void> {
  const env = serverEnv();
  const { createGatewayRuntime } = requirePeer<HiveGateway>('@graphql-hive/gateway');
  const config: Record<string, unknown> = {
    supergraph: env.supergraphSdl,
    logging: 'error',
    landingPage: false,
    graphiql: false,
    // Its HTTP executor shares identical in-flight subgraph requests by default: a cache in all but
    // name, and the bench's targets are uncached figures, so it is off (as it is in the other arms).
    transportEntries: {
      '*': {
        headers: [
          [GATEWAY_SECRET_HEADER, env.secret],
          [INTERNAL_TOKEN_HEADER, env.identity],
        ],
        options: { deduplicateInflightRequests: false },
      },
    },
  };
  if (process.env.BENCH_PEER_ROUTER === '1') {
    config.unifiedGraphHandler = requirePeer<HiveRouterRuntime>('@graphql-hive/router-runtime').unifiedGraphHandler;
  }
  const runtime = createGatewayRuntime(config);
  const server = http.createServer(runtime);
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(env.port, '127.0.0.1', resolve));
  process.stdout.write(`peer ready (${PEER_DIR})\n`);
}

main().catch(fail);
