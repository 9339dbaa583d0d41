import { HeaderMap, type ApolloServerPlugin, type GraphQLResponse } from '@apollo/server';
import type { Caller } from '@kh02/common';
import type { NextFunction, Request, Response } from 'express';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Logger } from 'pino';
import { accessClass, answerHash, isFixedInTime, schemaId } from './key';
import type { CacheStore } from './store';

/** The response header saying whether an answer was served from the cache: `hit` or `miss` (a contract with clients). */
export const CACHE_HEADER = 'x-kh02-cache';

/** The request header asking @apollo/gateway for the operation's query plan (see playground.ts): never served from the cache. */
const QUERY_PLAN_HEADER = 'apollo-query-plan-experimental';

/** What the cache plugin needs to count. */
export interface CacheCounters {
  /** `result`: hit, miss (answered and stored when clean), bypass (store unavailable), skip (not a query). */
  lookup(result: 'hit' | 'miss' | 'bypass' | 'skip'): void;
  versionBump(ok: boolean): void;
}

/** Options of {@link responseCachePlugin}. */
export interface ResponseCacheOptions {
  store: CacheStore;
  ttlSeconds: number;
  fixedTtlSeconds: number;
  /** The latest published reporting cut-off at a data version (undefined when unknown: nothing is then taken as fixed). */
  publishedCutoff(version: number): Promise<Date | undefined>;
  counters?: CacheCounters;
  log: Logger;
}

/**
 * A cached answer's text, handed from the plugin to the HTTP layer: on a hit over HTTP the plugin
 * gives Apollo Server a placeholder and {@link cachedAnswerMiddleware} sends the stored JSON as it
 * is, so a hit of several megabytes is neither parsed nor serialised again.
 */
interface HttpSlot {
  answer?: string | Buffer;
  /** Taken by the first operation of the HTTP request: an operation it runs internally (`executeOperation`) gets none. */
  claimed?: boolean;
}
const httpSlot = new AsyncLocalStorage<HttpSlot>();
const ANSWER_HEAD = Buffer.from('{"data":');
const ANSWER_TAIL = Buffer.from('}\n');

/**
 * Express middleware, in front of Apollo Server's: opens the slot a hit's stored text travels in,
 * and sends that text instead of the placeholder Apollo Server serialised. A POST answer is
 * written as it is, without Express's `res.send`: its weak ETag is a SHA-1 of the whole body
 * (15 ms for the 4 MB national drill-down, issue 16), and no HTTP cache revalidates a POST. GET
 * answers keep Express's ETag and its 304s.
 */
export function cachedAnswerMiddleware() {
  return (req: Request, res: Response, next: NextFunction): void => {
    const slot: HttpSlot = {};
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      if (slot.answer === undefined) {
        if (req.method !== 'POST' || typeof body !== 'string') return send(body);
        // Apollo Server has set the status, content type and its other headers. Encoded once, the
        // length read from the bytes: Buffer.byteLength and then res.end of the string read a 4 MB
        // answer three times (16 against 8 ms of CPU per answer, measured on loopback).
        const bytes = Buffer.from(body);
        res.setHeader('content-length', bytes.length);
        res.end(bytes);
        return res;
      }
      // Apollo Server has set the status and headers; skip Express's ETag (a SHA-1 of megabytes) for a POST answer.
      const answer = typeof slot.answer === 'string' ? Buffer.from(slot.answer) : slot.answer;
      res.setHeader('content-length', ANSWER_HEAD.length + answer.length + ANSWER_TAIL.length);
      res.write(ANSWER_HEAD);
      res.write(answer);
      res.end(ANSWER_TAIL);
      return res;
    };
    httpSlot.run(slot, next);
  };
}

type State = { kind: 'none' } | { kind: 'hit' } | { kind: 'miss'; key: string; ttl: number } | { kind: 'bypass' };

