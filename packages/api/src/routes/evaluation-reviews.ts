/**
 * The medium-term review's next-phase draft turned into a draft plan version
 * (POST, naming the plan version read; 409 when the plan moved on or the draft
 * is already in it). The review itself, its conclusions and the draft as JSON
 * are in evaluation.ts.
 */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { draftPlanFromReview } from '@mirai/app';
import type { ApiEnv } from '../api-env';
import { withPolicy } from '../route-table';
import { errors, json, jsonBody, respondAsEvaluator } from './evaluation-helpers';

const body = z.object({ expectedVersion: z.number().int().positive() }).strict();

const draftPlanSchema = z.object({
  code: z.string(),
  version: z.number().int(),
  phase: z.number().int(),
  measures: z.array(z.string()),
});

const draftPlanRoute = withPolicy(
  'plan:import',
  createRoute({
    method: 'post',
    path: '/api/v1/evaluation/reviews/{phase}/next-phase-plan',
    tags: ['evaluation'],
    summary:
      'Save the next phase’s draft measures as a draft version of the plan (the plan editor opens it); expectedVersion is the plan version read',
    request: { params: z.object({ phase: z.string().regex(/^[1-9]$/) }), body: jsonBody(body) },
    responses: { 201: json(draftPlanSchema, 'The draft plan version'), ...errors },
  }),
);

export function registerEvaluationReviews(app: OpenAPIHono<ApiEnv>) {
  app.openapi(draftPlanRoute, async (c) =>
    respondAsEvaluator(
      c,
      (actor) =>
        draftPlanFromReview(c.get('ctx'), {
          phase: Number(c.req.valid('param').phase),
          expectedVersion: c.req.valid('json').expectedVersion,
          actor,
        }),
      201,
    ),
  );
}

/** This file's routes, for the typed client (`ApiOf`, route-types.ts). */
export const evaluationReviewRoutes = [draftPlanRoute] as const;
