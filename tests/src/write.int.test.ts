import { startPlatform, type Platform } from './harness';

/**
 * The write path through the gateway over real HTTP: reportProgress, recordAssessment, the two
 * imports and publishCutoff, with their refusals (FORBIDDEN, CONFLICT, BAD_USER_INPUT with
 * extensions.field, IDEMPOTENCY_KEY_REUSED), exactly-once under an Idempotency-Key, all-or-nothing
 * imports, corrections against published cut-offs, who sees unpublished data, and the audit log.
 * The Done-when scenario of issue 11 runs here as written.
 */
let p: Platform;
beforeAll(async () => {
  p = await startPlatform();
}, 600_000);
afterAll(() => p?.close());

const PUBLISHED = '2025-07-31T09:00:00.000Z';
const bearer = (token: string, key?: string): Record<string, string> => ({ authorization: `Bearer ${token}`, ...(key ? { 'idempotency-key': key } : {}) });
let official04: string;
let partner: string;
let admin: string;
let analyst: string;
let caoBang: string;
let caoBangAssignment: number;
let hanoiAssignment: number;
let reportId: string;

const REPORT = `mutation($input: ReportProgressInput!) { reportProgress(input: $input) {
  assignment { number version percent lastReport { id percent } }
  report { id percent state version reportedAt recordedAt correctionReason note } } }`;
const ASSIGNMENTS = `query($c: ID!, $asOf: AsOf) { commune(code: $c) { assignments(asOf: $asOf) { number version asOf percent lastReport { id percent } } } }`;
const HANOI_JULY = `{ province(code: "01") { onlineApplications(from: "2025-07-01", to: "2025-07-31") { onlineSubmissionRate { percent } onlineResultRate { percent } received } } }`;
const IMPORT_APPS = `mutation($rows: [OnlineApplicationRowInput!]!, $reason: String) { importOnlineApplications(rows: $rows, reason: $reason) { accepted written corrected replayed rowErrors { row field message } } }`;
const IMPORT_SYNCED = `mutation($rows: [SyncedRecordRowInput!]!, $reason: String) { importSyncedRecords(rows: $rows, reason: $reason) { accepted written corrected rowErrors { row field message } } }`;
const RECORD = `mutation($input: RecordAssessmentInput!) { recordAssessment(input: $input) { assessment { id communeCode criterion { code } met note version correctionReason } } }`;
const AUDIT = `query($filter: AuditLogFilter, $first: Int) { auditLog(first: $first, filter: $filter) {
  tasks { totalCount edges { node { id service operation outcome errorCode entityType entityId actor roles before after correction reason requestId idempotencyKey } } }
  readiness { totalCount edges { node { id service operation outcome errorCode entityType entityId actor correction reason idempotencyKey } } } } }`;

const codeOf = (r: { errors?: any[] }) => r.errors?.[0]?.extensions?.code;

beforeAll(async () => {
  [official04, partner, admin, analyst] = await Promise.all([
    p.token(['--role', 'province-official', '--province', '04', '--subject', 'official-04']),
    p.token(['--role', 'partner', '--scopes', 'read:statistics,write:applications,write:synced-records', '--subject', 'partner-1']),
    p.token(['--role', 'admin', '--subject', 'admin-1']),
    p.token(['--role', 'analyst', '--subject', 'analyst-1']),
  ]);
  const c = await p.query(`{ province(code: "04") { communes(first: 1) { edges { node { code } } } } }`);
  caoBang = c.data.province.communes.edges[0].node.code;
  const a = await p.query(ASSIGNMENTS, { c: caoBang }, bearer(official04));
  caoBangAssignment = a.data.commune.assignments[0].number;
  const h = await p.query(ASSIGNMENTS, { c: '00004' });
  hanoiAssignment = h.data.commune.assignments[0].number;
}, 60_000);

