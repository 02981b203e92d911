/**
 * Background jobs as their starter follows them: status, progress, result or
 * problems. Visible to the account that started the job and to administrators.
 */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { listMyJobs, readJob } from '@mirai/app';
import type { ApiEnv } from '../api-env';
import { json, respond } from '../openapi-helpers';
import { withPolicy } from '../route-table';
import { errorSchema } from '../schemas';

export const jobSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    status: z.enum(['queued', 'running', 'succeeded', 'failed']),
    progress: z.number().min(0).max(1),
    progressMessage: z.string().nullable(),
    result: z.unknown(),
    problems: z.array(z.unknown()).nullable(),
    actor: z.string(),
    userId: z.number().int().nullable(),
    attempts: z.number().int(),
    createdAt: z.string(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
  })
  .openapi('Job');

const denied = { 401: json(errorSchema, 'Sign-in required'), 403: json(errorSchema, 'Not allowed') };

const listRoute = withPolicy(
  'jobs:read-own',
  createRoute({
    method: 'get',
    path: '/api/v1/jobs',
    tags: ['jobs'],
    summary: 'My background jobs, newest first',
    responses: { 200: json(z.array(jobSchema), 'Jobs'), ...denied },
  }),
);

const getRoute = withPolicy(
  'jobs:read-own',
  createRoute({
    method: 'get',
    path: '/api/v1/jobs/{id}',
    tags: ['jobs'],
    summary: 'A background job: status, progress, result or problems',
    request: { params: z.object({ id: z.string().uuid() }) },
    responses: { 200: json(jobSchema, 'The job'), ...denied, 404: json(errorSchema, 'No such job') },
  }),
);

export function registerJobs(app: OpenAPIHono<ApiEnv>) {
  app.openapi(listRoute, async (c) => respond(c, await listMyJobs(c.get('ctx'), c.get('actor'))));
  app.openapi(getRoute, async (c) =>
    respond(c, await readJob(c.get('ctx'), c.get('actor'), c.req.valid('param').id)),
  );
}

/** This file's routes, for the typed client (`ApiOf`, route-types.ts). */
export const jobRoutes = [listRoute, getRoute] as const;
