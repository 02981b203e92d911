/**
 * Population: the public sees the 総人口 indicator's series (the plan's named
 * projections and each published scenario's newest run) and the target; the
 * planning division saves and runs scenarios.
 */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  actorLabel,
  listPopulationScenarios,
  populationIndicatorSeries,
  runPopulationScenario,
  savePopulationScenario,
} from '@mirai/app';
import type { PopulationSpec, Scenario } from '@mirai/core';
import type { ApiEnv } from '../api-env';
import { problemResponse } from '../error-mapper';
import { json, respond } from '../openapi-helpers';
import { withPolicy } from '../route-table';
import { errorSchema } from '../schemas';
import { populationRunSchema, populationScenarioSchema, populationSeriesSchema } from './surveys.schemas';

const anyJson = z.record(z.string(), z.unknown());
const denied = { 401: json(errorSchema, 'Sign-in required'), 403: json(errorSchema, 'Not allowed') };

const seriesRoute = withPolicy(
  'public',
  createRoute({
    method: 'get',
    path: '/api/v1/population/series',
    tags: ['population'],
    summary: 'Total-population series with their sources, and the target',
    responses: { 200: json(populationSeriesSchema, 'Series'), 404: json(errorSchema, 'No plan') },
  }),
);

const scenariosRoute = withPolicy(
  'population:read-scenarios',
  createRoute({
    method: 'get',
    path: '/api/v1/population/scenarios',
    tags: ['population'],
    summary: 'Stored scenarios',
    responses: { 200: json(z.array(populationScenarioSchema), 'Scenarios'), ...denied },
  }),
);

const saveRoute = withPolicy(
  'population:run',
  createRoute({
    method: 'post',
    path: '/api/v1/population/scenarios',
    tags: ['population'],
    summary: 'Save a scenario (base spec + levers + provenance) and run it',
    request: {
      body: {
        required: true,
        content: {
          'application/json': {
            schema: z.object({
              code: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/),
              name: z.string().min(1).max(200),
              description: z.string().max(2000).optional(),
              area: z.string().min(1).max(32),
              spec: anyJson,
              scenario: anyJson,
              provenance: z.object({ source: z.string().min(1), note: z.string().optional() }),
              sample: z.boolean().optional(),
              expectedVersion: z.number().int().positive().optional(),
            }),
          },
        },
      },
    },
    responses: {
      200: json(populationRunSchema, 'Saved and run'),
      ...denied,
      409: json(errorSchema, 'Stale version'),
      422: json(errorSchema, 'Invalid spec or scenario'),
    },
  }),
);

export function registerPopulation(app: OpenAPIHono<ApiEnv>) {
  app.openapi(seriesRoute, async (c) => {
    return respond(c, await populationIndicatorSeries(c.get('ctx')));
  });
  app.openapi(scenariosRoute, async (c) => {
    return respond(c, await listPopulationScenarios(c.get('ctx')));
  });
  app.openapi(saveRoute, async (c) => {
    const b = c.req.valid('json');
    const actor = actorLabel(c.get('actor'));
    const saved = await savePopulationScenario(
      c.get('ctx'),
      {
        code: b.code,
        name: b.name,
        area: b.area,
        spec: b.spec as unknown as PopulationSpec,
        scenario: b.scenario as unknown as Scenario,
        provenance: b.provenance.note
          ? { source: b.provenance.source, note: b.provenance.note }
          : { source: b.provenance.source },
        ...(b.description ? { description: b.description } : {}),
        ...(b.sample !== undefined ? { sample: b.sample } : {}),
        ...(b.expectedVersion !== undefined ? { expectedVersion: b.expectedVersion } : {}),
      },
      { actor },
    );
    if (!saved.ok) return problemResponse(c, saved.problems) as never;
    const run = await runPopulationScenario(c.get('ctx'), b.code, { actor });
    if (!run.ok) return problemResponse(c, run.problems) as never;
    return c.json(
      {
        ...saved.value,
        total: run.value.projection.total,
        annualTotal: run.value.projection.annualTotal,
      },
      200,
    );
  });
}

/** This file's routes, for the typed client (`ApiOf`, route-types.ts). */
export const populationRoutes = [seriesRoute, scenariosRoute, saveRoute] as const;
