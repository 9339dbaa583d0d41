/**
 * Result shaping without per-value interpretation overhead (issue 16).
 *
 * After the subgraph fetches, @apollo/gateway walks the merged data once more to shape the
 * client's answer (`computeResponse` in its `resultShaping.js`: aliases, `__typename`, type
 * conditions, null bubbling, leaf checks). On the national drill-down that walk was 35 % of the
 * gateway's CPU: for every one of ~200,000 values it re-read the selection's `@skip`/`@include`
 * directives, field definition, response name and type condition through federation-internals'
 * getters, and allocated a result object per value. This is the same algorithm, step for step and
 * error for error, over selection sets compiled once per request: directives decided once (the
 * variables do not change within a request), each field's response name, type and sub-selection
 * read once, type conditions decided once per `__typename`, and no per-value result objects.
 * `installFastShaping()` puts it in place of the library's function; `shaping.test.ts` checks it
 * answers exactly as the library does.
 */
import {
  assert,
  ERRORS,
  isCustomScalarType,
  isSubtype,
  isValidLeafValue,
  typenameFieldName,
  Variable,
  type CompositeType,
  type Directive,
  type Operation,
  type Schema,
  type Selection,
  type SelectionSet,
  type Type,
} from '@apollo/federation-internals';
import { Kind, type DefinitionNode, type DocumentNode, type GraphQLError, type OperationDefinitionNode } from 'graphql';

type LeafType = globalThis.Parameters<typeof isValidLeafValue>[2];

interface Parameters {
  schema: Schema;
  variables: Record<string, unknown>;
  errors: GraphQLError[];
  introspectionHandling: (selection: Selection) => unknown;
  /** Set by {@link compile} when a selection carries `@skip`/`@include`: the compiled form then depends on the variables. */
  conditional?: boolean;
}

interface CompiledField {
  field: true;
  responseName: string;
  /** The name is also a property of Object.prototype ("constructor", "toString"…): read only own values. */
  inherited: boolean;
  introspection: boolean;
  typename: boolean;
  type: Type;
  sub: Compiled | undefined;
  selection: Selection;
}
interface CompiledFragment {
  field: false;
  typeCondition: CompositeType | undefined;
  sub: Compiled;
  /** Whether the type condition applies, by `__typename` (or parent type) seen. */
  applies: Map<string, boolean>;
}
type Compiled = (CompiledField | CompiledFragment)[];

// The library's type predicates, read as the `kind` they test (its re-exports are getters: a call
// through them costs a property lookup per value).
const isNonNullType = (type: Type): type is Extract<Type, { kind: 'NonNullType' }> => type.kind === 'NonNullType';
const isListType = (type: Type): type is Extract<Type, { kind: 'ListType' }> => type.kind === 'ListType';
const isObjectType = (type: Type | undefined): boolean => type?.kind === 'ObjectType';
const isCompositeType = (type: Type): type is CompositeType => type.kind === 'ObjectType' || type.kind === 'InterfaceType' || type.kind === 'UnionType';

/** isValidLeafValue per leaf type, its schema look-ups made once per type. */
const leafValidators = new WeakMap<object, (value: unknown) => boolean>();
function leafValidator(schema: Schema, type: Type): (value: unknown) => boolean {
  let validate = leafValidators.get(type);
  if (!validate) {
    if (isCustomScalarType(type)) validate = () => true;
    else {
      const leaf = type as LeafType;
      validate = (value) => isValidLeafValue(schema, value, leaf);
      // Strings and integers, by far the most values, decided from facts about the type read once.
      const isBoolean = type === schema.booleanType();
      const isInt = type === schema.intType();
      const isFloat = type === schema.floatType();
      const isId = type === schema.idType();
      if (type.kind === 'ScalarType') {
        const slow = validate;
        validate = (value) => {
          if (typeof value === 'string') return !isBoolean && !isInt && !isFloat;
          if (typeof value === 'boolean') return isBoolean;
          if (typeof value === 'number' && Number.isFinite(value) && !isInt && !isId) return isFloat;
          return slow(value);
        };
      }
    }
    leafValidators.set(type, validate);
  }
  return validate;
}

