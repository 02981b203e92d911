/** GET /api/v1/openapi.json: the API's OpenAPI 3.1 description, generated from the routes' declarations. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { ApiEnv } from '../api-env';
import { json } from '../openapi-helpers';
import { withPolicy } from '../route-table';

const documentSchema = z
  .object({
    openapi: z.string(),
    info: z.object({ title: z.string(), version: z.string(), description: z.string().optional() }),
    paths: z.record(z.string(), z.record(z.string(), z.unknown())),
    components: z.record(z.string(), z.unknown()).optional(),
  })
  .openapi('OpenApiDocument');

const docRoute = withPolicy(
  'public',
  createRoute({
    method: 'get',
    path: '/api/v1/openapi.json',
    tags: ['meta'],
    summary: 'This description (OpenAPI 3.1)',
    responses: { 200: json(documentSchema, 'The OpenAPI 3.1 description of every route') },
  }),
);

export function registerOpenApiDoc(app: OpenAPIHono<ApiEnv>) {
  app.openapi(docRoute, (c) =>
    c.json(
      app.getOpenAPI31Document({
        openapi: '3.1.0',
        info: {
          title: 'Mirai API',
          version: '1',
          description:
            '総合計画の運用システム Mirai の API / API of Mirai, a system for running a comprehensive plan',
        },
      }) as z.infer<typeof documentSchema>,
      200,
    ),
  );
}

/** This file's routes, for the typed client (`ApiOf`, route-types.ts). */
export const openApiDocRoutes = [docRoute] as const;
