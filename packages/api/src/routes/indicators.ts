/**
 * Indicator routes: list, show, the plan's roll-up, and writing actual values
 * (record, correct, import a CSV/xlsx body, all or nothing). Writes carry the
 * `indicators:write` policy (enforced by the API's policy middleware); the
 * signed-in account is recorded as who entered each value.
 */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import {
  actorLabel,
  correctIndicatorActual,
  getPlanProgress,
  gridDepartmentOf,
  listIndicators,
  recordIndicatorActual,
  saveActualsGrid,
  showIndicator,
  startActualsImport,
} from '@mirai/app';
import type { Context } from 'hono';
import type { ApiEnv } from '../api-env';
import { problemResponse } from '../error-mapper';
import { json } from '../openapi-helpers';
import { withPolicy } from '../route-table';
import { errorSchema, jobStartedSchema } from '../schemas';
import {
  actualVersionSchema,
  asOfQuery,
  correctActualBody,
  gridSaveBody,
  gridSaveResultSchema,
  importQuery,
  indicatorDetailSchema,
  indicatorSummarySchema,
  planProgressSchema,
  recordActualBody,
} from './indicators.schemas';

const errors = {
  404: json(errorSchema, 'Not found'),
  409: json(errorSchema, 'Conflict (already recorded, or corrected by someone else)'),
  422: json(errorSchema, 'Invalid input: every problem with where it was found'),
};

const asOf = (q: { asOf?: string | undefined }) => {
  if (!q.asOf) return {};
  const [year, month, day] = q.asOf.split('-').map(Number) as [number, number, number];
  return { asOf: { year, month, day } };
};
const actor = (c: Context<ApiEnv>) => actorLabel(c.get('actor'));

const listRoute = withPolicy(
  'public',
  createRoute({
    method: 'get',
    path: '/api/v1/indicators',
    tags: ['indicators'],
    summary: 'Every indicator with baseline, targets, latest actual and status',
    request: { query: asOfQuery },
    responses: { 200: json(indicatorSummarySchema.array(), 'Indicators'), ...errors },
  }),
);

const showRoute = withPolicy(
  'public',
  createRoute({
    method: 'get',
    path: '/api/v1/indicators/{code}',
    tags: ['indicators'],
    summary: 'One indicator with every version of every value',
    request: { params: codeParam(), query: asOfQuery },
    responses: { 200: json(indicatorDetailSchema, 'The indicator'), ...errors },
  }),
);

function codeParam() {
  return indicatorSummarySchema.pick({ code: true });
}

const progressRoute = withPolicy(
  'public',
  createRoute({
    method: 'get',
    path: '/api/v1/progress',
    tags: ['indicators'],
    summary: 'The plan rolled up with its one rule, every figure with its inputs and what was missing',
    request: { query: asOfQuery },
    responses: { 200: json(planProgressSchema, 'Progress'), ...errors },
  }),
);

const recordRoute = withPolicy(
  'indicators:write',
  createRoute({
    method: 'post',
    path: '/api/v1/indicators/{code}/actuals',
    tags: ['indicators'],
    summary: 'Record the first value of an indicator for a fiscal year (and area)',
    request: {
      params: codeParam(),
      body: { content: { 'application/json': { schema: recordActualBody } }, required: true },
    },
    responses: { 201: json(actualVersionSchema, 'The stored version'), ...errors },
  }),
);

const correctRoute = withPolicy(
  'indicators:write',
  createRoute({
    method: 'post',
    path: '/api/v1/actuals/{id}/corrections',
    tags: ['indicators'],
    summary: 'Correct a value: a new version superseding the current one (nothing is overwritten)',
    request: {
      params: actualVersionSchema.pick({ id: true }),
      body: { content: { 'application/json': { schema: correctActualBody } }, required: true },
    },
    responses: { 201: json(actualVersionSchema, 'The new version'), ...errors },
  }),
);

