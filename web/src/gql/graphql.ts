/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Kind of commune-level unit. */
export type CommuneKind =
  /** Rural commune (xã). */
  | 'COMMUNE'
  /** Special zone (đặc khu), mostly islands. */
  | 'SPECIAL_ZONE'
  /** Urban ward (phường). */
  | 'WARD';

/** Colour of a locality on the KH02 monitoring map, from its OWN assignments (a province's from its province-level assignments, a commune's from its commune-level ones) at the moment asked about. For each assignment the schedule expects progress rising linearly from 0 % at the task's start to 100 % at its deadline; the lag is expected minus last reported percent (a completed assignment has no lag), and an assignment not completed after its deadline is overdue (at exactly the deadline it is not yet overdue). RED: any assignment overdue, or the largest lag is at least the red threshold; YELLOW: the largest lag is at least the yellow threshold; GREEN otherwise, including a locality with no assignments. Thresholds are configured per deployment (TASKS_YELLOW_LAG, TASKS_RED_LAG; defaults 15 and 35 percentage points). Green coverage counts a commune as green only when it is GREEN and has reported at least once. */
export type ProgressStatus =
  /** On schedule: nothing overdue and no assignment lagging by the yellow threshold or more. */
  | 'GREEN'
  /** Seriously behind: an assignment is overdue, or lags by at least the red threshold (default 35 points). */
  | 'RED'
  /** Behind: some assignment lags by at least the yellow threshold (default 15 points), none by the red threshold, nothing overdue. */
  | 'YELLOW';

/** Kind of province-level unit. */
export type ProvinceKind =
  /** Centrally-run city (thành phố trực thuộc trung ương); 6 of the 34. */
  | 'CITY'
  /** Province (tỉnh); 28 of the 34. */
  | 'PROVINCE';

export type CommuneDetailQueryVariables = Exact<{
  code: string | number;
  asOf?: string | null | undefined;
  details: boolean;
}>;


export type CommuneDetailQuery = { commune: { code: string, name: string, lastReportedAt: string | null, readiness: { asOf: string, criteria: Array<{ met: boolean, assessedAt: string | null, assessedBy?: string | null, note?: string | null, criterion: { code: string, name: string, basic: boolean } }> } | null } | null };

export type ProvinceCommunesQueryVariables = Exact<{
  code: string | number;
  asOf?: string | null | undefined;
  first: number;
  after?: string | null | undefined;
  search?: string | null | undefined;
}>;


export type ProvinceCommunesQuery = { province: { code: string, name: string, communeCount: number, communes: { totalCount: number, pageInfo: { hasNextPage: boolean, endCursor: string | null }, edges: Array<{ node: { code: string, name: string, kind: CommuneKind, progressStatus: ProgressStatus | null, countsAsGreen: boolean | null, readiness: { meetsBasicConditions: boolean, unmetCriteria: Array<{ code: string, name: string }> } | null } }> } } | null };

export type OverviewQueryVariables = Exact<{
  asOf?: string | null | undefined;
}>;


export type OverviewQuery = { reportingCutoffs: Array<string>, country: { provinceCount: number, communeCount: number, progress: { asOf: string, green: number, yellow: number, red: number } | null, greenCoverage: { numerator: number, denominator: number, percent: number } | null, readiness: { fullyMet: { numerator: number, denominator: number, percent: number } } | null }, provinces: Array<{ code: string, name: string, nameAscii: string, kind: ProvinceKind, regionName: string, communeCount: number, progressStatus: ProgressStatus | null, greenCoverage: { numerator: number, denominator: number, percent: number } | null, readiness: { fullyMet: { numerator: number, denominator: number, percent: number } } | null }> };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const CommuneDetailDocument = new TypedDocumentString(`
    query CommuneDetail($code: ID!, $asOf: AsOf, $details: Boolean!) {
  commune(code: $code) {
    code
    name
    lastReportedAt(asOf: $asOf)
    readiness(asOf: $asOf) {
      asOf
      criteria {
        criterion {
          code
          name
          basic
        }
        met
        assessedAt
        assessedBy @include(if: $details)
        note @include(if: $details)
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CommuneDetailQuery, CommuneDetailQueryVariables>;
export const ProvinceCommunesDocument = new TypedDocumentString(`
    query ProvinceCommunes($code: ID!, $asOf: AsOf, $first: Int!, $after: String, $search: String) {
  province(code: $code) {
    code
    name
    communeCount
    communes(first: $first, after: $after, filter: {search: $search}) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          code
          name
          kind
          progressStatus(asOf: $asOf)
          countsAsGreen(asOf: $asOf)
          readiness(asOf: $asOf) {
            meetsBasicConditions
            unmetCriteria {
              code
              name
            }
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<ProvinceCommunesQuery, ProvinceCommunesQueryVariables>;
export const OverviewDocument = new TypedDocumentString(`
    query Overview($asOf: AsOf) {
  reportingCutoffs
  country {
    provinceCount
    communeCount
    progress(asOf: $asOf) {
      asOf
      green
      yellow
      red
    }
    greenCoverage(asOf: $asOf) {
      numerator
      denominator
      percent
    }
    readiness(asOf: $asOf) {
      fullyMet {
        numerator
        denominator
        percent
      }
    }
  }
  provinces {
    code
    name
    nameAscii
    kind
    regionName
    communeCount
    progressStatus(asOf: $asOf)
    greenCoverage(asOf: $asOf) {
      numerator
      denominator
      percent
    }
    readiness(asOf: $asOf) {
      fullyMet {
        numerator
        denominator
        percent
      }
    }
  }
}
    `) as unknown as TypedDocumentString<OverviewQuery, OverviewQueryVariables>;