import { isAnonymous, parseAsOf, type Caller } from '@kh02/common';
import {
  getNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  print,
  printSchema,
  valueFromASTUntyped,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { createHash } from 'node:crypto';

/**
 * The caller's access class: what decides which fields and records an answer may hold. Anonymous
 * readers share one class; a signed-in caller's class is their roles, scopes and locality binding
 * (a province official of 04 and one of 01 see different details). The subject is not part of
 * it: nothing in the graph answers differently for two callers of the same class.
 */
export function accessClass(caller: Caller): string {
  if (isAnonymous(caller)) return 'anonymous';
  const parts = [`roles=${[...caller.roles].sort().join(',')}`, `scopes=${[...caller.scopes].sort().join(',')}`];
  if (caller.province !== undefined) parts.push(`province=${caller.province}`);
  if (caller.commune !== undefined) parts.push(`commune=${caller.commune}`);
  return parts.join(';');
}

const schemaIds = new WeakMap<GraphQLSchema, string>();

/**
 * A schema's identity in cache keys: the hash of its printed SDL, computed once per schema object.
 * A reloaded supergraph gets new keys (its descriptions, fields or rules may differ); replicas
 * serving the same supergraph share entries.
 */
export function schemaId(schema: GraphQLSchema): string {
  let id = schemaIds.get(schema);
  if (!id) schemaIds.set(schema, (id = createHash('sha256').update(printSchema(schema)).digest('base64url').slice(0, 16)));
  return id;
}

/** JSON with object keys sorted, so `{a,b}` and `{b,a}` make one key. */
export function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const entries = Object.keys(value as object)
    .sort()
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${stableJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}

/**
 * The hash of what makes an answer: the normalised document (printed from its AST, so spacing and
 * comments do not matter), the operation name, the variables and the caller's access class.
 */
export function answerHash(
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown> | undefined,
  access: string,
): string {
  return createHash('sha256')
    .update(print(document))
    .update('\0')
    .update(operationName ?? '')
    .update('\0')
    .update(stableJson(variables ?? {}))
    .update('\0')
    .update(access)
    .digest('base64url');
}

/**
 * Types whose argument-free scalar fields are the official register or the plan's text (codes,
 * names, kinds, commune counts, titles, deadlines): nothing written through the API changes them.
 */
const STATIC_TYPES = new Set(['Country', 'Province', 'Commune', 'CommuneConnection', 'CommuneEdge', 'Criterion', 'Plan', 'TaskGroup', 'Task', 'PageInfo']);

/**
 * Whether an operation's answer is fixed for good: every field that reads the history (has an
 * `asOf` argument) is given an explicit moment at or before `publishedCutoff`, at least one does,
 * and every other field answered is either inside such a field or a register field of a
 * {@link STATIC_TYPES} type. `LATEST`, a left-out `asOf`, a moment after the latest published
 * cut-off, any field the rule does not know (e.g. `syncedRecords(from, to)`), or no
 * `publishedCutoff` at all: not fixed — such answers are keyed by the data version.
 */
export function isFixedInTime(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
  publishedCutoff: Date | undefined,
): boolean {
  if (!publishedCutoff || operation.operation !== 'query') return false;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const defaults: Record<string, unknown> = {};
  for (const v of operation.variableDefinitions ?? []) if (v.defaultValue) defaults[v.variable.name.value] = valueFromASTUntyped(v.defaultValue);
  const values = { ...defaults, ...variables };
  let readsHistory = false;

  const momentIsFixed = (value: unknown): boolean => {
    try {
      const moment = parseAsOf(value);
      return moment !== null && moment.getTime() <= publishedCutoff.getTime();
    } catch {
      return false;
    }
  };

  const walk = (set: SelectionSetNode, parent: GraphQLNamedType, insideHistory: boolean, depth: number): boolean => {
    if (depth > 64) return false;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith('__')) continue;
        const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[selection.name.value] : undefined;
        if (!field) return false;
        let inside = insideHistory;
        if (field.args.some((a) => a.name === 'asOf')) {
          const node = selection.arguments?.find((a) => a.name.value === 'asOf');
          if (!node || !momentIsFixed(valueFromASTUntyped(node.value, values))) return false;
          readsHistory = true;
          inside = true;
        } else if (!insideHistory && !selection.selectionSet && !(STATIC_TYPES.has(parent.name) && field.args.length === 0)) {
          return false;
        }
        if (selection.selectionSet && !walk(selection.selectionSet, getNamedType(field.type), inside, depth + 1)) return false;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        if (!type || !walk(selection.selectionSet, type, insideHistory, depth + 1)) return false;
      } else {
        const fragment = fragments.get(selection.name.value);
        const type = fragment && schema.getType(fragment.typeCondition.name.value);
        if (!fragment || !type || !walk(fragment.selectionSet, type, insideHistory, depth + 1)) return false;
      }
    }
    return true;
  };

  const root = schema.getQueryType();
  return !!root && walk(operation.selectionSet, root, false, 0) && readsHistory;
}