describe('reportProgress (the Done-when scenario, province official of Cao Bằng)', () => {
  let version: number;
  it('lands, and the commune\u2019s assignments as of now show it (but not as of the published cut-off)', async () => {
    const before = await p.query(ASSIGNMENTS, { c: caoBang }, bearer(official04));
    version = before.data.commune.assignments.find((a: any) => a.number === caoBangAssignment).version;
    expect(version).toBeGreaterThan(0);
    const r = await p.query(
      REPORT,
      { input: { assignmentId: caoBangAssignment, percent: 87, note: 'network installed', expectedVersion: version } },
      // The client's request id reaches the audit row (gateway → x-request-id → subgraph).
      { ...bearer(official04, 'report-1'), 'x-request-id': 'req-report-1' },
    );
    expect(r.errors).toBeUndefined();
    reportId = r.data.reportProgress.report.id;
    expect(r.data.reportProgress.report).toMatchObject({
      percent: 87,
      state: 'IN_PROGRESS',
      version: version + 1,
      correctionReason: null,
      note: 'network installed',
    });
    expect(r.data.reportProgress.assignment).toMatchObject({ number: caoBangAssignment, version: version + 1, percent: 87, lastReport: { id: reportId } });

    const now = new Date().toISOString();
    const after = await p.query(ASSIGNMENTS, { c: caoBang, asOf: now }, bearer(official04));
    const mine = after.data.commune.assignments.find((a: any) => a.number === caoBangAssignment);
    expect(mine).toMatchObject({ version: version + 1, percent: 87, lastReport: { id: reportId }, asOf: now });
    const published = await p.query(ASSIGNMENTS, { c: caoBang }, bearer(official04));
    const frozen = published.data.commune.assignments.find((a: any) => a.number === caoBangAssignment);
    expect(frozen.asOf).toBe(PUBLISHED);
    expect(frozen.lastReport?.id).not.toBe(reportId);
  });

  it('the same call with the same Idempotency-Key returns the same report id and the version does not grow', async () => {
    const input = { assignmentId: caoBangAssignment, percent: 87, note: 'network installed', expectedVersion: version };
    const again = await p.query(REPORT, { input }, bearer(official04, 'report-1'));
    expect(again.errors).toBeUndefined();
    expect(again.data.reportProgress.report.id).toBe(reportId);
    const now = await p.query(ASSIGNMENTS, { c: caoBang, asOf: new Date().toISOString() }, bearer(official04));
    expect(now.data.commune.assignments.find((a: any) => a.number === caoBangAssignment).version).toBe(version + 1);
  });

  it('five concurrent requests with one key write once and all answer the same report', async () => {
    const read = async () =>
      (await p.query(ASSIGNMENTS, { c: caoBang, asOf: new Date().toISOString() }, bearer(official04))).data.commune.assignments.find(
        (a: any) => a.number === caoBangAssignment,
      ).version;
    const start = await read();
    const input = { assignmentId: caoBangAssignment, percent: 86 };
    const answers = await Promise.all(Array.from({ length: 5 }, () => p.query(REPORT, { input }, bearer(official04, 'report-concurrent'))));
    expect(answers.map((r) => r.errors)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(new Set(answers.map((r) => r.data.reportProgress.report.id)).size).toBe(1);
    expect(await read()).toBe(start + 1);
    version = start;
    reportId = answers[0].data.reportProgress.report.id;
  });

  it('the same key with another body is IDEMPOTENCY_KEY_REUSED and writes nothing', async () => {
    const r = await p.query(REPORT, { input: { assignmentId: caoBangAssignment, percent: 90 } }, bearer(official04, 'report-1'));
    expect(codeOf(r)).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(r.data?.reportProgress ?? null).toBeNull();
  });

  it('the same token on a Hà Nội assignment is FORBIDDEN', async () => {
    const r = await p.query(REPORT, { input: { assignmentId: hanoiAssignment, percent: 50 } }, bearer(official04));
    expect(codeOf(r)).toBe('FORBIDDEN');
  });

  it('a stale expectedVersion is CONFLICT with the current version', async () => {
    const r = await p.query(REPORT, { input: { assignmentId: caoBangAssignment, percent: 88, expectedVersion: version } }, bearer(official04));
    expect(codeOf(r)).toBe('CONFLICT');
    expect(r.errors![0].extensions.currentVersion).toBe(version + 1);
  });

  it('refuses bad input naming the field, anonymous callers, analysts and partners', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ percent: 150 }, 'input.percent'],
      [{ percent: 12.5 }, 'input.percent'],
      [{}, 'input.percent'],
      [{ completed: true, percent: 80 }, 'input.percent'],
      [{ percent: 10, reportedAt: '2099-01-01T00:00:00Z' }, 'input.reportedAt'],
      [{ percent: 10, reportedAt: '2025-05-01T00:00:00Z' }, 'input.reportedAt'],
      [{ percent: 10, reportedAt: '2025-07-20T00:00:00Z' }, 'input.reason'],
    ];
    for (const [fields, field] of cases) {
      const r = await p.query(REPORT, { input: { assignmentId: caoBangAssignment, ...fields } }, bearer(official04));
      expect([field, codeOf(r), r.errors?.[0]?.extensions?.field]).toEqual([field, 'BAD_USER_INPUT', field]);
    }
    const unknown = await p.query(REPORT, { input: { assignmentId: 99999999, percent: 1 } }, bearer(admin));
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.assignmentId' });
    expect(codeOf(await p.query(REPORT, { input: { assignmentId: caoBangAssignment, percent: 1 } }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await p.query(REPORT, { input: { assignmentId: caoBangAssignment, percent: 1 } }, bearer(analyst)))).toBe('FORBIDDEN');
    expect(codeOf(await p.query(REPORT, { input: { assignmentId: caoBangAssignment, percent: 1 } }, bearer(partner)))).toBe('FORBIDDEN');
  });

  it('anonymous readers and partners asking past the published cut-off get the published figures, and the answer says so', async () => {
    const now = new Date().toISOString();
    for (const headers of [{}, bearer(partner)]) {
      const r = await p.query(ASSIGNMENTS, { c: caoBang, asOf: now }, headers);
      const mine = r.data.commune.assignments.find((a: any) => a.number === caoBangAssignment);
      expect(mine.asOf).toBe(PUBLISHED);
      expect(mine.lastReport?.id).not.toBe(reportId);
    }
    const analystView = await p.query(ASSIGNMENTS, { c: caoBang, asOf: now }, bearer(analyst));
    expect(analystView.data.commune.assignments.find((a: any) => a.number === caoBangAssignment).lastReport.id).toBe(reportId);
  });

  it('a correction (reportedAt before the published cut-off, with a reason) moves figures read after it but not as of the published cut-off', async () => {
    const at = '2025-07-20T03:00:00.000Z';
    const read = (asOf: string) =>
      p.query(ASSIGNMENTS, { c: caoBang, asOf }, bearer(admin)).then((r) => r.data.commune.assignments.find((a: any) => a.number === caoBangAssignment));
    const beforeAtCutoff = await read(PUBLISHED);
    const beforeAfterIt = await read('2025-07-21T00:00:00Z');
    const r = await p.query(
      REPORT,
      { input: { assignmentId: caoBangAssignment, percent: 55, reportedAt: at, reason: 'the July report was mistyped' } },
      bearer(official04),
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.reportProgress.report).toMatchObject({ correctionReason: 'the July report was mistyped', reportedAt: at });
    const afterAfterIt = await read('2025-07-21T00:00:00Z');
    expect(afterAfterIt.lastReport.id).toBe(r.data.reportProgress.report.id);
    expect(afterAfterIt.percent).toBe(55);
    expect(beforeAfterIt.lastReport?.id).not.toBe(r.data.reportProgress.report.id);
    // The assignment's version counts every report recorded (whatever asOf); the reading as of the cut-off does not move.
    expect({ ...(await read(PUBLISHED)), version: 0 }).toEqual({ ...beforeAtCutoff, version: 0 });
  });

  it('20 concurrent writers on one assignment with expectedVersion: each lands or gets CONFLICT, and the version equals the number landed', async () => {
    const start = (await p.query(ASSIGNMENTS, { c: caoBang, asOf: new Date().toISOString() }, bearer(admin))).data.commune.assignments.find(
      (a: any) => a.number === caoBangAssignment,
    ).version;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        p.query(REPORT, { input: { assignmentId: caoBangAssignment, percent: 60 + i, expectedVersion: start } }, bearer(official04)),
      ),
    );
    const landed = results.filter((r) => !r.errors).length;
    const conflicts = results.filter((r) => codeOf(r) === 'CONFLICT').length;
    expect(landed + conflicts).toBe(20);
    expect(landed).toBe(1);
    const end = (await p.query(ASSIGNMENTS, { c: caoBang, asOf: new Date().toISOString() }, bearer(admin))).data.commune.assignments.find(
      (a: any) => a.number === caoBangAssignment,
    ).version;
    expect(end).toBe(start + landed);
    // Without expectedVersion every writer appends: 20 more, versions without gaps or doubles.
    const free = await Promise.all(
      Array.from({ length: 20 }, (_, i) => p.query(REPORT, { input: { assignmentId: caoBangAssignment, percent: i } }, bearer(official04))),
    );
    expect(free.filter((r) => r.errors).length).toBe(0);
    const versions = free.map((r) => r.data.reportProgress.report.version).sort((a, b) => a - b);
    expect(versions).toEqual(Array.from({ length: 20 }, (_, i) => end + 1 + i));
  });
});

