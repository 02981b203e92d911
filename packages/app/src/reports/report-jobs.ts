/**
 * Reports rendered as background jobs: starting one answers a job id at once;
 * the job renders (progress as it goes), stores the file and answers its id,
 * which the starter downloads. Reading a stored file needs the same right as
 * reading the sheets; the public reads a published round's report directly.
 */
import { fail, ok, type Result } from '@mirai/core';
import { findReportFile, findRound, insertReportFile } from '@mirai/db';
import type { Actor } from '../auth/actor';
import { authorize } from '../auth/authorize';
import type { AppContext } from '../context';
import { loadPlan } from '../evaluation/round-context';
import type { JobKind } from '../jobs/job-queue';
import type { RenderedReport } from './render-report';
import { reportProblems } from './report-problems';

export const reportJobKind = 'report.render';

export interface ReportJobPayload {
  report: 'annual' | 'review';
  /** The fiscal year (annual) or the phase (review). */
  subject: number;
  format: 'html' | 'pdf' | 'xlsx';
  actor: string;
  userId: number | null;
}

export function reportJob(
  ctx: AppContext,
): JobKind<ReportJobPayload, { fileId: string; fileName: string; bytes: number }> {
  return {
    kind: reportJobKind,
    handler: async (p, job) => {
      const onProgress = (s: number) => void job.progress(s, '報告書を作成しています / rendering');
      // Rendering (Excel, charts, Chromium) is loaded when a report is made, not with the context.
      const { renderAnnualReport, renderReviewReport } = await import('./render-report');
      const r =
        p.report === 'annual'
          ? await renderAnnualReport(ctx, { fiscalYear: p.subject, format: p.format, onProgress })
          : await renderReviewReport(ctx, { phase: p.subject, format: p.format, onProgress });
      if (!r.ok) return r;
      const fileId = await insertReportFile(ctx.database.db, {
        report: p.report,
        subject: p.subject,
        format: p.format,
        fileName: r.value.fileName,
        contentType: r.value.contentType,
        content: r.value.body,
        createdBy: p.actor,
        userId: p.userId,
      });
      await job.progress(1, '完了 / done');
      return ok({ fileId, fileName: r.value.fileName, bytes: r.value.body.length });
    },
  };
}

const actorLabel = (a: Actor) => (a.kind === 'user' ? `user:${a.login}` : 'system');

/** Starts rendering a report; answers the job to follow (GET /api/v1/jobs/{id}). */
export async function startReportRender(
  ctx: AppContext,
  actor: Actor,
  req: { report: 'annual' | 'review'; subject: number; format: 'html' | 'pdf' | 'xlsx' },
): Promise<Result<{ jobId: string }>> {
  const allowed = authorize(actor, 'reports:render');
  if (!allowed.ok) return allowed;
  const userId = actor.kind === 'user' ? actor.userId : null;
  const payload: ReportJobPayload = { ...req, actor: actorLabel(actor), userId };
  const jobId = await ctx.jobs.enqueue(reportJobKind, payload, { actor: payload.actor, userId });
  return ok({ jobId });
}

/** A stored report file, for staff who may read the sheets. */
export async function readReportFile(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<Result<RenderedReport>> {
  const allowed = authorize(actor, 'evaluation:read-sheet');
  if (!allowed.ok) return allowed;
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const row = uuid.test(id) ? await findReportFile(ctx.database.db, id) : undefined;
  if (!row) return fail(reportProblems.fileNotFound.create({ id }, { field: 'id' }));
  return ok({ fileName: row.file_name, contentType: row.content_type, body: Buffer.from(row.content) });
}

/** The annual report of a published (or locked) round, for anyone; other rounds do not exist to the public. */
export async function renderPublishedAnnualReport(
  ctx: AppContext,
  req: { fiscalYear: number; format: string },
): Promise<Result<RenderedReport>> {
  if (!['html', 'xlsx'].includes(req.format))
    return fail(reportProblems.formatUnknown.create({ format: req.format }, { field: 'format' }));
  const plan = await loadPlan(ctx);
  if (!plan.ok) return plan;
  const round = await findRound(ctx.database.db, plan.value.id, req.fiscalYear);
  if (!round || !['published', 'locked'].includes(round.state))
    return fail(reportProblems.notPublished.create({ fiscalYear: req.fiscalYear }, { field: 'fiscalYear' }));
  const { renderAnnualReport } = await import('./render-report');
  return renderAnnualReport(ctx, req);
}
