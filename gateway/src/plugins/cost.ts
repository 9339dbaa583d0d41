import {
  getArgumentValues,
  getNamedType,
  isCompositeType,
  isListType,
  isNonNullType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLCompositeType,
  type GraphQLField,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/**
 * Known sizes of lists that have no `first`: the facts of the dataset the gateway may know
 * without loading it (it never loads the dataset). Keyed by `Parent.field` or by the list's
 * element type. A list not named here counts as `defaultListSize`.
 */
export const KNOWN_LIST_SIZES: Readonly<Record<string, number>> = Object.freeze({
  /** The 34 provinces and cities. */
  'Query.provinces': 34,
  /** The largest province (Hồ Chí Minh City) has 168 communes: a page never holds more. */
  'Province.communes': 168,
  /** The readiness criteria catalogue (11), by element type. */
  Criterion: 11,
  CriterionCoverage: 11,
  CriterionAssessment: 11,
});

/** The page size a connection uses when `first` is not given (the kit's DEFAULT_PAGE_SIZE). */
const DEFAULT_PAGE_SIZE = 50;

/**
 * The estimated cost of an operation: every field costs 1, and everything selected under a list
 * (or a connection) is multiplied by its size: `first` (capped by the list's known size), else
 * the list's known size, else `defaultListSize`. Fragments are counted where they are spread;
 * the branches of an abstract type are summed (an upper bound).
 */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
  defaultListSize: number,
): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
  const root =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  if (!root) return 0;

  const multiplier = (parent: GraphQLCompositeType, field: GraphQLField<unknown, unknown>, node: Parameters<typeof getArgumentValues>[1]): number => {
    const known = KNOWN_LIST_SIZES[`${parent.name}.${field.name}`] ?? KNOWN_LIST_SIZES[getNamedType(field.type).name];
    if (field.args.some((a) => a.name === 'first')) {
      let first: unknown;
      try {
        first = getArgumentValues(field, node, variables).first;
      } catch {
        first = undefined; // an invalid value is refused by the subgraph; cost it as the default page
      }
      const size = typeof first === 'number' && first > 0 ? first : DEFAULT_PAGE_SIZE;
      return known === undefined ? size : Math.min(size, known);
    }
    const type = isNonNullType(field.type) ? field.type.ofType : field.type;
    // A connection's `edges` (or `nodes`) hold the page its `first` already counted.
    if (parent.name.endsWith('Connection') && (field.name === 'edges' || field.name === 'nodes')) return 1;
    if (isListType(type)) return known ?? defaultListSize;
    return 1;
  };

  const cost = (set: SelectionSetNode, parent: GraphQLCompositeType, seen: Set<string>): number => {
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value === '__typename') {
          total += 1;
          continue;
        }
        const fields = 'getFields' in parent ? parent.getFields() : {};
        const field = fields[selection.name.value] as GraphQLField<unknown, unknown> | undefined;
        if (!field) {
          total += 1; // introspection fields and unknown ones (validation refuses those)
          continue;
        }
        const type = getNamedType(field.type);
        const below = selection.selectionSet && isCompositeType(type) ? cost(selection.selectionSet, type, seen) : 0;
        total += 1 + multiplier(parent, field, selection) * below;
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        total += cost(selection.selectionSet, type && isCompositeType(type) ? type : parent, seen);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || seen.has(name)) continue;
        const type = schema.getType(fragment.typeCondition.name.value);
        total += cost(fragment.selectionSet, type && isCompositeType(type) ? type : parent, new Set([...seen, name]));
      }
    }
    return total;
  };
  return cost(operation.selectionSet, root, new Set());
}
