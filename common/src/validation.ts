import {
  GraphQLError,
  getNamedType,
  isEnumType,
  isLeafType,
  isNonNullType,
  isListType,
  Kind,
  type ASTVisitor,
  type ValidationContext,
  type ValueNode,
} from 'graphql';

/**
 * Names the argument when a literal does not fit its type. graphql-js reports
 * `Expected value of type "Date", found "2025-02-30"` without saying which argument; this rule
 * adds `Argument "from" has an invalid value: …` (code `BAD_USER_INPUT`, `argument` in
 * extensions) for scalar and enum arguments written inline. Variables are checked by graphql-js,
 * whose message names the variable.
 */
export function ArgumentValuesRule(context: ValidationContext): ASTVisitor {
  return {
    Argument(node) {
      const def = context.getArgument();
      if (!def) return;
      const problem = invalidLeaf(def.type, node.value);
      if (problem) {
        context.reportError(
          new GraphQLError(`Argument "${node.name.value}" has an invalid value: ${problem}`, {
            nodes: node,
            extensions: { code: 'BAD_USER_INPUT', argument: node.name.value },
          }),
        );
      }
    },
  };
}

/** Why a literal does not fit a scalar/enum (or list of them) type, or undefined if it fits or is not a leaf. */
function invalidLeaf(type: Parameters<typeof getNamedType>[0], value: ValueNode): string | undefined {
  if (value.kind === Kind.VARIABLE || value.kind === Kind.NULL) return undefined;
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) {
    const items = value.kind === Kind.LIST ? value.values : [value];
    for (const item of items) {
      const problem = invalidLeaf(inner.ofType, item);
      if (problem) return problem;
    }
    return undefined;
  }
  const named = getNamedType(inner);
  if (!isLeafType(named)) return undefined;
  if (isEnumType(named)) {
    if (value.kind !== Kind.ENUM || !named.getValue(value.value)) {
      const shown = value.kind === Kind.ENUM || value.kind === Kind.STRING ? value.value : value.kind;
      return `"${shown}" is not one of ${named
        .getValues()
        .map((v) => v.name)
        .join(', ')}.`;
    }
    return undefined;
  }
  try {
    const parsed = named.parseLiteral(value, undefined);
    return parsed === undefined ? `not a valid ${named.name}.` : undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/**
 * One error per cause: graphql-js reports a literal that does not fit its scalar or enum as well
 * (without naming the argument, and for a scalar that throws a `GraphQLError`, without a
 * location). Given the validation errors of one request, drops graphql-js's report of a literal
 * that {@link ArgumentValuesRule} reported too, keeping the one that names the argument and
 * points at it. Mutates and returns `errors` (Apollo Server's validation hook hands the array on).
 */
export function onePerCause(errors: GraphQLError[]): GraphQLError[] {
  const ours = errors.filter((e) => typeof e.extensions?.argument === 'string' && e.nodes?.[0]?.loc);
  if (ours.length === 0) return errors;
  const covered = (e: GraphQLError) =>
    ours.some((a) => {
      if (a === e) return false;
      const argLoc = a.nodes![0].loc!;
      const loc = e.nodes?.[0]?.loc;
      if (loc) return loc.start >= argLoc.start && loc.end <= argLoc.end;
      return a.message.endsWith(e.message);
    });
  const kept = errors.filter((e) => !covered(e));
  errors.splice(0, errors.length, ...kept);
  return errors;
}
