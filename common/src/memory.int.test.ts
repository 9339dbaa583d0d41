import { lastResortCollector } from './memory';

// The real collector against this process: hundreds of megabytes of short-lived objects, as a
// burst of large answers leaves behind, then one collection. (An integration test: it grows this
// jest worker by a few hundred megabytes for a moment.)
const MB = 1024 * 1024;

test('lastResortCollector gives the memory of freed objects back to the operating system', () => {
  const collect = lastResortCollector();
  expect(collect).toBeDefined();
  // No global `gc` is left behind for other code.
  expect((globalThis as { gc?: unknown }).gc).toBeUndefined();

  let kept = 0;
  for (let round = 0; round < 12; round++) {
    const rows: object[] = [];
    for (let i = 0; i < 200_000; i++) rows.push({ code: `C${i}`, met: i % 2 === 0, at: new Date(1e12 + i).toISOString(), n: { a: i, b: [i, i + 1] } });
    kept += JSON.stringify(rows).length;
  }
  expect(kept).toBeGreaterThan(100 * MB);
  const before = process.memoryUsage.rss();
  collect!();
  const after = process.memoryUsage.rss();
  // Measured: 422 → 116 MiB on Node 24 and 375 → 101 on Node 22 for this load in a bare process.
  expect(before - after).toBeGreaterThan(100 * MB);
});
