/**
 * Reports rendered as background jobs: starting one answers a job id at once;
 * the job renders (progress as it goes), stores the file and answers its id,
 * which the starter downloads. Reading a stored file needs the same right as
 * reading the sheets; the public reads a published round's report directly.
 */
import { fail, formatFiscalYear, ok, type Result } from '@mirai/core';
import {
  audit,
  findNewestReportFile,
  findReportFile,
  findRound,
  globally,
  hasNewestReportFile,
  hasUnfinishedJob,
  insertReportFile,
  lastAuditedAt,
  listMunicipalities,
  listRounds,
  municipalitiesWithPublishedRounds,
  withMunicipality,
} from '@mirai/db';
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
      // The publication's render stores its file only if the round is still published as it was.
      if (p.actor === publicationActor && !(await isPublished(ctx, p.subject)))
        return fail(reportProblems.notPublished.create({ fiscalYear: p.subject }, { field: 'fiscalYear' }));
      // Stored and audited together: the audit entry is also what tells the public answer cache
      // that /evaluation changed (its PDF link).
      const fileId = await ctx.database.db.transaction().execute(async (tx) => {
        const id = await insertReportFile(tx, {
          report: p.report,
          subject: p.subject,
          format: p.format,
          fileName: r.value.fileName,
          contentType: r.value.contentType,
          content: r.value.body,
          createdBy: p.actor,
          userId: p.userId,
        });
        await audit(tx, {
          actor: p.actor,
          action: 'report.file.store',
          entityType: 'report_file',
          entityId: id,
          after: { report: p.report, subject: p.subject, format: p.format, bytes: r.value.body.length },
        });
        return id;
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

/**
 * The audit label of the render a round's publication starts: only its files are served to the
 * public, so that a PDF a staff member made (perhaps of sheets not yet published) never is. A
 * published review's report files carry it too (decision 0149).
 */
export const publicationActor = 'system:publication';

/** When the round of a fiscal year was published, if it is published (or locked). */
async function publishedAt(ctx: AppContext, fiscalYear: number): Promise<Date | undefined> {
  const plan = await loadPlan(ctx);
  if (!plan.ok) return undefined;
  const round = await findRound(ctx.database.db, plan.value.id, fiscalYear);
  if (!round || !['published', 'locked'].includes(round.state)) return undefined;
  return lastAuditedAt(ctx.database.db, 'evaluation.round.publish', round.id);
}

const isPublished = async (ctx: AppContext, fiscalYear: number) =>
  (await publishedAt(ctx, fiscalYear)) !== undefined;

/**
 * Queues the annual report PDF of a round just published (called after the publication
 * committed): Chromium runs in the background job, never for an anonymous request.
 */
export async function enqueuePublicationRender(ctx: AppContext, fiscalYear: number): Promise<string> {
  const payload: ReportJobPayload = {
    report: 'annual',
    subject: fiscalYear,
    format: 'pdf',
    actor: publicationActor,
    userId: null,
  };
  return ctx.jobs.enqueue(reportJobKind, payload, { actor: publicationActor, userId: null });
}

/**
 * Queues again the publication render of every published round whose PDF is neither stored nor
 * queued (its render failed, or the process stopped before it was queued); the server calls it at
 * start for each municipality, so a public PDF is never missing for good. Answers the fiscal years.
 */
export async function resumePublicationRenders(ctx: AppContext): Promise<number[]> {
  const plan = await loadPlan(ctx);
  if (!plan.ok) return [];
  const published = (await listRounds(ctx.database.db, plan.value.id)).filter((r) =>
    ['published', 'locked'].includes(r.state),
  );
  const queued: number[] = [];
  for (const { fiscalYear } of published) {
    if ((await publishedAnnualPdfState(ctx, fiscalYear)) === 'ready') continue;
    const match = { report: 'annual', subject: fiscalYear, format: 'pdf', actor: publicationActor };
    if (await hasUnfinishedJob(ctx.database.db, reportJobKind, match)) continue;
    await enqueuePublicationRender(ctx, fiscalYear);
    queued.push(fiscalYear);
  }
  return queued;
}

/**
 * The same for every municipality of the deployment, each bound to its own (decision 0135). Only
 * municipalities with a published round can miss a public PDF; they are found in one query, so a
 * start with 1,741 municipalities reads no plan of the others (decision 0153).
 */
export async function resumePublicationRendersEverywhere(ctx: AppContext): Promise<Record<string, number[]>> {
  const out: Record<string, number[]> = {};
  const db = ctx.database.db;
  const withRounds = new Set(await globally(() => municipalitiesWithPublishedRounds(db)));
  for (const m of await listMunicipalities(db)) {
    if (!withRounds.has(m.code)) continue;
    const fys = await withMunicipality(m.code, () => resumePublicationRenders(ctx));
    if (fys.length > 0) out[m.code] = fys;
  }
  return out;
}

/** The public annual PDF of a fiscal year: the publication's render, if the round is published. */
export async function publishedAnnualPdf(
  ctx: AppContext,
  fiscalYear: number,
): Promise<Result<RenderedReport>> {
  const since = await publishedAt(ctx, fiscalYear);
  if (!since) return fail(reportProblems.notPublished.create({ fiscalYear }, { field: 'fiscalYear' }));
  const row = await findNewestReportFile(ctx.database.db, {
    report: 'annual',
    subject: fiscalYear,
    format: 'pdf',
    createdBy: publicationActor,
    since,
  });
  if (!row) return fail(reportProblems.pdfPending.create({ fiscalYear }, { field: 'fiscalYear' }));
  // A Japanese name for the citizen who saves it (sent RFC 5987-encoded, with an ASCII fallback).
  const fileName = `行政評価結果報告書_${formatFiscalYear(fiscalYear)}.pdf`;
  return ok({ fileName, contentType: 'application/pdf', body: Buffer.from(row.content) });
}

/** Whether the public annual PDF of a published fiscal year is stored ('ready') or still being made. */
export async function publishedAnnualPdfState(
  ctx: AppContext,
  fiscalYear: number,
): Promise<'ready' | 'pending'> {
  const since = await publishedAt(ctx, fiscalYear);
  if (!since) return 'pending';
  const q = {
    report: 'annual',
    subject: fiscalYear,
    format: 'pdf',
    createdBy: publicationActor,
    since,
  } as const;
  return (await hasNewestReportFile(ctx.database.db, q)) ? 'ready' : 'pending';
}
