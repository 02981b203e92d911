/**
 * Survey waves: the public sees published waves and their tables (small cells
 * suppressed); the planning division imports responses and publishes.
 */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  actorLabel,
  listPublishedSurveyWaves,
  listSurveyWaves,
  parseWaveDescription,
  publishedSurveyWaveTable,
  publishSurveyWave,
  startSurveyWaveImport,
  validateWaveDescription,
} from '@mirai/app';
import type { ApiEnv } from '../api-env';
import { problemResponse } from '../error-mapper';
import { json, respond } from '../openapi-helpers';
import { withPolicy } from '../route-table';
import { errorSchema, jobStartedSchema } from '../schemas';
import { surveyPublishResultSchema, surveyWaveSchema, surveyWaveTableSchema } from './surveys.schemas';

const waveParam = z.object({ code: z.string().min(1).max(64).openapi({ example: '2022-12' }) });

const publishedList = withPolicy(
  'public',
  createRoute({
    method: 'get',
    path: '/api/v1/surveys/waves',
    tags: ['survey'],
    summary: 'Published survey waves',
    responses: { 200: json(z.array(surveyWaveSchema), 'Published waves') },
  }),
);

const allList = withPolicy(
  'survey:read-results',
  createRoute({
    method: 'get',
    path: '/api/v1/staff/surveys/waves',
    tags: ['survey'],
    summary: 'All survey waves, drafts included',
    responses: {
      200: json(z.array(surveyWaveSchema), 'Waves'),
      401: json(errorSchema, 'Sign-in required'),
      403: json(errorSchema, 'Not allowed'),
    },
  }),
);

const tableRoute = withPolicy(
  'public',
  createRoute({
    method: 'get',
    path: '/api/v1/surveys/waves/{code}/table',
    tags: ['survey'],
    summary: "The plan's table of a published wave: shares and mean by group, calibrated overall",
    request: {
      params: waveParam,
      query: z.object({ group: z.string().max(64).optional(), question: z.string().max(64).optional() }),
    },
    responses: {
      200: json(surveyWaveTableSchema, 'The table'),
      404: json(errorSchema, 'No such published wave'),
    },
  }),
);

const importRoute = withPolicy(
  'survey:import',
  createRoute({
    method: 'post',
    path: '/api/v1/surveys/waves',
    tags: ['survey'],
    summary:
      'Import a wave: multipart form with `responses` (CSV/XLSX), optional `population`, and `meta` (JSON) or a `description` file (YAML/JSON)',
    request: {
      body: {
        required: true,
        content: {
          'multipart/form-data': {
            schema: z.object({
              responses: z.any().openapi({ type: 'string', format: 'binary' }),
              population: z.any().optional().openapi({ type: 'string', format: 'binary' }),
              meta: z.string().optional().openapi({
                description: 'JSON: code, title, questions, attributes, calibration… (or send `description`)',
              }),
              description: z.any().optional().openapi({
                type: 'string',
                format: 'binary',
                description: 'The wave description as a YAML/JSON file (several questions), instead of meta',
              }),
              dryRun: z.string().optional(),
            }),
          },
        },
      },
    },
    responses: {
      202: json(
        jobStartedSchema,
        'The import job started (GET /api/v1/jobs/{id}); its result: the wave stored (code, respondents), or its problems; a wave that exists is a conflict among its problems',
      ),
      401: json(errorSchema, 'Sign-in required'),
      403: json(errorSchema, 'Not allowed'),
      422: json(errorSchema, 'Problems in the description or the form'),
    },
  }),
);

const publishRoute = withPolicy(
  'survey:import',
  createRoute({
    method: 'post',
    path: '/api/v1/surveys/waves/{code}/publish',
    tags: ['survey'],
    summary: 'Publish a wave; optionally record its estimate as the indicator’s actual for a fiscal year',
    request: {
      params: waveParam,
      body: {
        required: true,
        content: {
          'application/json': {
            schema: z.object({
              expectedVersion: z.number().int().positive(),
              recordFiscalYear: z.number().int().optional(),
            }),
          },
        },
      },
    },
    responses: {
      200: json(surveyPublishResultSchema, 'Published'),
      401: json(errorSchema, 'Sign-in required'),
      403: json(errorSchema, 'Not allowed'),
      404: json(errorSchema, 'No such wave'),
      409: json(errorSchema, 'Stale version'),
    },
  }),
);

export function registerSurveys(app: OpenAPIHono<ApiEnv>) {
  app.openapi(publishedList, async (c) => {
    return respond(c, await listPublishedSurveyWaves(c.get('ctx')));
  });
  app.openapi(allList, async (c) => {
    return respond(c, await listSurveyWaves(c.get('ctx')));
  });
  app.openapi(tableRoute, async (c) => {
    const q = c.req.valid('query');
    const r = await publishedSurveyWaveTable(c.get('ctx'), c.req.valid('param').code, {
      ...(q.group ? { group: q.group } : {}),
      ...(q.question ? { question: q.question } : {}),
    });
    if (!r.ok) return problemResponse(c, r.problems) as never;
    return c.json(r.value, 200);
  });
  app.openapi(importRoute, async (c) => {
    const form = c.req.valid('form') as {
      responses: unknown;
      population?: unknown;
      meta?: string;
      description?: unknown;
      dryRun?: string;
    };
    if (
      !(form.responses instanceof File) ||
      (form.meta === undefined && !(form.description instanceof File))
    ) {
      return problemResponse(c, [
        {
          code: 'request/invalid',
          kind: 'invalid',
          message: {
            ja: 'リクエストの内容が正しくありません（responses と、meta または description が必要です）',
            en: 'Invalid request (responses and either meta or description are required)',
          },
        },
      ]) as never;
    }
    // One schema and one set of checks for the form's meta, a description file and the CLI.
    const meta =
      form.description instanceof File
        ? parseWaveDescription(await form.description.text(), form.description.name)
        : validateWaveDescription(safeJson(form.meta ?? ''));
    if (!meta.ok) return problemResponse(c, meta.problems) as never;
    // The tables are read, checked and stored by a background job (decisions 0098, 0099).
    const population = form.population instanceof File ? form.population : undefined;
    const r = await startSurveyWaveImport(c.get('ctx'), c.get('actor'), {
      description: meta.value,
      responses: { name: form.responses.name, bytes: new Uint8Array(await form.responses.arrayBuffer()) },
      ...(population
        ? { population: { name: population.name, bytes: new Uint8Array(await population.arrayBuffer()) } }
        : {}),
      dryRun: form.dryRun === 'true',
    });
    if (!r.ok) return problemResponse(c, r.problems) as never;
    return c.json(r.value, 202);
  });
  app.openapi(publishRoute, async (c) => {
    const { code } = c.req.valid('param');
    const body = c.req.valid('json');
    const actor = actorLabel(c.get('actor'));
    // One use case checks everything (the version, the estimate, the fiscal year) before it writes.
    const r = await publishSurveyWave(c.get('ctx'), code, {
      actor,
      expectedVersion: body.expectedVersion,
      ...(body.recordFiscalYear !== undefined ? { recordFiscalYear: body.recordFiscalYear } : {}),
    });
    if (!r.ok) return problemResponse(c, r.problems) as never;
    return c.json(r.value, 200);
  });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** This file's routes, for the typed client (`ApiOf`, route-types.ts). */
export const surveyRoutes = [publishedList, allList, tableRoute, importRoute, publishRoute] as const;