const OK = 0;
const NULL_BUBBLE_UP = 1;

const hasOwn = Object.prototype.hasOwnProperty;

function ifValue(directive: Directive<any, { if: boolean | Variable }>, variables: Record<string, unknown>): boolean {
  const ifArg = directive.arguments().if;
  if (ifArg instanceof Variable) {
    const value = variables[ifArg.name];
    assert(
      value !== undefined && typeof value === 'boolean',
      () => `Unexpected value ${String(value)} for variable ${ifArg.toString()} of ${directive.toString()}`,
    );
    return value;
  }
  return ifArg;
}

function shouldSkip(selection: Selection, parameters: Parameters): boolean {
  const element = selection.element;
  const skip = element.appliedDirectivesOf(parameters.schema.skipDirective())[0];
  const include = element.appliedDirectivesOf(parameters.schema.includeDirective())[0];
  if (skip || include) parameters.conditional = true;
  return !!((skip && ifValue(skip, parameters.variables)) || (include && !ifValue(include, parameters.variables)));
}

function compile(selectionSet: SelectionSet, parameters: Parameters, cache: Map<SelectionSet, Compiled>): Compiled {
  let compiled = cache.get(selectionSet);
  if (compiled) return compiled;
  compiled = [];
  cache.set(selectionSet, compiled);
  for (const selection of selectionSet.selections()) {
    if (shouldSkip(selection, parameters)) continue;
    if (selection.kind === 'FieldSelection') {
      const field = selection.element;
      compiled.push({
        field: true,
        responseName: field.responseName(),
        inherited: field.responseName() in Object.prototype,
        introspection: field.definition.isSchemaIntrospectionField(),
        typename: field.name === typenameFieldName,
        type: field.definition.type!,
        sub: selection.selectionSet ? compile(selection.selectionSet, parameters, cache) : undefined,
        selection,
      });
    } else {
      compiled.push({
        field: false,
        typeCondition: selection.element.typeCondition,
        sub: compile(selection.selectionSet, parameters, cache),
        applies: new Map(),
      });
    }
  }
  return compiled;
}

function typeConditionApplies(fragment: CompiledFragment, schema: Schema, typename: string | undefined, parentType: CompositeType): boolean {
  if (!fragment.typeCondition) return true;
  const key = typename ? typename : `\u0000${parentType.name}`;
  let applies = fragment.applies.get(key);
  if (applies === undefined) {
    if (typename) {
      const type = schema.type(typename);
      applies = !!type && isSubtype(fragment.typeCondition, type);
    } else {
      applies = isSubtype(fragment.typeCondition, parentType);
    }
    fragment.applies.set(key, applies);
  }
  return applies;
}

function lastElementDescription(path: (string | number)[], currentType: Type, parentType: CompositeType): string {
  const element = path[path.length - 1];
  assert(element !== undefined, 'Should not have been called on an empty path');
  return typeof element === 'string' ? `field ${parentType.toString()}.${element}` : `array element of type ${currentType.toString()} at index ${element}`;
}

/**
 * The answer's objects are plain `{}` (JSON.stringify, next, serialises them about 1.6 times as
 * fast as the library's `Object.create(null)` objects on Node 24); prototype-less only when the
 * operation has a response name `__proto__`, which a plain object would not keep as data.
 */
const plainObject = (): Record<string, any> => ({});
const nullPrototype = (): Record<string, any> => Object.create(null) as Record<string, any>;
let newObject = plainObject;

function protoNamed(compiled: Compiled, seen: Set<Compiled>): boolean {
  if (seen.has(compiled)) return false;
  seen.add(compiled);
  return compiled.some((c) => (c.field ? c.responseName === '__proto__' || (c.sub !== undefined && protoNamed(c.sub, seen)) : protoNamed(c.sub, seen)));
}

