import type { Plan } from './plan.entity';
import { defaultPlan } from './plan.service';

const plan = (code: string, issuedOn: string) => ({ code, issuedOn }) as Plan;

describe('defaultPlan', () => {
  it('is the most recently issued plan, ties by the lowest code, and null without plans', () => {
    expect(defaultPlan([])).toBeNull();
    expect(defaultPlan([plan('02-KH/BCĐTW', '2025-06-19')])?.code).toBe('02-KH/BCĐTW');
    expect(defaultPlan([plan('A', '2025-01-01'), plan('C', '2025-06-19'), plan('B', '2025-06-19')])?.code).toBe('B');
  });
});
