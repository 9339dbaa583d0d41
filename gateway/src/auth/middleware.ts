import { ANONYMOUS, type Caller } from '@kh02/common';
import type { RequestHandler } from 'express';
import { randomUUID } from 'node:crypto';
import { AuthenticationFailed, type BearerVerifier } from './verify';

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The caller `authenticate` put on a request (the anonymous reader when it has not run). */
export function callerOf(res: { locals: Record<string, unknown> }): Caller {
  return (res.locals.caller as Caller | undefined) ?? ANONYMOUS;
}

/**
 * Express middleware in front of `/graphql`: a request without `Authorization` is the anonymous
 * reader; one whose bearer token does not verify gets HTTP 401 with `UNAUTHENTICATED` (never a
 * silent downgrade to anonymous); otherwise the verified caller, with a request id (the client's
 * `x-request-id` when well-formed), is put on `res.locals.caller`.
 */
export function authenticate(verify: BearerVerifier): RequestHandler {
  return (req, res, next) => {
    const incoming = req.headers['x-request-id'];
    const requestId = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    verify(req.headers.authorization).then(
      (caller) => {
        res.locals.caller = Object.freeze({ ...(caller ?? ANONYMOUS), requestId });
        next();
      },
      (error: unknown) => {
        if (!(error instanceof AuthenticationFailed)) return next(error);
        res
          .status(401)
          .set('www-authenticate', 'Bearer error="invalid_token"')
          .json({ errors: [{ message: `Not authenticated: ${error.message}.`, extensions: { code: 'UNAUTHENTICATED' } }] });
      },
    );
  };
}
