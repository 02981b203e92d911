/**
 * Sheet use cases: read a sheet with its indicator rows (pulled from the
 * indicators), cost summary, theory-check rows and comment threads; save its
 * content or a review level's comment naming the version it was read at; and
 * move it through the workflow. A stale version is a conflict, nobody's work
 * is overwritten; every write is one transaction with its audit entry.
 */
import {
  type Actor,
  allowedSheetActions,
  buildThreads,
  checkSheetEdit,
  computeProjectCost,
  type EvaluationSheet,
  evaluationProblems,
  fail,
  hasCommitteeStage,
  joinIndicatorRows,
  notificationFor,
  ok,
  type Result,
  type ReviewLevel,
  type SheetAction,
  type SheetCheckContext,
  type SheetContent,
  theoryCheck,
  transitionSheet,
} from '@mirai/core';
import type { Database, StoredPlan } from '@mirai/db';
import {
  audit,
  findRoundById,
  findSheet,
  listComments,
  listEarlierSheets,
  type StoredRound,
  updateSheet,
} from '@mirai/db';
import type { Transaction } from 'kysely';
import { acceptedReportsFor } from '../cocreation/report-use-cases';
import type { AppContext } from '../context';
import { announceSheetEvent } from '../notifications/notification-use-cases';
import { evaluationAppProblems as A } from './evaluation-app-problems';
import { loadEvaluationFigures } from './evaluation-figures';
import { logicModelOf, planIndicatorRefs, projectsOfYear } from './plan-sources';
import { loadPlan, nowIso } from './round-context';
import { checkComplete, checkDraft, mergeContent } from './sheet-checks';

export interface SheetScope {
  plan: StoredPlan;
  round: StoredRound;
  sheet: EvaluationSheet;
}

async function loadSheet(ctx: AppContext, sheetId: string): Promise<Result<SheetScope>> {
  const plan = await loadPlan(ctx);
  if (!plan.ok) return plan;
  const sheet = await findSheet(ctx.database.db, sheetId);
  const round = sheet ? await findRoundById(ctx.database.db, sheet.roundId) : undefined;
  if (!sheet || !round || round.planId !== plan.value.id)
    return fail(A.sheetNotFound.create({ id: sheetId }, { field: 'sheetId' }));
  return ok({ plan: plan.value, round, sheet });
}

/**
 * What a sheet's content is checked against: the plan's indicators, the
 * measure's projects (of the implementation plan in force for the round's
 * year) and its logic model's links. The one context both the server and the
 * sheet editor in the browser check with (plain arrays, so it travels as JSON).
 */
/** The check context as data: lists only (a Set would reach the browser as `{}`), for the API and the page. */
export interface SheetCheckData extends SheetCheckContext {
  indicatorCodes: string[];
  projectCodes?: string[];
  linkIds?: string[];
}

export function checkContextFor(plan: StoredPlan, round: StoredRound, content: SheetContent): SheetCheckData {
  const doc = plan.document;
  const ctx: SheetCheckData = { indicatorCodes: doc.indicators.map((i) => i.code) };
  if (content.kind === 'measure') {
    const projects = projectsOfYear(doc, round.fiscalYear);
    ctx.projectCodes = projects.filter((p) => p.measure === content.measureCode).map((p) => p.code);
    const measure = doc.measures.find((m) => m.code === content.measureCode);
    if (measure) ctx.linkIds = logicModelOf(doc, measure, projects).links.map((l) => l.id);
  }
  return ctx;
}

/** The plan's references this sheet carries: the indicators a clerk may not remove from it. */
export function fixedIndicators(plan: StoredPlan, sheet: EvaluationSheet) {
  const own = new Set(sheet.content.indicators.map((r) => r.code));
  return planIndicatorRefs(plan.document, sheet.content).filter((r) => own.has(r.code));
}

