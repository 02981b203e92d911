/**
 * Every route declares the policy that guards it; the table of routes and
 * policies is checked by tests, so a route without a policy cannot land.
 */
import type { RouteConfig } from '@hono/zod-openapi';

/** Who may call a route. `public` needs no account. */
export type RoutePolicy = 'public' | `${string}:${string}`;

export interface RouteEntry {
  method: string;
  path: string;
  policy: RoutePolicy;
}

export const routeTable: RouteEntry[] = [];

/** Registers a route's policy and returns the route config unchanged (with the policy in x-policy). */
export function withPolicy<R extends RouteConfig>(policy: RoutePolicy, route: R): R {
  routeTable.push({ method: route.method.toUpperCase(), path: route.path, policy });
  return { ...route, 'x-policy': policy } as R;
}
