/**
 * Population: the public sees the 総人口 indicator's series (the plan's named
 * projections and each published scenario's newest run) and the target; the
 * planning division saves and runs scenarios.
 */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  actorLabel,
  type DatasetKind,
  datasetKinds,
  importDataset,
  listDatasetSummaries,
  listPopulationScenarios,
  populationIndicatorSeries,
  runPopulationScenario,
  savePopulationScenario,
} from '@mirai/app';
import { checkTextTree, type PopulationSpec, type Scenario } from '@mirai/core';
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

const datasetSummarySchema = z.object({
  code: z.string(),
  kind: z.string(),
  title: z.object({ ja: z.string(), en: z.string().optional() }),
  source: z.string(),
  sample: z.boolean(),
  fileName: z.string(),
  version: z.number(),
  rows: z.number(),
  createdAt: z.string(),
});

/** The import form: its constraints answer the catalogued invalid-request problem (createApi's hook). */
const datasetForm = z.object({
  file: z.instanceof(File).openapi({ type: 'string', format: 'binary' }),
  kind: z.enum(Object.keys(datasetKinds) as [DatasetKind, ...DatasetKind[]]),
  code: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/),
  titleJa: z.string().trim().min(1).max(200),
  titleEn: z.string().trim().max(200).optional(),
  source: z.string().trim().min(1).max(500),
  layout: z.enum(['auto', 'tidy', 'estat']).default('auto'),
  sample: z.string().optional(),
  dryRun: z.string().optional(),
});

const datasetsRoute = withPolicy(
  'population:import-data',
  createRoute({
    method: 'get',
    path: '/api/v1/staff/population/datasets',
    tags: ['population'],
    summary:
      "The municipality's stored statistical data sets (census, projections, districts), newest versions",
    responses: { 200: json(z.array(datasetSummarySchema), 'Data sets'), ...denied },
  }),
);

const importDatasetRoute = withPolicy(
  'population:import-data',
  createRoute({
    method: 'post',
    path: '/api/v1/staff/population/datasets',
    tags: ['population'],
    summary:
      'Import a census or projection table (multipart: `file` CSV in UTF-8 or Shift_JIS, or xlsx; `kind`, `code`, `titleJa`, `titleEn`, `source`, `layout` auto|tidy|estat, `sample`, `dryRun`): every row checked (file, row, column), all or nothing, the next version, audited',
    request: {
      body: {
        required: true,
        content: {
          'multipart/form-data': {
            schema: datasetForm,
          },
        },
      },
    },
    responses: {
      200: json(
        z.object({ code: z.string(), version: z.number(), rows: z.number(), municipalityCode: z.string() }),
        'Imported (version 0 and nothing stored on a dry run)',
      ),
      ...denied,
      413: json(errorSchema, 'File too large'),
      422: json(errorSchema, 'Problems in the form or the table (file, row, column)'),
    },
  }),
);

export function registerPopulation(app: OpenAPIHono<ApiEnv>) {
  app.openapi(datasetsRoute, async (c) => respond(c, await listDatasetSummaries(c.get('ctx'))));
  app.openapi(importDatasetRoute, async (c) => {
    const f = c.req.valid('form');
    // Multipart text is not seen by the JSON text guard: the same check here.
    const text = checkTextTree({
      code: f.code,
      titleJa: f.titleJa,
      titleEn: f.titleEn ?? '',
      source: f.source,
    });
    if (text.length > 0) return problemResponse(c, text) as never;
    const r = await importDataset(
      c.get('ctx'),
      {
        file: f.file.name,
        bytes: new Uint8Array(await f.file.arrayBuffer()),
        kind: f.kind,
        code: f.code,
        title: { ja: f.titleJa, ...(f.titleEn ? { en: f.titleEn } : {}) },
        source: f.source,
        sample: f.sample === 'true',
        layout: f.layout,
      },
      { actor: actorLabel(c.get('actor')), dryRun: f.dryRun === 'true' },
    );
    return respond(c, r);
  });
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
export const populationRoutes = [
  seriesRoute,
  scenariosRoute,
  saveRoute,
  datasetsRoute,
  importDatasetRoute,
] as const;
