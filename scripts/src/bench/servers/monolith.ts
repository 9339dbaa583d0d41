/**
 * The monolith arm: one Apollo Server, no federation. It serves the supergraph's API schema (the
 * schema clients see) and resolves every field by calling the owning subgraph's own resolver
 * (type-graphql's, hence its services and per-request loaders) in this process, on the same
 * database files, with each subgraph's own `createContext()` per request.
 *
 * Entities cross subgraphs the way federation defines it, minus the network and the JSON: when a
 * field of an entity belongs to another subgraph than the object at hand came from, the object's
 * key (and any `@requires` fields, computed by their owner) is handed to the other subgraph's
 * `__resolveReference`. Every field of the API schema is wired this way. Not wired: interfaces and
 * unions (none in this graph), and a `@requires` field asked of an object that came from a
 * subgraph that does not own the required field (no bench query does that).
 */
import { Supergraph } from '@apollo/federation-internals';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { servableSupergraph, type Subgraph } from '@kh02/subgraph-kit';
import express from 'express';
import {
  defaultFieldResolver,
  getNamedType,
  isLeafType,
  isObjectType,
  isScalarType,
  Kind,
  parse,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type ObjectTypeDefinitionNode,
} from 'graphql';
import http from 'node:http';
import { loadSubgraphPackage } from '../data';
import { fail, serverEnv } from './env';

/** Per-request context: each subgraph's own request context. */
interface MonolithContext {
  contexts: Record<string, unknown>;
}

/** Where each field and type lives, read from the supergraph's join directives. */
interface JoinInfo {
  /** Subgraph name by join__Graph enum value. */
  graphs: Map<string, string>;
  /** Per type: the subgraphs it is in, with its key fields there (empty: not an entity there). */
  types: Map<string, Map<string, string[]>>;
  /** Per `Type.field`: owning subgraphs and the fields each one `@requires`. */
  fields: Map<string, { owners: string[]; requires: Map<string, string[]> }>;
}

function stringArg(node: { arguments?: readonly { name: { value: string }; value: { kind: string } }[] }, name: string): string | undefined {
  const arg = node.arguments?.find((a) => a.name.value === name);
  return arg && (arg.value.kind === Kind.STRING || arg.value.kind === Kind.ENUM) ? (arg.value as unknown as { value: string }).value : undefined;
}

