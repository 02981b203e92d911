/**
 * Text as data at the door: every string of a JSON body (and its keys), every
 * query value and the path are checked before a handler runs. A control
 * character, a lone surrogate or a text over its field's declared maximum is
 * a catalogued 422 naming the field, never a 500 from the database.
 */
import { checkText, checkTextTree, type Problem } from '@mirai/core';
import type { MiddlewareHandler } from 'hono';
import type { ApiEnv } from '../api-env';
import { problemResponse } from '../error-mapper';

const safePath = (path: string): string | undefined => {
  try {
    return decodeURIComponent(path);
  } catch {
    return undefined;
  }
};

export function textGuard(): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const problems: Problem[] = [];
    const path = safePath(c.req.path);
    const pathProblem = path === undefined ? undefined : checkText(path, 'path', 2000);
    if (pathProblem) problems.push(pathProblem);
    for (const [key, values] of Object.entries(c.req.queries())) {
      for (const value of values) {
        const p = checkText(value, `query.${key}`, 2000) ?? checkText(key, 'query', 200);
        if (p) problems.push(p);
      }
    }
    const type = c.req.header('content-type') ?? '';
    if (!['GET', 'HEAD', 'OPTIONS'].includes(c.req.method) && type.includes('application/json')) {
      const body = await c.req.json().catch(() => undefined); // malformed: the validator answers
      if (body !== undefined) problems.push(...checkTextTree(body));
    }
    if (problems.length > 0) return problemResponse(c, problems);
    await next();
  };
}
