import { urlVariable } from '@kh02/common';
import { createGateway, loadGatewayConfig, loadSavedOperations, OPERATION_NOT_IN_SAFELIST, type Gateway, type SavedOperation } from '@kh02/gateway';
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';
import { startPlatform, type Platform } from './harness';

// Issue 13: every saved operation in operations/ runs through the gateway, within its limits,
// with the article's figures where it gives them; the exports turn them into CSV and XLSX under
// the same limits and identity; safelist mode holds partners to the manifest.
const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '../..');
const F2 = ['Sơn La', 'Lạng Sơn', 'Phú Thọ', 'Lào Cai', 'Cà Mau', 'Hà Nội', 'Huế', 'Hưng Yên'];
const F8 = ['Khánh Hòa', 'Lai Châu', 'Lâm Đồng', 'Tây Ninh', 'Cần Thơ', 'Đà Nẵng', 'Vĩnh Long'];

const operations = new Map<string, SavedOperation>(loadSavedOperations().map((o) => [o.name, o]));
let platform: Platform;
let origin: string;
/** A second gateway over the same subgraphs: safelist mode on, and a cost limit of 1,000. */
let strict: { gateway: Gateway; url: string; origin: string };

/** Runs a saved operation as a client would: its manifest body, by name. */
async function saved(name: string, variables: Record<string, unknown> = {}): Promise<any> {
  const operation = operations.get(name);
  if (!operation) throw new Error(`no saved operation ${name}`);
  const r = await platform.query(operation.body, variables);
  expect(r.errors).toBeUndefined();
  expect(r.status).toBe(200);
  return r.data;
}

/** A CSV export's text after its byte-order mark (which Response.text() would drop silently). */
async function csvText(response: Response): Promise<string> {
  const bytes = Buffer.from(await response.arrayBuffer());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return bytes.subarray(3).toString('utf8');
}

beforeAll(async () => {
  // exceljs lives in gateway/xlsx with its own lockfile (~190 packages): installed once, on demand.
  await run(process.execPath, [path.join(ROOT, 'scripts/bin/install-isolated.cjs'), 'gateway/xlsx'], { cwd: ROOT, timeout: 600_000 });
  platform = await startPlatform();
  origin = new URL(platform.url).origin;
  const urls = Object.fromEntries(platform.subgraphs.map((s) => [urlVariable(s.subgraph.name), s.served.url]));
  const gateway = await createGateway(
    loadGatewayConfig({
      ...urls,
      SUBGRAPH_SECRET: 'test-secret',
      NODE_ENV: 'test',
      INTERNAL_TOKEN_SECRET: platform.internalTokenSecret,
      DEV_KEYS_DIR: platform.devKeysDir,
      SAFELIST: 'true',
      LIMIT_COST: '1000',
    }),
  );
  const url = await gateway.listen(0, '127.0.0.1');
  strict = { gateway, url, origin: new URL(url).origin };
}, 660_000);
afterAll(async () => {
  await strict?.gateway.stop();
  await platform?.close();
});

/** The columns of ProvinceOverview's export: one per leaf path of the saved operation. */
const OVERVIEW_COLUMNS = [
  'code',
  'name',
  'progressStatus',
  'greenCoverage.percent',
  'readiness.fullyMet.percent',
  'onlineApplications.onlineSubmissionRate.percent',
];

