import {
  defaultFieldResolver,
  GraphQLError,
  isNonNullType,
  isObjectType,
  valueFromASTUntyped,
  type GraphQLField,
  type GraphQLFieldResolver,
  type GraphQLSchema,
} from 'graphql';
import { Directive } from 'type-graphql';
import { holdsScope, isAnonymous, SCOPES, type RecordLocality } from '@kh02/common';
import type { BaseContext } from './context';

/** The property a protected field's parent object carries to say where its record belongs. */
export const LOCALITY = 'locality';

/** An object whose protected fields are checked against the locality it names. */
export interface LocalityScoped {
  /** Where the record belongs; absent or empty = a central record (national readers only). Never a GraphQL field. */
  locality?: RecordLocality;
}

/**
 * Marks a field as a detail that names people or holds working notes: `@authenticated` and
 * `@requiresScopes` in the schema (visible in the composed supergraph), enforced by
 * {@link enforceAccess} from those same directives. The field must be nullable: a caller without
 * the right gets null there and an error at its path, and the rest of the answer.
 */
export function LocalDetail(): PropertyDecorator & MethodDecorator {
  const authenticated = Directive('@authenticated');
  const scopes = Directive(`@requiresScopes(scopes: [["${SCOPES.READ_DETAILS}"], ["${SCOPES.READ_LOCAL_DETAILS}"]])`);
  return (target: object, key: string | symbol, descriptor?: PropertyDescriptor) => {
    (authenticated as (t: object, k: string | symbol, d?: PropertyDescriptor) => void)(target, key, descriptor);
    (scopes as (t: object, k: string | symbol, d?: PropertyDescriptor) => void)(target, key, descriptor);
  };
}

interface Rule {
  authenticated: boolean;
  /** Alternatives: the caller must hold every scope of one of them. Empty = no scope needed. */
  scopeSets: string[][];
}

function denied(code: 'UNAUTHENTICATED' | 'FORBIDDEN', field: string): GraphQLError {
  return code === 'UNAUTHENTICATED'
    ? new GraphQLError(`${field} names people or holds working notes: sign in (a bearer token) to see it.`, { extensions: { code } })
    : new GraphQLError(`${field} is not open to you: it needs an analyst or admin, or an official of this locality.`, { extensions: { code } });
}

function allowedWith(rule: Rule, ctx: BaseContext, where: RecordLocality, provinceOfCommune?: string | null): boolean {
  if (rule.scopeSets.length === 0) return true;
  return rule.scopeSets.some((set) => set.every((scope) => holdsScope(ctx.caller, scope, where, provinceOfCommune)));
}

/** The access rule a field's `@authenticated` / `@requiresScopes` directives state, or undefined when it has none. */
function ruleOf(field: GraphQLField<unknown, unknown>): Rule | undefined {
  const directives = field.astNode?.directives ?? [];
  const authenticated = directives.some((d) => d.name.value === 'authenticated');
  const requires = directives.find((d) => d.name.value === 'requiresScopes');
  const arg = requires?.arguments?.find((a) => a.name.value === 'scopes');
  const scopeSets = arg ? (valueFromASTUntyped(arg.value) as string[][]) : [];
  if (!authenticated && !requires) return undefined;
  return { authenticated: true, scopeSets };
}

/**
 * Wraps the resolver of every field carrying `@authenticated` or `@requiresScopes` with the check
 * those directives state, in the resolvers map `buildFederatedSchema` hands to `@apollo/subgraph`;
 * other fields keep their resolver untouched (nothing is added to the 36k criterion objects of the
 * national drill-down unless it asks for a protected field). The check is synchronous except when
 * a province official reads a commune record that does not carry its province: then the context's
 * `provinceOfCommune` is asked (memoised per request). Returns the protected fields' names.
 */
export function enforceAccess(schema: GraphQLSchema, resolvers: Record<string, Record<string, unknown>>): string[] {
  const protectedFields: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const rule = ruleOf(field);
      if (!rule) continue;
      const label = `${type.name}.${field.name}`;
      if (isNonNullType(field.type)) throw new Error(`${label} is protected but non-null: a caller without the right must get null there.`);
      const typeResolvers = (resolvers[type.name] ??= {});
      const existing = typeResolvers[field.name];
      const resolve = (typeof existing === 'function' ? existing : defaultFieldResolver) as GraphQLFieldResolver<unknown, BaseContext>;
      typeResolvers[field.name] = guarded(rule, label, resolve);
      protectedFields.push(label);
    }
  }
  return protectedFields;
}

function guarded(rule: Rule, label: string, resolve: GraphQLFieldResolver<unknown, BaseContext>): GraphQLFieldResolver<unknown, BaseContext> {
  return (root, args, ctx, info) => {
    if (rule.authenticated && isAnonymous(ctx.caller)) throw denied('UNAUTHENTICATED', label);
    const where = (root as LocalityScoped | null)?.locality ?? {};
    if (allowedWith(rule, ctx, where)) return resolve(root, args, ctx, info);
    const c = ctx.caller;
    if (c.province !== undefined && c.commune === undefined && where.commune != null && where.province == null && ctx.provinceOfCommune) {
      return ctx.provinceOfCommune(where.commune).then((province) => {
        if (!allowedWith(rule, ctx, where, province)) throw denied('FORBIDDEN', label);
        return resolve(root, args, ctx, info);
      });
    }
    throw denied('FORBIDDEN', label);
  };
}
