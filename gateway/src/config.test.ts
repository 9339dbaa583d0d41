import { SUBGRAPH_NAMES } from '@kh02/common';
import { loadGatewayConfig } from './config';

describe('gateway config', () => {
  test('defaults run on a laptop', () => {
    const c = loadGatewayConfig({});
    expect(c.port).toBe(4000);
    expect(c.subgraphUrls).toEqual({
      geography: 'http://127.0.0.1:4001/graphql',
      tasks: 'http://127.0.0.1:4002/graphql',
      readiness: 'http://127.0.0.1:4003/graphql',
    });
    expect(c.production).toBe(false);
    expect(Object.isFrozen(c)).toBe(true);
  });

  test('idle memory release: off unless IDLE_GC_MS is set; then only when RSS grew 64 MB (configurable)', () => {
    const c = loadGatewayConfig({});
    expect([c.idleGcMs, c.idleGcMinGrowthBytes]).toEqual([0, 64 * 1024 * 1024]);
    const d = loadGatewayConfig({ IDLE_GC_MS: '2000', IDLE_GC_MIN_GROWTH_MB: '8' });
    expect([d.idleGcMs, d.idleGcMinGrowthBytes]).toEqual([2000, 8 * 1024 * 1024]);
    expect(() => loadGatewayConfig({ IDLE_GC_MS: 'soon' })).toThrow('IDLE_GC_MS');
  });

  test('one URL per registered subgraph, read from <NAME>_URL', () => {
    expect(Object.keys(loadGatewayConfig({}).subgraphUrls)).toEqual(SUBGRAPH_NAMES);
    expect(loadGatewayConfig({ READINESS_URL: 'http://readiness:8080/graphql' }).subgraphUrls.readiness).toBe('http://readiness:8080/graphql');
  });

  test('subgraph ports move the default URLs', () => {
    expect(loadGatewayConfig({ TASKS_PORT: '5002' }).subgraphUrls.tasks).toBe('http://127.0.0.1:5002/graphql');
  });

  // What production needs beyond the shared secret (identity: see auth/config.ts).
  const PROD_AUTH = { INTERNAL_TOKEN_SECRET: 'x'.repeat(32), AUTH_ISSUER: 'https://id.example', AUTH_JWKS_URL: 'https://id.example/jwks.json' };

  test('limits, budget and posture have defaults and are each configurable', () => {
    const c = loadGatewayConfig({});
    expect(c.limits).toEqual({ depth: 12, aliases: 20, tokens: 2000, directives: 20, cost: 500_000, defaultListSize: 100 });
    expect(c.introspection).toBe(true);
    expect(loadGatewayConfig({ LIMIT_COST: '10', SUBGRAPH_SECRET: 's', NODE_ENV: 'production', ...PROD_AUTH }).limits.cost).toBe(10);
    const p = loadGatewayConfig({ NODE_ENV: 'production', SUBGRAPH_SECRET: 's', ...PROD_AUTH });
    expect([p.introspection, p.suggestions]).toEqual([false, false]);
    expect(loadGatewayConfig({ NODE_ENV: 'production', SUBGRAPH_SECRET: 's', INTROSPECTION: 'true', ...PROD_AUTH }).introspection).toBe(true);
  });

  test('an unknown NODE_ENV is refused', () => {
    expect(() => loadGatewayConfig({ NODE_ENV: 'staging' })).toThrow('NODE_ENV');
  });

  test('production needs the shared secret', () => {
    expect(() => loadGatewayConfig({ NODE_ENV: 'production' })).toThrow('SUBGRAPH_SECRET');
    const production = {
      NODE_ENV: 'production',
      SUBGRAPH_SECRET: 's3cret',
      INTERNAL_TOKEN_SECRET: 'x'.repeat(32),
      AUTH_ISSUER: 'https://id.example',
      AUTH_JWKS_URL: 'https://id.example/jwks.json',
    };
    expect(loadGatewayConfig(production).production).toBe(true);
  });

  test('production needs real token keys, an issuer and the internal token secret, and refuses the development key', () => {
    const base = {
      NODE_ENV: 'production',
      SUBGRAPH_SECRET: 's3cret',
      INTERNAL_TOKEN_SECRET: 'x'.repeat(32),
      AUTH_ISSUER: 'https://id.example',
      AUTH_JWKS_URL: 'https://id.example/jwks.json',
    };
    expect(() => loadGatewayConfig({ ...base, AUTH_JWKS_URL: '' })).toThrow('AUTH_JWKS_URL or AUTH_JWKS');
    expect(() => loadGatewayConfig({ ...base, AUTH_ISSUER: '' })).toThrow('AUTH_ISSUER');
    expect(() => loadGatewayConfig({ ...base, INTERNAL_TOKEN_SECRET: '' })).toThrow('INTERNAL_TOKEN_SECRET');
    expect(() => loadGatewayConfig({ ...base, INTERNAL_TOKEN_SECRET: 'short' })).toThrow('at least 32');
    expect(() => loadGatewayConfig({ ...base, AUTH_DEV_KEY: 'true' })).toThrow('AUTH_DEV_KEY');
    expect(loadGatewayConfig({}).auth).toMatchObject({ issuer: 'kh02-dev', audience: 'kh02', devKey: true, clockSkewSeconds: 30 });
  });
});

describe('playground, introspection and safelist (issue 13)', () => {
  const PROD = {
    NODE_ENV: 'production',
    SUBGRAPH_SECRET: 's',
    INTERNAL_TOKEN_SECRET: 'x'.repeat(32),
    AUTH_ISSUER: 'https://id.example',
    AUTH_JWKS_URL: 'https://id.example/jwks.json',
  };

  test('the playground is served outside production, and in production only when PLAYGROUND=true; introspection follows it', () => {
    expect([loadGatewayConfig({}).playground, loadGatewayConfig({}).introspection]).toEqual([true, true]);
    const test = loadGatewayConfig({ NODE_ENV: 'test', SUBGRAPH_SECRET: 's' });
    expect([test.playground, test.introspection]).toEqual([true, true]);
    const production = loadGatewayConfig(PROD);
    expect([production.playground, production.introspection, production.suggestions]).toEqual([false, false, false]);
    const intranet = loadGatewayConfig({ ...PROD, PLAYGROUND: 'true' });
    expect([intranet.playground, intranet.introspection]).toEqual([true, true]);
  });

  test('an explicit INTROSPECTION wins over the playground switch', () => {
    expect(loadGatewayConfig({ ...PROD, PLAYGROUND: 'true', INTROSPECTION: 'false' }).introspection).toBe(false);
    expect(loadGatewayConfig({ PLAYGROUND: 'false' }).introspection).toBe(false);
    expect(loadGatewayConfig({ PLAYGROUND: 'false', INTROSPECTION: 'true' }).introspection).toBe(true);
  });

  test('safelist mode is off by default; its roles are partners unless configured, and checked', () => {
    expect([loadGatewayConfig({}).safelist, loadGatewayConfig({}).safelistRoles]).toEqual([false, ['partner']]);
    expect(loadGatewayConfig({ SAFELIST: 'true', SAFELIST_ROLES: 'partner, commune-official' }).safelistRoles).toEqual(['partner', 'commune-official']);
    expect(() => loadGatewayConfig({ SAFELIST_ROLES: 'partners' })).toThrow('SAFELIST_ROLES');
  });
});