describe('recordAssessment', () => {
  const CRITERIA = `query($c: ID!, $asOf: AsOf) { commune(code: $c) { readiness(asOf: $asOf) { asOf criteria { criterion { code } met note version } } } }`;
  it('lands for the official of the commune\u2019s province, shows as of now, refuses elsewhere and on a stale version', async () => {
    const now0 = await p.query(CRITERIA, { c: caoBang }, bearer(official04));
    const first = now0.data.commune.readiness.criteria[0];
    const r = await p.query(
      RECORD,
      { input: { communeCode: caoBang, criterionCode: first.criterion.code, met: !first.met, note: 'checked on site', expectedVersion: first.version } },
      bearer(official04, 'assess-1'),
    );
    expect(r.errors).toBeUndefined();
    const { version, id } = r.data.recordAssessment.assessment;
    expect(version).toBe(first.version + 1);
    expect(r.data.recordAssessment.assessment).toMatchObject({ communeCode: caoBang, met: !first.met, note: 'checked on site' });
    const again = await p.query(
      RECORD,
      { input: { communeCode: caoBang, criterionCode: first.criterion.code, met: !first.met, note: 'checked on site', expectedVersion: first.version } },
      bearer(official04, 'assess-1'),
    );
    expect(again.data.recordAssessment.assessment.id).toBe(id);
    const now = await p.query(CRITERIA, { c: caoBang, asOf: new Date().toISOString() }, bearer(official04));
    expect(now.data.commune.readiness.criteria[0]).toMatchObject({ met: !first.met, note: 'checked on site', version });
    const published = await p.query(CRITERIA, { c: caoBang }, bearer(official04));
    expect(published.data.commune.readiness.criteria[0].met).toBe(first.met);

    const stale = await p.query(
      RECORD,
      { input: { communeCode: caoBang, criterionCode: first.criterion.code, met: true, expectedVersion: version - 1 } },
      bearer(official04),
    );
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: version });
    const hanoi = await p.query(RECORD, { input: { communeCode: '00004', criterionCode: first.criterion.code, met: true } }, bearer(official04));
    expect(codeOf(hanoi)).toBe('FORBIDDEN');
    const badCriterion = await p.query(RECORD, { input: { communeCode: caoBang, criterionCode: 'NOPE', met: true } }, bearer(official04));
    expect(badCriterion.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.criterionCode' });
    expect(codeOf(await p.query(RECORD, { input: { communeCode: caoBang, criterionCode: first.criterion.code, met: true } }, bearer(partner)))).toBe(
      'FORBIDDEN',
    );
  });
});