function joinInfo(supergraphSdl: string): JoinInfo {
  const doc = parse(supergraphSdl);
  const graphs = new Map<string, string>();
  const types = new Map<string, Map<string, string[]>>();
  const fields = new Map<string, { owners: string[]; requires: Map<string, string[]> }>();
  for (const def of doc.definitions) {
    if (def.kind === Kind.ENUM_TYPE_DEFINITION && def.name.value === 'join__Graph') {
      for (const v of def.values ?? []) {
        const d = v.directives?.find((x) => x.name.value === 'join__graph');
        if (d) graphs.set(v.name.value, stringArg(d, 'name')!);
      }
    }
  }
  for (const def of doc.definitions) {
    if (def.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    const t = def as ObjectTypeDefinitionNode;
    const inGraphs = new Map<string, string[]>();
    for (const d of t.directives ?? []) {
      if (d.name.value !== 'join__type') continue;
      const graph = graphs.get(stringArg(d, 'graph')!)!;
      const key = stringArg(d, 'key');
      inGraphs.set(graph, key ? key.split(/\s+/).filter(Boolean) : (inGraphs.get(graph) ?? []));
    }
    types.set(t.name.value, inGraphs);
    for (const f of t.fields ?? []) {
      const joins = (f.directives ?? []).filter((d) => d.name.value === 'join__field');
      const owners: string[] = [];
      const requires = new Map<string, string[]>();
      for (const d of joins) {
        const graphArg = stringArg(d, 'graph');
        const external = d.arguments?.find((a) => a.name.value === 'external')?.value;
        if (!graphArg || (external && external.kind === Kind.BOOLEAN && external.value)) continue;
        const graph = graphs.get(graphArg)!;
        owners.push(graph);
        const req = stringArg(d, 'requires');
        if (req) requires.set(graph, req.split(/\s+/).filter(Boolean));
      }
      fields.set(`${t.name.value}.${f.name.value}`, { owners: joins.length > 0 ? owners : [...inGraphs.keys()], requires });
    }
  }
  return { graphs, types, fields };
}

async function main(): Promise<void> {
  const env = serverEnv();
  const join = joinInfo(env.supergraphSdl);
  const subgraphs = new Map<string, Subgraph<any>>();
  for (const name of join.graphs.values()) {
    const pkg = await loadSubgraphPackage(name);
    subgraphs.set(name, await pkg.createSubgraph({ databaseUrl: env.databases[name], production: true }));
  }
  const schema: GraphQLSchema = Supergraph.build(servableSupergraph(env.supergraphSdl)).apiSchema().toGraphQLJSSchema();

  // Custom scalars behave as their subgraphs define them (DateTime, Date).
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isScalarType(type) || type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
    for (const sg of subgraphs.values()) {
      const own = sg.schema.getType(type.name);
      if (own && isScalarType(own)) {
        type.serialize = own.serialize;
        type.parseValue = own.parseValue;
        type.parseLiteral = own.parseLiteral;
        break;
      }
    }
  }

  /** The subgraph each object came from, so that fields of another subgraph go through its reference resolver. */
  const origin = new WeakMap<object, string>();
  /** Each object's reference in another subgraph, resolved once. */
  const references = new WeakMap<object, Map<string, unknown>>();

  const tag = (value: unknown, graph: string): unknown => {
    if (Array.isArray(value)) for (const item of value) tag(item, graph);
    else if (value !== null && typeof value === 'object' && !origin.has(value)) origin.set(value, graph);
    return value;
  };
  const settle = (value: unknown, graph: string): unknown => (value instanceof Promise ? value.then((v) => tag(v, graph)) : tag(value, graph));

  const subgraphResolver = (graph: string, typeName: string, fieldName: string): GraphQLFieldResolver<unknown, unknown> => {
    const type = subgraphs.get(graph)!.schema.getType(typeName);
    const field = type && isObjectType(type) ? type.getFields()[fieldName] : undefined;
    if (!field) throw new Error(`${graph} has no ${typeName}.${fieldName}`);
    return field.resolve ?? defaultFieldResolver;
  };

  /** `source` (from subgraph `from`) as subgraph `to` sees it: its representation through `to`'s `__resolveReference`. */
  const reference = async (
    typeName: string,
    source: object,
    from: string,
    to: string,
    ctx: MonolithContext,
    info: GraphQLResolveInfo,
    requires: string[],
  ): Promise<unknown> => {
    let perGraph = references.get(source);
    if (!perGraph) references.set(source, (perGraph = new Map()));
    const cacheKey = `${to}|${requires.join(',')}`;
    if (perGraph.has(cacheKey)) return perGraph.get(cacheKey);
    const build = (async () => {
      const representation: Record<string, unknown> = { __typename: typeName };
      for (const f of [...(join.types.get(typeName)!.get(to) ?? []), ...requires]) {
        representation[f] = await subgraphResolver(from, typeName, f)(source, {}, ctx.contexts[from], info);
      }
      const type = subgraphs.get(to)!.schema.getType(typeName)!;
      const resolveReference = (type.extensions as { apollo?: { subgraph?: { resolveReference?: (r: unknown, c: unknown, i: unknown) => unknown } } }).apollo
        ?.subgraph?.resolveReference;
      const resolved = resolveReference ? await resolveReference(representation, ctx.contexts[to], info) : representation;
      return tag(resolved, to);
    })();
    perGraph.set(cacheKey, build);
    return build;
  };

  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    const inGraphs = join.types.get(type.name);
    if (!inGraphs) continue;
    const isEntity = [...inGraphs.values()].some((key) => key.length > 0);
    for (const field of Object.values(type.getFields())) {
      const meta = join.fields.get(`${type.name}.${field.name}`);
      if (!meta || meta.owners.length === 0) continue;
      const resolvers = new Map(meta.owners.map((g) => [g, subgraphResolver(g, type.name, field.name)]));
      // Leaf fields read straight off their object in every owner need no wiring (the bulk of the fields).
      if (!isEntity && isLeafType(getNamedType(field.type)) && [...resolvers.values()].every((r) => r === defaultFieldResolver)) continue;
      const typeName = type.name;
      field.resolve = (source, args, ctx: MonolithContext, info) => {
        const from = source !== null && typeof source === 'object' ? origin.get(source) : undefined;
        const graph = from && resolvers.has(from) ? from : meta.owners[0];
        const resolve = resolvers.get(graph)!;
        if (isEntity && from && from !== graph) {
          return reference(typeName, source as object, from, graph, ctx, info, meta.requires.get(graph) ?? []).then((ref) =>
            settle(resolve(ref, args, ctx.contexts[graph], info), graph),
          );
        }
        return settle(resolve(source, args, ctx.contexts[graph], info), graph);
      };
    }
  }

  const app = express();
  app.disable('x-powered-by');
  const httpServer = http.createServer(app);
  httpServer.keepAliveTimeout = 65_000;
  const server = new ApolloServer<MonolithContext>({
    schema,
    introspection: false,
    includeStacktraceInErrorResponses: false,
    plugins: [ApolloServerPluginInlineTraceDisabled(), ApolloServerPluginCacheControlDisabled()],
  });
  await server.start();
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.use(
    '/graphql',
    express.json({ limit: '1mb' }),
    expressMiddleware(server, {
      context: async () => ({ contexts: Object.fromEntries([...subgraphs].map(([name, sg]) => [name, sg.createContext()])) }),
    }),
  );
  await new Promise<void>((resolve) => httpServer.listen(env.port, '127.0.0.1', resolve));
  process.stdout.write('monolith ready\n');
}

main().catch(fail);
