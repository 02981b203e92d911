/** The plan tree and its strategic fields. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { getField, getPlanTree } from '@mirai/app';
import type { ApiEnv } from '../api-env';
import { problemResponse } from '../error-mapper';
import { withPolicy } from '../route-table';
import { errorSchema, fieldSchema, planTreeSchema } from '../schemas';

const json = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

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
    const tree = await getPlanTree(c.get('ctx'));
    if (!tree.ok) return problemResponse(c, tree.problems) as never;
    return c.json(tree.value as never, 200);
  });
  app.openapi(draftRoute, async (c) => {
    const tree = await getPlanTree(c.get('ctx'), undefined, { includeDraft: true });
    if (!tree.ok) return problemResponse(c, tree.problems) as never;
    return c.json(tree.value as never, 200);
  });
  app.openapi(fieldRoute, async (c) => {
    const field = await getField(c.get('ctx'), c.req.valid('param').code);
    if (!field.ok) return problemResponse(c, field.problems) as never;
    return c.json(field.value as never, 200);
  });
}
