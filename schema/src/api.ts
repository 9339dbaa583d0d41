import { Supergraph } from '@apollo/federation-internals';
import { servableSupergraph } from '@kh02/common';
import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import { buildSchema, printSchema } from 'graphql';

/**
 * The API schema clients see: the supergraph without Federation's `join__`/`link__` machinery or
 * subgraph URLs, printed with every description (what the gateway serves by introspection).
 */
export function apiSchemaOf(supergraphSdl: string): string {
  // The access directives' SECURITY links are enforced by the subgraphs, not by Federation's own
  // supergraph reader, which refuses them (servableSupergraph).
  const api = Supergraph.build(servableSupergraph(supergraphSdl)).apiSchema().toGraphQLJSSchema();
  const header =
    '# The KH02 client API, generated from the supergraph by `npm run schema:compose`; do not edit.\n# Breaking changes against schema/released/api.graphql must be acknowledged in schema/CHANGELOG.md.\n\n';
  return `${header}${printSchema(api).trim()}\n`;
}

/** A change one API schema makes to another that can break an existing client. */
export interface BreakingChange {
  /** Schema coordinate, e.g. "Assignment.percent" or "Query.province.code". */
  path: string;
  message: string;
}

/** The breaking changes from the released API schema to the current one (@graphql-inspector/core). */
export async function breakingChanges(releasedSdl: string, currentSdl: string): Promise<BreakingChange[]> {
  const changes: Change[] = await diff(buildSchema(releasedSdl), buildSchema(currentSdl));
  return changes.filter((c) => c.criticality.level === CriticalityLevel.Breaking).map((c) => ({ path: c.path ?? c.type, message: c.message }));
}

/**
 * The acknowledgement format: in `schema/CHANGELOG.md`, under the `## Unreleased` heading, one
 * line per breaking change, `- BREAKING \`<path>\`: <what clients do>`. Paths are schema
 * coordinates as @graphql-inspector prints them (`Type.field`, `Type.field.argument`, `Type`).
 * Releasing copies `api.graphql` to `released/api.graphql` and renames the heading to the version.
 */
export function acknowledgedPaths(changelog: string): Set<string> {
  const unreleased = /^## Unreleased\s*$([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(changelog)?.[1] ?? '';
  return new Set([...unreleased.matchAll(/^- BREAKING `([^`]+)`/gm)].map((m) => m[1]));
}

/** Breaking changes the changelog does not acknowledge: each one fails `npm run schema:check`. */
export function unacknowledged(changes: readonly BreakingChange[], changelog: string): BreakingChange[] {
  const acknowledged = acknowledgedPaths(changelog);
  return changes.filter((c) => !acknowledged.has(c.path));
}
