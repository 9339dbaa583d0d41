import { CircuitBreaker } from '../fetcher';
import { callerKey, memoryBudget } from './budget';

test('the budget key is the subject when identity gives one, the client address otherwise', () => {
  expect(callerKey({ caller: { id: 'anonymous' }, clientAddress: '10.0.0.1' })).toBe('address:10.0.0.1');
  expect(callerKey({ caller: { id: 'x', subject: 'alice' }, clientAddress: '10.0.0.1' })).toBe('subject:alice');
});

test('an in-memory budget refuses past its limit until the minute turns', async () => {
  let now = 60_000 * 1000 + 50_000;
  const budget = memoryBudget(10, () => now);
  expect((await budget.spend('a', 6)).allowed).toBe(true);
  const refused = await budget.spend('a', 6);
  expect(refused).toEqual({ allowed: false, spent: 6, retryAfterSeconds: 10 });
  expect((await budget.spend('b', 6)).allowed).toBe(true);
  now += 10_000;
  expect((await budget.spend('a', 6)).allowed).toBe(true);
});

test('the circuit opens after consecutive failures, fails fast, then lets one trial through', () => {
  let now = 0;
  const breaker = new CircuitBreaker({ failures: 2, resetMs: 1000 }, () => now);
  breaker.failure();
  expect(breaker.allow()).toBe(true);
  breaker.failure();
  expect(breaker.state).toBe('open');
  expect(breaker.allow()).toBe(false);
  now = 1000;
  expect(breaker.allow()).toBe(true);
  expect(breaker.allow()).toBe(false); // one trial at a time
  breaker.success();
  expect(breaker.state).toBe('closed');
});
