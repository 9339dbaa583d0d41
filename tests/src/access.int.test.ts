import { INTERNAL_TOKEN_HEADER, GATEWAY_SECRET_HEADER, signInternalToken, internalKey, scopesOfRoles } from '@kh02/common';
import { ensureDevKey, issueDevToken, parseTokenArgs } from '@kh02/gateway';
import { execFile } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startPlatform, type Platform } from './harness';

/**
 * Identity and access through the gateway over real HTTP: every role against representative
 * fields of every subgraph, every token fault, forged identity headers at the gateway and straight
 * at a subgraph, and `npm run token`'s output. Real keys throughout (the platform's development key).
 */
let p: Platform;
beforeAll(async () => {
  p = await startPlatform();
}, 600_000);
afterAll(() => p?.close());

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const as = async (args: string[]) => bearer(await p.token(args));

/** A commune in Hà Nội (01), another in Cao Bằng (04), from geography's own list. */
const HANOI = '00004';
let caoBang: string;
beforeAll(async () => {
  const r = await p.query(`{ province(code: "04") { communes(first: 1) { edges { node { code } } } } }`);
  caoBang = r.data.province.communes.edges[0].node.code;
});

/** Every subgraph at once: geography (names), tasks (colour, coverage, who reported), readiness (criteria, who assessed, notes). */
const EVERYTHING = `query($c: ID!) {
  country { greenCoverage { percent } readiness { fullyMet { percent } } }
  commune(code: $c) {
    code name province { code name }
    progressStatus
    assignments { percent lastReport { percent reportedBy } }
    readiness { meetsBasicConditions criteria { criterion { code } met note assessedBy } }
  }
  task(code: "KH02-1.1") { reports { percent reportedBy } }
}`;

/** The codes of the errors, by the path they sit at (indices dropped). */
function codesAt(errors: any[] | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const e of errors ?? []) {
    const key = (e.path ?? []).filter((s: unknown) => typeof s === 'string').join('.');
    const codes = (out[key] ??= []);
    if (!codes.includes(e.extensions?.code)) codes.push(e.extensions?.code);
  }
  return out;
}

function expectPublicPartsThere(d: any, commune: string) {
  expect(d.country.greenCoverage.percent).toBe(72.21);
  expect(d.country.readiness.fullyMet.percent).toBe(59.65);
  expect(d.commune.code).toBe(commune);
  expect(typeof d.commune.name).toBe('string');
  expect(d.commune.progressStatus).toMatch(/GREEN|YELLOW|RED/);
  expect(d.commune.readiness.criteria.length).toBeGreaterThan(5);
  expect(d.commune.readiness.criteria.every((c: any) => typeof c.met === 'boolean')).toBe(true);
  expect(d.task.reports.map((r: any) => r.percent)).toEqual([20, 40, 60, 70]);
}

