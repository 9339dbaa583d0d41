import { bindingCovers, canWrite, holdsScope } from './access';
import { ANONYMOUS, SCOPES, scopesOfRoles, type Caller, type Role } from './caller';
import { createInternalTokenSigner, createInternalTokenVerifier, internalKey, signInternalToken, verifyInternalToken } from './internal-token';

const caller = (role: Role, binding: { province?: string; commune?: string; scopes?: string[] } = {}): Caller => ({
  subject: role,
  roles: [role],
  ...binding,
  scopes: [...(binding.scopes ?? []), ...scopesOfRoles([role])],
});

describe('reading details', () => {
  it('analysts and admins hold read:details; officials read:local-details; partners neither', () => {
    expect(scopesOfRoles(['analyst'])).toEqual([SCOPES.READ_DETAILS]);
    expect(scopesOfRoles(['admin'])).toEqual([SCOPES.READ_DETAILS]);
    expect(scopesOfRoles(['province-official'])).toEqual([SCOPES.READ_LOCAL_DETAILS]);
    expect(scopesOfRoles(['commune-official'])).toEqual([SCOPES.READ_LOCAL_DETAILS]);
    expect(scopesOfRoles(['partner'])).toEqual([]);
  });

  it('read:local-details holds only where the binding covers the record', () => {
    const p = caller('province-official', { province: '04' });
    expect(holdsScope(p, SCOPES.READ_LOCAL_DETAILS, { province: '04', commune: '01234' })).toBe(true);
    expect(holdsScope(p, SCOPES.READ_LOCAL_DETAILS, { province: '01', commune: '00004' })).toBe(false);
    expect(holdsScope(p, SCOPES.READ_LOCAL_DETAILS, { commune: '01234' }, '04')).toBe(true);
    expect(holdsScope(p, SCOPES.READ_LOCAL_DETAILS, { commune: '01234' })).toBe(false);
    expect(holdsScope(p, SCOPES.READ_LOCAL_DETAILS, {})).toBe(false);
    const c = caller('commune-official', { commune: '00004' });
    expect(bindingCovers(c, { commune: '00004' })).toBe(true);
    expect(bindingCovers(c, { province: '01' })).toBe(false);
    expect(bindingCovers(ANONYMOUS, { commune: '00004' })).toBe(false);
  });
});

describe('write rights (the model the write path will use)', () => {
  it('follows the access matrix', () => {
    const where = { province: '04', commune: '01234' };
    expect(canWrite(ANONYMOUS, SCOPES.WRITE_ASSESSMENTS, where)).toBe('UNAUTHENTICATED');
    expect(canWrite(caller('admin'), SCOPES.WRITE_ASSESSMENTS, where)).toBe('ok');
    expect(canWrite(caller('analyst'), SCOPES.WRITE_ASSESSMENTS, where)).toBe('FORBIDDEN');
    expect(canWrite(caller('province-official', { province: '04' }), SCOPES.WRITE_PROGRESS, where)).toBe('ok');
    expect(canWrite(caller('province-official', { province: '01' }), SCOPES.WRITE_PROGRESS, where)).toBe('FORBIDDEN');
    expect(canWrite(caller('commune-official', { commune: '01234' }), SCOPES.WRITE_ASSESSMENTS, where)).toBe('ok');
    expect(canWrite(caller('partner', { scopes: [SCOPES.WRITE_APPLICATIONS] }), SCOPES.WRITE_APPLICATIONS, where)).toBe('ok');
    expect(canWrite(caller('partner', { scopes: [SCOPES.WRITE_APPLICATIONS] }), SCOPES.WRITE_SYNCED_RECORDS, where)).toBe('FORBIDDEN');
    expect(canWrite(caller('partner', { scopes: [SCOPES.WRITE_ASSESSMENTS] }), SCOPES.WRITE_ASSESSMENTS, where)).toBe('FORBIDDEN');
  });
});

describe('the internal identity token', () => {
  const key = internalKey('a-test-secret-that-is-long-enough-0123456789');
  it('round-trips a caller and refuses another key, expiry and short secrets', async () => {
    const c = { ...caller('province-official', { province: '04' }), requestId: 'r1' };
    expect(await verifyInternalToken(await signInternalToken(c, key), key)).toEqual(c);
    expect(await verifyInternalToken(await signInternalToken(ANONYMOUS, key), key)).toMatchObject({ roles: [], scopes: [] });
    const other = internalKey('another-test-secret-that-is-long-enough-0123');
    await expect(verifyInternalToken(await signInternalToken(c, other), key)).rejects.toThrow();
    await expect(verifyInternalToken(await signInternalToken(c, key, Date.now() - 600_000), key)).rejects.toThrow();
    expect(() => internalKey('short')).toThrow(/at least 32/);
  });
});

describe('the gateway signer and the subgraph verifier', () => {
  const key = internalKey('a-test-secret-that-is-long-enough-0123456789');
  const official = caller('province-official', { province: '04' });

  it('signs one token per caller (request id aside) and signs afresh after the reuse window', async () => {
    const sign = createInternalTokenSigner(key, { reuseSeconds: 60 });
    const t0 = 1_800_000_000_000;
    const a = await sign({ ...official, requestId: 'r1' }, t0);
    expect(await sign({ ...official, requestId: 'r2' }, t0 + 59_000)).toBe(a);
    expect(await sign(caller('province-official', { province: '01' }), t0)).not.toBe(a);
    expect(await sign(ANONYMOUS, t0)).not.toBe(a);
    const later = await sign(official, t0 + 61_000);
    expect(later).not.toBe(a);
    // No request id inside: it travels in x-request-id.
    const payload = JSON.parse(Buffer.from(a.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
    expect(payload.rid).toBeUndefined();
    expect(payload.exp).toBe(t0 / 1000 + 120);
  });

  it('remembers a verified token only until it expires, and never a bad one', async () => {
    const verify = createInternalTokenVerifier(key);
    const token = await signInternalToken(official, key);
    expect(await verify(token)).toEqual(official);
    expect(await verify(token)).toEqual(official);
    // Past its expiry (+ 5 s tolerance) the remembered token is refused like any other.
    await expect(verify(token, Date.now() + 126_000)).rejects.toThrow();
    const forged = await signInternalToken(caller('admin'), internalKey('another-test-secret-that-is-long-enough-0123'));
    await expect(verify(forged)).rejects.toThrow();
    await expect(verify(forged)).rejects.toThrow();
    const tampered = `${token.slice(0, -2)}${token.endsWith('A') ? 'B' : 'A'}A`;
    await expect(verify(tampered)).rejects.toThrow();
  });
});
