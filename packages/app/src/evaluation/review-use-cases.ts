/**
 * The theory-of-change findings of a round (per measure, and the broken links
 * across the plan) and the medium-term review of a phase built from the
 * stored rounds: a digest per evaluated year, the review with its recorded
 * conclusions, and the draft of the next phase's measures.
 */
import {
  type Actor,
  brokenLinks,
  buildMediumTermReview,
  computeProjectCost,
  type DigestInput,
  digestRound,
  draftNextPhase,
  evaluationProblems,
  fail,
  joinIndicatorRows,
  type LinkFinding,
  levelNamesOf,
  ok,
  type Problem,
  phaseLabel,
  type Result,
  type ReviewConclusion,
  type RoundDigest,
  theoryCheck,
} from '@mirai/core';
import {
  audit,
  findNewestReportFile,
  findReview,
  insertReportFile,
  listPublishedReviews,
  listRounds,
  listSheets,
  publishReview,
  type StoredPlan,
  type StoredRound,
  saveReview,
} from '@mirai/db';
import type { AppContext } from '../context';
import { publicationActor } from '../reports/report-jobs';
import { evaluationAppProblems as A } from './evaluation-app-problems';
import { loadEvaluationFigures } from './evaluation-figures';
import { logicModelOf, projectsOfYear } from './plan-sources';
import { requirePlanningDivision } from './planning-division-role';
import { loadPlan, loadRound } from './round-context';

/** Per measure sheet of the round: the logic model's links with movement, suggestion and finding; and the plan-wide broken links. */
export async function getTheoryFindings(ctx: AppContext, fiscalYear: number) {
  const loaded = await loadRound(ctx, fiscalYear);
  if (!loaded.ok) return loaded;
  const { plan, round } = loaded.value;
  const doc = plan.document;
  const sheets = (await listSheets(ctx.database.db, round.id)).filter((s) => s.kind === 'measure');
  const { movements } = await loadEvaluationFigures(ctx, plan.id, doc.indicators, fiscalYear);
  const projects = projectsOfYear(doc, fiscalYear);
  const findings = new Map<string, LinkFinding[]>();
  const models = sheets.flatMap((s) => {
    const measure = doc.measures.find((m) => m.code === s.code);
    if (!measure || s.content.kind !== 'measure') return [];
    findings.set(s.code, s.content.theoryFindings);
    return [logicModelOf(doc, measure, projects)];
  });
  return ok({
    fiscalYear,
    measures: models.map((m) => ({
      measureCode: m.measureCode,
      rows: theoryCheck(m, movements, findings.get(m.measureCode)),
    })),
    brokenLinks: brokenLinks(models, findings, movements),
  });
}

const reviewedStates = new Set(['approved', 'reviewed', 'seen', 'published']);

/** The digest of one stored round: sheets approved or further only (a draft is not a result). */
export async function digestStoredRound(
  ctx: AppContext,
  plan: StoredPlan,
  round: StoredRound,
): Promise<RoundDigest> {
  const sheets = (await listSheets(ctx.database.db, round.id)).filter((s) => reviewedStates.has(s.state));
  const { figures } = await loadEvaluationFigures(ctx, plan.id, plan.document.indicators, round.fiscalYear);
  const input: DigestInput = { fiscalYear: round.fiscalYear, measures: [], projects: [] };
  for (const s of sheets) {
    if (s.content.kind === 'measure') {
      const rows = joinIndicatorRows(s.content.indicators, figures, round.fiscalYear);
      input.measures.push({ content: s.content, indicatorRows: rows.ok ? rows.value : [] });
    } else {
      const cost = computeProjectCost(s.content.cost);
      input.projects.push({ content: s.content, totalCost: cost.ok ? cost.value.totalCost : null });
    }
  }
  return digestRound(input);
}

async function phaseOf(ctx: AppContext, phase: number) {
  const plan = await loadPlan(ctx);
  if (!plan.ok) return plan;
  const span = plan.value.document.phases.find((p) => p.number === phase);
  if (!span) return fail(A.phaseUnknown.create({ phase }, { field: 'phase' }));
  return ok({ plan: plan.value, span });
}