/**
 * Apollo Server plugin: the gateway's response cache. A query's answer is looked up after the
 * operation is parsed, validated and its cost checked (limits still apply to cached answers),
 * under a key made of the normalised document, operation name, variables, the caller's access
 * class and the moment read at: an answer fixed in time (see `isFixedInTime`) under `r:fixed:…`,
 * kept long; any other under the data version read at the start of the request (`r:v<N>:…`).
 * Only answers without errors are stored. Every executed mutation bumps the data version before
 * its answer is sent, so once a write is acknowledged no replica sharing the store reads an
 * answer cached before it. A mutation refused before execution (validation, limits) bumps nothing.
 */
export function responseCachePlugin<TContext extends { caller: Caller }>(options: ResponseCacheOptions): ApolloServerPlugin<TContext> {
  const { store, log } = options;
  let warned = 0;
  const storeFailed = (error: unknown, what: string) => {
    // One line per 100 failures: a Redis outage must not flood the log.
    if (warned++ % 100 === 0) log.warn({ err: error, store: store.kind }, `response cache: ${what} failed; answering without the cache`);
  };
  return {
    async requestDidStart() {
      let state: State = { kind: 'none' };
      const outer = httpSlot.getStore();
      const slot = outer && !outer.claimed ? outer : undefined;
      if (slot) slot.claimed = true;
      let executedMutation = false;
      return {
        async responseForOperation(rc): Promise<GraphQLResponse | null> {
          // A request for the query plan (the playground's plan panel) runs the plan: a hit would carry none.
          if (rc.operation.operation !== 'query' || rc.request.http?.headers.has(QUERY_PLAN_HEADER)) {
            options.counters?.lookup('skip');
            return null;
          }
          try {
            const version = await store.version();
            const mayBeFixed = rc.source?.includes('asOf') ?? false;
            const fixed = mayBeFixed && isFixedInTime(rc.schema, rc.document, rc.operation, rc.request.variables, await options.publishedCutoff(version));
            const hash = answerHash(rc.document, rc.operationName, rc.request.variables, accessClass(rc.contextValue.caller));
            const key = `${fixed ? 'r:fixed' : `r:v${version}`}:${schemaId(rc.schema)}:${hash}`;
            const cached = await store.getRaw(key);
            if (cached !== undefined) {
              state = { kind: 'hit' };
              options.counters?.lookup('hit');
              if (slot) slot.answer = cached;
              // Over HTTP, a placeholder (the middleware sends the stored text); elsewhere (executeOperation) the parsed answer.
              const data = slot ? {} : (JSON.parse(cached.toString()) as Record<string, unknown>);
              return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: { data } } };
            }
            state = { kind: 'miss', key, ttl: fixed ? options.fixedTtlSeconds : options.ttlSeconds };
            options.counters?.lookup('miss');
          } catch (error) {
            state = { kind: 'bypass' };
            options.counters?.lookup('bypass');
            storeFailed(error, 'lookup');
          }
          return null;
        },
        async executionDidStart(rc) {
          if (rc.operation.operation === 'mutation') executedMutation = true;
        },
        async willSendResponse({ response }) {
          response.http.headers.set(CACHE_HEADER, state.kind === 'hit' ? 'hit' : 'miss');
          if (executedMutation) {
            // Before the answer leaves: the client's next read, on any replica, sees the new version.
            try {
              await store.bump();
              options.counters?.versionBump(true);
            } catch (error) {
              options.counters?.versionBump(false);
              log.error(
                { err: error, store: store.kind },
                'response cache: the data version could not be bumped after a mutation; answers cached before it may be served until they expire',
              );
            }
            return;
          }
          if (state.kind !== 'miss' || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          if (result.errors?.length || result.data == null || (response.http.status ?? 200) !== 200) return;
          try {
            await store.set(state.key, JSON.stringify(result.data), state.ttl);
          } catch (error) {
            storeFailed(error, 'store');
          }
        },
      };
    },
  };
}
