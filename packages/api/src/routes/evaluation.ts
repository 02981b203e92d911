/**
 * Evaluation routes, rounds and reviews: open a round, its status (overdue
 * list, reminders), move it (close, reopen, publish, lock), theory findings,
 * the department workbooks (xlsx export and import with dry run), the CSV of
 * a round, the medium-term review and its conclusions. Sheet routes are in
 * `evaluation-sheets.ts`. Policies come from the accounts' policy table.
 */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  draftNextPhaseMeasures,
  exportRoundCsv,
  exportRoundWorkbooks,
  getRoundStatus,
  getTheoryFindings,
  openEvaluationRound,
  produceMediumTermReview,
  publishMediumTermReview,
  saveReviewConclusions,
  startWorkbookImport,
  transitionEvaluationRound,
} from '@mirai/app';
import { ok } from '@mirai/core';
import type { ApiEnv } from '../api-env';
import { problemResponse } from '../error-mapper';
import { file } from '../openapi-helpers';
import { withPolicy } from '../route-table';
import { errorSchema, jobStartedSchema } from '../schemas';
import {
  conclusionsBody,
  conclusionsSavedSchema,
  csvQuery,
  fyParam,
  importQuery,
  mediumTermReviewSchema,
  nextPhaseDraftSchema,
  openedRoundSchema,
  openRoundBody,
  publishReviewBody,
  reviewPublishedSchema,
  roundSchema,
  roundStatusSchema,
  roundTransitionBody,
  theoryFindingsSchema,
} from './evaluation.schemas';
import { errors, json, jsonBody, respondAsEvaluator } from './evaluation-helpers';
import { registerEvaluationSheets } from './evaluation-sheets';

const base = '/api/v1/evaluation';
const tags = ['evaluation'];

const openRoute = withPolicy(
  'evaluation:manage-round',
  createRoute({
    method: 'post',
    path: `${base}/rounds`,
    tags,
    summary: 'Open the round evaluating a fiscal year (scope, cascading due dates, a draft sheet per item)',
    request: { body: jsonBody(openRoundBody) },
    responses: { 201: json(openedRoundSchema, 'The round'), ...errors },
  }),
);

const statusRoute = withPolicy(
  'evaluation:read-sheet',
  createRoute({
    method: 'get',
    path: `${base}/rounds/{fy}`,
    tags,
    summary: 'A round with each sheet’s state, counts, the overdue list and today’s reminders',
    request: {
      params: fyParam,
      query: z.object({
        today: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/)
          .optional(),
      }),
    },
    responses: { 200: json(roundStatusSchema, 'Round status'), ...errors },
  }),
);

const transitionRoute = withPolicy(
  'evaluation:manage-round',
  createRoute({
    method: 'post',
    path: `${base}/rounds/{fy}/transitions`,
    tags,
    summary: 'Close, reopen, publish (with every sheet) or lock a round; names the version read',
    request: { params: fyParam, body: jsonBody(roundTransitionBody) },
    responses: { 200: json(roundSchema, 'The round after the move'), ...errors },
  }),
);

const theoryRoute = withPolicy(
  'evaluation:read-sheet',
  createRoute({
    method: 'get',
    path: `${base}/rounds/{fy}/theory`,
    tags,
    summary: 'Theory-of-change check per measure and the broken links across the plan',
    request: { params: fyParam },
    responses: { 200: json(theoryFindingsSchema, 'Findings'), ...errors },
  }),
);

const csvRoute = withPolicy(
  'evaluation:read-sheet',
  createRoute({
    method: 'get',
    path: `${base}/rounds/{fy}/sheets.csv`,
    tags,
    summary: 'The whole round as CSV (UTF-8 with BOM, or CP932) for analysis',
    request: { params: fyParam, query: csvQuery },
    responses: { 200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } }, ...errors },
  }),
);

