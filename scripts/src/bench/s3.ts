import { urlVariable } from '@kh02/common';
import { createGateway, loadGatewayConfig } from '@kh02/gateway';
import { serveSubgraph, sqlStatsOf, type ServedSubgraph, type Subgraph } from '@kh02/subgraph-kit';
import type { DataSet, SubgraphPackage } from './data';

/** S3's figures for one data set. */
export interface StatementCounts {
  fraction: number;
  /** SQL statements per national query, all subgraphs together, and per subgraph. */
  statements: number;
  statementsBySubgraph: Record<string, number>;
  /** Subgraph HTTP fetches the gateway made per national query, in all and per subgraph. */
  subgraphFetches: number;
  fetchesBySubgraph: Record<string, number>;
  responseBytes: number;
}

/**
 * S3, counted in-process as the tests' harness does (separate processes cannot show their
 * counters): every subgraph served over HTTP on loopback from the run's database files, the
 * project's gateway in front, one warm-up query, then the counters of one national query.
 */
export async function countStatements(
  packages: SubgraphPackage[],
  data: DataSet,
  nationalBody: string,
  secret: string,
  identityEnv: Record<string, string>,
): Promise<StatementCounts> {
  const started: { subgraph: Subgraph<any>; served: ServedSubgraph }[] = [];
  // The response cache off: S3 counts what one national query costs, not a cache hit.
  const gatewayEnv: Record<string, string> = { SUBGRAPH_SECRET: secret, NODE_ENV: 'production', RESPONSE_CACHE: 'false', ...identityEnv };
  try {
    for (const pkg of packages) {
      const subgraph = await pkg.createSubgraph({ databaseUrl: data.urls[pkg.name], production: true });
      const served = await serveSubgraph(subgraph, {
        host: '127.0.0.1',
        port: 0,
        gatewaySecret: secret,
        internalTokenSecret: identityEnv.INTERNAL_TOKEN_SECRET,
      });
      started.push({ subgraph, served });
      gatewayEnv[urlVariable(pkg.name)] = served.url;
    }
    const gateway = await createGateway(loadGatewayConfig(gatewayEnv));
    const url = await gateway.listen(0, '127.0.0.1');
    try {
      const ask = async () => {
        const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: nationalBody });
        const text = await response.text();
        if (response.status !== 200 || text.includes('"errors"')) throw new Error(`S3: national query failed (HTTP ${response.status}): ${text.slice(0, 500)}`);
        return text.length;
      };
      await ask();
      const stats = started.map((s) => sqlStatsOf(s.subgraph.orm));
      for (const s of stats) s.reset();
      gateway.stats.subgraphFetches = 0;
      gateway.stats.bySubgraph = {};
      const responseBytes = await ask();
      const statementsBySubgraph = Object.fromEntries(started.map((s, i) => [s.subgraph.name, stats[i].statements]));
      return {
        fraction: data.fraction,
        statements: stats.reduce((sum, s) => sum + s.statements, 0),
        statementsBySubgraph,
        subgraphFetches: gateway.stats.subgraphFetches,
        fetchesBySubgraph: { ...gateway.stats.bySubgraph },
        responseBytes,
      };
    } finally {
      await gateway.stop();
    }
  } finally {
    for (const s of started) {
      await s.served.stop().catch(() => undefined);
      await s.subgraph.orm.close().catch(() => undefined);
    }
  }
}