export async function getEvaluationSheet(ctx: AppContext, sheetId: string, opts: { actor?: Actor } = {}) {
  const loaded = await loadSheet(ctx, sheetId);
  if (!loaded.ok) return loaded;
  const { plan, round, sheet } = loaded.value;
  const doc = plan.document;
  const { figures, movements } = await loadEvaluationFigures(ctx, plan.id, doc.indicators, round.fiscalYear);
  const rows = joinIndicatorRows(sheet.content.indicators, figures, round.fiscalYear);
  const cost = sheet.content.kind === 'project' ? computeProjectCost(sheet.content.cost) : null;
  let theory = null;
  if (sheet.content.kind === 'measure') {
    const measure = doc.measures.find((m) => m.code === sheet.code);
    if (measure) {
      const model = logicModelOf(doc, measure, projectsOfYear(doc, round.fiscalYear));
      theory = { model, rows: theoryCheck(model, movements, sheet.content.theoryFindings) };
    }
  }
  const comments = await listComments(ctx.database.db, [sheet.id]);
  // Contributions by partners: accepted partner reports of the round's fiscal year (read-only).
  const partnerContributions = await acceptedReportsFor(ctx, sheet.code, round.fiscalYear, {
    ...(sheet.content.kind === 'project' ? { project: sheet.code } : {}),
  });
  const roundCtx = { state: round.state, hasCommitteeStage: hasCommitteeStage(round) };
  const earlier = await listEarlierSheets(ctx.database.db, {
    planId: plan.id,
    kind: sheet.kind,
    code: sheet.code,
    beforeFiscalYear: round.fiscalYear,
  });
  return ok({
    sheet,
    round: { id: round.id, fiscalYear: round.fiscalYear, state: round.state },
    indicatorRows: rows.ok ? rows.value : [],
    indicatorProblems: rows.ok ? (rows.warnings ?? []) : rows.problems,
    /** Every plan indicator's figures, so rows of indicators added in the editor join the same way. */
    indicatorFigures: [...figures.values()],
    /** The references the plan gives the sheet (not removable). */
    fixedIndicators: fixedIndicators(plan, sheet),
    /** The same measure's or project's sheets of earlier rounds (read-only links). */
    earlierSheets: earlier.map((e) => ({
      id: e.id,
      fiscalYear: e.fiscalYear,
      state: e.state,
      overallRating: e.content.overallRating ?? null,
      direction: e.content.direction ?? null,
    })),
    cost: cost?.ok ? cost.value : null,
    theory,
    partnerContributions,
    threads: buildThreads(
      comments.map((c) => ({ ...c, author: c.author as Actor })),
      sheet.id,
    ),
    allowedActions: opts.actor ? allowedSheetActions(sheet.state, opts.actor.role, roundCtx) : [],
    /** The round's templates and the check context: what the server checks this sheet with. */
    templates: round.templates,
    checks: checkContextFor(plan, round, sheet.content),
  });
}

/** What the sheet editor reads (getEvaluationSheet's value): the API's sheet answer and the staff sheet page's data. */
export type EvaluationSheetView = Extract<
  Awaited<ReturnType<typeof getEvaluationSheet>>,
  { ok: true }
>['value'];

/** Writes a checked change of one sheet with its audit entry; false when the version moved on. */
export async function writeSheetChange(
  tx: Transaction<Database>,
  sheet: EvaluationSheet,
  change: { state: EvaluationSheet['state']; content: SheetContent; version: number },
  actor: Actor,
  action: string,
  details: Record<string, unknown> = {},
): Promise<boolean> {
  if (!(await updateSheet(tx, sheet.id, change, sheet.version, actor.id))) return false;
  await audit(tx, {
    actor: actor.id,
    action,
    entityType: 'evaluation_sheet',
    entityId: sheet.id,
    before: { state: sheet.state, version: sheet.version, content: sheet.content },
    after: { state: change.state, version: change.version, content: change.content },
    details: { role: actor.role, ...details },
  });
  return true;
}

const stale = (expected: number, current: number) =>
  fail(evaluationProblems.staleVersion.create({ expected, current }, { field: 'version' }));

/** Checks a content edit of a stored sheet; on success, the content to store and its version. */
export function prepareContentEdit(
  scope: SheetScope,
  given: SheetContent,
  expectedVersion: number,
  actor: Actor,
): Result<{ content: SheetContent; version: number }> {
  const { plan, round, sheet } = scope;
  const edit = checkSheetEdit({ sheet, part: 'content', actor, roundState: round.state, expectedVersion });
  const merged = mergeContent(sheet, given, fixedIndicators(plan, sheet));
  const problems = [...(edit.ok ? [] : edit.problems), ...(merged.ok ? [] : merged.problems)];
  if (merged.ok)
    problems.push(...checkDraft(merged.value, round.templates, checkContextFor(plan, round, merged.value)));
  if (problems.length > 0 || !merged.ok || !edit.ok) return fail(problems);
  return ok({ content: merged.value, version: edit.value.version });
}

