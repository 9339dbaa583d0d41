import type { Redis } from 'ioredis';

/** What a budget needs to know about a request: who is asking, and from where. */
export interface BudgetSubject {
  caller?: { id?: string; subject?: string };
  clientAddress?: string;
}

/**
 * The key a caller's budget is kept under: the authenticated subject when there is one (the
 * identity work puts it in `context.caller.subject`), the client's address otherwise. The
 * address is the socket's: `X-Forwarded-For` is not trusted (a client could send any).
 */
export function callerKey(context: BudgetSubject): string {
  const subject = context.caller?.subject;
  if (subject) return `subject:${subject}`;
  return `address:${context.clientAddress ?? 'unknown'}`;
}

/** The outcome of spending from a budget. */
export interface Spend {
  allowed: boolean;
  /** Spent in the current window, this request included when allowed. */
  spent: number;
  /** Seconds until the window resets (for `Retry-After`). */
  retryAfterSeconds: number;
}

/** Cost spent per caller per fixed one-minute window. */
export interface CostBudget {
  readonly perMinute: number;
  /** Spends `cost` for `key` unless that would pass the budget; a refused request spends nothing. */
  spend(key: string, cost: number): Promise<Spend>;
  close(): Promise<void>;
}

const WINDOW_MS = 60_000;

/** One process's budget: enough for one gateway replica (and for tests). */
export function memoryBudget(perMinute: number, now: () => number = Date.now): CostBudget {
  const windows = new Map<string, { window: number; spent: number }>();
  return {
    perMinute,
    async spend(key, cost) {
      const t = now();
      const window = Math.floor(t / WINDOW_MS);
      const retryAfterSeconds = Math.max(1, Math.ceil(((window + 1) * WINDOW_MS - t) / 1000));
      let entry = windows.get(key);
      if (!entry || entry.window !== window) {
        // Forget the previous windows' callers as the minute turns, so the map does not grow.
        if (windows.size > 10_000) for (const [k, v] of windows) if (v.window !== window) windows.delete(k);
        entry = { window, spent: 0 };
        windows.set(key, entry);
      }
      if (entry.spent + cost > perMinute) return { allowed: false, spent: entry.spent, retryAfterSeconds };
      entry.spent += cost;
      return { allowed: true, spent: entry.spent, retryAfterSeconds };
    },
    async close() {
      windows.clear();
    },
  };
}

// Atomic check-and-spend: several gateway replicas share the counter, and concurrent requests of
// one caller cannot all pass a check made before any of them spent.
const SPEND_SCRIPT = `
local spent = tonumber(redis.call('GET', KEYS[1]) or '0')
local cost = tonumber(ARGV[1])
if spent + cost > tonumber(ARGV[2]) then
  return {0, spent, redis.call('PTTL', KEYS[1])}
end
spent = redis.call('INCRBY', KEYS[1], cost)
if tonumber(redis.call('PTTL', KEYS[1])) < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[3]) end
return {1, spent, redis.call('PTTL', KEYS[1])}
`;

/** A budget kept in Redis, shared by every gateway replica using the same Redis. */
export function redisBudget(redis: Redis, perMinute: number, prefix = 'kh02:budget:'): CostBudget {
  return {
    perMinute,
    async spend(key, cost) {
      const window = Math.floor(Date.now() / WINDOW_MS);
      const [allowed, spent, ttl] = (await redis.eval(SPEND_SCRIPT, 1, `${prefix}${key}:${window}`, cost, perMinute, WINDOW_MS)) as [number, number, number];
      return { allowed: allowed === 1, spent, retryAfterSeconds: Math.max(1, Math.ceil((ttl > 0 ? ttl : WINDOW_MS) / 1000)) };
    },
    async close() {
      await redis.quit().catch(() => undefined);
    },
  };
}
