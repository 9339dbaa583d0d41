/**
 * The description of a field a subgraph adds to an entity another subgraph owns (Province,
 * Commune, Country). Such fields are nullable on purpose: when this subgraph is down, stalled or
 * answers garbage, the gateway still returns the owner's fields and puts `null` here, with an
 * error at this path whose `extensions.code` is `SUBGRAPH_UNAVAILABLE` and `extensions.service`
 * names the data service. A non-null field would null its parent instead (up to all of `data`).
 */
export function whenUnavailable(service: string, description: string): string {
  return `${description} Null only when the ${service} data service is unavailable: an error at this path then has extensions.code SUBGRAPH_UNAVAILABLE and extensions.service "${service}".`;
}