describe('figures follow a write', () => {
  it('a province\u2019s readiness moves as of now after an assessment, and not as of the published cut-off (nor for anonymous readers)', async () => {
    const FULLY = `query($asOf: AsOf) { province(code: "01") { readiness(asOf: $asOf) { asOf fullyMet { numerator } } } }`;
    const communes = await p.query(
      `{ province(code: "01") { communes(first: 40) { edges { node { code readiness { meetsBasicConditions criteria { criterion { code basic } } } } } } } }`,
    );
    const ready = communes.data.province.communes.edges.map((e: any) => e.node).find((n: any) => n.readiness.meetsBasicConditions);
    const basic = ready.readiness.criteria.find((c: any) => c.criterion.basic).criterion.code;
    const before = (await p.query(FULLY, {}, bearer(admin))).data.province.readiness.fullyMet.numerator;
    const r = await p.query(RECORD, { input: { communeCode: ready.code, criterionCode: basic, met: false, note: 'the counter closed' } }, bearer(admin));
    expect(r.errors).toBeUndefined();
    const now = new Date().toISOString();
    expect((await p.query(FULLY, { asOf: now }, bearer(admin))).data.province.readiness).toEqual({ asOf: now, fullyMet: { numerator: before - 1 } });
    expect((await p.query(FULLY, {}, bearer(admin))).data.province.readiness).toEqual({ asOf: PUBLISHED, fullyMet: { numerator: before } });
    expect((await p.query(FULLY, { asOf: now })).data.province.readiness).toEqual({ asOf: PUBLISHED, fullyMet: { numerator: before } });
  });
});