/** Flags of the last {@link updateOutputValue} call (instead of a result object per value). */
let isInvalid = false;
let hasErrors = false;

function applySelectionSet(
  input: Record<string, any>,
  selections: Compiled,
  output: Record<string, any>,
  parameters: Parameters,
  path: (string | number)[],
  parentType: CompositeType,
): number {
  for (const selection of selections) {
    if (selection.field) {
      const responseName = selection.responseName;
      const outputValue = selection.inherited ? (hasOwn.call(output, responseName) ? output[responseName] : undefined) : output[responseName];
      if (selection.introspection) {
        if (outputValue === undefined) output[responseName] = parameters.introspectionHandling(selection.selection);
        continue;
      }
      let inputValue = hasOwn.call(input, responseName) ? input[responseName] : undefined;
      if (inputValue === undefined) inputValue = null;
      if (selection.typename) {
        if (outputValue === undefined) {
          if (inputValue === null && responseName !== typenameFieldName) inputValue = input[typenameFieldName] ?? null;
          const type = inputValue !== null && typeof inputValue === 'string' ? (parameters.schema.type(inputValue) ?? parentType) : parentType;
          if (!isObjectType(type)) return NULL_BUBBLE_UP;
          output[responseName] = type.name;
        }
        continue;
      }
      path.push(responseName);
      const updated = updateOutputValue(outputValue, selection.type, inputValue, selection.sub, path, parameters, parentType);
      output[responseName] = updated;
      path.pop();
      if (isInvalid) return NULL_BUBBLE_UP;
    } else {
      const typename = input[typenameFieldName] as unknown;
      if (typename && typeof typename !== 'string') assert(false, () => `Got unexpected value for __typename: ${String(typename)}`);
      if (typeConditionApplies(selection, parameters.schema, typename as string | undefined, parentType)) {
        const res = applySelectionSet(input, selection.sub, output, parameters, path, selection.typeCondition ?? parentType);
        if (res === NULL_BUBBLE_UP) return NULL_BUBBLE_UP;
      }
    }
  }
  return OK;
}

