/**
 * Every route declares the policy that guards it: `public` (no account) or an
 * action of the policy table in @mirai/app. The API checks it on every
 * request in one middleware (auth/enforce-policy); a handler under /api
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
}

export const routeTable: RouteEntry[] = [];

const key = (method: string, path: string) => `${method.toUpperCase()} ${path}`;
const byKey = new Map<string, RouteEntry>();

/** Registers a route's policy and returns the route config unchanged (with the policy in x-policy). */
export function withPolicy<R extends RouteConfig>(policy: RoutePolicy, route: R): R {
  const entry: RouteEntry = {
    method: route.method.toUpperCase(),
    path: route.path,
    policy,
    hasBody: route.request?.body !== undefined,
  };
  const existing = byKey.get(key(entry.method, entry.path));
  if (existing && existing.policy !== policy) {
    throw new Error(
      `route ${entry.method} ${entry.path} declared with two policies: ${existing.policy}, ${policy}`,
    );
  }
  if (!existing) {
    routeTable.push(entry);
    byKey.set(key(entry.method, entry.path), entry);
  }
  return { ...route, 'x-policy': policy } as R;
}

/** The entry for a Hono route path (`/api/v1/fields/:code` or with `{code}`). */
export function policyEntry(method: string, honoPath: string): RouteEntry | undefined {
  const path = honoPath.replace(/:([A-Za-z0-9_]+)(\{[^}]*\})?/g, '{$1}');
  return byKey.get(key(method === 'HEAD' ? 'GET' : method, path));
}
