/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query CommuneDetail($code: ID!, $asOf: AsOf, $details: Boolean!) {\n  commune(code: $code) {\n    code\n    name\n    lastReportedAt(asOf: $asOf)\n    readiness(asOf: $asOf) {\n      asOf\n      criteria {\n        criterion {\n          code\n          name\n          basic\n        }\n        met\n        assessedAt\n        assessedBy @include(if: $details)\n        note @include(if: $details)\n      }\n    }\n  }\n}": typeof types.CommuneDetailDocument,
    "query ProvinceCommunes($code: ID!, $asOf: AsOf, $first: Int!, $after: String, $search: String) {\n  province(code: $code) {\n    code\n    name\n    communeCount\n    communes(first: $first, after: $after, filter: {search: $search}) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          code\n          name\n          kind\n          progressStatus(asOf: $asOf)\n          countsAsGreen(asOf: $asOf)\n          readiness(asOf: $asOf) {\n            meetsBasicConditions\n            unmetCriteria {\n              code\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n}": typeof types.ProvinceCommunesDocument,
    "query Overview($asOf: AsOf) {\n  reportingCutoffs\n  country {\n    provinceCount\n    communeCount\n    progress(asOf: $asOf) {\n      asOf\n      green\n      yellow\n      red\n    }\n    greenCoverage(asOf: $asOf) {\n      numerator\n      denominator\n      percent\n    }\n    readiness(asOf: $asOf) {\n      fullyMet {\n        numerator\n        denominator\n        percent\n      }\n    }\n  }\n  provinces {\n    code\n    name\n    nameAscii\n    kind\n    regionName\n    communeCount\n    progressStatus(asOf: $asOf)\n    greenCoverage(asOf: $asOf) {\n      numerator\n      denominator\n      percent\n    }\n    readiness(asOf: $asOf) {\n      fullyMet {\n        numerator\n        denominator\n        percent\n      }\n    }\n  }\n}": typeof types.OverviewDocument,
};
const documents: Documents = {
    "query CommuneDetail($code: ID!, $asOf: AsOf, $details: Boolean!) {\n  commune(code: $code) {\n    code\n    name\n    lastReportedAt(asOf: $asOf)\n    readiness(asOf: $asOf) {\n      asOf\n      criteria {\n        criterion {\n          code\n          name\n          basic\n        }\n        met\n        assessedAt\n        assessedBy @include(if: $details)\n        note @include(if: $details)\n      }\n    }\n  }\n}": types.CommuneDetailDocument,
    "query ProvinceCommunes($code: ID!, $asOf: AsOf, $first: Int!, $after: String, $search: String) {\n  province(code: $code) {\n    code\n    name\n    communeCount\n    communes(first: $first, after: $after, filter: {search: $search}) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          code\n          name\n          kind\n          progressStatus(asOf: $asOf)\n          countsAsGreen(asOf: $asOf)\n          readiness(asOf: $asOf) {\n            meetsBasicConditions\n            unmetCriteria {\n              code\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n}": types.ProvinceCommunesDocument,
    "query Overview($asOf: AsOf) {\n  reportingCutoffs\n  country {\n    provinceCount\n    communeCount\n    progress(asOf: $asOf) {\n      asOf\n      green\n      yellow\n      red\n    }\n    greenCoverage(asOf: $asOf) {\n      numerator\n      denominator\n      percent\n    }\n    readiness(asOf: $asOf) {\n      fullyMet {\n        numerator\n        denominator\n        percent\n      }\n    }\n  }\n  provinces {\n    code\n    name\n    nameAscii\n    kind\n    regionName\n    communeCount\n    progressStatus(asOf: $asOf)\n    greenCoverage(asOf: $asOf) {\n      numerator\n      denominator\n      percent\n    }\n    readiness(asOf: $asOf) {\n      fullyMet {\n        numerator\n        denominator\n        percent\n      }\n    }\n  }\n}": types.OverviewDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CommuneDetail($code: ID!, $asOf: AsOf, $details: Boolean!) {\n  commune(code: $code) {\n    code\n    name\n    lastReportedAt(asOf: $asOf)\n    readiness(asOf: $asOf) {\n      asOf\n      criteria {\n        criterion {\n          code\n          name\n          basic\n        }\n        met\n        assessedAt\n        assessedBy @include(if: $details)\n        note @include(if: $details)\n      }\n    }\n  }\n}"): typeof import('./graphql').CommuneDetailDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ProvinceCommunes($code: ID!, $asOf: AsOf, $first: Int!, $after: String, $search: String) {\n  province(code: $code) {\n    code\n    name\n    communeCount\n    communes(first: $first, after: $after, filter: {search: $search}) {\n      totalCount\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      edges {\n        node {\n          code\n          name\n          kind\n          progressStatus(asOf: $asOf)\n          countsAsGreen(asOf: $asOf)\n          readiness(asOf: $asOf) {\n            meetsBasicConditions\n            unmetCriteria {\n              code\n              name\n            }\n          }\n        }\n      }\n    }\n  }\n}"): typeof import('./graphql').ProvinceCommunesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Overview($asOf: AsOf) {\n  reportingCutoffs\n  country {\n    provinceCount\n    communeCount\n    progress(asOf: $asOf) {\n      asOf\n      green\n      yellow\n      red\n    }\n    greenCoverage(asOf: $asOf) {\n      numerator\n      denominator\n      percent\n    }\n    readiness(asOf: $asOf) {\n      fullyMet {\n        numerator\n        denominator\n        percent\n      }\n    }\n  }\n  provinces {\n    code\n    name\n    nameAscii\n    kind\n    regionName\n    communeCount\n    progressStatus(asOf: $asOf)\n    greenCoverage(asOf: $asOf) {\n      numerator\n      denominator\n      percent\n    }\n    readiness(asOf: $asOf) {\n      fullyMet {\n        numerator\n        denominator\n        percent\n      }\n    }\n  }\n}"): typeof import('./graphql').OverviewDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
