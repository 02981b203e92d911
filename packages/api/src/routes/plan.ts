/** The plan tree and its strategic fields. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { getField, getPlanTree } from '@mirai/app';
import type { ApiEnv } from '../api-env';
import { json, respond } from '../openapi-helpers';
import { withPolicy } from '../route-table';
import { errorSchema, fieldSchema, planTreeSchema } from '../schemas';

const planRoute = withPolicy(
  'public',
  createRoute({
    method: 'get',
    path: '/api/v1/plan',
    tags: ['plan'],
    summary: 'The whole plan: strategies → fields → measures → projects, with indicators',
    responses: { 200: json(planTreeSchema, 'The plan tree'), 404: json(errorSchema, 'No plan stored') },
  }),
);

const fieldRoute = withPolicy(
  'public',
  createRoute({
    method: 'get',
    path: '/api/v1/fields/{code}',
    tags: ['plan'],
    summary: 'One strategic field with its measures and indicators',
    request: { params: z.object({ code: z.string().openapi({ example: 'A-1' }) }) },
    responses: { 200: json(fieldSchema, 'The field'), 404: json(errorSchema, 'Unknown field') },
  }),
);

const draftRoute = withPolicy(
  'plan:read-draft',
  createRoute({
    method: 'get',
    path: '/api/v1/staff/plan',
    tags: ['plan'],
    summary: 'The current version of the plan, even when it is a draft (staff)',
    responses: {
      200: json(planTreeSchema, 'The plan tree'),
      401: json(errorSchema, 'Sign-in required'),
      403: json(errorSchema, 'Not allowed'),
      404: json(errorSchema, 'No plan stored'),
    },
  }),
);

export function registerPlan(app: OpenAPIHono<ApiEnv>) {
  app.openapi(planRoute, async (c) => {
    return respond(c, await getPlanTree(c.get('ctx')));
  });
  app.openapi(draftRoute, async (c) => {
    return respond(c, await getPlanTree(c.get('ctx'), undefined, { includeDraft: true }));
  });
  app.openapi(fieldRoute, async (c) => {
    return respond(c, await getField(c.get('ctx'), c.req.valid('param').code));
  });
}
