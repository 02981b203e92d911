/**
 * GET /metrics: Prometheus metrics of this process, for administrators and
 * for API tokens scoped to `ops:read-metrics` (what a Prometheus scraper
 * holds). The composition root supplies the registry; without one, 404.
 */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { ApiEnv } from '../api-env';
import { notFound } from '../error-mapper';
import { json } from '../openapi-helpers';
import { withPolicy } from '../route-table';
import { errorSchema } from '../schemas';

export type MetricsSource = () => Promise<{ body: string; contentType: string }>;

const metricsRoute = withPolicy(
  'ops:read-metrics',
  createRoute({
    method: 'get',
    path: '/metrics',
    tags: ['system'],
    summary: 'Prometheus metrics (text exposition format)',
    responses: {
      200: { description: 'The metrics', content: { 'text/plain': { schema: z.string() } } },
      404: json(errorSchema, 'This server keeps no metrics (the API without its server)'),
    },
  }),
);

export function registerMetrics(app: OpenAPIHono<ApiEnv>, source: MetricsSource | undefined) {
  app.openapi(metricsRoute, async (c) => {
    if (!source) return notFound(c) as never;
    const { body, contentType } = await source();
    return c.body(body, 200, { 'Content-Type': contentType, 'Cache-Control': 'no-store' }) as never;
  });
}

/** This file's routes, for the typed client (`ApiOf`, route-types.ts). */
export const metricsRoutes = [metricsRoute] as const;
