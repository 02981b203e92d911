/**
 * The plan tree and its strategic fields; staff read the current version
 * (drafts included) and save an edited document as a new version, naming the
 * version they loaded (409 when someone saved first, 422 with every problem).
 */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { actorLabel, getCurrentPlan, getField, getPlanTree, importPlan } from '@mirai/app';
import { planProblems } from '@mirai/core';
import type { ApiEnv } from '../api-env';
import { problemResponse } from '../error-mapper';
import { json, jsonBody, respond } from '../openapi-helpers';
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

const savePlanBody = z
  .object({
    document: z
      .record(z.string(), z.unknown())
      .openapi({ description: 'The whole plan document (data/schema/plan.schema.json)' }),
    expectedVersion: z.number().int().positive(),
    note: z.string().max(2000).optional(),
  })
  .strict();

const savedPlanSchema = z.object({ code: z.string(), version: z.number().int(), dryRun: z.boolean() });

const saveRoute = withPolicy(
  'plan:import',
  createRoute({
    method: 'put',
    path: '/api/v1/staff/plan',
    tags: ['plan'],
    summary:
      'Save the whole plan document as a new version, naming the version read; 409 when someone saved first',
    request: { body: jsonBody(savePlanBody) },
    responses: {
      200: json(savedPlanSchema, 'The new version'),
      401: json(errorSchema, 'Sign-in required'),
      403: json(errorSchema, 'Not allowed'),
      409: json(errorSchema, 'Someone saved a newer version first (plan/version-conflict)'),
      422: json(errorSchema, 'The document has problems (every one, with its path)'),
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
  app.openapi(saveRoute, async (c) => {
    const { document, expectedVersion, note } = c.req.valid('json');
    // This route revises the stored plan; a document naming another plan would start a second one.
    const current = await getCurrentPlan(c.get('ctx'));
    const code = (document.plan as { code?: unknown } | undefined)?.code;
    if (current.ok && typeof code === 'string' && code !== current.value.code) {
      return problemResponse(c, [
        planProblems.unknownCode.create(
          { code, expected: `plan (${current.value.code})` },
          { file: 'plan.json', path: 'plan.code' },
        ),
      ]) as never;
    }
    return respond(
      c,
      await importPlan(c.get('ctx'), JSON.stringify(document), 'plan.json', {
        actor: actorLabel(c.get('actor')),
        expectedVersion,
        ...(note ? { note } : {}),
      }),
    );
  });
  app.openapi(fieldRoute, async (c) => {
    return respond(c, await getField(c.get('ctx'), c.req.valid('param').code));
  });
}

/** This file's routes, for the typed client (`ApiOf`, route-types.ts). */
export const planRoutes = [planRoute, draftRoute, saveRoute, fieldRoute] as const;