const importRoute = withPolicy(
  'indicators:write',
  createRoute({
    method: 'post',
    path: '/api/v1/actuals/import',
    tags: ['indicators'],
    summary:
      'Start importing actual values from a CSV or xlsx body, as a background job (one at a time per municipality): answered at once with the job to follow at /api/v1/jobs/{id}, whose result is what was (or would be) stored and whose problems name file, row and column; nothing is stored on any error',
    request: {
      query: importQuery,
      body: {
        content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } as never } },
        required: true,
      },
    },
    responses: {
      202: json(jobStartedSchema, 'The import job started; its result follows importResult'),
      413: json(errorSchema, 'Larger than the upload limit for actual values'),
      ...errors,
    },
  }),
);

const gridRoute = withPolicy(
  'indicators:write',
  createRoute({
    method: 'post',
    path: '/api/v1/actuals/grid',
    tags: ['indicators'],
    summary:
      'Save the edited cells of the actuals grid (values as typed): all or nothing, 409 when a cell changed after it was read',
    request: { body: { content: { 'application/json': { schema: gridSaveBody } }, required: true } },
    responses: { 200: json(gridSaveResultSchema, 'What was stored'), ...errors },
  }),
);

export function registerIndicators(app: OpenAPIHono<ApiEnv>) {
  app.openapi(listRoute, async (c) => {
    const r = await listIndicators(c.get('ctx'), asOf(c.req.valid('query')));
    if (!r.ok) return problemResponse(c, r.problems) as never;
    return c.json(r.value as never, 200);
  });
  app.openapi(showRoute, async (c) => {
    const r = await showIndicator(c.get('ctx'), c.req.valid('param').code, asOf(c.req.valid('query')));
    if (!r.ok) return problemResponse(c, r.problems) as never;
    return c.json(r.value as never, 200);
  });
  app.openapi(progressRoute, async (c) => {
    const r = await getPlanProgress(c.get('ctx'), asOf(c.req.valid('query')));
    if (!r.ok) return problemResponse(c, r.problems) as never;
    return c.json(r.value as never, 200);
  });
  app.openapi(recordRoute, async (c) => {
    const body = c.req.valid('json');
    const input = { indicatorCode: c.req.valid('param').code, ...body };
    const r = await recordIndicatorActual(c.get('ctx'), input as never, { actor: actor(c) });
    if (!r.ok) return problemResponse(c, r.problems) as never;
    return c.json(r.value as never, 201);
  });
  app.openapi(correctRoute, async (c) => {
    const r = await correctIndicatorActual(
      c.get('ctx'),
      c.req.valid('param').id,
      c.req.valid('json') as never,
      {
        actor: actor(c),
      },
    );
    if (!r.ok) return problemResponse(c, r.problems) as never;
    return c.json(r.value as never, 201);
  });
  app.openapi(gridRoute, async (c) => {
    const body = c.req.valid('json');
    const department = gridDepartmentOf(c.get('actor'));
    const r = await saveActualsGrid(
      c.get('ctx'),
      {
        source: body.source,
        ...(body.note ? { note: body.note } : {}),
        cells: body.cells.map(({ date, ...cell }) => ({ ...cell, ...(date ? { date } : {}) })),
      },
      { actor: actor(c), ...(department !== undefined ? { department } : {}) },
    );
    if (!r.ok) return problemResponse(c, r.problems) as never;
    return c.json(r.value as never, 200);
  });
  app.openapi(importRoute, async (c) => {
    const q = c.req.valid('query');
    // The body is bounded by the upload limit for actual values (upload-routes.ts), refused while read.
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    const r = await startActualsImport(c.get('ctx'), c.get('actor'), {
      bytes,
      file: q.file,
      ...(q.sheet ? { sheet: q.sheet } : {}),
      dryRun: q.dryRun === 'true',
      allowCorrections: q.allowCorrections === 'true',
    });
    if (!r.ok) return problemResponse(c, r.problems) as never;
    return c.json(r.value, 202);
  });
}

/** This file's routes, for the typed client (`ApiOf`, route-types.ts). */
export const indicatorRoutes = [
  listRoute,
  showRoute,
  progressRoute,
  recordRoute,
  correctRoute,
  importRoute,
  gridRoute,
] as const;
