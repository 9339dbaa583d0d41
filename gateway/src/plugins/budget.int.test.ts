import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { redisBudget } from './budget';

// Two gateway replicas sharing one Redis spend one budget per caller. Redis runs on this machine
// and in CI: unreachable is a failure, never a skip.
const url = process.env.KH02_TEST_REDIS_URL || 'redis://127.0.0.1:6379';
const clients: Redis[] = [];
afterAll(async () => {
  for (const c of clients) await c.quit().catch(() => undefined);
});

test('concurrent spends from two replicas never pass the budget, and a refusal says when to retry', async () => {
  const replicas = [0, 1].map(() => {
    const redis = new Redis(url, { maxRetriesPerRequest: 1, lazyConnect: true });
    clients.push(redis);
    return redis;
  });
  for (const r of replicas) {
    await r.connect();
    expect(await r.ping()).toBe('PONG');
  }
  const prefix = `kh02:test:${randomUUID()}:`;
  const budgets = replicas.map((r) => redisBudget(r, 100, prefix));
  const spends = await Promise.all(Array.from({ length: 40 }, (_, i) => budgets[i % 2].spend('address:10.0.0.1', 7)));
  expect(spends.filter((s) => s.allowed)).toHaveLength(14); // 14 × 7 = 98 ≤ 100 < 105
  for (const s of spends.filter((x) => !x.allowed)) {
    expect(s.retryAfterSeconds).toBeGreaterThan(0);
    expect(s.retryAfterSeconds).toBeLessThanOrEqual(60);
  }
  // Another caller has its own budget.
  expect((await budgets[0].spend('subject:alice', 7)).allowed).toBe(true);
});
