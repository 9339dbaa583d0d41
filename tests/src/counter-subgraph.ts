import { composeServices } from '@apollo/composition';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { buildSubgraphSchema } from '@apollo/subgraph';
import express from 'express';
import { parse } from 'graphql';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

const typeDefs = parse(`
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@shareable"])
  type Query {
    "The counter's value."
    count: Int!
  }
  type Mutation {
    "Adds one to the counter; answers the new value."
    increment: Int!
  }
`);

/**
 * A test-only subgraph with one write (the platform's own subgraphs have no mutation yet): a
 * counter over HTTP, composed alone into a supergraph file the gateway serves
 * (`SUPERGRAPH_PATH`). For the response cache's invalidation tests.
 */
export async function startCounterSubgraph(): Promise<{ supergraphPath: string; url: string; value(): number; close(): Promise<void> }> {
  let count = 0;
  const server = new ApolloServer({
    schema: buildSubgraphSchema([{ typeDefs, resolvers: { Query: { count: () => count }, Mutation: { increment: () => ++count } } }]),
    plugins: [ApolloServerPluginInlineTraceDisabled()],
  });
  await server.start();
  const app = express();
  app.use('/graphql', express.json(), expressMiddleware(server));
  const httpServer = http.createServer(app);
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}/graphql`;
  const composed = composeServices([{ name: 'counter', typeDefs, url }]);
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join('; '));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'kh02-counter-'));
  const supergraphPath = path.join(dir, 'supergraph.graphql');
  writeFileSync(supergraphPath, composed.supergraphSdl);
  return {
    supergraphPath,
    url,
    value: () => count,
    async close() {
      await server.stop();
      httpServer.closeAllConnections();
      await new Promise<void>((resolve) => httpServer.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
