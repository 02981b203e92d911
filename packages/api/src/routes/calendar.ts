/** GET /api/v1/calendar: the plan's review calendar. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { getPublishedPlan } from '@mirai/app';
import { reviewCalendar } from '@mirai/core';
import type { ApiEnv } from '../api-env';
import { problemResponse } from '../error-mapper';
import { withPolicy } from '../route-table';
import { calendarYearSchema, errorSchema } from '../schemas';

const calendarRoute = withPolicy(
  'public',
  createRoute({
    method: 'get',
    path: '/api/v1/calendar',
    tags: ['plan'],
    summary: 'Review calendar: annual evaluations, medium-term reviews, drafting',
    responses: {
      200: {
        description: 'One entry per fiscal year',
        content: { 'application/json': { schema: z.array(calendarYearSchema) } },
      },
      404: { description: 'No plan stored', content: { 'application/json': { schema: errorSchema } } },
    },
  }),
);

export function registerCalendar(app: OpenAPIHono<ApiEnv>) {
  app.openapi(calendarRoute, async (c) => {
    const plan = await getPublishedPlan(c.get('ctx'));
    if (!plan.ok) return problemResponse(c, plan.problems) as never;
    const { plan: p, phases } = plan.value.document;
    return c.json(
      reviewCalendar({ startFiscalYear: p.startFiscalYear, endFiscalYear: p.endFiscalYear, phases }),
      200,
    );
  });
}

/** This file's routes, for the typed client (`ApiOf`, route-types.ts). */
export const calendarRoutes = [calendarRoute] as const;
