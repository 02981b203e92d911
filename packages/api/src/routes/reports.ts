/**
 * Reports: staff start a render as a background job (follow it at
 * /api/v1/jobs/{id}, then download the file it stored); the public reads the
 * annual report of a published round as HTML or xlsx, rendered on request from
 * the database. Its PDF is never rendered for a request (that starts a browser): the
 * publication queues the render, and the public reads the file that job stored.
 */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  publishedAnnualPdf,
  publishedReviewReport,
  type RenderedReport,
  readReportFile,
  renderPublishedAnnualReport,
  startReportRender,
} from '@mirai/app';
import type { Result } from '@mirai/core';
import type { Context } from 'hono';
import type { ApiEnv } from '../api-env';
import { problemResponse } from '../error-mapper';
import { file, json, jsonBody } from '../openapi-helpers';
import { withPolicy } from '../route-table';
import { errorSchema, jobStartedSchema } from '../schemas';

const errors = {
  401: json(errorSchema, 'Sign-in required'),
  403: json(errorSchema, 'Not allowed'),
  404: json(errorSchema, 'No such round, review or file'),
  422: json(errorSchema, 'Invalid input'),
};

const renderBody = z
  .object({
    report: z.enum(['annual', 'review']),
    /** The evaluated fiscal year (annual) or the phase number (review). */
    subject: z.number().int().min(1).max(9998),
    format: z.enum(['html', 'pdf', 'xlsx']),
  })
  .strict();

const startRoute = withPolicy(
  'reports:render',
  createRoute({
    method: 'post',
    path: '/api/v1/reports',
    tags: ['reports'],
    summary: 'Render a report as a background job; answers the job to follow',
    request: { body: jsonBody(renderBody) },
    responses: { 202: json(jobStartedSchema, 'The job started'), ...errors },
  }),
);

const fileRoute = withPolicy(
  'evaluation:read-sheet',
  createRoute({
    method: 'get',
    path: '/api/v1/reports/files/{id}',
    tags: ['reports'],
    summary: 'A rendered report file (PDF, xlsx or HTML)',
    request: { params: z.object({ id: z.string().uuid() }) },
    responses: {
      200: file(
        'The report file',
        'application/pdf',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'text/html',
      ),
      ...errors,
    },
  }),
);

const publicRoute = withPolicy(
  'public',
  createRoute({
    method: 'get',
    path: '/api/v1/evaluation/{fy}/report',
    tags: ['reports'],
    summary:
      'The annual evaluation report of a published round (HTML or xlsx rendered on request; PDF as rendered at publication)',
    request: {
      params: z.object({ fy: z.string().regex(/^[0-9]{4}$/) }),
      query: z.object({ format: z.enum(['html', 'xlsx', 'pdf']).optional() }),
    },
    responses: {
      200: file(
        'The report',
        'text/html',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'application/pdf',
      ),
      404: json(errorSchema, 'Not published, or its PDF is still being prepared'),
      422: errors[422],
    },
  }),
);

const publicReviewRoute = withPolicy(
  'public',
  createRoute({
    method: 'get',
    path: '/api/v1/evaluation/reviews/{phase}/report',
    tags: ['reports'],
    summary: 'The report of a published medium-term review (HTML or xlsx), as stored at its publication',
    request: {
      params: z.object({ phase: z.string().regex(/^[1-9]$/) }),
      query: z.object({ format: z.enum(['html', 'xlsx']).optional() }),
    },
    responses: {
      200: file(
        'The report',
        'text/html',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      ),
      404: json(errorSchema, 'Not published'),
      422: errors[422],
    },
  }),
);

/** `attachment; filename="…"` with an ASCII fallback and the real (Japanese) name as RFC 5987 `filename*`. */
function contentDisposition(kind: 'inline' | 'attachment', fileName: string, fallback: string): string {
  if (/^[\x20-\x7e]*$/.test(fileName) && !/["\\]/.test(fileName)) return `${kind}; filename="${fileName}"`;
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

function sendFile(c: Context, r: Result<RenderedReport>, inline: boolean, fallback = 'report') {
  if (!r.ok) return problemResponse(c, r.problems) as never;
  return c.body(new Uint8Array(r.value.body), 200, {
    'content-type': r.value.contentType,
    'content-disposition': contentDisposition(inline ? 'inline' : 'attachment', r.value.fileName, fallback),
  }) as never;
}

export function registerReports(app: OpenAPIHono<ApiEnv>) {
  app.openapi(startRoute, async (c) => {
    const r = await startReportRender(c.get('ctx'), c.get('actor'), c.req.valid('json'));
    if (!r.ok) return problemResponse(c, r.problems) as never;
    return c.json(r.value, 202);
  });
  app.openapi(fileRoute, async (c) =>
    sendFile(c, await readReportFile(c.get('ctx'), c.get('actor'), c.req.valid('param').id), false),
  );
  app.openapi(publicRoute, async (c) => {
    const format = c.req.valid('query').format ?? 'html';
    const fiscalYear = Number(c.req.valid('param').fy);
    if (format === 'pdf')
      return sendFile(
        c,
        await publishedAnnualPdf(c.get('ctx'), fiscalYear),
        true,
        `annual-report-${fiscalYear}.pdf`,
      );
    const r = await renderPublishedAnnualReport(c.get('ctx'), { fiscalYear, format });
    return sendFile(c, r, format === 'html');
  });
  app.openapi(publicReviewRoute, async (c) => {
    const format = c.req.valid('query').format ?? 'html';
    const phase = Number(c.req.valid('param').phase);
    const r = await publishedReviewReport(c.get('ctx'), phase, format);
    return sendFile(c, r, format === 'html', `review-report-phase${phase}.${format}`);
  });
}

/** This file's routes, for the typed client (`ApiOf`, route-types.ts). */
export const reportRoutes = [startRoute, fileRoute, publicRoute, publicReviewRoute] as const;
