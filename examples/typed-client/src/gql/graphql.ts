/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** Colour of a locality on the KH02 monitoring map, from its OWN assignments (a province's from its province-level assignments, a commune's from its commune-level ones) at the moment asked about. For each assignment the schedule expects progress rising linearly from 0 % at the task's start to 100 % at its deadline; the lag is expected minus last reported percent (a completed assignment has no lag), and an assignment not completed after its deadline is overdue (at exactly the deadline it is not yet overdue). RED: any assignment overdue, or the largest lag is at least the red threshold; YELLOW: the largest lag is at least the yellow threshold; GREEN otherwise, including a locality with no assignments. Thresholds are configured per deployment (TASKS_YELLOW_LAG, TASKS_RED_LAG; defaults 15 and 35 percentage points). Green coverage counts a commune as green only when it is GREEN and has reported at least once. */
export type ProgressStatus =
  /** On schedule: nothing overdue and no assignment lagging by the yellow threshold or more. */
  | 'GREEN'
  /** Seriously behind: an assignment is overdue, or lags by at least the red threshold (default 35 points). */
  | 'RED'
  /** Behind: some assignment lags by at least the yellow threshold (default 15 points), none by the red threshold, nothing overdue. */
  | 'YELLOW';

export type CutoffsAndSyncedRecordsQueryVariables = Exact<{
  from: string;
  to: string;
}>;


export type CutoffsAndSyncedRecordsQuery = { reportingCutoffs: Array<string>, country: { id: string, syncedRecords: { total: number } | null } };

export type ProvinceAtMomentQueryVariables = Exact<{
  code: string | number;
  asOf?: string | null | undefined;
}>;


export type ProvinceAtMomentQuery = { province: { id: string, code: string, name: string, progressStatus: ProgressStatus | null, greenCoverage: { numerator: number, denominator: number, percent: number } | null, readiness: { asOf: string, fullyMet: { numerator: number, denominator: number, percent: number } } | null } | null };


export const CutoffsAndSyncedRecordsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"CutoffsAndSyncedRecords"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"Date"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"reportingCutoffs"}},{"kind":"Field","name":{"kind":"Name","value":"country"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"syncedRecords"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"total"}}]}}]}}]}}]} as unknown as DocumentNode<CutoffsAndSyncedRecordsQuery, CutoffsAndSyncedRecordsQueryVariables>;
export const ProvinceAtMomentDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ProvinceAtMoment"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"code"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"AsOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"province"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"code"},"value":{"kind":"Variable","name":{"kind":"Name","value":"code"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"progressStatus"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}]},{"kind":"Field","name":{"kind":"Name","value":"greenCoverage"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"numerator"}},{"kind":"Field","name":{"kind":"Name","value":"denominator"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}}]}},{"kind":"Field","name":{"kind":"Name","value":"readiness"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"fullyMet"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"numerator"}},{"kind":"Field","name":{"kind":"Name","value":"denominator"}},{"kind":"Field","name":{"kind":"Name","value":"percent"}}]}}]}}]}}]}}]} as unknown as DocumentNode<ProvinceAtMomentQuery, ProvinceAtMomentQueryVariables>;