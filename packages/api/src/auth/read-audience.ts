/**
 * Gives each request its own read scope (see @mirai/app read-scope): routes
 * open to the public read published data only; routes that need an account
 * (checked by enforce-policy before this runs) read as staff, drafts included.
 * The scope memoises the plan, so one answer reads it once.
 */
import { type AppContext, publicReads, staffReads } from '@mirai/app';
import type { MiddlewareHandler } from 'hono';
import type { ApiEnv } from '../api-env';
import { policyEntry } from '../route-table';

export function readAudience(ctx: AppContext): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const route = c.req.matchedRoutes.find((r) => r.method !== 'ALL');
    const entry = route ? policyEntry(route.method, route.path) : undefined;
    c.set('ctx', entry && entry.policy !== 'public' ? staffReads(ctx) : publicReads(ctx));
    await next();
  };
}
