import type { ApolloServerPlugin } from '@apollo/server';
import type { Logger } from 'pino';
import { randomUUID } from 'node:crypto';
import { callerKey, type BudgetSubject } from './budget';

/** What the request log reads from the context. */
export interface LoggedContext extends BudgetSubject {
  requestId: string;
  limits?: { cost?: number };
}

/** The client's `X-Request-Id` when it is a sane token (so logs can be joined across hops), else a new UUID. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && /^[\w.:-]{1,64}$/.test(value) ? value : randomUUID();
}

/** Codes that production masks: the client sees "Internal server error", the operator the cause. */
const MASKED = new Set([undefined, 'INTERNAL_SERVER_ERROR']);

/**
 * One structured line per request (request id, operation, caller key, duration, HTTP status,
 * error codes, cost), every error tagged with the request id in `extensions.requestId`, and the
 * errors production masks logged here with their stack, under the same id.
 */
export function requestLogPlugin<TContext extends LoggedContext>(log: Logger): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart({ contextValue }) {
      const started = process.hrtime.bigint();
      return {
        async didEncounterErrors({ errors }) {
          for (const error of errors) {
            const code = error.extensions?.code as string | undefined;
            if (MASKED.has(code))
              log.error({ requestId: contextValue.requestId, err: error.originalError ?? error, path: error.path }, 'internal error (masked for the client)');
          }
        },
        async willSendResponse({ response, operationName, contextValue: context }) {
          const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
          const errorCodes = [...new Set((body?.errors ?? []).map((e) => String(e.extensions?.code ?? 'UNKNOWN')))];
          for (const e of body?.errors ?? []) (e as { extensions?: Record<string, unknown> }).extensions = { ...e.extensions, requestId: context.requestId };
          response.http.headers.set('x-request-id', context.requestId);
          log.info(
            {
              requestId: context.requestId,
              operationName: operationName ?? null,
              caller: callerKey(context),
              durationMs: Number(process.hrtime.bigint() - started) / 1e6,
              status: response.http.status ?? 200,
              errorCodes,
              cost: context.limits?.cost,
            },
            'request',
          );
        },
      };
    },
  };
}
