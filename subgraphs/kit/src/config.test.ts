import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadDatabaseTuning, loadSubgraphConfig } from './config';
import { ormOptions, postgresDriverSettings, SqlStats } from './orm';

const secrets = { SUBGRAPH_SECRET: 's'.repeat(24), INTERNAL_TOKEN_SECRET: 'k'.repeat(32) };

describe('database settings (pool, statement timeout, TLS)', () => {
  it('defaults: pool 0–10, no statement timeout and no TLS in development; 30 s timeout in production', () => {
    expect(loadSubgraphConfig('tasks', 4002, {}).database).toEqual({ poolMin: 0, poolMax: 10, statementTimeoutMs: 0, ssl: 'disable', sslCa: undefined });
    expect(loadSubgraphConfig('tasks', 4002, { NODE_ENV: 'production', ...secrets }).database.statementTimeoutMs).toBe(30_000);
  });

  it('reads DATABASE_POOL_MIN/MAX, DATABASE_STATEMENT_TIMEOUT_MS and DATABASE_SSL', () => {
    const t = loadDatabaseTuning({ DATABASE_POOL_MIN: '2', DATABASE_POOL_MAX: '20', DATABASE_STATEMENT_TIMEOUT_MS: '5000', DATABASE_SSL: 'require' }, true);
    expect(t).toEqual({ poolMin: 2, poolMax: 20, statementTimeoutMs: 5000, ssl: 'require', sslCa: undefined });
  });

  it('refuses inconsistent or invalid settings, naming the variable', () => {
    expect(() => loadDatabaseTuning({ DATABASE_POOL_MIN: '5', DATABASE_POOL_MAX: '2' }, false)).toThrow(
      /DATABASE_POOL_MIN \(5\) must not exceed DATABASE_POOL_MAX \(2\)/,
    );
    expect(() => loadDatabaseTuning({ DATABASE_POOL_MAX: '0' }, false)).toThrow(/DATABASE_POOL_MAX must be a whole number ≥ 1/);
    expect(() => loadDatabaseTuning({ DATABASE_POOL_MAX: 'many' }, false)).toThrow(/DATABASE_POOL_MAX/);
    expect(() => loadDatabaseTuning({ DATABASE_STATEMENT_TIMEOUT_MS: '-5' }, false)).toThrow(/DATABASE_STATEMENT_TIMEOUT_MS/);
    expect(() => loadDatabaseTuning({ DATABASE_SSL: 'prefer' }, false)).toThrow(/DATABASE_SSL/);
    expect(() => loadDatabaseTuning({ DATABASE_SSL: 'verify-full', DATABASE_SSL_CA: '/no/such/ca.pem' }, false)).toThrow(
      /DATABASE_SSL_CA: no file at \/no\/such\/ca.pem/,
    );
    expect(() => loadDatabaseTuning({ DATABASE_SSL_CA: __filename }, false)).toThrow(/DATABASE_SSL=disable/);
    // The subgraph's own loader reports them too (runSubgraphMain prints the message and exits).
    expect(() => loadSubgraphConfig('geography', 4001, { DATABASE_POOL_MAX: '0' })).toThrow(/DATABASE_POOL_MAX/);
  });

  it('becomes MikroORM pool and driverOptions.connection (statement_timeout, ssl) on PostgreSQL', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'kh02-ca-'));
    const ca = path.join(dir, 'ca.pem');
    writeFileSync(ca, '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n');
    const tuning = loadDatabaseTuning(
      { DATABASE_POOL_MIN: '1', DATABASE_POOL_MAX: '8', DATABASE_STATEMENT_TIMEOUT_MS: '2500', DATABASE_SSL: 'verify-full', DATABASE_SSL_CA: ca },
      true,
    );
    const options = ormOptions(
      { subgraph: 'tasks', databaseUrl: 'postgres://u@db:5432/tasks', dataDir: dir, entities: [], migrations: [], tuning },
      new SqlStats(),
    );
    expect(options.clientUrl).toBe('postgres://u@db:5432/tasks');
    expect(options.pool).toEqual({ min: 1, max: 8 });
    expect(options.driverOptions).toEqual({
      connection: { statement_timeout: 2500, ssl: { rejectUnauthorized: true, ca: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n' } },
    });
    expect(postgresDriverSettings({ poolMin: 0, poolMax: 10, statementTimeoutMs: 0, ssl: 'require', sslCa: undefined })).toEqual({
      pool: { min: 0, max: 10 },
      driverOptions: { connection: { ssl: { rejectUnauthorized: false } } },
    });
    expect(postgresDriverSettings({ poolMin: 0, poolMax: 3, statementTimeoutMs: 0, ssl: 'disable', sslCa: undefined }).driverOptions).toEqual({
      connection: { ssl: false },
    });
  });

  it('leaves SQLite without pool or driver options', () => {
    const options = ormOptions({ subgraph: 'tasks', databaseUrl: 'sqlite::memory:', dataDir: tmpdir(), entities: [], migrations: [] }, new SqlStats());
    expect(options.pool).toBeUndefined();
    expect(options.driverOptions).toBeUndefined();
  });
});