/** The medium-term review of a phase from the rounds stored for its years, with the recorded conclusions. */
export async function produceMediumTermReview(
  ctx: AppContext,
  phase: number,
  opts: { conclusions?: ReviewConclusion[] } = {},
) {
  const p = await phaseOf(ctx, phase);
  if (!p.ok) return p;
  const { plan, span } = p.value;
  const rounds = (await listRounds(ctx.database.db, plan.id)).filter(
    (r) => r.fiscalYear >= span.startFiscalYear && r.fiscalYear <= span.endFiscalYear,
  );
  const digests: RoundDigest[] = [];
  for (const r of rounds) digests.push(await digestStoredRound(ctx, plan, r));
  const stored = await findReview(ctx.database.db, plan.id, phase);
  const conclusions = opts.conclusions ?? ((stored?.conclusions ?? []) as ReviewConclusion[]);
  const review = buildMediumTermReview(
    { number: span.number, startFiscalYear: span.startFiscalYear, endFiscalYear: span.endFiscalYear },
    digests,
    { conclusions },
  );
  if (!review.ok) return review;
  return ok(
    {
      ...review.value,
      conclusionsVersion: stored?.version ?? 0,
      publishedAt: stored?.publishedAt?.toISOString() ?? null,
    },
    review.warnings,
  );
}

/** Records the review's conclusions (version 0 = first save); checked against the review's measures. */
export async function saveReviewConclusions(
  ctx: AppContext,
  req: { phase: number; conclusions: ReviewConclusion[]; expectedVersion: number; actor: Actor },
): Promise<Result<{ phase: number; version: number }>> {
  const review = await produceMediumTermReview(ctx, req.phase, { conclusions: req.conclusions });
  if (!review.ok) return review;
  const allowed = requirePlanningDivision(req.actor, 'record review');
  if (!allowed.ok) return allowed;
  const p = await phaseOf(ctx, req.phase);
  if (!p.ok) return p;
  const planId = p.value.plan.id;
  return ctx.database.db.transaction().execute(async (tx) => {
    const before = await findReview(tx, planId, req.phase);
    if (before?.publishedAt)
      return fail<{ phase: number; version: number }>(
        evaluationProblems.reviewPublished.create({ phase: req.phase }, { field: 'phase' }),
      );
    if (!(await saveReview(tx, planId, req.phase, req.conclusions, req.expectedVersion, req.actor.id))) {
      return fail<{ phase: number; version: number }>(
        evaluationProblems.staleVersion.create(
          { expected: req.expectedVersion, current: before?.version ?? 0 },
          { field: 'version' },
        ),
      );
    }
    await audit(tx, {
      actor: req.actor.id,
      action: 'evaluation.review.conclusions',
      entityType: 'evaluation_review',
      entityId: `${planId}:${req.phase}`,
      before: before ?? undefined,
      after: { conclusions: req.conclusions, version: req.expectedVersion + 1 },
    });
    return ok({ phase: req.phase, version: req.expectedVersion + 1 });
  });
}

/**
 * Publishes a medium-term review (decision 0149): planning division or administrator, at the
 * version read, only with a conclusion for every measure. Its conclusions are final from then on,
 * and its report is public (`getPublishedReviews`, `/evaluation`).
 */
export async function publishMediumTermReview(
  ctx: AppContext,
  req: { phase: number; expectedVersion: number; actor: Actor },
): Promise<Result<{ phase: number; version: number; publishedAt: string }>> {
  type Out = { phase: number; version: number; publishedAt: string };
  const allowed = requirePlanningDivision(req.actor, 'publish review');
  if (!allowed.ok) return allowed;
  // The public report is the one made now, from these conclusions (a later change to a round does
  // not change a published review): the review loaded once, both files rendered from it before the
  // transaction, stored in it.
  const { loadReviewReport } = await import('../reports/review-report');
  const { reviewReportFile } = await import('../reports/render-report');
  const model = await loadReviewReport(ctx, req.phase);
  if (!model.ok) return model;
  const missing = model.value.review.measures.filter((m) => m.conclusion === null).map((m) => m.measureCode);
  if (missing.length > 0)
    return fail(
      evaluationProblems.reviewIncomplete.create({ phase: req.phase, missing }, { field: 'conclusions' }),
    );
  const planId = model.value.planId;
  const files: { format: 'html' | 'xlsx'; fileName: string; contentType: string; body: Buffer }[] = [];
  for (const format of ['html', 'xlsx'] as const) {
    const r = await reviewReportFile(model.value, format);
    if (!r.ok) return r;
    files.push({ format, ...r.value });
  }
  return ctx.database.db.transaction().execute(async (tx) => {
    const before = await findReview(tx, planId, req.phase);
    if (before?.publishedAt)
      return fail<Out>(evaluationProblems.reviewPublished.create({ phase: req.phase }, { field: 'phase' }));
    if (!before || !(await publishReview(tx, planId, req.phase, req.expectedVersion, req.actor.id)))
      return fail<Out>(
        evaluationProblems.staleVersion.create(
          { expected: req.expectedVersion, current: before?.version ?? 0 },
          { field: 'version' },
        ),
      );
    const fileIds: string[] = [];
    for (const f of files)
      fileIds.push(
        await insertReportFile(tx, {
          report: 'review',
          subject: req.phase,
          format: f.format,
          fileName: f.fileName,
          contentType: f.contentType,
          content: f.body,
          createdBy: publicationActor,
          userId: null,
        }),
      );
    const after = await findReview(tx, planId, req.phase);
    await audit(tx, {
      actor: req.actor.id,
      action: 'evaluation.review.publish',
      entityType: 'evaluation_review',
      entityId: `${planId}:${req.phase}`,
      before,
      after: { ...after, reportFiles: fileIds },
    });
    return ok({
      phase: req.phase,
      version: req.expectedVersion + 1,
      publishedAt: (after?.publishedAt ?? new Date()).toISOString(),
    });
  });
}

