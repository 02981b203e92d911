/**
 * What the server records of each answer: a metrics observation (method,
 * declared route, status, duration) and, when asked, an access-log line.
 * The line names the path without its query, and with long opaque segments
 * (confirmation and unfollow tokens) replaced, so no secret reaches the log.
 * Client addresses are left to the reverse proxy's log.
 */
import { log } from '@mirai/app';
import type { MiddlewareHandler } from 'hono';
import type { ServerMetrics } from './metrics';

/** Filled by the inner application with the route it matched. */
export interface RouteSeen {
  route?: string;
}
export const routeSeenKey = 'miraiRouteSeen';

/** Inner middleware: records the declared path of the handler that answered. */
export function recordRoute(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const seen = (c.env as Record<string, unknown> | undefined)?.[routeSeenKey] as RouteSeen | undefined;
    if (!seen) return;
    const handler = c.req.matchedRoutes.find((r) => r.method !== 'ALL');
    seen.route = handler?.path ?? 'unmatched';
  };
}

export function loggablePath(pathname: string): string {
  return pathname
    .split('/')
    .map((s) => (/^[A-Za-z0-9_.~%-]{24,}$/.test(s) ? ':redacted' : s))
    .join('/');
}

export interface Observation {
  req: Request;
  status: number;
  seconds: number;
  seen: RouteSeen;
}

export function observe(metrics: ServerMetrics, o: Observation, accessLog: boolean): void {
  // Answers from the public cache never reach the inner application.
  observeAnswer(
    metrics,
    o.req.method,
    new URL(o.req.url).pathname,
    o.seen.route ?? 'cached',
    o.status,
    o.seconds,
    accessLog,
  );
}

/** Records one answer (also those written straight from the cache, which have no Request). */
export function observeAnswer(
  metrics: ServerMetrics,
  method: string,
  pathname: string,
  route: string,
  status: number,
  seconds: number,
  accessLog: boolean,
): void {
  metrics.observe(method, route, status, seconds);
  if (!accessLog) return;
  log().info(
    { method, path: loggablePath(pathname), route, status, ms: Math.round(seconds * 10_000) / 10 },
    'request',
  );
}
