import { exitOnUnsupportedNode, setupTracing, shutdownTracing } from '@kh02/common';
import pino from 'pino';
import { createGateway } from './app';
import { loadGatewayConfig } from './config';

const log = pino({ level: process.env.LOG_LEVEL || 'info', base: { service: 'gateway' } });

async function main(): Promise<void> {
  exitOnUnsupportedNode();
  let config;
  try {
    config = loadGatewayConfig();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exit(1);
  }
  // OTLP export when OTEL_EXPORTER_OTLP_ENDPOINT is set; nothing otherwise.
  setupTracing('gateway');
  const gateway = await createGateway(config, { log });
  try {
    const url = await gateway.listen(config.port, config.host);
    log.info({ url, metricsUrl: gateway.metricsUrl }, 'gateway ready');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      process.stderr.write(`Port ${config.port} is already in use: set GATEWAY_PORT to a free port.\n`);
      process.exit(1);
    }
    throw error;
  }
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    // Stop taking requests, let those in flight finish within the grace period, then exit.
    log.info({ signal, graceMs: config.shutdownGraceMs }, 'shutting down');
    setTimeout(() => process.exit(1), config.shutdownGraceMs + 2000).unref();
    await gateway.stop();
    await shutdownTracing().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}

main().catch((error) => {
  log.error({ err: error }, 'gateway failed to start');
  process.exit(1);
});
