import type { Plan } from './plan.entity';

/**
 * The plan `plan` answers without a code: the most recently issued plan the database holds (ties:
 * the lowest code), so the default follows the seeded or imported rows rather than a constant of
 * the dataset generator. Null when there is no plan.
 */
export function defaultPlan(plans: readonly Plan[]): Plan | null {
  let latest: Plan | null = null;
  for (const p of plans) {
    if (!latest || p.issuedOn > latest.issuedOn || (p.issuedOn === latest.issuedOn && p.code < latest.code)) latest = p;
  }
  return latest;
}