describe('saved operations through the gateway', () => {
  test('NationalSummary: F1, F2–F4, F6, F7, F11 and the national green coverage', async () => {
    const { country, plan } = await saved('NationalSummary');
    expect([country.provinceCount, country.communeCount]).toEqual([34, 3321]);
    expect(country.progress).toEqual({ green: 34, yellow: 0, red: 0 });
    expect(country.greenCoverage).toEqual({ numerator: 2398, denominator: 3321, percent: 72.21 });
    expect(country.coverageBands).toEqual({ full: 8, above70: 13, above50: 5, below50: 8 });
    expect(country.readiness.fullyMet).toEqual({ numerator: 1981, denominator: 3321, percent: 59.65 });
    const criteria = Object.fromEntries(country.readiness.criteria.map((c: any) => [c.criterion.code, c.coverage.percent]));
    for (const code of ['ONLINE_MEETINGS', 'DIGITAL_EQUIPMENT', 'COMPUTERS', 'OFFICIAL_DIGITAL_SIGNATURES']) expect(criteria[code]).toBeGreaterThan(90);
    expect(plan.tasks.totalCount).toBe(6);
  });

  test('NationalSummary at an earlier cut-off reads the road there (1,630 green communes on 11 July)', async () => {
    const { country } = await saved('NationalSummary', { asOf: '2025-07-11T16:00:00+07:00' });
    expect(country.greenCoverage.numerator).toBe(1630);
  });

  test('ProvinceOverview: 34 provinces, all GREEN; Hà Nội 100 % green and 32.73 % online in July; Cao Bằng 5.36 %', async () => {
    const { provinces } = await saved('ProvinceOverview');
    expect(provinces).toHaveLength(34);
    expect(provinces.every((p: any) => p.progressStatus === 'GREEN')).toBe(true);
    const byName = Object.fromEntries(provinces.map((p: any) => [p.name, p]));
    expect(byName['Hà Nội']).toMatchObject({ code: '01', greenCoverage: { percent: 100 }, onlineApplications: { onlineSubmissionRate: { percent: 32.73 } } });
    expect(byName['Cao Bằng'].greenCoverage.percent).toBe(5.36);
    expect(byName['Lai Châu'].greenCoverage.percent).toBe(7.89);
    expect(
      provinces
        .filter((p: any) => p.greenCoverage.percent === 100)
        .map((p: any) => p.name)
        .sort(),
    ).toEqual([...F2].sort());
  });

  test('GreenCoverageRanking: the eight F2 provinces share rank 1; ASC starts with Cao Bằng and Lai Châu (F5)', async () => {
    const top = (await saved('GreenCoverageRanking', { first: 8 })).greenCoverageRanking;
    expect(top.map((e: any) => e.rank)).toEqual(Array(8).fill(1));
    expect(top.map((e: any) => e.province.name).sort()).toEqual([...F2].sort());
    const bottom = (await saved('GreenCoverageRanking', { order: 'ASC', first: 2 })).greenCoverageRanking;
    expect(bottom.map((e: any) => [e.province.name, e.coverage.numerator, e.coverage.denominator, e.coverage.percent])).toEqual([
      ['Cao Bằng', 3, 56, 5.36],
      ['Lai Châu', 3, 38, 7.89],
    ]);
  });

  test('ReadinessRanking: 34 provinces whose fully-meeting communes add up to 1,981 (F6)', async () => {
    const { readinessRanking } = await saved('ReadinessRanking');
    expect(readinessRanking).toHaveLength(34);
    expect(readinessRanking.reduce((n: number, e: any) => n + e.coverage.numerator, 0)).toBe(1981);
    const percents = readinessRanking.map((e: any) => e.coverage.percent);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
    const specialised = (await saved('ReadinessRanking', { criterion: 'SPECIALISED_DIGITAL_SIGNATURE' })).readinessRanking;
    expect(specialised).toHaveLength(34);
  });

  test('OnlineSubmissionRanking: Hà Nội lowest in July 2025 at 32.73 %, 5.3 % results online (F9)', async () => {
    const { onlineApplicationRanking } = await saved('OnlineSubmissionRanking');
    expect(onlineApplicationRanking).toHaveLength(34);
    expect(onlineApplicationRanking[0]).toMatchObject({
      rank: 1,
      province: { name: 'Hà Nội' },
      stats: { onlineSubmissionRate: { percent: 32.73 }, onlineResultRate: { percent: 5.3 } },
    });
  });

  test('ProvinceUnmetCriteria: Cao Bằng’s 56 communes, each unmet criterion listed; the meeting ones add up to the province', async () => {
    const { province } = await saved('ProvinceUnmetCriteria');
    expect(province.name).toBe('Cao Bằng');
    expect(province.communes.totalCount).toBe(56);
    const communes = province.communes.edges.map((e: any) => e.node);
    expect(communes).toHaveLength(56);
    for (const c of communes) expect(c.readiness.meetsBasicConditions).toBe(c.readiness.unmetCriteria.length === 0);
    expect(communes.filter((c: any) => c.readiness.meetsBasicConditions)).toHaveLength(province.readiness.fullyMet.numerator);
    expect(province.readiness.fullyMet.denominator).toBe(56);
  });

  test('OverdueTasks: six overdue, incomplete tasks — 2 institutions, 1 infrastructure, 1 resources, 2 others (F11)', async () => {
    const { plan } = await saved('OverdueTasks');
    expect(plan.tasks.totalCount).toBe(6);
    const groups = plan.tasks.edges.map((e: any) => e.node.group.code);
    const count = (code: string) => groups.filter((g: string) => g === code).length;
    expect([count('INSTITUTIONS'), count('INFRASTRUCTURE'), count('RESOURCES')]).toEqual([2, 1, 1]);
    expect(groups.filter((g: string) => !['INSTITUTIONS', 'INFRASTRUCTURE', 'RESOURCES'].includes(g))).toHaveLength(2);
    for (const e of plan.tasks.edges) expect(e.node.progress.percent).toBeLessThan(100);
  });

  test('CommuneHistory: Phường Ba Đình across the nine cut-offs ends green, as Hà Nội is at 100 % (F2)', async () => {
    const { reportingCutoffs, commune } = await saved('CommuneHistory');
    expect(reportingCutoffs).toHaveLength(9);
    expect(reportingCutoffs[8]).toBe('2025-07-31T09:00:00.000Z');
    expect(commune).toMatchObject({ code: '00004', name: 'Phường Ba Đình', province: { name: 'Hà Nội' }, jul31: true });
    const latest = await platform.query('{ commune(code: "00004") { countsAsGreen readiness { meetsBasicConditions } } }');
    expect(commune.jul31).toBe(latest.data.commune.countsAsGreen);
    expect(commune.readyJul31.meetsBasicConditions).toBe(latest.data.commune.readiness.meetsBasicConditions);
  });

  test('ProvinceCriteria: Lai Châu lacks specialised signatures or public certificates (F8); no criterion is met by fewer than the fully-meeting communes', async () => {
    const { province } = await saved('ProvinceCriteria');
    expect(F8).toContain(province.name);
    const criteria = province.readiness.criteria;
    const lacking = criteria.filter(
      (c: any) => ['SPECIALISED_DIGITAL_SIGNATURE', 'PUBLIC_DIGITAL_CERTIFICATE'].includes(c.criterion.code) && c.coverage.numerator < c.coverage.denominator,
    );
    expect(lacking.length).toBeGreaterThan(0);
    for (const c of criteria.filter((c: any) => c.criterion.basic)) expect(c.coverage.numerator).toBeGreaterThanOrEqual(province.readiness.fullyMet.numerator);
  });

  test('a manifest operation runs by its id alone (Apollo persisted-query extension)', async () => {
    const operation = operations.get('ProvinceOverview')!;
    const response = await fetch(platform.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: operation.id } } }),
    });
    const body = (await response.json()) as any;
    expect(body.errors).toBeUndefined();
    expect(body.data.provinces).toHaveLength(34);
  });
});