describe('imports (partner systems)', () => {
  it('importOnlineApplications with one bad row answers the row\u2019s error, writes nothing, and Hà Nội\u2019s July figures stay 32.73% / 5.30%', async () => {
    const rows = [
      { provinceCode: '01', date: '2025-08-01', received: 1000, submittedOnline: 400, resultsOnline: 60 },
      { provinceCode: '01', date: '2025-08-02', received: 1000, submittedOnline: 1400, resultsOnline: 60 },
      { provinceCode: '99', date: '2025-08-02', received: 10, submittedOnline: 1, resultsOnline: 1 },
      { provinceCode: '01', date: '2025-07-15', received: 10, submittedOnline: 1, resultsOnline: 1 },
    ];
    const r = await p.query(IMPORT_APPS, { rows }, bearer(partner));
    expect(r.errors).toBeUndefined();
    expect(r.data.importOnlineApplications).toMatchObject({ accepted: false, written: 0, corrected: 0 });
    expect(r.data.importOnlineApplications.rowErrors.map((e: any) => [e.row, e.field])).toEqual([
      [1, 'submittedOnline'],
      [2, 'provinceCode'],
      [3, 'row'],
    ]);
    const july = await p.query(HANOI_JULY);
    expect(july.data.province.onlineApplications).toMatchObject({ onlineSubmissionRate: { percent: 32.73 }, onlineResultRate: { percent: 5.3 } });
    const august = await p.query(`{ province(code: "01") { onlineApplications(from: "2025-08-01", to: "2025-08-02") { received } } }`, {}, bearer(analyst));
    expect(august.data.province.onlineApplications.received).toBe(0);
  });

  it('good rows all land, once: a re-sent day is a correction the partner may not make', async () => {
    const rows = [
      { provinceCode: '01', date: '2025-08-01', received: 1000, submittedOnline: 400, resultsOnline: 60 },
      { provinceCode: '04', date: '2025-08-01', received: 100, submittedOnline: 40, resultsOnline: 6 },
    ];
    const r = await p.query(IMPORT_APPS, { rows }, bearer(partner, 'apps-batch-1'));
    expect(r.data.importOnlineApplications).toEqual({ accepted: true, written: 2, corrected: 0, rowErrors: [], replayed: false });
    const replay = await p.query(IMPORT_APPS, { rows }, bearer(partner, 'apps-batch-1'));
    expect(replay.data.importOnlineApplications).toEqual({ accepted: true, written: 2, corrected: 0, rowErrors: [], replayed: true });
    const AUGUST_1 = `{ province(code: "01") { onlineApplications(from: "2025-08-01", to: "2025-08-01") { received submittedOnline } } }`;
    expect((await p.query(AUGUST_1, {}, bearer(analyst))).data.province.onlineApplications).toEqual({ received: 1000, submittedOnline: 400 });
    // After the latest published cut-off: unpublished, so anonymous readers and partners count nothing yet.
    expect((await p.query(AUGUST_1)).data.province.onlineApplications).toEqual({ received: 0, submittedOnline: 0 });
    expect((await p.query(AUGUST_1, {}, bearer(partner))).data.province.onlineApplications).toEqual({ received: 0, submittedOnline: 0 });
    const resent = await p.query(IMPORT_APPS, { rows: [rows[0]] }, bearer(partner));
    expect(resent.data.importOnlineApplications.rowErrors).toEqual([{ row: 0, field: 'row', message: expect.stringContaining('correction') }]);
    const noReason = await p.query(IMPORT_APPS, { rows: [{ ...rows[1], received: 120 }] }, bearer(admin));
    expect(noReason.data.importOnlineApplications.rowErrors[0].field).toBe('reason');
    const corrected = await p.query(IMPORT_APPS, { rows: [{ ...rows[1], received: 120 }], reason: 'the partner re-counted' }, bearer(admin));
    expect(corrected.data.importOnlineApplications).toEqual({ accepted: true, written: 0, corrected: 1, rowErrors: [], replayed: false });
  });

  it('importSyncedRecords: all or none, rights by scope', async () => {
    const bad = await p.query(
      IMPORT_SYNCED,
      {
        rows: [
          { communeCode: caoBang, date: '2025-08-01', count: 5 },
          { communeCode: caoBang, date: '2025-08-02', count: -1 },
        ],
      },
      bearer(partner),
    );
    expect(bad.data.importSyncedRecords).toMatchObject({ accepted: false, rowErrors: [{ row: 1, field: 'count' }] });
    const good = await p.query(IMPORT_SYNCED, { rows: [{ communeCode: caoBang, date: '2025-08-01', count: 5 }] }, bearer(partner));
    expect(good.data.importSyncedRecords).toMatchObject({ accepted: true, written: 1 });
    const TOTAL = `query($c: ID!) { commune(code: $c) { syncedRecords(from: "2025-08-01", to: "2025-08-02") } }`;
    expect((await p.query(TOTAL, { c: caoBang }, bearer(official04))).data.commune.syncedRecords).toBe(5);
    expect((await p.query(TOTAL, { c: caoBang })).data.commune.syncedRecords).toBe(0);
    const noScope = await p.token(['--role', 'partner', '--scopes', 'read:statistics']);
    expect(codeOf(await p.query(IMPORT_SYNCED, { rows: [{ communeCode: caoBang, date: '2025-08-03', count: 1 }] }, bearer(noScope)))).toBe('FORBIDDEN');
    expect(
      codeOf(
        await p.query(
          IMPORT_APPS,
          { rows: [{ provinceCode: '04', date: '2025-08-03', received: 1, submittedOnline: 0, resultsOnline: 0 }] },
          bearer(official04),
        ),
      ),
    ).toBe('FORBIDDEN');
  });
});

