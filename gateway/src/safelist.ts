import type { Caller } from '@kh02/common';
import type { RequestHandler } from 'express';
import { parse, print } from 'graphql';
import { callerOf } from './auth/middleware';
import type { GatewayConfig } from './config';
import { sha256, type SavedOperation } from './operations';
import { requestIdFrom } from './plugins/logging';

/** The `extensions.code` of an operation refused because the caller may run only the manifest's operations. */
export const OPERATION_NOT_IN_SAFELIST = 'OPERATION_NOT_IN_SAFELIST';

/** Whether safelist mode restricts this caller: it holds one of the safelisted roles. */
export function isSafelisted(caller: Caller, config: Pick<GatewayConfig, 'safelist' | 'safelistRoles'>): boolean {
  return config.safelist && caller.roles.some((role) => config.safelistRoles.includes(role));
}

/** The manifest body a document is, if any: by the SHA-256 of its exact text, or of its printed form. */
export function manifestOperationOf(query: string, byId: ReadonlyMap<string, SavedOperation>): SavedOperation | undefined {
  const exact = byId.get(sha256(query));
  if (exact) return exact;
  try {
    return byId.get(sha256(print(parse(query))));
  } catch {
    return undefined; // not a document: Apollo Server reports the syntax error itself
  }
}

/**
 * The published persisted-operation manifest at `/graphql` (after `authenticate` and the JSON body
 * parser). A POST that sends only `extensions.persistedQuery.sha256Hash` with a manifest id runs
 * that operation (the id is its SHA-256, so Apollo Server's own check of the hash holds). With
 * SAFELIST on, a caller holding a safelisted role (SAFELIST_ROLES, default partners) may run only
 * manifest operations: anything else is HTTP 403 with `OPERATION_NOT_IN_SAFELIST`, before parsing.
 */
export function persistedOperations(config: Pick<GatewayConfig, 'safelist' | 'safelistRoles'>, operations: readonly SavedOperation[]): RequestHandler {
  const byId = new Map(operations.map((o) => [o.id, o]));
  return (req, res, next) => {
    const body = (req.method === 'POST' ? req.body : req.query) as Record<string, unknown> | undefined;
    let query = typeof body?.query === 'string' ? body.query : undefined;
    if (query === undefined && req.method === 'POST' && body && typeof body === 'object') {
      const extensions = (typeof body.extensions === 'object' ? body.extensions : undefined) as { persistedQuery?: { sha256Hash?: unknown } } | undefined;
      const hash = extensions?.persistedQuery?.sha256Hash;
      const saved = typeof hash === 'string' ? byId.get(hash) : undefined;
      if (saved) body.query = query = saved.body;
    }
    if (!isSafelisted(callerOf(res), config)) return next();
    if (query !== undefined && manifestOperationOf(query, byId)) return next();
    const requestId = requestIdFrom(req.headers['x-request-id']);
    res
      .status(403)
      .set('x-request-id', requestId)
      .json({
        errors: [
          {
            message:
              'Only the published operations may run for this caller: send the body of an operation in operations/manifest.json, or only its id as extensions.persistedQuery.sha256Hash.',
            extensions: { code: OPERATION_NOT_IN_SAFELIST, requestId },
          },
        ],
      });
  };
}
