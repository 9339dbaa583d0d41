import { parseTokenArgs, parseTtl } from './dev-token';
import { AuthenticationFailed, callerFromClaims } from './verify';

describe('npm run token arguments', () => {
  it('reads every role', () => {
    expect(parseTokenArgs(['--role', 'province-official', '--province', '04'])).toMatchObject({ role: 'province-official', province: '04', ttlSeconds: 3600 });
    expect(parseTokenArgs(['--role=commune-official', '--commune=00004', '--ttl', '15m'])).toMatchObject({ commune: '00004', ttlSeconds: 900 });
    expect(parseTokenArgs(['--role', 'partner', '--scopes', 'read:statistics,write:applications'])).toMatchObject({
      scopes: ['read:statistics', 'write:applications'],
    });
    expect(parseTokenArgs(['--role', 'admin', '--ttl', '1h']).subject).toBe('dev-admin');
  });

  it.each([
    [[], /--role is required/],
    [['--role', 'root'], /Unknown role "root"/],
    [['--role', 'province-official'], /needs --province/],
    [['--role', 'province-official', '--province', '4'], /two-digit/],
    [['--role', 'commune-official', '--commune', 'abc'], /five-digit/],
    [['--role', 'analyst', '--province', '04'], /--province goes with --role province-official only/],
    [['--role', 'analyst', '--scopes', 'read:statistics'], /--scopes goes with --role partner only/],
    [['--role', 'partner', '--scopes', 'read:details'], /Unknown scope "read:details"/],
    [['--role', 'analyst', '--ttl', 'soon'], /not a duration/],
    [['--role', 'analyst', '--ttl', '90d'], /between 1 second and 30 days/],
    [['--role', 'analyst', '--bogus'], /Unknown argument "--bogus"/],
    [['--role'], /--role needs a value/],
  ])('%j is one clear line', (argv, message) => {
    expect(() => parseTokenArgs(argv as string[])).toThrow(message);
    try {
      parseTokenArgs(argv as string[]);
    } catch (error) {
      expect((error as Error).message).not.toContain('\n');
    }
  });

  it('durations', () => {
    expect([parseTtl('90s'), parseTtl('2m'), parseTtl('1d'), parseTtl('120')]).toEqual([90, 120, 86400, 120]);
  });
});

describe('claims to caller', () => {
  it('derives the read scopes from roles and never takes them from the token', () => {
    expect(callerFromClaims({ sub: 'a', roles: ['analyst'], scope: 'read:details read:local-details' }).scopes).toEqual(['read:details']);
    expect(callerFromClaims({ sub: 'p', role: 'partner', scope: 'read:details write:applications' }).scopes).toEqual(['write:applications']);
    expect(callerFromClaims({ sub: 'o', roles: ['province-official'], province: '04' })).toMatchObject({ province: '04', scopes: ['read:local-details'] });
  });

  it.each([
    [{ roles: ['analyst'] }, /subject/],
    [{ sub: 'x', roles: ['root'] }, /unknown role/],
    [{ sub: 'x', roles: ['province-official'] }, /province/],
    [{ sub: 'x', roles: ['commune-official'], commune: '4' }, /commune/],
  ])('refuses %j', (claims, message) => {
    expect(() => callerFromClaims(claims)).toThrow(AuthenticationFailed);
    expect(() => callerFromClaims(claims)).toThrow(message);
  });
});
