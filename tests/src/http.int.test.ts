import { startPlatform, type Platform } from './harness';
import { loadProvinces } from '@kh02/subgraph-kit';
import { GATEWAY_SECRET_HEADER, INTERNAL_TOKEN_HEADER, internalKey, signInternalToken } from '@kh02/common';

// The "done when" query, over real HTTP: subgraphs and gateway on ports the OS picks.
const FIRST_QUERY = `{
  country { provinceCount communeCount }
  provinces { code name communeCount }
  province(code: "04") { name communes(first: 5) { totalCount edges { node { code name kind } } } }
}`;

let platform: Platform;
beforeAll(async () => {
  platform = await startPlatform();
});
afterAll(() => platform?.close());

test('the first query answers with the official counts through the gateway', async () => {
  const result = await platform.query(FIRST_QUERY);
  expect(result.status).toBe(200);
  expect(result.errors).toBeUndefined();
  expect(result.data.country).toEqual({ provinceCount: 34, communeCount: 3321 });
  const csv = loadProvinces();
  expect(result.data.provinces).toEqual(csv.map((p) => ({ code: p.code, name: p.name, communeCount: p.unitsTotal })));
  const byName = Object.fromEntries(result.data.provinces.map((p: any) => [p.name, p.communeCount]));
  expect([byName['Cao Bằng'], byName['Lai Châu'], byName['Hà Nội']]).toEqual([56, 38, 126]);
  expect(result.data.province.name).toBe('Cao Bằng');
  expect(result.data.province.communes.totalCount).toBe(56);
  expect(result.data.province.communes.edges).toHaveLength(5);
  expect(result.data.province.communes.edges.map((e: any) => e.node.code)).toEqual(['01273', '01279', '01288', '01290', '01294']);
  expect(result.data.province.communes.edges[0].node).toEqual({ code: '01273', name: 'Phường Thục Phán', kind: 'WARD' });
});

test('a POST answer is written as it is (length, no ETag); a GET answer keeps its ETag', async () => {
  const query = '{ country { communeCount } }';
  const post = await fetch(platform.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const text = await post.text();
  expect(JSON.parse(text)).toEqual({ data: { country: { communeCount: 3321 } } });
  expect(post.headers.get('content-length')).toBe(String(Buffer.byteLength(text)));
  expect(post.headers.get('content-type')).toMatch(/^application\/(graphql-response\+)?json/);
  expect(post.headers.get('etag')).toBeNull();
  const get = await fetch(`${platform.url}?query=${encodeURIComponent(query)}`, { headers: { 'apollo-require-preflight': 'true' } });
  expect(get.status).toBe(200);
  expect(get.headers.get('etag')).toMatch(/^W\//);
});

test('an answer with Vietnamese text is sent with its length in bytes, by the gateway and by a subgraph', async () => {
  // Both encode the answer once and take the length from the bytes; "Cao Bằng" is 8 characters and 9 bytes.
  const query = JSON.stringify({ query: '{ province(code: "04") { name communes(first: 3) { edges { node { name } } } } }' });
  const check = async (response: Response) => {
    const bytes = Buffer.from(await response.arrayBuffer());
    const text = bytes.toString('utf8');
    expect(response.status).toBe(200);
    expect(text).toContain('Cao Bằng');
    expect(bytes.length).toBeGreaterThan(text.length);
    expect(response.headers.get('content-length')).toBe(String(bytes.length));
    return JSON.parse(text) as { data: { province: { name: string } } };
  };
  const viaGateway = await check(await fetch(platform.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: query }));
  const url = platform.subgraphs.find((s) => s.subgraph.name === 'geography')!.served.url;
  const token = await signInternalToken({ roles: [], scopes: [] }, internalKey(platform.internalTokenSecret));
  const headers = { 'content-type': 'application/json', [GATEWAY_SECRET_HEADER]: platform.subgraphSecret, [INTERNAL_TOKEN_HEADER]: token };
  const direct = await check(await fetch(url, { method: 'POST', headers, body: query }));
  expect(direct.data).toEqual(viaGateway.data);
});

test('health and readiness endpoints', async () => {
  const base = platform.url.replace(/\/graphql$/, '');
  expect((await fetch(`${base}/health`)).status).toBe(200);
  const ready = await fetch(`${base}/ready`);
  const body = (await ready.json()) as { subgraphs: Record<string, string> };
  expect(body.subgraphs.geography).toBe('ok');
});

test('subgraphs refuse requests that do not come from the gateway', async () => {
  const response = await fetch(platform.subgraphs[0].served.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ country { communeCount } }' }),
  });
  expect(response.status).toBe(403);
  const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
  expect(body.errors[0].extensions.code).toBe('FORBIDDEN');
});

