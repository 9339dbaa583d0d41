/**
 * The peer arm: `@graphql-hive/gateway`'s runtime serving the same supergraph on Node's HTTP
 * server; with `@graphql-hive/router-runtime`'s query planner when BENCH_PEER_ROUTER=1.
 */
import { createGatewayRuntime, type GatewayConfigSupergraph } from '@graphql-hive/gateway';
import { GATEWAY_SECRET_HEADER } from '@kh02/subgraph-kit';
import http from 'node:http';
import { fail, serverEnv } from './env';

async function main(): Promise<void> {
  const env = serverEnv();
  const config: GatewayConfigSupergraph = {
    supergraph: env.supergraphSdl,
    logging: 'error',
    landingPage: false,
    graphiql: false,
    // Its HTTP executor shares identical in-flight subgraph requests by default: a cache in all but
    // name, and the bench's targets are uncached figures, so it is off (as it is in the other arms).
    transportEntries: { '*': { headers: [[GATEWAY_SECRET_HEADER, env.secret]], options: { deduplicateInflightRequests: false } } },
  };
  if (process.env.BENCH_PEER_ROUTER === '1') {
    const { unifiedGraphHandler } = await import('@graphql-hive/router-runtime');
    config.unifiedGraphHandler = unifiedGraphHandler;
  }
  const runtime = createGatewayRuntime(config);
  const server = http.createServer(runtime);
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(env.port, '127.0.0.1', resolve));
  process.stdout.write('peer ready\n');
}

main().catch(fail);
