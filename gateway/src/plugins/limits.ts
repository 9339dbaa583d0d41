import type { ApolloServerPlugin } from '@apollo/server';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { GraphQLError, Lexer, Source, TokenKind, validate, type DocumentNode, type ValidationRule } from 'graphql';
import type { RequestHandler } from 'express';
import type { OperationLimits } from '../config';
import { requestIdFrom } from './logging';
import { callerKey, type BudgetSubject, type CostBudget } from './budget';
import { operationCost } from './cost';

/** The `extensions.code` of an operation refused by a limit. */
export const OPERATION_LIMIT_EXCEEDED = 'OPERATION_LIMIT_EXCEEDED';
/** The `extensions.code` of an operation refused because its caller spent its budget. */
export const COST_BUDGET_EXCEEDED = 'COST_BUDGET_EXCEEDED';

/** Which limit refused an operation. */
export type LimitName = 'depth' | 'aliases' | 'tokens' | 'directives' | 'cost';

/** The error a client gets: a stable code, the limit, its maximum and what was measured; HTTP 400. */
export function limitError(limit: LimitName, max: number, measured: number): GraphQLError {
  return new GraphQLError(`Operation refused: its ${limit} is ${measured}, above the limit of ${max}.`, {
    extensions: { code: OPERATION_LIMIT_EXCEEDED, limit, max, measured, http: { status: 400 } },
  });
}

/** Counts a document's lexical tokens (what the parser would read), stopping once past `stop` (the measure is then `stop + 1`). */
export function countTokens(body: string, stop = Infinity): number {
  const lexer = new Lexer(new Source(body));
  let n = 0;
  while (lexer.advance().kind !== TokenKind.EOF && n <= stop) n++;
  return n;
}

/** Documents up to this many characters have their token count remembered by {@link tokenCounter}. */
export const TOKEN_MEMO_MAX_CHARS = 8_192;
/** How many documents' counts {@link tokenCounter} remembers before it starts again. */
export const TOKEN_MEMO_ENTRIES = 1_000;

/**
 * {@link countTokens} with `stop`, remembered per document text: clients send the same few
 * documents again and again, and lexing one on every request was about 1 % of the gateway's CPU
 * on the commune detail. Only documents of up to {@link TOKEN_MEMO_MAX_CHARS} characters are kept,
 * at most {@link TOKEN_MEMO_ENTRIES} of them (emptied when full): at most 8 MB of text, and a
 * client sending ever new documents costs one lexing each, as before.
 */
export function tokenCounter(stop: number): (body: string) => number {
  const memo = new Map<string, number>();
  return (body) => {
    if (body.length > TOKEN_MEMO_MAX_CHARS) return countTokens(body, stop);
    let n = memo.get(body);
    if (n === undefined) {
      n = countTokens(body, stop);
      if (memo.size >= TOKEN_MEMO_ENTRIES) memo.clear();
      memo.set(body, n);
    }
    return n;
  };
}

/**
 * GraphQL Armor's depth, alias and directive rules, reporting to a collector instead of throwing,
 * so that the measured value reaches the client in `extensions`. Aliases of `__typename` count
 * (Armor lets them through by default: 101 of them must not).
 */
function armorRules(limits: OperationLimits, report: (limit: LimitName, max: number, message: string) => void): ValidationRule[] {
  const common = { exposeLimits: true, propagateOnRejection: false } as const;
  return [
    maxDepthRule({ ...common, n: limits.depth, onReject: [(_ctx, e) => report('depth', limits.depth, e.message)] }),
    maxAliasesRule({ ...common, n: limits.aliases, allowList: [], onReject: [(_ctx, e) => report('aliases', limits.aliases, e.message)] }),
    maxDirectivesRule({ ...common, n: limits.directives, onReject: [(_ctx, e) => report('directives', limits.directives, e.message)] }),
  ];
}

/**
 * The token limit, as Express middleware in front of Apollo Server: a document is refused before
 * it is parsed or validated (graphql-js's validation is quadratic in repeated fields, and Apollo
 * turns an error thrown from its parsing hook into a 500). Same error shape as the other limits.
 */
export function tokenLimitMiddleware(maxTokens: number, onRefused: (requestId: string, measured: number) => void = () => undefined): RequestHandler {
  const measure = tokenCounter(maxTokens * 4);
  return (req, res, next) => {
    const query: unknown = req.method === 'GET' ? req.query?.query : (req.body as { query?: unknown } | undefined)?.query;
    if (typeof query !== 'string') return next();
    const tokens = measure(query);
    if (tokens <= maxTokens) return next();
    const requestId = requestIdFrom(req.headers['x-request-id']);
    onRefused(requestId, tokens);
    const { http: _http, ...extensions } = limitError('tokens', maxTokens, tokens).extensions as Record<string, unknown>;
    res
      .status(400)
      .set('x-request-id', requestId)
      .json({ errors: [{ message: limitError('tokens', maxTokens, tokens).message, extensions: { ...extensions, requestId } }] });
  };
}

