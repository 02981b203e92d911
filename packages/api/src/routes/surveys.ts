/**
 * Survey waves: the public sees published waves and their tables (small cells
 * suppressed); the planning division imports responses and publishes.
 */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  actorLabel,
  importSurveyWave,
  listPublishedSurveyWaves,
  listSurveyWaves,
  publishedSurveyWaveTable,
  publishSurveyWave,
  readTableBytes,
  type Table,
} from '@mirai/app';
import type { ApiEnv } from '../api-env';
import { problemResponse } from '../error-mapper';
import { json, respond } from '../openapi-helpers';
import { withPolicy } from '../route-table';
import { errorSchema } from '../schemas';
import {
  surveyImportResultSchema,
  surveyPublishResultSchema,
  surveyWaveSchema,
  surveyWaveTableSchema,
} from './surveys.schemas';

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
      'Import a wave: multipart form with `responses` (CSV/XLSX), optional `population`, and `meta` (JSON)',
    request: {
      body: {
        required: true,
        content: {
          'multipart/form-data': {
            schema: z.object({
              responses: z.any().openapi({ type: 'string', format: 'binary' }),
              population: z.any().optional().openapi({ type: 'string', format: 'binary' }),
              meta: z
                .string()
                .openapi({ description: 'JSON: code, title, questions, attributes, calibration…' }),
              dryRun: z.string().optional(),
            }),
          },
        },
      },
    },
    responses: {
      200: json(surveyImportResultSchema, 'Imported (or checked, with dryRun)'),
      401: json(errorSchema, 'Sign-in required'),
      403: json(errorSchema, 'Not allowed'),
      409: json(errorSchema, 'Wave exists'),
      422: json(errorSchema, 'Problems in the files'),
    },
  }),
);

const metaSchema = z.object({
  code: z.string().min(1).max(64),
  title: z.string().min(1).max(200),
  fieldworkStart: z.string().max(10).optional(),
  fieldworkEnd: z.string().max(10).optional(),
  samplingFrame: z.string().max(200).optional(),
  invitations: z.number().int().nonnegative().optional(),
  questions: z
    .array(
      z.object({
        code: z.string().min(1).max(64),
        wording: z.object({ ja: z.string(), en: z.string().optional() }),
        scale: z.object({ min: z.number(), max: z.number() }),
        indicator: z.string().optional(),
      }),
    )
    .min(1),
  attributes: z.array(z.string().min(1)).max(20),
  weightColumn: z.string().optional(),
  calibration: z
    .object({ poststratify: z.array(z.string()).optional(), rake: z.array(z.string()).optional() })
    .optional(),
});

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
      meta: string;
      dryRun?: string;
    };
    const metaJson = safeJson(form.meta);
    const meta = metaSchema.safeParse(metaJson);
    if (!meta.success || !(form.responses instanceof File)) {
      return problemResponse(c, [
        {
          code: 'request/invalid',
          kind: 'invalid',
          message: {
            ja: 'リクエストの内容が正しくありません（responses と meta が必要です）',
            en: 'Invalid request (responses and meta are required)',
          },
          details: {
            issues: meta.success
              ? []
              : meta.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
          },
        },
      ]) as never;
    }
    const responses = await readTableBytes(
      new Uint8Array(await form.responses.arrayBuffer()),
      form.responses.name,
    );
    if (!responses.ok) return problemResponse(c, responses.problems) as never;
    let populationTable: Table | undefined;
    if (form.population instanceof File) {
      const p = await readTableBytes(
        new Uint8Array(await form.population.arrayBuffer()),
        form.population.name,
      );
      if (!p.ok) return problemResponse(c, p.problems) as never;
      populationTable = p.value;
    }
    const m = meta.data;
    const r = await importSurveyWave(
      c.get('ctx'),
      {
        code: m.code,
        title: m.title,
        questions: m.questions.map((q) => ({
          code: q.code,
          wording: q.wording.en ? { ja: q.wording.ja, en: q.wording.en } : { ja: q.wording.ja },
          scale: q.scale,
          ...(q.indicator ? { indicator: q.indicator } : {}),
        })),
        attributes: m.attributes,
        responses: responses.value,
        ...(m.fieldworkStart ? { fieldworkStart: m.fieldworkStart } : {}),
        ...(m.fieldworkEnd ? { fieldworkEnd: m.fieldworkEnd } : {}),
        ...(m.samplingFrame ? { samplingFrame: m.samplingFrame } : {}),
        ...(m.invitations !== undefined ? { invitations: m.invitations } : {}),
        ...(m.weightColumn ? { weightColumn: m.weightColumn } : {}),
        ...(m.calibration ? { calibration: m.calibration } : {}),
        ...(populationTable ? { populationTable } : {}),
      },
      { actor: actorLabel(c.get('actor')), dryRun: form.dryRun === 'true' },
    );
    if (!r.ok) return problemResponse(c, r.problems) as never;
    return c.json(r.value, 200);
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