/** The report of a published review as stored at its publication (HTML or xlsx), else not found. */
export async function publishedReviewReport(
  ctx: AppContext,
  phase: number,
  format: 'html' | 'xlsx',
): Promise<Result<{ fileName: string; contentType: string; body: Buffer }>> {
  const notPublished = () =>
    fail(evaluationProblems.reviewNotPublished.create({ phase }, { field: 'phase' }));
  const plan = await loadPlan(ctx);
  if (!plan.ok) return notPublished();
  const review = await findReview(ctx.database.db, plan.value.id, phase);
  if (!review?.publishedAt) return notPublished();
  const row = await findNewestReportFile(ctx.database.db, {
    report: 'review',
    subject: phase,
    format,
    createdBy: publicationActor,
    since: review.publishedAt,
  });
  if (!row) return notPublished();
  return ok({ fileName: row.file_name, contentType: row.content_type, body: Buffer.from(row.content) });
}

/** The published medium-term reviews of the current plan, with their phase's years (public read path). */
export async function getPublishedReviews(ctx: AppContext): Promise<PublishedReview[]> {
  const plan = await loadPlan(ctx);
  if (!plan.ok) return [];
  const doc = plan.value.document;
  const levels = levelNamesOf(doc);
  return (await listPublishedReviews(ctx.database.db, plan.value.id)).flatMap((r) => {
    const span = doc.phases.find((p) => p.number === r.phase);
    if (!span) return [];
    const name = (lang: 'ja' | 'en') => phaseLabel(span, levels, lang, r.phase);
    return [
      {
        phase: r.phase,
        name: { ja: name('ja'), en: name('en') },
        startFiscalYear: span.startFiscalYear,
        endFiscalYear: span.endFiscalYear,
        publishedAt: r.publishedAt.toISOString(),
      },
    ];
  });
}

export interface PublishedReview {
  phase: number;
  /** The phase as the plan names it (第1期, 前期基本計画). */
  name: { ja: string; en: string };
  startFiscalYear: number;
  endFiscalYear: number;
  publishedAt: string;
}

/** The next phase's draft measures from the current phase's measures and the review's conclusions. */
export async function draftNextPhaseMeasures(ctx: AppContext, phase: number) {
  const p = await phaseOf(ctx, phase);
  if (!p.ok) return p;
  const doc = p.value.plan.document;
  const stored = await findReview(ctx.database.db, p.value.plan.id, phase);
  const problems: Problem[] = [];
  const projects = doc.implementationPlans.flatMap((ip) => ip.projects);
  const draft = draftNextPhase({
    nextPhase: phase + 1,
    measures: doc.measures
      .filter((m) => m.phase === phase)
      .map((m) => ({
        code: m.code,
        name: m.name.ja,
        fieldCode: m.field,
        phase: m.phase,
        promotionPeriod: m.promotionPeriod as 'short' | 'long',
        indicatorCodes: doc.indicators.filter((i) => i.serves === m.code).map((i) => i.code),
        projectCodes: [...new Set(projects.filter((x) => x.measure === m.code).map((x) => x.code))],
      })),
    conclusions: (stored?.conclusions ?? []) as ReviewConclusion[],
    existingCodes: doc.measures.filter((m) => m.phase !== phase).map((m) => m.code),
  });
  if (problems.length > 0) return fail(problems);
  return draft;
}