/**
 * The key an operation's cost is kept under: its name and variables, when these are a few short
 * scalars (a code, a date, `first`). Lists and objects (an import's rows) are costed afresh.
 */
export function costKeyOf(operationName: string | null | undefined, variables: Record<string, unknown> | undefined): string | undefined {
  let key = operationName ?? '';
  let n = 0;
  for (const [name, value] of Object.entries(variables ?? {})) {
    if (++n > 16) return undefined;
    if (value !== null && typeof value === 'object') return undefined;
    if (typeof value === 'string' && value.length > 256) return undefined;
    key += `\u0000${name}\u0000${typeof value}\u0000${String(value)}`;
  }
  return key;
}

/** Per-request facts the limits record for the request log. */
export interface LimitsRecord {
  cost?: number;
}

/**
 * Operation limits and the per-caller cost budget, checked once the operation is parsed,
 * validated and chosen, before the gateway plans or calls any subgraph. A refusal has no `data`.
 */
export function operationLimitsPlugin<TContext extends BudgetSubject & { limits?: LimitsRecord }>(
  limits: OperationLimits,
  budget: CostBudget | undefined,
  onBudgetError: (error: Error) => void = () => undefined,
): ApolloServerPlugin<TContext> {
  type Refusal = { limit: LimitName; max: number; measured: number };
  let found: Refusal | undefined;
  const rules = armorRules(limits, (limit, max, message) => {
    const measured = Number(/found (\d+)/.exec(message)?.[1] ?? NaN);
    found ??= { limit, max, measured };
  });
  // Apollo Server hands the same DocumentNode for a query string it has parsed before (its
  // document store), and depth, aliases and directives depend on the document alone: measured
  // once per document. The cost depends on the variables too (`first`): kept per operation name
  // and variables, a few dozen per document. Both are weakly held: a document Apollo drops is
  // forgotten here too. (For the commune detail this was ~0.4 ms of the gateway's ~5 ms.)
  const verdicts = new WeakMap<DocumentNode, { refused: Refusal | null; costs: Map<string, number> }>();
  const COSTS_PER_DOCUMENT = 64;
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, operationName, schema, request, contextValue }) {
          let verdict = verdicts.get(document);
          if (!verdict) {
            // validate() is synchronous: the collector belongs to this call alone.
            found = undefined;
            validate(schema, document, rules);
            verdict = { refused: (found as Refusal | undefined) ?? null, costs: new Map() };
            verdicts.set(document, verdict);
          }
          if (verdict.refused) throw limitError(verdict.refused.limit, verdict.refused.max, verdict.refused.measured);
          if (!operation) return; // graphql-js has already refused an operation it cannot choose
          const costKey = costKeyOf(operationName, request.variables);
          let cost = costKey === undefined ? undefined : verdict.costs.get(costKey);
          if (cost === undefined) {
            cost = operationCost(schema, document, operation, request.variables ?? {}, limits.defaultListSize);
            if (costKey !== undefined) {
              if (verdict.costs.size >= COSTS_PER_DOCUMENT) verdict.costs.clear();
              verdict.costs.set(costKey, cost);
            }
          }
          if (contextValue.limits) contextValue.limits.cost = cost;
          if (cost > limits.cost) throw limitError('cost', limits.cost, cost);
          if (!budget || budget.perMinute <= 0) return;
          let spend;
          try {
            spend = await budget.spend(callerKey(contextValue), cost);
          } catch (error) {
            // A budget store that is down must not take the API with it: answer, and say so in the log.
            onBudgetError(error as Error);
            return;
          }
          if (!spend.allowed) {
            throw new GraphQLError(
              `Cost budget spent: ${spend.spent} of ${budget.perMinute} this minute; this operation costs ${cost}. Retry after ${spend.retryAfterSeconds} s.`,
              {
                extensions: {
                  code: COST_BUDGET_EXCEEDED,
                  budget: budget.perMinute,
                  spent: spend.spent,
                  cost,
                  retryAfterSeconds: spend.retryAfterSeconds,
                  http: { status: 429, headers: new Map([['retry-after', String(spend.retryAfterSeconds)]]) },
                },
              },
            );
          }
        },
      };
    },
  };
}
