/**
 * Every route declares the policy that guards it: `public` (no account) or an
 * action of the policy table in @mirai/app. API routes declare it with
 * `withPolicy`, pages (HTML, mounted by @mirai/server) with `declarePage`.
 * One middleware (auth/enforce-policy) checks it on every request; a handler
 * without an entry here is refused, and the route × role tests walk this table.
 */
import type { RouteConfig } from '@hono/zod-openapi';
import type { Action } from '@mirai/app';

/** Who may call a route. `public` needs no account. */
export type RoutePolicy = 'public' | Action;

export interface RouteEntry {
  method: string;
  /** The OpenAPI path, e.g. `/api/v1/fields/{code}`. */
  path: string;
  policy: RoutePolicy;
  /** The route declares a request body (write endpoints with input). */
  hasBody: boolean;
  /** `api`: JSON answers, refused with a problem; `page`: HTML, refused with a sign-in redirect or a 403 page. */
  kind: 'api' | 'page';
}

export const routeTable: RouteEntry[] = [];

const key = (method: string, path: string) => `${method.toUpperCase()} ${path}`;
const byKey = new Map<string, RouteEntry>();

const openApiPath = (honoPath: string) => honoPath.replace(/:([A-Za-z0-9_]+)(\{[^}]*\})?/g, '{$1}');

function register(entry: RouteEntry): RouteEntry {
  const existing = byKey.get(key(entry.method, entry.path));
  if (existing && existing.policy !== entry.policy) {
    throw new Error(
      `route ${entry.method} ${entry.path} declared with two policies: ${existing.policy}, ${entry.policy}`,
    );
  }
  if (existing) return existing;
  routeTable.push(entry);
  byKey.set(key(entry.method, entry.path), entry);
  return entry;
}

/** Registers a route's policy and returns the route config unchanged (with the policy in x-policy). */
export function withPolicy<R extends RouteConfig>(policy: RoutePolicy, route: R): R {
  register({
    method: route.method.toUpperCase(),
    path: route.path,
    policy,
    hasBody: route.request?.body !== undefined,
    kind: 'api',
  });
  return { ...route, 'x-policy': policy } as R;
}

/** Registers a page's policy (GET; Hono path such as `/staff/sheets/:id`); returns its entry. */
export function declarePage(honoPath: string, policy: RoutePolicy): RouteEntry {
  return register({ method: 'GET', path: openApiPath(honoPath), policy, hasBody: false, kind: 'page' });
}

/** The entry for a Hono route path (`/api/v1/fields/:code` or with `{code}`). */
export function policyEntry(method: string, honoPath: string): RouteEntry | undefined {
  return byKey.get(key(method === 'HEAD' ? 'GET' : method, openApiPath(honoPath)));
}
