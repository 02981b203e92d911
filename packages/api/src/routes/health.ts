/** GET /healthz: liveness and database reachability. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
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

export function registerHealth(app: OpenAPIHono<ApiEnv>) {
  app.openapi(health, async (c) => {
    const ctx = c.get('ctx');
    await sql`select 1`.execute(ctx.database.db);
    return c.json({ status: 'ok' as const, database: ctx.database.dialect }, 200);
  });
}
