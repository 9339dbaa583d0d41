import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError, Kind, parse, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { SubgraphUnavailableError } from './fetcher';

/** The `extensions.code` of the error at each field a failing subgraph could not answer. */
export const SUBGRAPH_UNAVAILABLE = 'SUBGRAPH_UNAVAILABLE';

type GatewayResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;

/** Response names selected directly in a selection set, `__typename` aside. */
function responseNames(set: SelectionSetNode | undefined): string[] {
  const names: string[] = [];
  for (const s of set?.selections ?? []) if (s.kind === Kind.FIELD && s.name.value !== '__typename') names.push(s.alias?.value ?? s.name.value);
  return names;
}

/**
 * The answer the gateway plans with when a subgraph cannot answer: null for everything it was
 * asked, and one error per missing field, with a path the gateway maps onto the client's query
 * (`_entities` paths become the entity's place in the response). Other subgraphs' fields survive.
 */
export function unavailableResponse(
  service: string,
  reason: string,
  query: string,
  document: OperationDefinitionNode | undefined,
  representations: unknown,
): GatewayResponse {
  const operation = document ?? (parse(query).definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode | undefined);
  const error = (path: (string | number)[]) => ({
    message: `The ${service} data service is unavailable; the fields it provides are null.`,
    path,
    extensions: { code: SUBGRAPH_UNAVAILABLE, service, reason },
  });
  if (Array.isArray(representations)) {
    // _entities(representations: …) { … on Province { readiness { … } } }
    const entities = operation?.selectionSet.selections.find((s) => s.kind === Kind.FIELD && s.name.value === '_entities');
    const byType = new Map<string, string[]>();
    for (const s of entities?.kind === Kind.FIELD ? (entities.selectionSet?.selections ?? []) : [])
      if (s.kind === Kind.INLINE_FRAGMENT && s.typeCondition) byType.set(s.typeCondition.name.value, responseNames(s.selectionSet));
    const errors = representations.flatMap((r, i) => {
      const names = byType.get((r as { __typename?: string }).__typename ?? '') ?? [];
      return names.length > 0 ? names.map((name) => error(['_entities', i, name])) : [error(['_entities', i])];
    });
    return { data: { _entities: representations.map(() => null) }, errors } as GatewayResponse;
  }
  return { data: null, errors: responseNames(operation?.selectionSet).map((name) => error([name])) } as GatewayResponse;
}

/** The header a client names a write's idempotency key in; the one client header forwarded to subgraphs. */
export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';

/**
 * Copies the client's `Idempotency-Key` onto the subgraph request: the subgraph that writes keeps
 * the key with the answer (in its own database) and answers a repeat from it. No other client
 * header is forwarded. `RemoteGraphQLDataSource.process` copies `request.http.headers` into the
 * fetch, before `willSendRequest` adds the identity headers.
 */
function forwardIdempotencyKey(options: GraphQLDataSourceProcessOptions<Record<string, unknown>>): void {
  const incoming = 'incomingRequestContext' in options ? options.incomingRequestContext?.request.http?.headers : undefined;
  const key = incoming?.get(IDEMPOTENCY_KEY_HEADER);
  if (!key) return;
  const http = (options.request.http ??= { method: 'POST', url: '', headers: new Headers() as never });
  http.headers.set(IDEMPOTENCY_KEY_HEADER, key);
}

/**
 * A subgraph over HTTP. A subgraph answering 4xx with GraphQL errors (e.g. a literal that fails
 * its scalar) is the caller's problem: its first error goes on with its own message and code.
 * A subgraph that is down, stalled past the deadline, behind an open circuit, or answering
 * garbage (HTML, truncated JSON, 5xx) costs only its own fields: see {@link unavailableResponse}.
 * Its URL never reaches the client.
 */
export class SubgraphDataSource<TContext extends Record<string, any>> extends RemoteGraphQLDataSource<TContext> {
  /** The subgraph's name (the registry's), as clients see it in `extensions.service`. */
  readonly serviceName: string;
  /** Called once per failed fetch, for the log. */
  readonly onUnavailable: ((service: string, error: Error, context: TContext) => void) | undefined;

  constructor(
    config: ConstructorParameters<typeof RemoteGraphQLDataSource<TContext>>[0],
    options: { serviceName: string; onUnavailable?: (service: string, error: Error, context: TContext) => void },
  ) {
    super(config);
    this.serviceName = options.serviceName;
    this.onUnavailable = options.onUnavailable;
  }

  override async process(options: GraphQLDataSourceProcessOptions<TContext>): Promise<GatewayResponse> {
    forwardIdempotencyKey(options);
    try {
      const response = await super.process(options);
      if (response.data === undefined && !response.errors) throw new SubgraphUnavailableError('the subgraph answered JSON without data or errors', 'garbage');
      return response;
    } catch (error) {
      if (error instanceof GraphQLError) throw error;
      this.onUnavailable?.(this.serviceName, error as Error, options.context as TContext);
      const reason = error instanceof SubgraphUnavailableError ? error.reason : 'garbage';
      const document = 'document' in options ? options.document : undefined;
      const operation = document?.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
      return unavailableResponse(this.serviceName, reason, options.request.query ?? '', operation, options.request.variables?.representations);
    }
  }

  override async errorFromResponse(response: Parameters<RemoteGraphQLDataSource['errorFromResponse']>[0]): Promise<GraphQLError> {
    if (response.status >= 400 && response.status < 500) {
      const body = (await this.parseBody(response).catch(() => undefined)) as { errors?: { message?: string; extensions?: { code?: string } }[] } | undefined;
      const first = typeof body === 'object' ? body?.errors?.[0] : undefined;
      if (first?.message) return new GraphQLError(first.message, { extensions: { code: first.extensions?.code ?? 'BAD_USER_INPUT' } });
    }
    throw new SubgraphUnavailableError(`the subgraph answered HTTP ${response.status}`, 'http');
  }
}
