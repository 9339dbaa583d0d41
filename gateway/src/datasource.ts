import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError, Kind, parse, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { createMerger, mergeVariables, splitBody } from './batch';
import { SubgraphUnavailableError } from './fetcher';

/** The `extensions.code` of the error at each field a failing subgraph could not answer. */
export const SUBGRAPH_UNAVAILABLE = 'SUBGRAPH_UNAVAILABLE';

/** How a subgraph fetch ended: answered cleanly, answered with GraphQL errors, or could not answer. */
export type FetchOutcome = 'ok' | 'error' | 'unavailable';

type GatewayResponse = Awaited<ReturnType<RemoteGraphQLDataSource['process']>>;
/** What RemoteGraphQLDataSource's (private) sendRequest takes and gives. */
interface SubgraphRequest {
  query?: string;
  operationName?: string;
  variables?: Record<string, unknown>;
  http?: { method?: string; url?: string; headers: Iterable<[string, string]> };
}
type SubgraphAnswer = Record<string, unknown> & { http?: unknown };
type SendRequest = (request: SubgraphRequest, context: unknown) => Promise<SubgraphAnswer>;
interface PendingFetch {
  request: SubgraphRequest;
  resolve: (answer: SubgraphAnswer) => void;
  reject: (error: unknown) => void;
}

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

/**
 * A request's headers as a plain record. The library's `Headers` are node-fetch's, whose iterator
 * sorts the names and builds an array per header on every pass (about 2 % of the gateway's CPU on
 * the commune detail, read twice per fetch); its `raw()` gives the names and values as they are.
 * Other `Headers` implementations are iterated.
 */
export function headerRecord(headers: Iterable<[string, string]>): Record<string, string> {
  const raw = (headers as { raw?: () => Record<string, string[]> }).raw;
  if (typeof raw !== 'function') return Object.fromEntries(headers);
  const lists = raw.call(headers);
  const record: Record<string, string> = {};
  for (const name of Object.keys(lists)) record[name] = lists[name].join(', ');
  return record;
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
  /** Called once per fetch with its duration and outcome, for the metrics. */
  readonly onFetch: ((service: string, seconds: number, outcome: FetchOutcome) => void) | undefined;
  /** Whether one client operation's fetches of the same plan step go as one request (default true). */
  readonly batch: boolean;

  constructor(
    config: ConstructorParameters<typeof RemoteGraphQLDataSource<TContext>>[0],
    options: {
      serviceName: string;
      onUnavailable?: (service: string, error: Error, context: TContext) => void;
      onFetch?: (service: string, seconds: number, outcome: FetchOutcome) => void;
      batch?: boolean;
    },
  ) {
    super(config);
    this.serviceName = options.serviceName;
    this.onUnavailable = options.onUnavailable;
    this.onFetch = options.onFetch;
    this.batch = options.batch ?? true;
    // sendRequest is private in @apollo/gateway's types: batching wraps it on the instance.
    const self = this as unknown as { sendRequest: SendRequest };
    self.sendRequest = (request, context) => this.sendBatched(request, context as TContext);
  }

  /**
   * What the library's sendRequest does, less the node-fetch `Request` it builds on every fetch
   * only to hand to hooks this gateway does not override (parsing the URL and copying the
   * headers again: about a tenth of a millisecond per fetch).
   */
  private readonly send: SendRequest = async (request) => {
    if (!request.http) throw new Error("Internal error: Only 'http' requests are supported.");
    const { http, ...withoutHttp } = request as SubgraphRequest & { http: { method?: string; url: string; headers: Iterable<[string, string]> } };
    const response = await this.fetcher(http.url, { method: http.method, headers: headerRecord(http.headers), body: JSON.stringify(withoutHttp) });
    if (!response.ok) throw await this.errorFromResponse(response);
    const body: unknown = await this.parseBody(response);
    if (typeof body !== 'object' || body === null) throw new Error(`Expected JSON response body, but received: ${String(body)}`);
    return { ...(body as Record<string, unknown>), http: response };
  };

  override async process(options: GraphQLDataSourceProcessOptions<TContext>): Promise<GatewayResponse> {
    const started = process.hrtime.bigint();
    const done = (outcome: FetchOutcome) => this.onFetch?.(this.serviceName, Number(process.hrtime.bigint() - started) / 1e9, outcome);
    forwardIdempotencyKey(options);
    try {
      const response = await super.process(options);
      if (response.data === undefined && !response.errors) throw new SubgraphUnavailableError('the subgraph answered JSON without data or errors', 'garbage');
      done(response.errors?.length ? 'error' : 'ok');
      return response;
    } catch (error) {
      if (error instanceof GraphQLError) {
        done('error');
        throw error;
      }
      done('unavailable');
      this.onUnavailable?.(this.serviceName, error as Error, options.context as TContext);
      const reason = error instanceof SubgraphUnavailableError ? error.reason : 'garbage';
      const document = 'document' in options ? options.document : undefined;
      const operation = document?.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
      return unavailableResponse(this.serviceName, reason, options.request.query ?? '', operation, options.request.variables?.representations);
    }
  }

  /** The fetches of each client operation waiting for this tick's batch, by context (see batch.ts). */
  private readonly pending = new WeakMap<object, Map<string, PendingFetch[]>>();
  private readonly merge = createMerger();

  /**
   * Sends the request; the queries one client operation sends here in the same tick (the
   * parallel fetches of one plan step) go as one merged request (batch.ts). Off with `batch: false`.
   */
  private sendBatched(request: SubgraphRequest, context: TContext): Promise<SubgraphAnswer> {
    if (!this.batch || typeof context !== 'object' || context === null || !request.query || !request.http) return this.send(request, context);
    let byHeaders = this.pending.get(context);
    if (!byHeaders) this.pending.set(context, (byHeaders = new Map()));
    const key = JSON.stringify(headerRecord(request.http.headers));
    let queue = byHeaders.get(key);
    if (!queue) {
      byHeaders.set(key, (queue = []));
      const flushed = queue;
      setImmediate(() => {
        byHeaders.delete(key);
        void this.flush(flushed, context);
      });
    }
    return new Promise((resolve, reject) => queue.push({ request, resolve, reject }));
  }

  private async flush(queue: PendingFetch[], context: TContext): Promise<void> {
    const merged = queue.length > 1 ? this.merge(queue.map((f) => f.request.query!)) : undefined;
    if (!merged) {
      for (const f of queue) this.send(f.request, context).then(f.resolve, f.reject);
      return;
    }
    const first = queue[0].request;
    try {
      const { http, ...body } = await this.send(
        { ...first, query: merged.query, operationName: merged.operationName, variables: mergeVariables(queue.map((f) => f.request.variables)) },
        context,
      );
      splitBody(body as Parameters<typeof splitBody>[0], queue.length).forEach((part, i) => queue[i].resolve({ ...part, http } as SubgraphAnswer));
    } catch (error) {
      for (const f of queue) f.reject(error);
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
