/** The access features whose directives the subgraphs enforce themselves (see the kit's `access.ts`). */
const SUBGRAPH_ENFORCED = ['https://specs.apollo.dev/authenticated/v0.1', 'https://specs.apollo.dev/requiresScopes/v0.1'];

/**
 * The committed supergraph as `@apollo/gateway` will load it. Composition links `@authenticated`
 * and `@requiresScopes` `for: SECURITY`, which tells a router it must enforce them or refuse the
 * schema; `@apollo/gateway` enforces neither and so refuses it. Here the subgraphs enforce them
 * on their own fields (they hold the rule and the record's locality), so the gateway may serve
 * the schema: the `for: SECURITY` purpose is dropped from those two links only, and the
 * directives stay in the committed SDL for partners and routers to read.
 */
export function servableSupergraph(sdl: string): string {
  let out = sdl;
  for (const url of SUBGRAPH_ENFORCED) out = out.split(`@link(url: "${url}", for: SECURITY)`).join(`@link(url: "${url}")`);
  return out;
}