describe('the contracts', () => {
  it('anonymous reads the aggregate figures', async () => {
    const r = await p.query(`{ country { greenCoverage { percent } } }`);
    expect(r.status).toBe(200);
    expect(r.errors).toBeUndefined();
    expect(r.data.country.greenCoverage.percent).toBe(72.21);
  });

  it('anonymous gets null assessedBy with UNAUTHENTICATED at its path, and the rest of the answer', async () => {
    const r = await p.query(`{ commune(code: "${HANOI}") { name readiness { meetsBasicConditions criteria { criterion { code } met assessedBy } } } }`);
    expect(r.status).toBe(200);
    expect(r.data.commune.name).toBeTruthy();
    const criteria = r.data.commune.readiness.criteria;
    expect(criteria.every((c: any) => c.assessedBy === null && typeof c.met === 'boolean' && c.criterion.code)).toBe(true);
    expect(r.errors).toHaveLength(criteria.length);
    expect(r.errors![0].path).toEqual(['commune', 'readiness', 'criteria', 0, 'assessedBy']);
    expect(new Set(r.errors!.map((e) => e.extensions.code))).toEqual(new Set(['UNAUTHENTICATED']));
  });

  it('an analyst token from npm run token answers assessedBy', async () => {
    const script = path.resolve(__dirname, '../../scripts/dist/token.js');
    const { stdout } = await promisify(execFile)(process.execPath, [script, '--role', 'analyst', '--ttl', '10m'], {
      env: { ...process.env, DEV_KEYS_DIR: p.devKeysDir },
    });
    const r = await p.query(`{ commune(code: "${HANOI}") { readiness { criteria { met assessedBy } } } }`, undefined, bearer(stdout.trim()));
    expect(r.errors).toBeUndefined();
    const assessed = r.data.commune.readiness.criteria.filter((c: any) => c.assessedBy !== null);
    expect(assessed.length).toBeGreaterThan(0);
    expect(typeof assessed[0].assessedBy).toBe('string');
  });

  it('Authorization: Bearer garbage is HTTP 401 UNAUTHENTICATED', async () => {
    const r = await p.query(`{ country { code } }`, undefined, { authorization: 'Bearer garbage' });
    expect(r.status).toBe(401);
    expect(r.data).toBeUndefined();
    expect(r.errors![0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('a client-sent x-kh02-caller header changes nothing', async () => {
    const forged = Buffer.from(JSON.stringify({ id: 'root', subject: 'root', roles: ['admin'], scopes: ['read', 'read:details'] })).toString('base64url');
    const q = `{ commune(code: "${HANOI}") { readiness { criteria { assessedBy } } } }`;
    // Every answer carries its own request id; everything else must be the same.
    const withoutRequestIds = (r: unknown) => JSON.parse(JSON.stringify(r, (key, value) => (key === 'requestId' ? undefined : value)));
    const plain = withoutRequestIds(await p.query(q));
    for (const headers of [{ 'x-kh02-caller': forged }, { 'x-kh02-caller': forged, [INTERNAL_TOKEN_HEADER]: 'forged' }] as Record<string, string>[]) {
      const r = await p.query(q, undefined, headers);
      expect(withoutRequestIds(r)).toEqual(plain);
    }
  });
});

describe('every role against every subgraph', () => {
  const cases: {
    name: string;
    args: string[] | null;
    commune: () => string;
    details: 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN';
    central: 'ok' | 'UNAUTHENTICATED' | 'FORBIDDEN';
  }[] = [
    { name: 'anonymous', args: null, commune: () => HANOI, details: 'UNAUTHENTICATED', central: 'UNAUTHENTICATED' },
    { name: 'admin', args: ['--role', 'admin'], commune: () => HANOI, details: 'ok', central: 'ok' },
    { name: 'analyst', args: ['--role', 'analyst'], commune: () => HANOI, details: 'ok', central: 'ok' },
    {
      name: 'province official of Hà Nội, a Hà Nội commune',
      args: ['--role', 'province-official', '--province', '01'],
      commune: () => HANOI,
      details: 'ok',
      central: 'FORBIDDEN',
    },
    {
      name: 'province official of Cao Bằng, a Hà Nội commune',
      args: ['--role', 'province-official', '--province', '04'],
      commune: () => HANOI,
      details: 'FORBIDDEN',
      central: 'FORBIDDEN',
    },
    {
      name: 'province official of Cao Bằng, a Cao Bằng commune',
      args: ['--role', 'province-official', '--province', '04'],
      commune: () => caoBang,
      details: 'ok',
      central: 'FORBIDDEN',
    },
    {
      name: 'commune official, own commune',
      args: ['--role', 'commune-official', '--commune', HANOI],
      commune: () => HANOI,
      details: 'ok',
      central: 'FORBIDDEN',
    },
    {
      name: 'commune official, another commune',
      args: ['--role', 'commune-official', '--commune', HANOI],
      commune: () => caoBang,
      details: 'FORBIDDEN',
      central: 'FORBIDDEN',
    },
    {
      name: 'partner with every scope',
      args: ['--role', 'partner', '--scopes', 'read:statistics,write:applications,write:synced-records'],
      commune: () => HANOI,
      details: 'FORBIDDEN',
      central: 'FORBIDDEN',
    },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const headers = c.args ? await as(c.args) : {};
      const r = await p.query(EVERYTHING, { c: c.commune() }, headers);
      expect(r.status).toBe(200);
      expectPublicPartsThere(r.data, c.commune());
      const codes = codesAt(r.errors);
      const expected: Record<string, string[]> = {};
      if (c.details !== 'ok') {
        expected['commune.readiness.criteria.note'] = [c.details];
        expected['commune.readiness.criteria.assessedBy'] = [c.details];
        expected['commune.assignments.lastReport.reportedBy'] = [c.details];
      }
      if (c.central !== 'ok') expected['task.reports.reportedBy'] = [c.central];
      // Nulls (only) where the errors are; values where the caller may read.
      for (const key of Object.keys(codes)) expect(expected).toHaveProperty([key]);
      expect(codes).toEqual(expected);
      const criteria = r.data.commune.readiness.criteria;
      const reports = r.data.commune.assignments.map((a: any) => a.lastReport).filter(Boolean);
      expect(reports.length).toBeGreaterThan(0);
      if (c.details === 'ok') {
        expect(criteria.some((x: any) => typeof x.assessedBy === 'string')).toBe(true);
        expect(reports.every((x: any) => typeof x.reportedBy === 'string')).toBe(true);
      } else {
        expect(criteria.every((x: any) => x.assessedBy === null && x.note === null)).toBe(true);
        expect(reports.every((x: any) => x.reportedBy === null)).toBe(true);
      }
      expect(r.data.task.reports.every((x: any) => (c.central === 'ok' ? x.reportedBy === 'Ministry of Justice' : x.reportedBy === null))).toBe(true);
    });
  }

  it('a province official sees the notes of failing communes of the province, not of another', async () => {
    const q = `{ communesFailingCriterion(provinceCode: "04", criterion: "STAFF", first: 3) { totalCount edges { node { code } note } } }`;
    const own = await p.query(q, undefined, await as(['--role', 'province-official', '--province', '04']));
    expect(own.errors).toBeUndefined();
    const other = await p.query(q, undefined, await as(['--role', 'province-official', '--province', '01']));
    expect(other.data.communesFailingCriterion.totalCount).toBe(own.data.communesFailingCriterion.totalCount);
    expect(codesAt(other.errors)).toEqual(own.data.communesFailingCriterion.edges.length ? { 'communesFailingCriterion.edges.note': ['FORBIDDEN'] } : {});
  });
});

describe('token faults are HTTP 401 UNAUTHENTICATED, never anonymous', () => {
  const analyst = parseTokenArgs(['--role', 'analyst']);
  const sign = async (options: Partial<{ issuer: string; audience: string; now: number; notBeforeSeconds: number; ttl: number }>, dir = p.devKeysDir) =>
    issueDevToken({ ...analyst, ttlSeconds: options.ttl ?? 600 }, await ensureDevKey(dir), { issuer: 'kh02-dev', audience: 'kh02', ...options });
  const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const claims = () => ({
    sub: 'x',
    roles: ['admin'],
    iss: 'kh02-dev',
    aud: 'kh02',
    iat: Math.floor(Date.now() / 1000),
    exp: Math.floor(Date.now() / 1000) + 600,
  });
  let otherDir: string;
  beforeAll(() => {
    otherDir = mkdtempSync(path.join(os.tmpdir(), 'kh02-other-key-'));
  });
  afterAll(() => rmSync(otherDir, { recursive: true, force: true }));

  const faults: [string, () => Promise<string>][] = [
    ['expired (beyond the clock skew)', () => sign({ now: Date.now() - 3600_000, ttl: 60 })],
    ['not yet valid (nbf beyond the clock skew)', () => sign({ notBeforeSeconds: 600 })],
    ['wrong issuer', () => sign({ issuer: 'someone-else' })],
    ['wrong audience', () => sign({ audience: 'another-api' })],
    ['signed with another key', () => sign({}, otherDir)],
    ['alg: none', async () => `${b64({ alg: 'none', typ: 'JWT' })}.${b64(claims())}.`],
    [
      'HS256 with a guessed secret',
      async () => {
        const input = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims())}`;
        return `${input}.${createHmac('sha256', 'secret').update(input).digest('base64url')}`;
      },
    ],
    [
      'a tampered payload',
      async () => {
        const [h, , s] = (await sign({})).split('.');
        return `${h}.${b64({ ...claims(), roles: ['admin'] })}.${s}`;
      },
    ],
    ['garbage', async () => 'garbage'],
    [
      'an unknown role',
      async () => issueDevToken({ ...analyst, role: 'root' as never }, await ensureDevKey(p.devKeysDir), { issuer: 'kh02-dev', audience: 'kh02' }),
    ],
  ];
  for (const [name, make] of faults) {
    it(name, async () => {
      const r = await p.query(`{ country { code } }`, undefined, bearer(await make()));
      expect(r.status).toBe(401);
      expect(r.data).toBeUndefined();
      expect(r.errors![0].extensions.code).toBe('UNAUTHENTICATED');
    });
  }

  it('a non-Bearer Authorization header', async () => {
    const r = await p.query(`{ country { code } }`, undefined, { authorization: 'Basic YWRtaW46YWRtaW4=' });
    expect([r.status, r.errors![0].extensions.code]).toEqual([401, 'UNAUTHENTICATED']);
  });

  it('within the clock skew a just-expired token still passes', async () => {
    const r = await p.query(`{ country { code } }`, undefined, bearer(await sign({ now: Date.now() - 70_000, ttl: 60 })));
    expect(r.status).toBe(200);
  });
});

describe('straight to a subgraph', () => {
  const readiness = () => p.subgraphs.find((s) => s.subgraph.name === 'readiness')!.served.url;
  const post = (headers: Record<string, string>) =>
    fetch(readiness(), {
      method: 'POST',
      headers: { 'content-type': 'application/json', [GATEWAY_SECRET_HEADER]: 'test-secret', ...headers },
      body: JSON.stringify({
        query: `{ _entities(representations: [{ __typename: "Commune", code: "${HANOI}" }]) { ... on Commune { readiness { criteria { assessedBy } } } } }`,
      }),
    });
  const admin = { subject: 'root', roles: ['admin' as const], scopes: scopesOfRoles(['admin']) };

  it('a forged x-kh02-caller header is refused (401)', async () => {
    const forged = Buffer.from(JSON.stringify({ id: 'root', roles: ['admin'], scopes: ['read:details'] })).toString('base64url');
    const response = await post({ 'x-kh02-caller': forged });
    expect(response.status).toBe(401);
    expect(((await response.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('an identity token signed with another secret is refused (401)', async () => {
    const token = await signInternalToken(admin, internalKey('not-the-gateway-secret-but-long-enough-0123'));
    expect((await post({ [INTERNAL_TOKEN_HEADER]: token })).status).toBe(401);
  });

  it('an expired identity token is refused (401)', async () => {
    const token = await signInternalToken(admin, internalKey(p.internalTokenSecret), Date.now() - 600_000);
    expect((await post({ [INTERNAL_TOKEN_HEADER]: token })).status).toBe(401);
  });

  it("the gateway's own kind of token is accepted", async () => {
    const token = await signInternalToken(admin, internalKey(p.internalTokenSecret));
    const response = await post({ [INTERNAL_TOKEN_HEADER]: token });
    expect(response.status).toBe(200);
    const body = (await response.json()) as any;
    expect(body.errors).toBeUndefined();
    expect(body.data._entities[0].readiness.criteria.some((c: any) => typeof c.assessedBy === 'string')).toBe(true);
  });
});
