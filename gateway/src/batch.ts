import {
  Kind,
  OperationTypeNode,
  parse,
  print,
  stripIgnoredCharacters,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionNode,
  type VariableDefinitionNode,
} from 'graphql';

/**
 * Subgraph request batching: the fetches one client operation sends to the same subgraph in the
 * same step of its query plan (e.g. a province's and a commune's `_entities`) go as ONE request,
 * each fetch's root fields under its own alias prefix. The subgraph then answers them in one
 * request context, so its per-request loaders read shared rows once instead of once per fetch;
 * this is how Hive Gateway's planner sends them, and it was most of the difference between the
 * two gateways' subgraph CPU on the national drill-down (issue 16). Queries only: mutations keep
 * their serial, separate fetches.
 */

/** The prefix of the i-th fetch's aliases, variables and fragments in a merged operation. */
export const batchPrefix = (i: number) => `_b${i}_`;

/** One merged operation: its text and, per fetch, the response names it asked (unprefixed). */
export interface MergedOperation {
  query: string;
  operationName: string;
}

function prefixed(document: DocumentNode, prefix: string): { operation: OperationDefinitionNode; fragments: FragmentDefinitionNode[] } | undefined {
  const renamed = visit(document, {
    Variable: (node) => ({ ...node, name: { ...node.name, value: prefix + node.name.value } }),
    FragmentSpread: (node) => ({ ...node, name: { ...node.name, value: prefix + node.name.value } }),
    FragmentDefinition: (node) => ({ ...node, name: { ...node.name, value: prefix + node.name.value } }),
  });
  const operations = renamed.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== 1 || operations[0].operation !== OperationTypeNode.QUERY) return undefined;
  const operation = operations[0];
  // Root fields only (the query planner never puts fragments or directives at a fetch's root).
  if (!operation.selectionSet.selections.every((s) => s.kind === Kind.FIELD && !s.directives?.length)) return undefined;
  const aliased: SelectionNode[] = operation.selectionSet.selections.map((s) => {
    const field = s as FieldNode;
    return { ...field, alias: { kind: Kind.NAME, value: prefix + (field.alias?.value ?? field.name.value) } };
  });
  return {
    operation: { ...operation, selectionSet: { ...operation.selectionSet, selections: aliased } },
    fragments: renamed.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION),
  };
}

/**
 * One query asking everything `queries` ask, or undefined when they cannot be merged (a mutation,
 * a subscription, more than one operation). Pure; see {@link createMerger} for the cached form.
 */
export function mergeQueries(queries: readonly string[]): MergedOperation | undefined {
  const variableDefinitions: VariableDefinitionNode[] = [];
  const selections: SelectionNode[] = [];
  const fragments: FragmentDefinitionNode[] = [];
  let name: string | undefined;
  for (const [i, query] of queries.entries()) {
    const part = prefixed(parse(query, { noLocation: true }), batchPrefix(i));
    if (!part) return undefined;
    name ??= part.operation.name?.value;
    variableDefinitions.push(...(part.operation.variableDefinitions ?? []));
    selections.push(...part.operation.selectionSet.selections);
    fragments.push(...part.fragments);
  }
  const operationName = `${name ?? 'Operation'}__batch${queries.length}`;
  const operation: OperationDefinitionNode = {
    kind: Kind.OPERATION_DEFINITION,
    operation: OperationTypeNode.QUERY,
    name: { kind: Kind.NAME, value: operationName },
    variableDefinitions,
    directives: [],
    selectionSet: { kind: Kind.SELECTION_SET, selections },
  };
  return { query: stripIgnoredCharacters(print({ kind: Kind.DOCUMENT, definitions: [operation, ...fragments] })), operationName };
}

/** {@link mergeQueries} with a bounded cache: the plans are cached, so the same fetch texts recur. */
export function createMerger(max = 500): (queries: readonly string[]) => MergedOperation | undefined {
  const cache = new Map<string, MergedOperation | null>();
  return (queries) => {
    const key = queries.join('\u0000');
    let merged = cache.get(key);
    if (merged === undefined) {
      merged = mergeQueries(queries) ?? null;
      if (cache.size >= max) cache.clear();
      cache.set(key, merged);
    }
    return merged ?? undefined;
  };
}

/** The merged request's variables: each fetch's under its prefix. */
export function mergeVariables(variables: readonly (Record<string, unknown> | undefined)[]): Record<string, unknown> {
  const merged: Record<string, unknown> = {};
  variables.forEach((vars, i) => {
    if (vars) for (const [k, v] of Object.entries(vars)) merged[batchPrefix(i) + k] = v;
  });
  return merged;
}

interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { path?: (string | number)[]; [key: string]: unknown }[];
  extensions?: unknown;
}

/**
 * The i-th fetch's share of a merged answer: its root fields under their own names, and the
 * errors whose path starts at one of them (paths restored); errors without such a path go to the
 * first fetch only, so none is lost or repeated.
 */
export function splitBody(body: GraphQLBody, count: number): GraphQLBody[] {
  const parts: GraphQLBody[] = Array.from({ length: count }, () => ({ data: body.data === null ? null : {} }));
  if (body.data) {
    for (const [key, value] of Object.entries(body.data)) {
      const m = /^_b(\d+)_(.*)$/s.exec(key);
      if (!m || Number(m[1]) >= count) continue;
      (parts[Number(m[1])].data as Record<string, unknown>)[m[2]] = value;
    }
  }
  if (body.data === undefined) for (const p of parts) delete p.data;
  for (const error of body.errors ?? []) {
    const head = error.path?.[0];
    const m = typeof head === 'string' ? /^_b(\d+)_(.*)$/s.exec(head) : null;
    const i = m && Number(m[1]) < count ? Number(m[1]) : 0;
    const restored = m && Number(m[1]) < count ? { ...error, path: [m[2], ...error.path!.slice(1)] } : error;
    (parts[i].errors ??= []).push(restored);
  }
  if (body.extensions !== undefined) parts[0].extensions = body.extensions;
  return parts;
}