describe('exports', () => {
  test('GET /export/ProvinceOverview.csv: UTF-8 with a BOM, a header and 34 rows, Hà Nội’s green coverage 100', async () => {
    const response = await fetch(`${origin}/export/ProvinceOverview.csv`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="ProvinceOverview.csv"');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(35);
    const header = lines[0].split(',');
    expect(header).toEqual(OVERVIEW_COLUMNS);
    const hanoi = lines.find((l) => l.startsWith('01,'))!.split(',');
    expect(hanoi[1]).toBe('Hà Nội');
    expect(hanoi[header.indexOf('greenCoverage.percent')]).toBe('100');
    expect(hanoi[header.indexOf('onlineApplications.onlineSubmissionRate.percent')]).toBe('32.73');
  });

  test('GET /export/ProvinceOverview.xlsx opens with exceljs: a header and 34 rows, numbers typed, percentages formatted', async () => {
    const response = await fetch(`${origin}/export/ProvinceOverview.xlsx`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    const ExcelJS = createRequire(path.join(ROOT, 'gateway/xlsx/package.json'))('exceljs');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await response.arrayBuffer()));
    const sheet = workbook.getWorksheet('ProvinceOverview');
    expect(sheet.rowCount).toBe(35);
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(OVERVIEW_COLUMNS);
    let hanoi: any;
    sheet.eachRow((row: any) => {
      if (row.getCell(1).value === '01') hanoi = row;
    });
    expect(hanoi.getCell(2).value).toBe('Hà Nội');
    // 100 % is the number 1 shown as a percentage; 32.73 % is 0.3273.
    expect(hanoi.getCell(4).value).toBe(1);
    expect(hanoi.getCell(4).numFmt).toBe('0.00%');
    expect(hanoi.getCell(6).value).toBeCloseTo(0.3273, 10);
    expect(typeof hanoi.getCell(5).value).toBe('number');
  });

  test('variables pass through; a connection is read through its nodes, lists inside a row joined', async () => {
    const response = await fetch(`${origin}/export/ProvinceUnmetCriteria.csv?variables=${encodeURIComponent(JSON.stringify({ provinceCode: '12' }))}`);
    expect(response.status).toBe(200);
    const lines = (await csvText(response)).split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(39); // Lai Châu: 38 communes
    expect(lines[0]).toBe('code,name,readiness.meetsBasicConditions,readiness.unmetCriteria.code,readiness.unmetCriteria.name');
  });

  test('an operation that errors is an HTTP error with the GraphQL errors, never a file; unknown is 404', async () => {
    const bad = await fetch(`${origin}/export/ProvinceOverview.csv?variables=${encodeURIComponent('{"asOf":"2024-01-01"}')}`);
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/application\/json/);
    const body = (await bad.json()) as any;
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((await fetch(`${origin}/export/NoSuchOperation.csv`)).status).toBe(404);
    expect((await fetch(`${origin}/export/ProvinceOverview.pdf`)).status).toBe(404);
    const notJson = await fetch(`${origin}/export/ProvinceOverview.csv?variables=%7Bnope`);
    expect(notJson.status).toBe(400);
    const badToken = await fetch(`${origin}/export/ProvinceOverview.csv`, { headers: { authorization: 'Bearer not-a-token' } });
    expect(badToken.status).toBe(401);
  });

  test('exports run under the gateway’s limits and with the caller’s identity', async () => {
    // 168 communes × their criteria cost more than this gateway's 1,000.
    const refused = await fetch(`${strict.origin}/export/ProvinceUnmetCriteria.csv`);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as any).errors[0].extensions).toMatchObject({ code: 'OPERATION_LIMIT_EXCEEDED', limit: 'cost', max: 1000 });
    const analyst = await platform.token(['--role', 'analyst']);
    const allowed = await fetch(`${origin}/export/OverdueTasks.csv`, { headers: { authorization: `Bearer ${analyst}` } });
    expect(allowed.status).toBe(200);
    expect((await csvText(allowed)).split('\r\n').filter(Boolean)).toHaveLength(7);
  });
});

