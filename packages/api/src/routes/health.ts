/** GET /healthz: liveness and database reachability; GET /readyz: database reachable and migrations applied. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { checkReadiness } from '@mirai/app';
import { sql } from 'kysely';
import type { ApiEnv } from '../api-env';
import { withPolicy } from '../route-table';

const health = withPolicy(
  'public',
  createRoute({
    method: 'get',
    path: '/healthz',
    tags: ['system'],
    summary: 'Health check',
    responses: {
      200: {
        description: 'The server and its database answer',
        content: {
          'application/json': { schema: z.object({ status: z.literal('ok'), database: z.string() }) },
        },
      },
    },
  }),
);

const readinessSchema = z.object({
  ready: z.boolean(),
  draining: z.boolean(),
  database: z.enum(['ok', 'unreachable']),
  pendingMigrations: z.array(z.string()),
});

const ready = withPolicy(
  'public',
  createRoute({
    method: 'get',
    path: '/readyz',
    tags: ['system'],
    summary: 'Readiness: the database answers and every migration is applied',
    responses: {
      200: { description: 'Ready to serve', content: { 'application/json': { schema: readinessSchema } } },
      503: { description: 'Not ready', content: { 'application/json': { schema: readinessSchema } } },
    },
  }),
);

export function registerHealth(app: OpenAPIHono<ApiEnv>) {
  app.openapi(health, async (c) => {
    const ctx = c.get('ctx');
    await sql`select 1`.execute(ctx.database.db);
    return c.json({ status: 'ok' as const, database: ctx.database.dialect }, 200);
  });
  app.openapi(ready, async (c) => {
    const r = await checkReadiness(c.get('ctx'));
    return r.ready ? c.json(r, 200) : c.json(r, 503);
  });
}

/** This file's routes, for the typed client (`ApiOf`, route-types.ts). */
export const healthRoutes = [health, ready] as const;
