import type { TypePolicies } from '@apollo/client';

/**
 * The KH02 type policies for Apollo Client's `InMemoryCache`, as published in docs/CLIENTS.md.
 *
 * - Entities normalise on their global `id` ("Province:01", "Assignment:2413@2025-07-31T09:00:00.000Z"):
 *   Apollo's default `__typename:id` key works, nothing to configure.
 * - Value types have no `id`: they belong to the field (and arguments) that returned them, and a
 *   new answer for the same field and arguments merges into the old one.
 * - Lookups by code read an entity already in the cache instead of going to the network.
 */
export const typePolicies: TypePolicies = {
  Coverage: { merge: true },
  PageInfo: { merge: true },
  CountryProgress: { merge: true },
  CoverageBands: { merge: true },
  AreaReadiness: { merge: true },
  CommuneReadiness: { merge: true },
  TaskProgress: { merge: true },
  OnlineApplicationStats: { merge: true },
  SyncedRecordStats: { merge: true },
  Query: {
    fields: {
      province: { read: (existing, { args, toReference }) => existing ?? toReference({ __typename: 'Province', id: `Province:${args?.code}` }) },
      commune: { read: (existing, { args, toReference }) => existing ?? toReference({ __typename: 'Commune', id: `Commune:${args?.code}` }) },
      criterion: { read: (existing, { args, toReference }) => existing ?? toReference({ __typename: 'Criterion', id: `Criterion:${args?.code}` }) },
      task: { read: (existing, { args, toReference }) => existing ?? toReference({ __typename: 'Task', id: `Task:${args?.code}` }) },
    },
  },
};
