import { SUBGRAPHS, urlVariable } from '@kh02/common';
import { createGateway, ensureDevKey, issueDevToken, loadGatewayConfig, parseTokenArgs, type Gateway } from '@kh02/gateway';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  migrate,
  serveSubgraph,
  sqlStatsOf,
  subgraphModuleOf,
  syncSequences,
  type ServedSubgraph,
  type Subgraph,
  type SubgraphModule,
} from '@kh02/subgraph-kit';
import { createTestDatabase, type TestDatabase } from '@kh02/subgraph-kit/testing';
import type { BaseContext, SqlStats } from '@kh02/subgraph-kit';

/** Every registered subgraph's descriptor, in registry order; each joins the platform in tests as it does in production. */
export async function subgraphModules(): Promise<SubgraphModule[]> {
  const modules: SubgraphModule[] = [];
  for (const entry of SUBGRAPHS) modules.push(subgraphModuleOf(await import(entry.package), entry));
  return modules;
}

/** A whole platform on loopback: every subgraph on a fresh database and its own port, and the gateway. */
export interface Platform {
  url: string;
  gateway: Gateway;
  subgraphs: { subgraph: Subgraph<BaseContext>; served: ServedSubgraph; database: TestDatabase }[];
  /** POSTs a GraphQL operation to the gateway over HTTP (with extra request headers, e.g. `authorization`). */
  query<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<{ status: number; data?: T; errors?: any[] }>;
  /** A bearer token the gateway accepts, from `npm run token`'s arguments (e.g. `['--role', 'analyst']`), signed with this platform's development key. */
  token(args: string[]): Promise<string>;
  /** The folder of this platform's development key and the internal token secret, for tests that forge. */
  devKeysDir: string;
  internalTokenSecret: string;
  /** The shared secret the gateway sends the subgraphs (for tests that talk to a subgraph directly). */
  subgraphSecret: string;
  /** SQL statements run by all subgraphs together since start (or the last `resetCounters`). */
  statements(): number;
  subgraphFetches(): number;
  resetCounters(): void;
  close(): Promise<void>;
}

/**
 * Starts the platform as production runs it — separate servers talking HTTP on 127.0.0.1, on
 * ports the OS picks — with `fraction` of the communes, and a shared secret between gateway and
 * subgraphs.
 */
export async function startPlatform(options: { fraction?: number; gatewayEnv?: Record<string, string> } = {}): Promise<Platform> {
  const secret = 'test-secret';
  const internalTokenSecret = 'test-internal-token-secret-0123456789abcdef';
  const devKeysDir = mkdtempSync(path.join(os.tmpdir(), 'kh02-dev-keys-'));
  const started: Platform['subgraphs'] = [];
  const stats: SqlStats[] = [];
  try {
    for (const pkg of await subgraphModules()) {
      const database = await createTestDatabase(pkg.name);
      const subgraph = await pkg.createSubgraph({ databaseUrl: database.url });
      await migrate(subgraph.orm);
      await pkg.seed(subgraph.orm.em.fork(), { fraction: options.fraction ?? 1 });
      await syncSequences(subgraph.orm);
      const served = await serveSubgraph(subgraph, { host: '127.0.0.1', port: 0, gatewaySecret: secret, internalTokenSecret });
      started.push({ subgraph, served, database });
      stats.push(sqlStatsOf(subgraph.orm));
    }
    const urls = Object.fromEntries(started.map((s) => [urlVariable(s.subgraph.name), s.served.url]));
    const config = loadGatewayConfig({
      ...urls,
      SUBGRAPH_SECRET: secret,
      NODE_ENV: 'test',
      INTROSPECTION: 'true',
      INTERNAL_TOKEN_SECRET: internalTokenSecret,
      DEV_KEYS_DIR: devKeysDir,
      // Tests count SQL statements and subgraph fetches per query: a cached answer would count none.
      // The cache's own tests turn it on (cache.*.int.test.ts).
      RESPONSE_CACHE: 'false',
      ...options.gatewayEnv,
    });
    const gateway = await createGateway(config);
    const url = await gateway.listen(0, '127.0.0.1');
    return {
      url,
      gateway,
      subgraphs: started,
      devKeysDir,
      internalTokenSecret,
      subgraphSecret: secret,
      async token(args) {
        return issueDevToken(parseTokenArgs(args), await ensureDevKey(devKeysDir), { issuer: config.auth.issuer, audience: config.auth.audience });
      },
      async query(query, variables, headers = {}) {
        const response = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify({ query, variables }),
        });
        const body = (await response.json()) as { data?: any; errors?: any[] };
        return { status: response.status, ...body };
      },
      statements: () => stats.reduce((sum, s) => sum + s.statements, 0),
      subgraphFetches: () => gateway.stats.subgraphFetches,
      resetCounters() {
        for (const s of stats) s.reset();
        gateway.stats.subgraphFetches = 0;
        gateway.stats.bySubgraph = {};
      },
      async close() {
        await gateway.stop();
        for (const s of started) {
          await s.served.stop();
          await s.subgraph.orm.close();
          await s.database.drop();
        }
        rmSync(devKeysDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    for (const s of started) {
      await s.served.stop().catch(() => undefined);
      await s.subgraph.orm.close().catch(() => undefined);
      await s.database.drop().catch(() => undefined);
    }
    throw error;
  }
}