/** The library's updateOutputValue; its `{ updated, isInvalid, hasErrors }` is the return value plus the two module flags. */
function updateOutputValue(
  outputValue: any,
  type: Type,
  inputValue: any,
  sub: Compiled | undefined,
  path: (string | number)[],
  parameters: Parameters,
  parentType: CompositeType,
): any {
  if (inputValue === undefined) assert(false, 'Should not pass undefined for `inputValue` to this method');
  if (outputValue === null || (outputValue !== undefined && !sub)) {
    isInvalid = hasErrors = false;
    return outputValue;
  }
  if (isNonNullType(type)) {
    const updated = updateOutputValue(outputValue, type.ofType, inputValue, sub, path, parameters, parentType);
    if (updated === null) {
      if (!hasErrors) {
        parameters.errors.push(
          ERRORS.INVALID_GRAPHQL.err(`Cannot return null for non-nullable ${lastElementDescription(path, type.ofType, parentType)}.`, {
            path: Array.from(path),
          }),
        );
      }
      isInvalid = hasErrors = true;
      return updated;
    }
    isInvalid = hasErrors = false;
    return updated;
  }
  if (inputValue === null) {
    isInvalid = hasErrors = false;
    return null;
  }
  if (isListType(type)) {
    if (!Array.isArray(inputValue)) assert(false, () => `Invalid non-list value ${String(inputValue)} returned by subgraph for list type ${type.toString()}`);
    if (outputValue !== undefined && !Array.isArray(outputValue))
      assert(false, () => `Invalid non-list value ${String(outputValue)} returned by subgraph for list type ${type.toString()}`);
    const length = (inputValue as unknown[]).length;
    const outputList = outputValue as unknown[] | undefined;
    if (outputList !== undefined && outputList.length !== length)
      assert(false, () => `[${String(inputValue)}].length (${length}) !== [${String(outputList)}].length (${outputList.length})`);
    let shouldNullify = false;
    let anyErrors = false;
    const updated = new Array(length);
    const ofType = type.ofType;
    for (let idx = 0; idx < length; idx++) {
      path.push(idx);
      updated[idx] = updateOutputValue(outputList === undefined ? undefined : outputList[idx], ofType, inputValue[idx], sub, path, parameters, parentType);
      path.pop();
      shouldNullify ||= isInvalid;
      anyErrors ||= hasErrors;
    }
    isInvalid = false;
    hasErrors = anyErrors;
    return shouldNullify ? null : updated;
  }
  if (isCompositeType(type)) {
    if (!sub) assert(false, () => `Invalid empty selection set for composite type ${type.toString()}`);
    if (typeof inputValue !== 'object')
      assert(false, () => `Invalid non-object value ${String(inputValue)} returned by subgraph for composite type ${type.toString()}`);
    if (outputValue !== undefined && typeof outputValue !== 'object')
      assert(false, () => `Invalid non-object value ${String(inputValue)} returned by subgraph for composite type ${type.toString()}`);
    const inputTypename = inputValue[typenameFieldName] as unknown;
    if (inputTypename !== undefined && typeof inputTypename !== 'string')
      assert(false, () => `Invalid non-string value ${String(inputTypename)} for __typename at ${path.join(',')}`);
    let objType: CompositeType = type;
    if (inputTypename) {
      const typenameType = parameters.schema.type(inputTypename as string);
      if (!typenameType || !isCompositeType(typenameType)) {
        parameters.errors.push(
          ERRORS.INVALID_GRAPHQL.err(`Invalid __typename found for object at ${lastElementDescription(path, type, parentType)}.`, { path: Array.from(path) }),
        );
        isInvalid = false;
        hasErrors = true;
        return null;
      }
      objType = typenameType;
    }
    const outputObject = outputValue === undefined ? newObject() : outputValue;
    const res = applySelectionSet(inputValue, sub!, outputObject, parameters, path, objType);
    isInvalid = false;
    hasErrors = res === NULL_BUBBLE_UP;
    return hasErrors ? null : outputObject;
  }
  if (outputValue !== undefined) assert(false, () => `Excepted output to be undefined but got ${type.toString()} for type ${type.toString()}`);
  const valid = leafValidator(parameters.schema, type)(inputValue);
  if (!valid) {
    parameters.errors.push(
      ERRORS.INVALID_GRAPHQL.err(`Invalid value found for ${lastElementDescription(path, type, parentType)}.`, { path: Array.from(path) }),
    );
  }
  isInvalid = false;
  hasErrors = !valid;
  return valid ? inputValue : null;
}

/** The arguments of @apollo/gateway's `computeResponse`. */
export interface ComputeResponseArgs {
  operation: Operation;
  variables: Record<string, unknown> | undefined;
  input: Record<string, any> | null | undefined;
  introspectionHandling: (selection: Selection) => unknown;
}

/** Compiled selection sets by operation, for operations without `@skip`/`@include`. */
const compiledShapes = new WeakMap<Operation, { compiled: Compiled; protoNamed: boolean }>();

/** @apollo/gateway's `computeResponse`, over compiled selection sets (see the file comment). */
export function computeResponse({ operation, variables, input, introspectionHandling }: ComputeResponseArgs): { data: any; errors: GraphQLError[] } {
  if (!input) return { data: input, errors: [] };
  const parameters: Parameters = {
    schema: operation.schema(),
    variables: { __proto__: null, ...operation.collectDefaultedVariableValues(), ...variables } as Record<string, unknown>,
    errors: [],
    introspectionHandling,
  };
  let shape = compiledShapes.get(operation);
  if (!shape) {
    const compiled = compile(operation.selectionSet, parameters, new Map());
    shape = { compiled, protoNamed: protoNamed(compiled, new Set()) };
    // Kept with the operation (shared by requests, see installOperationMemo) unless @skip/@include made it depend on the variables.
    if (!parameters.conditional) compiledShapes.set(operation, shape);
  }
  const { compiled } = shape;
  newObject = shape.protoNamed ? nullPrototype : plainObject;
  const data = newObject();
  isInvalid = hasErrors = false;
  const res = applySelectionSet(input, compiled, data, parameters, [], operation.schema().schemaDefinition.rootType(operation.rootKind)!);
  return { data: res === NULL_BUBBLE_UP ? null : data, errors: parameters.errors };
}