describe('auditLog', () => {
  it('lists the writes and the refusals to admins, newest first, and answers nobody else', async () => {
    const r = await p.query(AUDIT, { first: 500 }, bearer(admin));
    expect(r.errors).toBeUndefined();
    const tasks = r.data.auditLog.tasks.edges.map((e: any) => e.node);
    const written = tasks.filter((n: any) => n.operation === 'reportProgress' && n.outcome === 'WRITTEN');
    expect(written.length).toBe(1 + 1 + 1 + 1 + 20);
    const first = written.find((n: any) => n.idempotencyKey === 'report-1');
    expect(first).toMatchObject({ service: 'tasks', actor: 'official-04', roles: ['province-official'], entityType: 'ProgressReport', correction: false });
    expect(JSON.parse(first.after)).toMatchObject({ percent: 87 });
    expect(first.requestId).toBe('req-report-1');
    // A write without a client request id still gets the gateway's own.
    expect(written.find((n: any) => n.idempotencyKey !== 'report-1' && n.requestId)?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(written.filter((n: any) => n.correction).map((n: any) => n.reason)).toEqual(['the July report was mistyped']);
    const refused = tasks.filter((n: any) => n.outcome === 'REFUSED').map((n: any) => n.errorCode);
    expect(refused).toEqual(expect.arrayContaining(['FORBIDDEN', 'CONFLICT', 'IDEMPOTENCY_KEY_REUSED', 'BAD_USER_INPUT', 'UNAUTHENTICATED']));
    expect(refused.filter((c: string) => c === 'CONFLICT').length).toBe(19 + 1);
    const readiness = r.data.auditLog.readiness.edges.map((e: any) => e.node);
    expect(readiness.filter((n: any) => n.operation === 'importOnlineApplications' && n.outcome === 'WRITTEN').length).toBe(3);
    expect(readiness.some((n: any) => n.operation === 'importOnlineApplications' && n.outcome === 'REFUSED' && n.actor === 'partner-1')).toBe(true);
    expect(readiness.some((n: any) => n.operation === 'recordAssessment' && n.outcome === 'REFUSED' && n.errorCode === 'FORBIDDEN')).toBe(true);

    const filtered = await p.query(AUDIT, { filter: { entityType: 'ProgressReport', actor: 'official-04' }, first: 5 }, bearer(admin));
    expect(filtered.data.auditLog.tasks.totalCount).toBe(written.length);
    expect(filtered.data.auditLog.tasks.edges).toHaveLength(5);

    expect(codeOf(await p.query(AUDIT, {}, bearer(analyst)))).toBe('FORBIDDEN');
    expect(codeOf(await p.query(AUDIT, {}))).toBe('UNAUTHENTICATED');
  });
});

describe('publishCutoff', () => {
  const PUBLISH = `mutation($at: DateTime!) { publishCutoff(at: $at) { at tasks { service at created } readiness { service at created } } }`;
  it('admins only; publishes in tasks and readiness; default reads follow it; a later correction does not move it', async () => {
    const at = new Date(Date.now() - 1).toISOString();
    expect(codeOf(await p.query(PUBLISH, { at }, bearer(official04)))).toBe('FORBIDDEN');
    const early = await p.query(PUBLISH, { at: '2025-07-01T00:00:00Z' }, bearer(admin));
    expect(early.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'at' });
    const r = await p.query(PUBLISH, { at }, bearer(admin, 'publish-1'));
    expect(r.errors).toBeUndefined();
    expect(r.data.publishCutoff).toEqual({ at, tasks: { service: 'tasks', at, created: true }, readiness: { service: 'readiness', at, created: true } });
    const again = await p.query(PUBLISH, { at }, bearer(admin));
    expect(again.data.publishCutoff.tasks.created).toBe(false);
    const cutoffs = await p.query(`{ reportingCutoffs }`);
    expect(cutoffs.data.reportingCutoffs.at(-1)).toBe(at);

    const read = (headers: Record<string, string>) =>
      p.query(ASSIGNMENTS, { c: caoBang }, headers).then((x) => x.data.commune.assignments.find((a: any) => a.number === caoBangAssignment));
    const publishedNow = await read({});
    expect(publishedNow.asOf).toBe(at);
    const correction = await p.query(
      REPORT,
      { input: { assignmentId: caoBangAssignment, percent: 3, reportedAt: at, reason: 'late correction' } },
      bearer(admin),
    );
    expect(correction.errors).toBeUndefined();
    expect(await read({})).toEqual({ ...publishedNow, version: publishedNow.version + 1 });
    const later = await p.query(ASSIGNMENTS, { c: caoBang, asOf: new Date().toISOString() }, bearer(admin));
    expect(later.data.commune.assignments.find((a: any) => a.number === caoBangAssignment).percent).toBe(3);
  });
});
