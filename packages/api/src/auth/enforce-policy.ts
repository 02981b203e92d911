/**
 * The one place where every request meets its route's policy, before the
 * handler runs: `public` passes; otherwise an account is needed (401), its
 * role must be allowed (403), an API token must be scoped for the action, a
 * browser session must pass the CSRF check on unsafe methods. Items are
 * checked again by the use cases (department, links, release). Pages pass the
 * same gate; their refusals are answered by the composition root (a sign-in
 * redirect for 401, a 403 page) instead of a JSON problem.
 */
import { timingSafeEqual } from 'node:crypto';
import { authorize, authProblems, isAction } from '@mirai/app';
import type { Problem } from '@mirai/core';
import type { Context, MiddlewareHandler } from 'hono';
import type { ApiEnv } from '../api-env';
import { problemResponse } from '../error-mapper';
import { policyEntry, type RouteEntry } from '../route-table';
import { itemScopes, pathParams } from './item-scopes';

const unsafe = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The handler Hono will run for this request, and its policy entry. */
function matchedEntry(c: Context<ApiEnv>): { handlerPath?: string; entry?: RouteEntry } {
  for (const r of c.req.matchedRoutes) {
    if (r.method === 'ALL') continue;
    return { handlerPath: r.path, entry: policyEntry(r.method, r.path) };
  }
  return {};
}

const sameSecret = (a: string, b: string) => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * The origin the browser used: behind a trusted proxy, from X-Forwarded-Proto
 * and X-Forwarded-Host (the first of each list); otherwise the request's own.
 */
export function requestOrigin(c: Context<ApiEnv>): string {
  const own = new URL(c.req.url);
  const { trustProxy, originScheme } = c.get('auth').options;
  // Not behind a trusted proxy: the host as asked, with the municipality's scheme when it has one (0154).
  if (!trustProxy) return originScheme ? `${originScheme}://${own.host}` : own.origin;
  const first = (name: string) => c.req.header(name)?.split(',')[0]?.trim() || undefined;
  const proto = first('x-forwarded-proto');
  const host = first('x-forwarded-host') ?? c.req.header('host') ?? own.host;
  return `${proto === 'https' || proto === 'http' ? proto : own.protocol.replace(':', '')}://${host}`;
}

/** Origin check for every unsafe request, token check for cookie sessions. */
function csrfOk(c: Context<ApiEnv>): boolean {
  const auth = c.get('auth');
  const origin = c.req.header('origin');
  const expected = auth.options.publicOrigin ?? requestOrigin(c);
  if (origin !== undefined && origin !== expected) return false;
  if (c.req.header('sec-fetch-site') === 'cross-site') return false;
  if (auth.session) {
    const sent = c.req.header('x-csrf-token');
    return sent !== undefined && sameSecret(sent, auth.session.csrfToken);
  }
  return true;
}

/** Answers a refused page request (HTML); the problems say why (unauthenticated or forbidden). */
export type PageRefusal = (c: Context<ApiEnv>, problems: Problem[]) => Response | Promise<Response>;

export function enforcePolicy(refusePage?: PageRefusal): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const { handlerPath, entry } = matchedEntry(c);
    if (!entry) {
      // A handler with no declared policy is a bug: refuse rather than serve it open.
      if (handlerPath) {
        throw new Error(
          `route ${c.req.method} ${handlerPath} has no policy (declare it with withPolicy or declarePage)`,
        );
      }
      return next();
    }
    const refuse = (problems: Problem[]) =>
      entry.kind === 'page' && refusePage ? refusePage(c, problems) : problemResponse(c, problems);
    const isUnsafe = unsafe.has(c.req.method);
    if (entry.policy === 'public') {
      if (isUnsafe && !csrfOk(c)) return problemResponse(c, [authProblems.csrf.create({})]);
      return next();
    }
    if (!isAction(entry.policy))
      throw new Error(`route ${entry.method} ${entry.path}: unknown action ${entry.policy}`);
    const actor = c.get('actor');
    if (actor.kind === 'anonymous') {
      return refuse([c.get('auth').problem ?? authProblems.unauthenticated.create({})]);
    }
    const decision = authorize(actor, entry.policy);
    if (!decision.ok) return refuse(decision.problems);
    if (isUnsafe && !csrfOk(c)) return problemResponse(c, [authProblems.csrf.create({})]);
    const resolve = itemScopes[`${entry.method} ${entry.path}`];
    if (resolve) {
      const params = pathParams(entry.path, c.req.path);
      const item = params ? await resolve(c.get('ctx'), params) : undefined;
      if (item) {
        const scoped = authorize(actor, entry.policy, item);
        if (!scoped.ok) return refuse(scoped.problems);
      }
    }
    return next();
  };
}
