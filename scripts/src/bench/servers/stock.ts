/**
 * The stock arm: `@apollo/gateway` with its defaults behind `startStandaloneServer`. The one
 * addition is the shared secret on subgraph requests (a plain `RemoteGraphQLDataSource` with its
 * default fetcher), without which the production subgraphs answer 403.
 */
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { GATEWAY_SECRET_HEADER, INTERNAL_TOKEN_HEADER, servableSupergraph } from '@kh02/subgraph-kit';
import { fail, serverEnv } from './env';

async function main(): Promise<void> {
  const env = serverEnv();
  const gateway = new ApolloGateway({
    // @apollo/gateway refuses `for: SECURITY` links it does not enforce; the subgraphs enforce them.
    supergraphSdl: servableSupergraph(env.supergraphSdl),
    buildService: ({ url }) =>
      new RemoteGraphQLDataSource({
        url,
        willSendRequest({ request }) {
          request.http?.headers.set(GATEWAY_SECRET_HEADER, env.secret);
          request.http?.headers.set(INTERNAL_TOKEN_HEADER, env.identity);
        },
      }),
  });
  const server = new ApolloServer({ gateway });
  await startStandaloneServer(server, { listen: { port: env.port, host: '127.0.0.1' } });
  process.stdout.write('stock ready\n');
}

main().catch(fail);
