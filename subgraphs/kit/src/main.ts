import { exitOnUnsupportedNode, setupTracing, shutdownTracing } from '@kh02/common';
import pino from 'pino';
import type { SubgraphConfig } from './config';
import type { EntityManager } from '@mikro-orm/core';
import { assertMigrated, migrate, syncSequences } from './orm';
import type { ServedSubgraph, Subgraph } from './server';

/**
 * Brings a subgraph's database to where it can serve. Development and test: applies pending
 * migrations and seeds the default dataset into an empty database (unless SEED=false), so
 * `npm start` works on a fresh checkout. Production (NODE_ENV=production): changes nothing — it
 * checks that every migration has been applied and throws, naming them and `npm run migrate`,
 * when one has not. Returns whether it seeded.
 */
export async function prepareDatabase(
  subgraph: Pick<Subgraph, 'orm' | 'name'>,
  config: Pick<SubgraphConfig, 'production' | 'seed'>,
  seed: (em: EntityManager) => Promise<boolean>,
): Promise<boolean> {
  if (config.production) {
    await assertMigrated(subgraph.orm, subgraph.name);
    return false;
  }
  await migrate(subgraph.orm);
  const seeded = config.seed ? await seed(subgraph.orm.em.fork()) : false;
  if (seeded) await syncSequences(subgraph.orm);
  return seeded;
}

/** What a subgraph's `main.ts` starts. */
export interface Started {
  subgraph: Pick<Subgraph, 'close'>;
  served: ServedSubgraph;
  seeded: boolean;
}

/** The process logger: JSON lines on stdout (pino), level from LOG_LEVEL; made when a process starts, not when the kit is imported. */
function processLogger(): pino.Logger {
  return pino({ level: process.env.LOG_LEVEL || 'info', base: { service: process.env.KH02_SERVICE } });
}

/**
 * Runs a subgraph process: loads config, starts, logs where it listens, and on SIGTERM/SIGINT
 * drains requests and closes the database. A port in use is a one-line error naming the
 * variable that changes it.
 */
export async function runSubgraphMain<C extends SubgraphConfig>(
  loadConfig: () => Readonly<C>,
  start: (config: Readonly<C>) => Promise<Started>,
): Promise<void> {
  exitOnUnsupportedNode();
  let config: Readonly<C>;
  try {
    config = loadConfig();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  }
  const log = processLogger().child({ subgraph: config.name });
  // OTLP export when OTEL_EXPORTER_OTLP_ENDPOINT is set; before the subgraph is built, so its root resolvers are traced.
  setupTracing(config.name);
  try {
    const { subgraph, served, seeded } = await start(config);
    log.info({ url: served.url, metricsUrl: served.metricsUrl, seeded }, `${config.name} subgraph ready`);
    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      log.info({ signal }, 'shutting down');
      await served.stop();
      await subgraph.close();
      await shutdownTracing().catch(() => undefined);
      process.exit(0);
    };
    process.once('SIGTERM', () => void stop('SIGTERM'));
    process.once('SIGINT', () => void stop('SIGINT'));
  } catch (error) {
    const err = error as NodeJS.ErrnoException;
    if (err.code === 'EADDRINUSE') {
      process.stderr.write(`Port ${config.port} is already in use: set ${config.name.toUpperCase()}_PORT to a free port.\n`);
    } else if (/is not migrated/.test(err.message)) {
      process.stderr.write(`${err.message}\n`);
    } else {
      log.error({ err }, `${config.name} subgraph failed to start`);
    }
    process.exit(1);
  }
}