const workbookRoute = withPolicy(
  'evaluation:read-sheet',
  createRoute({
    method: 'get',
    path: `${base}/rounds/{fy}/workbooks/{department}`,
    tags,
    summary: 'The xlsx workbook of one department’s sheets',
    request: { params: fyParam.extend({ department: z.string().min(1).max(100) }) },
    responses: {
      200: file('xlsx workbook', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'),
      ...errors,
    },
  }),
);

const importRoute = withPolicy(
  'evaluation:edit-sheet',
  createRoute({
    method: 'post',
    path: `${base}/workbooks`,
    tags,
    summary:
      'Import a filled workbook (dryRun=true only checks); all or nothing, every problem with its cell',
    request: {
      query: importQuery,
      body: {
        content: { 'application/octet-stream': { schema: { type: 'string', format: 'binary' } as never } },
        required: true,
      },
    },
    responses: {
      202: json(
        jobStartedSchema,
        'The import job started (GET /api/v1/jobs/{id}); its result: the sheets of the department changed (from and to version) and unchanged, or the problems with worksheet, row and column',
      ),
      413: json(errorSchema, 'Too large'),
      ...errors,
    },
  }),
);

const reviewRoute = withPolicy(
  'evaluation:read-sheet',
  createRoute({
    method: 'get',
    path: `${base}/reviews/{phase}`,
    tags,
    summary: 'The medium-term review of a phase from its stored rounds, with the recorded conclusions',
    request: { params: z.object({ phase: z.string().regex(/^[1-9]$/) }) },
    responses: { 200: json(mediumTermReviewSchema, 'Review'), ...errors },
  }),
);

const conclusionsRoute = withPolicy(
  'evaluation:manage-round',
  createRoute({
    method: 'put',
    path: `${base}/reviews/{phase}/conclusions`,
    tags,
    summary: 'Record the review’s conclusions per measure (expectedVersion 0 the first time)',
    request: { params: z.object({ phase: z.string().regex(/^[1-9]$/) }), body: jsonBody(conclusionsBody) },
    responses: { 200: json(conclusionsSavedSchema, 'Saved'), ...errors },
  }),
);

const publishReviewRoute = withPolicy(
  'evaluation:manage-round',
  createRoute({
    method: 'post',
    path: `${base}/reviews/{phase}/publish`,
    tags,
    summary:
      'Publish the review at the version read (every measure concluded); its conclusions are then final',
    request: { params: z.object({ phase: z.string().regex(/^[1-9]$/) }), body: jsonBody(publishReviewBody) },
    responses: { 200: json(reviewPublishedSchema, 'Published'), ...errors },
  }),
);

const draftRoute = withPolicy(
  'evaluation:read-sheet',
  createRoute({
    method: 'get',
    path: `${base}/reviews/{phase}/next-phase-draft`,
    tags,
    summary: 'The next phase’s draft measures from the current ones and the conclusions',
    request: { params: z.object({ phase: z.string().regex(/^[1-9]$/) }) },
    responses: { 200: json(nextPhaseDraftSchema, 'Draft'), ...errors },
  }),
);

const isoDay = (s: string | undefined) => {
  if (!s) return undefined;
  const [year, month, day] = s.split('-').map(Number) as [number, number, number];
  return { year, month, day };
};

export function registerEvaluation(app: OpenAPIHono<ApiEnv>) {
  app.openapi(openRoute, async (c) =>
    respondAsEvaluator(
      c,
      (actor) => openEvaluationRound(c.get('ctx'), { ...stripUndefined(c.req.valid('json')), actor }),
      201,
    ),
  );

  app.openapi(statusRoute, async (c) => {
    const today = isoDay(c.req.valid('query').today);
    return respondAsEvaluator(c, () =>
      getRoundStatus(c.get('ctx'), Number(c.req.valid('param').fy), today ? { today } : {}),
    );
  });

  app.openapi(transitionRoute, async (c) => {
    const body = c.req.valid('json');
    return respondAsEvaluator(c, (actor) =>
      transitionEvaluationRound(c.get('ctx'), {
        fiscalYear: Number(c.req.valid('param').fy),
        action: body.action,
        expectedVersion: body.expectedVersion,
        actor,
        ...(body.comment ? { comment: body.comment } : {}),
      }),
    );
  });

  app.openapi(theoryRoute, async (c) =>
    respondAsEvaluator(c, () => getTheoryFindings(c.get('ctx'), Number(c.req.valid('param').fy))),
  );

  app.openapi(csvRoute, async (c) => {
    const fy = Number(c.req.valid('param').fy);
    const encoding = c.req.valid('query').encoding ?? 'utf-8-bom';
    const r = await exportRoundCsv(c.get('ctx'), { fiscalYear: fy, encoding });
    if (!r.ok) return problemResponse(c, r.problems) as never;
    return c.body(new Uint8Array(r.value.bytes), 200, {
      'content-type': `text/csv; charset=${encoding === 'cp932' ? 'Shift_JIS' : 'utf-8'}`,
      'content-disposition': `attachment; filename="evaluation-${fy}.csv"`,
    }) as never;
  });

  app.openapi(workbookRoute, async (c) => {
    const { fy, department } = c.req.valid('param');
    const r = await exportRoundWorkbooks(c.get('ctx'), {
      fiscalYear: Number(fy),
      departmentCode: department,
    });
    if (!r.ok) return problemResponse(c, r.problems) as never;
    const book = r.value[0];
    if (!book)
      return c.json(
        {
          error: {
            code: 'evaluation/no-sheets',
            message: { ja: 'この課の評価シートはありません', en: 'No sheets for this department' },
          },
        },
        404,
      ) as never;
    return c.body(new Uint8Array(book.buffer), 200, {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="${book.fileName}"`,
    }) as never;
  });

  app.openapi(importRoute, async (c) => {
    const q = c.req.valid('query');
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    // Checked and stored by a background job (decisions 0098, 0099); outside the cycle: 403 at once.
    return respondAsEvaluator(
      c,
      (evaluator) =>
        startWorkbookImport(c.get('ctx'), c.get('actor'), evaluator, {
          file: q.file ?? 'upload.xlsx',
          bytes,
          dryRun: q.dryRun === 'true',
          ...(q.fy ? { fiscalYear: Number(q.fy) } : {}),
          ...(q.department ? { departmentCode: q.department } : {}),
        }),
      202,
    );
  });

  app.openapi(reviewRoute, async (c) =>
    respondAsEvaluator(c, () => produceMediumTermReview(c.get('ctx'), Number(c.req.valid('param').phase))),
  );

  app.openapi(conclusionsRoute, async (c) => {
    const body = c.req.valid('json');
    return respondAsEvaluator(c, (actor) =>
      saveReviewConclusions(c.get('ctx'), {
        phase: Number(c.req.valid('param').phase),
        conclusions: body.conclusions.map((x) => stripUndefined(x)),
        expectedVersion: body.expectedVersion,
        actor,
      }),
    );
  });

  app.openapi(publishReviewRoute, async (c) =>
    respondAsEvaluator(c, (actor) =>
      publishMediumTermReview(c.get('ctx'), {
        phase: Number(c.req.valid('param').phase),
        expectedVersion: c.req.valid('json').expectedVersion,
        actor,
      }),
    ),
  );

  app.openapi(draftRoute, async (c) =>
    respondAsEvaluator(c, async () => {
      const r = await draftNextPhaseMeasures(c.get('ctx'), Number(c.req.valid('param').phase));
      return r.ok ? ok({ ...r.value, status: 'draft' as const }, r.warnings) : r;
    }),
  );

  registerEvaluationSheets(app);
}

/** zod leaves absent optionals as undefined keys; exactOptionalPropertyTypes wants them gone. */
export function stripUndefined<T extends object>(o: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as never;
}

/** This file's routes, for the typed client (`ApiOf`, route-types.ts). */
export const evaluationRoutes = [
  openRoute,
  statusRoute,
  transitionRoute,
  theoryRoute,
  csvRoute,
  workbookRoute,
  importRoute,
  reviewRoute,
  conclusionsRoute,
  publishReviewRoute,
  draftRoute,
] as const;
