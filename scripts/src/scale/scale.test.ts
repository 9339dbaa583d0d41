import { haproxyConfig } from './haproxy';
import { parseScaleArgs } from './index';
import { inFlightOnKill, lostWrites, summaryLine, tally, type AckedWrite, type Outcome } from './verdict';

const read = (start: number, end: number, ok: boolean): Outcome => ({
  kind: 'read',
  target: 'gateway',
  start,
  end,
  ok,
  ...(ok ? {} : { error: 'ECONNRESET' }),
});
const write = (n: number): AckedWrite => ({ key: `k${n}`, note: `note ${n}`, assignment: n, percent: 10 + n });

describe('test:scale verdict', () => {
  it('explains a failure only by a kill while the request was in flight', () => {
    const kills = [{ process: 'tasks-1', at: 1000 }];
    expect(inFlightOnKill(read(900, 1100, false), kills)).toBe(true);
    expect(inFlightOnKill(read(1001, 1200, false), kills)).toBe(false);
    expect(inFlightOnKill(read(500, 999, false), kills)).toBe(false);
  });

  it('counts an acknowledged write missing or duplicated in the database as lost', () => {
    const rows = new Map([
      ['note 1', 1],
      ['note 2', 2],
    ]);
    expect(lostWrites([write(1), write(2), write(3)], rows).map((w) => w.key)).toEqual(['k2', 'k3']);
  });

  it('passes only with no unexplained failure, no lost write, no stale read and every write acknowledged', () => {
    const kills = [{ process: 'gateway-1', at: 1000 }];
    const outcomes = [read(0, 10, true), read(990, 1010, false), read(2000, 2010, true)];
    const good = tally(outcomes, kills, [write(1)], new Map([['note 1', 1]]), 0, 0);
    expect(good).toMatchObject({ requests: 3, failed: 1, failedInFlight: 1, lostWrites: 0, staleReads: 0, pass: true });
    expect(summaryLine(good)).toBe('requests=3 failed=1 lost_writes=0 stale_reads=0');
    expect(tally([...outcomes, read(3000, 3010, false)], kills, [], new Map(), 0, 0).pass).toBe(false);
    expect(tally(outcomes, kills, [write(1)], new Map(), 0, 0)).toMatchObject({ lostWrites: 1, pass: false });
    expect(tally(outcomes, kills, [], new Map(), 1, 0).pass).toBe(false);
    expect(tally(outcomes, kills, [], new Map(), 0, 1).pass).toBe(false);
    expect(tally([], kills, [], new Map(), 0, 0).pass).toBe(false);
  });

  it('reads its options', () => {
    expect(parseScaleArgs([], {})).toEqual({ durationS: 40, writes: 'auto' });
    expect(parseScaleArgs(['--duration', '20', '--writes', 'off'], {})).toEqual({ durationS: 20, writes: 'off' });
    expect(() => parseScaleArgs(['--duration', '5'], {})).toThrow(/between 15 and 300/);
    expect(() => parseScaleArgs(['--writes', 'maybe'], {})).toThrow(/auto, on or off/);
  });
});

describe('HAProxy configuration', () => {
  const services = [
    { name: 'gateway', port: 4400, servers: [4491, 4492], check: '/health' },
    { name: 'tasks', port: 4402, servers: [4421, 4422], check: '/ready' },
  ];

  it('has one frontend per service, its replicas checked on the health path', () => {
    const cfg = haproxyConfig(services);
    expect(cfg).toContain('frontend tasks\n  bind 127.0.0.1:4402\n  default_backend tasks_replicas');
    expect(cfg).toContain(
      '  option httpchk GET /ready\n  http-check expect status 200\n  server tasks-1 127.0.0.1:4421 check\n  server tasks-2 127.0.0.1:4422 check',
    );
    expect(cfg).toContain('  option httpchk GET /health');
    expect(cfg).toContain('retry-on conn-failure empty-response');
  });
});