export async function saveEvaluationSheet(
  ctx: AppContext,
  req: { sheetId: string; content: SheetContent; expectedVersion: number; actor: Actor },
) {
  const loaded = await loadSheet(ctx, req.sheetId);
  if (!loaded.ok) return loaded;
  return ctx.database.db.transaction().execute(async (tx) => {
    const sheet = await findSheet(tx, req.sheetId, { forUpdate: true });
    if (!sheet) return fail(A.sheetNotFound.create({ id: req.sheetId }, { field: 'sheetId' }));
    const prepared = prepareContentEdit(
      { ...loaded.value, sheet },
      req.content,
      req.expectedVersion,
      req.actor,
    );
    if (!prepared.ok) return prepared;
    const change = { state: sheet.state, ...prepared.value };
    if (!(await writeSheetChange(tx, sheet, change, req.actor, 'evaluation.sheet.save')))
      return stale(req.expectedVersion, sheet.version);
    return ok({ ...sheet, ...change });
  });
}

/** A review level's comment (所属長・企画担当課・委員会), only while the sheet waits on that level. */
export async function saveReviewComment(
  ctx: AppContext,
  req: { sheetId: string; level: ReviewLevel; text: string; expectedVersion: number; actor: Actor },
) {
  const loaded = await loadSheet(ctx, req.sheetId);
  if (!loaded.ok) return loaded;
  return ctx.database.db.transaction().execute(async (tx) => {
    const sheet = await findSheet(tx, req.sheetId, { forUpdate: true });
    if (!sheet) return fail(A.sheetNotFound.create({ id: req.sheetId }, { field: 'sheetId' }));
    const edit = checkSheetEdit({
      sheet,
      part: `comment:${req.level}`,
      actor: req.actor,
      roundState: loaded.value.round.state,
      expectedVersion: req.expectedVersion,
    });
    if (!edit.ok) return edit;
    const content = {
      ...sheet.content,
      comments: { ...sheet.content.comments, [req.level]: req.text.trim() },
    };
    const change = { state: sheet.state, content, version: edit.value.version };
    if (!(await writeSheetChange(tx, sheet, change, req.actor, `evaluation.sheet.comment.${req.level}`)))
      return stale(req.expectedVersion, sheet.version);
    return ok({ ...sheet, ...change });
  });
}

/** One workflow action; submitting needs a complete, valid sheet. The event and its recipients are audited. */
export async function transitionEvaluationSheet(
  ctx: AppContext,
  req: {
    sheetId: string;
    action: SheetAction;
    expectedVersion: number;
    actor: Actor;
    comment?: string;
    at?: string;
  },
) {
  const loaded = await loadSheet(ctx, req.sheetId);
  if (!loaded.ok) return loaded;
  const { plan, round } = loaded.value;
  return ctx.database.db.transaction().execute(async (tx) => {
    const sheet = await findSheet(tx, req.sheetId, { forUpdate: true });
    if (!sheet) return fail(A.sheetNotFound.create({ id: req.sheetId }, { field: 'sheetId' }));
    const t = transitionSheet({
      sheet,
      action: req.action,
      actor: req.actor,
      at: req.at ?? nowIso(),
      round: { state: round.state, hasCommitteeStage: hasCommitteeStage(round) },
      expectedVersion: req.expectedVersion,
      ...(req.comment !== undefined ? { comment: req.comment } : {}),
    });
    const problems = t.ok ? [] : [...t.problems];
    if (req.action === 'submit') {
      const complete = checkComplete(
        sheet.content,
        round.templates,
        checkContextFor(plan, round, sheet.content),
      );
      if (!complete.ok) problems.push(...complete.problems);
    }
    if (problems.length > 0 || !t.ok) return fail(problems);
    const notification = notificationFor(t.value.event, sheet.departmentCode);
    const change = { state: t.value.state, content: sheet.content, version: t.value.version };
    if (
      !(await writeSheetChange(tx, sheet, change, req.actor, `evaluation.sheet.${req.action}`, {
        event: t.value.event,
        notify: notification.recipients,
      }))
    )
      return stale(req.expectedVersion, sheet.version);
    await announceSheetEvent(tx, notification, sheet, t.value.state, req.actor.id, req.comment);
    return ok({ sheet: { ...sheet, ...change }, event: t.value.event, notification });
  });
}