/**
 * Puts {@link computeResponse} in place of @apollo/gateway's (its query-plan executor reads the
 * function from the module's exports at each call). Returns false, changing nothing, when the
 * installed gateway does not have that module shape (another version): the library's own
 * function then stays.
 */
export function installFastShaping(): boolean {
  let shaping: { computeResponse?: unknown };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    shaping = require('@apollo/gateway/dist/resultShaping') as { computeResponse?: unknown };
  } catch {
    return false;
  }
  if (typeof shaping.computeResponse !== 'function') return false;
  if (shaping.computeResponse !== computeResponse) {
    libraryComputeResponse ??= shaping.computeResponse as typeof computeResponse;
    shaping.computeResponse = computeResponse;
  }
  return true;
}

type OperationFromDocument = (schema: Schema, document: DocumentNode, options?: { operationName?: string; validate?: boolean }) => Operation;

/** The operations executeQueryPlan built, by schema and by operation definition (Apollo Server's cached document). */
const operationMemo = new WeakMap<Schema, WeakMap<OperationDefinitionNode, { fragments: readonly DefinitionNode[]; operation: Operation }>>();

/**
 * Makes @apollo/gateway's query-plan executor reuse the federation `Operation` it builds for result
 * shaping. `executeQueryPlan` converts the request's document (`validate: false`: Apollo Server has
 * validated it) into an `Operation` on every request, only to shape the answer with it: about 6 %
 * of the gateway's CPU on the commune detail. Apollo Server keeps parsed documents by query text,
 * so a repeated query brings the same operation and fragment definitions: the `Operation` made
 * from them the first time is returned again (it is read, never changed, by the shaping and the
 * executor), and with it the compiled selection sets above. Any other call (validating, or with
 * new definitions) converts as before; a failed conversion is never remembered. Returns false,
 * changing nothing, when the installed federation-internals does not have that module shape.
 */
export function installOperationMemo(): boolean {
  let operations: { operationFromDocument?: unknown };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    operations = require('@apollo/federation-internals/dist/operations') as { operationFromDocument?: unknown };
  } catch {
    return false;
  }
  if (typeof operations.operationFromDocument !== 'function') return false;
  if ((operations.operationFromDocument as { kh02Memo?: boolean }).kh02Memo) return true;
  const convert = operations.operationFromDocument as OperationFromDocument;
  const memoised: OperationFromDocument = (schema, document, options) => {
    const [first, ...fragments] = document.definitions;
    if (options?.validate !== false || options.operationName !== undefined || first?.kind !== Kind.OPERATION_DEFINITION)
      return convert(schema, document, options);
    let bySchema = operationMemo.get(schema);
    const known = bySchema?.get(first);
    if (known && known.fragments.length === fragments.length && known.fragments.every((f, i) => f === fragments[i])) return known.operation;
    const operation = convert(schema, document, options);
    if (!bySchema) operationMemo.set(schema, (bySchema = new WeakMap()));
    bySchema.set(first, { fragments, operation });
    return operation;
  };
  (memoised as { kh02Memo?: boolean }).kh02Memo = true;
  libraryOperationFromDocument ??= convert;
  operations.operationFromDocument = memoised;
  return true;
}

/** The library's own conversion, once wrapped (for tests). */
export let libraryOperationFromDocument: OperationFromDocument | undefined;

/** The library's own function, once replaced (for tests comparing the two). */
export let libraryComputeResponse: typeof computeResponse | undefined;