test('a subgraph checks the gateway secret, the identity token, the body size and the JSON, in that order', async () => {
  const url = platform.subgraphs.find((s) => s.subgraph.name === 'geography')!.served.url;
  const post = async (body: string | Buffer, headers: Record<string, string>) => {
    const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    const text = await r.text();
    return { status: r.status, json: JSON.parse(text) as { data?: any; errors?: { message: string; extensions: { code: string } }[] } };
  };
  const secret = { [GATEWAY_SECRET_HEADER]: platform.subgraphSecret };
  const key = internalKey(platform.internalTokenSecret);
  const token = await signInternalToken({ roles: [], scopes: [] }, key);
  const query = JSON.stringify({ query: '{ country { communeCount } }' });

  expect((await post(query, { [GATEWAY_SECRET_HEADER]: 'wrong' })).status).toBe(403);
  const forged = await signInternalToken({ roles: ['admin'], scopes: [] }, internalKey('not-the-platform-secret-but-long-enough-0123'));
  const refused = await post(query, { ...secret, [INTERNAL_TOKEN_HEADER]: forged });
  expect([refused.status, refused.json.errors?.[0].extensions.code]).toEqual([401, 'UNAUTHENTICATED']);
  // The same good token twice (the second from the verifier's memory): both answer.
  for (let i = 0; i < 2; i++) {
    const ok = await post(query, { ...secret, [INTERNAL_TOKEN_HEADER]: token });
    expect([ok.status, ok.json.data?.country.communeCount]).toEqual([200, 3321]);
  }
  const tooLarge = await post(Buffer.alloc(10 * 1024 * 1024 + 1, 0x20), { ...secret, [INTERNAL_TOKEN_HEADER]: token });
  expect([tooLarge.status, tooLarge.json.errors?.[0].extensions.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
  const malformed = await post('{"query": ', { ...secret, [INTERNAL_TOKEN_HEADER]: token });
  expect([malformed.status, malformed.json.errors?.[0].extensions.code]).toEqual([400, 'BAD_REQUEST']);
  // Not JSON: Apollo Server's own checks answer (no GraphQL is run).
  const text = await fetch(url, { method: 'POST', headers: { 'content-type': 'text/plain', ...secret, [INTERNAL_TOKEN_HEADER]: token }, body: query });
  expect(text.status).toBe(400);
  const gzipped = await post(query, { ...secret, [INTERNAL_TOKEN_HEADER]: token, 'content-encoding': 'gzip' });
  expect([gzipped.status, gzipped.json.errors?.[0].extensions.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE']);
  // A GET query is Apollo Server's to answer, behind the same checks.
  const search = `?query=${encodeURIComponent('{ country { communeCount } }')}`;
  const get = await fetch(`${url}${search}`, { headers: { ...secret, [INTERNAL_TOKEN_HEADER]: token, 'apollo-require-preflight': 'true' } });
  expect([get.status, ((await get.json()) as { data: any }).data]).toEqual([200, { country: { communeCount: 3321 } }]);
  expect((await fetch(`${url}${search}`, { headers: { 'apollo-require-preflight': 'true' } })).status).toBe(403);
});

test('bad input through the gateway is BAD_USER_INPUT naming the argument', async () => {
  const result = await platform.query('{ communes(first: 10000) { totalCount } }');
  expect(result.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
  expect(result.errors?.[0].message).toContain('"first"');
  expect(result.errors?.[0].message).toContain('500');
});
