/**
 * A request at a host no municipality answers at (decision 0147): it goes
 * through the whole application like any other — security headers,
 * authentication and the policy gate first — and is then answered here with
 * the catalogued 404 instead of by its route. The composition root marks such
 * a request in the environment under `unknownHostKey` (and binds it to no
 * municipality).
 */
import { municipalityProblems } from '@mirai/app';
import type { MiddlewareHandler } from 'hono';
import type { ApiEnv } from '../api-env';
import { problemResponse } from '../error-mapper';

export const unknownHostKey = 'miraiUnknownHost';

export function unknownHostAnswer(): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    if ((c.env as Record<string, unknown> | undefined)?.[unknownHostKey] !== true) return next();
    const res = problemResponse(c, [municipalityProblems.unknownHost.create({})]);
    res.headers.set('Cache-Control', 'no-store');
    return res;
  };
}
