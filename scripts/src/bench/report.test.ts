import { ALONE_SCENARIO, chainCosts, markdown, type BenchReport, type Measurement } from './report';

/** A measurement with only what the chain table reads. */
function m(arm: string, scenario: string, round: number, cpuMsPerRequest: Record<string, number>): Measurement {
  return { arm, scenario, round, requests: 100, rps: 50, p50: 10, p95: 20, p99: 30, min: 1, max: 40, mean: 12, non2xx: 0, errors: 0, cpuMsPerRequest };
}

function report(measurements: Measurement[]): BenchReport {
  return {
    startedAt: '2026-11-29T00:00:00.000Z',
    durationS: 1,
    mode: 'quick',
    rounds: 3,
    machine: {},
    versions: {},
    subgraphs: ['geography', 'tasks'],
    tasksInQueries: true,
    queries: { national: '{ a }', commune: '{ b }', communeCodes: ['01006'] },
    responseBytes: { national100: 1, national10: 1, communeMedian: 1 },
    arms: [],
    identity: {},
    durations: {},
    measurements,
    s3: [],
    s7: { idleRssBytes: null, startRssBytes: null, peakRssBytes: 0, after10sRssBytes: null, requests: 0 },
    problems: [],
    profiles: [],
  } as unknown as BenchReport;
}

describe('the chain against each subgraph alone (bench report)', () => {
  const chain = [1, 2, 3].map((round) => m('gateway', 'commune@16', round, { arm: 2, geography: [2, 2.2, 1.8][round - 1], tasks: [3, 9, 3.2][round - 1] }));
  const alone = [1, 2, 3].flatMap((round) => [
    m('geography alone', ALONE_SCENARIO, round, { arm: [1, 1.1, 0.9][round - 1] }),
    m('tasks alone', ALONE_SCENARIO, round, { arm: [1.5, 1.6, 1.4][round - 1] }),
  ]);

  test("each subgraph's CPU per commune in the chain and alone are medians over rounds, their ratio chain ÷ alone", () => {
    const costs = chainCosts(report([...chain, ...alone, m('monolith', 'commune@16', 1, { arm: 3 })]));
    expect(costs.map((c) => c.subgraph)).toEqual(['geography', 'tasks']);
    expect(costs[0]).toMatchObject({ chainMs: 2, aloneMs: 1, ratio: 2 });
    // The outlier round (9 ms) does not move the median.
    expect(costs[1]).toMatchObject({ chainMs: 3.2, aloneMs: 1.5 });
    expect(costs[1].ratio).toBeCloseTo(3.2 / 1.5, 10);
  });

  test('the report shows the table with a total row, and leaves the section out of a run without the alone arms', () => {
    const text = markdown(report([...chain, ...alone]));
    expect(text).toContain("## Each subgraph alone with the gateway's own commune requests");
    expect(text).toContain('| geography | 2.00 | 1.00 | 2.00 |');
    expect(text).toContain('| all | 5.20 | 2.50 | 2.08 |');
    const without = markdown(report(chain));
    expect(without).not.toContain('Each subgraph alone');
    expect(chainCosts(report(chain))).toEqual([]);
  });
});
