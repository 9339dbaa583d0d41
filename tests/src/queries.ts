/**
 * The monitoring map's national drill-down: every province → every commune → every criterion,
 * with colours and every coverage figure, across all three subgraphs.
 */
export const NATIONAL_DRILL_DOWN = `query NationalDrillDown {
  country {
    provinceCount communeCount
    progress { green yellow red }
    greenCoverage { numerator denominator percent }
    coverageBands { full above70 above50 below50 }
    readiness { fullyMet { numerator denominator percent } criteria { criterion { code name } coverage { numerator denominator percent } } }
  }
  provinces {
    code name kind communeCount progressStatus
    greenCoverage { numerator denominator percent }
    readiness { fullyMet { numerator denominator percent } criteria { criterion { code } coverage { numerator denominator percent } } }
    communes(first: 500) {
      totalCount
      edges { node { code name kind progressStatus readiness { meetsBasicConditions criteria { criterion { code } met } } } }
    }
  }
}`;

/** One commune's detail across the three subgraphs. */
export const COMMUNE_DETAIL = `query CommuneDetail($code: ID!) {
  commune(code: $code) {
    code name kind province { code name progressStatus greenCoverage { percent } }
    progressStatus assignments { task { code title } }
    readiness { meetsBasicConditions unmetCriteria { code } criteria { criterion { code name } met note assessedAt } }
    syncedRecords(from: "2025-07-01", to: "2025-07-31")
  }
}`;
