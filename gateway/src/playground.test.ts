import { HeaderMap } from '@apollo/server';
import { ANONYMOUS, type Caller } from '@kh02/common';
import { mayReadQueryPlan, QUERY_PLAN_HEADER, queryPlanPlugin } from './playground';

const admin: Caller = { subject: 'a', roles: ['admin'], scopes: [] };
const analyst: Caller = { subject: 'b', roles: ['analyst'], scopes: [] };

test('the query plan: everyone outside production, admins only in production', () => {
  expect([ANONYMOUS, analyst, admin].map((c) => mayReadQueryPlan(c, false))).toEqual([true, true, true]);
  expect([ANONYMOUS, analyst, admin].map((c) => mayReadQueryPlan(c, true))).toEqual([false, false, true]);
});

test('in production the plan header of anyone but an admin is removed before the gateway sees it', async () => {
  const plugin = queryPlanPlugin<{ caller: Caller }>(true);
  const headersOf = async (caller: Caller) => {
    const headers = new HeaderMap([[QUERY_PLAN_HEADER, '1']]);
    await plugin.requestDidStart!({ request: { http: { headers, method: 'POST', search: '', body: {} } }, contextValue: { caller } } as never);
    return headers.has(QUERY_PLAN_HEADER);
  };
  expect(await headersOf(analyst)).toBe(false);
  expect(await headersOf(ANONYMOUS)).toBe(false);
  expect(await headersOf(admin)).toBe(true);
});