describe('safelist mode (SAFELIST=true): partners run only the manifest', () => {
  const post = async (url: string, body: unknown, token?: string) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json()) as any };
  };

  test('a partner’s own operation is refused with OPERATION_NOT_IN_SAFELIST; a manifest one, by body or by id, runs', async () => {
    const partner = await platform.token(['--role', 'partner']);
    const own = await post(strict.url, { query: '{ country { code } }' }, partner);
    expect(own.status).toBe(403);
    expect(own.body.errors[0].extensions.code).toBe(OPERATION_NOT_IN_SAFELIST);
    const overview = operations.get('ProvinceOverview')!;
    const byBody = await post(strict.url, { query: overview.body }, partner);
    expect(byBody.status).toBe(200);
    expect(byBody.body.data.provinces).toHaveLength(34);
    const byId = await post(
      strict.url,
      { extensions: { persistedQuery: { version: 1, sha256Hash: overview.id } }, variables: { from: '2025-06-01', to: '2025-06-30' } },
      partner,
    );
    expect(byId.status).toBe(200);
    expect(byId.body.data.provinces).toHaveLength(34);
  });

  test('callers outside the safelisted roles are not restricted', async () => {
    const analyst = await platform.token(['--role', 'analyst']);
    expect((await post(strict.url, { query: '{ country { code } }' }, analyst)).body.data).toEqual({ country: { code: 'VN' } });
    expect((await post(strict.url, { query: '{ country { code } }' })).body.data).toEqual({ country: { code: 'VN' } });
  });
});
