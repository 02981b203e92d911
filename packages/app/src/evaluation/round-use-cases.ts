/**
 * Round use cases: open a round for a fiscal year (scope, cascading due dates,
 * the template set in force, a draft sheet per measure and project), move it
 * (close, reopen, publish with its sheets, lock), and its status with the
 * overdue list and the reminders due. Every write is one audited transaction.
 */
import {
  type Actor,
  type CalendarDate,
  cascadeDueDates,
  defaultReminderDays,
  defaultTemplatesFor,
  type EvaluationSheet,
  evaluationProblems,
  fail,
  hasCommitteeStage,
  levelNamesOf,
  ok,
  openRound,
  overdueSheets,
  type Problem,
  publicationBlockers,
  type Result,
  type RoundAction,
  type RoundScope,
  remindersDue,
  type StageDue,
  sheetStates,
  type TemplateSet,
  transitionRound,
  transitionSheet,
  validateTemplateSet,
  validReminderDays,
} from '@mirai/core';
import {
  audit,
  findRound,
  insertRound,
  insertSheets,
  listSheets,
  type StoredRound,
  updateRoundState,
  updateSheet,
} from '@mirai/db';
import { planItems } from '../cocreation/plan-items';
import { queueSheetNotices } from '../cocreation/sheet-notices';
import type { AppContext } from '../context';
import { todayInTokyo } from '../indicators/indicator-scope';
import { log } from '../ops/logger';
import { enqueuePublicationRender } from '../reports/report-jobs';
import { evaluationAppProblems as A } from './evaluation-app-problems';
import { defaultScope, initialMeasureContent, initialProjectContent, projectsOfYear } from './plan-sources';
import { requirePlanningDivision } from './planning-division-role';
import { loadPlan, loadRound, nowIso, roundSummary } from './round-context';

export interface OpenRoundRequest {
  fiscalYear: number;
  actor: Actor;
  /** Default: today in Asia/Tokyo. */
  openedOn?: CalendarDate;
  /** Default: every measure of the year's phase and every project of the year. */
  scope?: RoundScope;
  /** Explicit due dates; otherwise cascaded from `entryDue` (default: 30 days after opening). */
  stages?: StageDue[];
  entryDue?: CalendarDate;
  /** Days between stages when cascading; default section head 14, planning division 21, no committee. */
  gaps?: Partial<Record<'section-head' | 'planning-division' | 'external-committee', number>>;
  /** Default: the plan's `evaluationTemplates`, else the default sheets (sample) in the plan's level names. */
  templates?: TemplateSet;
  /** Days before a stage's due date (negative: after) when reminders go out; default 7, 1, -1, -7. */
  reminderDays?: number[];
}

function addDays(d: CalendarDate, days: number): CalendarDate {
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}

export const sheetIdOf = (roundId: string, kind: 'project' | 'measure', code: string) =>
  `${roundId}.${kind}.${code}`;

export async function openEvaluationRound(
  ctx: AppContext,
  req: OpenRoundRequest,
): Promise<Result<ReturnType<typeof roundSummary> & { sheets: number }>> {
  const plan = await loadPlan(ctx);
  if (!plan.ok) return plan;
  const doc = plan.value.document;
  const problems: Problem[] = [];
  const scope = req.scope ?? defaultScope(doc, req.fiscalYear);
  const projects = projectsOfYear(doc, req.fiscalYear);
  scope.measureCodes.forEach((code, index) => {
    if (!doc.measures.some((m) => m.code === code))
      problems.push(A.scopeUnknown.create({ code, kind: 'measure' }, { path: 'scope.measureCodes', index }));
  });
  scope.projectCodes.forEach((code, index) => {
    if (!projects.some((p) => p.code === code))
      problems.push(A.scopeUnknown.create({ code, kind: 'project' }, { path: 'scope.projectCodes', index }));
  });
  const templates =
    req.templates ??
    (doc as { evaluationTemplates?: TemplateSet }).evaluationTemplates ??
    defaultTemplatesFor(levelNamesOf(doc));
  problems.push(...validateTemplateSet(templates));
  const openedOn = req.openedOn ?? todayInTokyo();
  const stages =
    req.stages ??
    cascadeDueDates(
      req.entryDue ?? addDays(openedOn, 30),
      req.gaps ?? { 'section-head': 14, 'planning-division': 21 },
    );
  const id = `${plan.value.code}-${req.fiscalYear}`;
  const opened = openRound({ id, fiscalYear: req.fiscalYear, openedOn, scope, stages });
  if (!opened.ok) problems.push(...opened.problems);
  if (req.reminderDays && !validReminderDays(req.reminderDays))
    problems.push(A.reminderDays.create({ days: req.reminderDays.join(', ') }, { field: 'reminderDays' }));
  if (problems.length > 0 || !opened.ok) return fail(problems);
  const allowed = requirePlanningDivision(req.actor, 'open round');
  if (!allowed.ok) return allowed;
  const round: StoredRound = {
    ...opened.value,
    planId: plan.value.id,
    templates,
    reminderDays: req.reminderDays ?? null,
  };
  const sheets: EvaluationSheet[] = [
    ...scope.measureCodes.map((code) => {
      const measure = doc.measures.find((m) => m.code === code)!;
      const content = initialMeasureContent(doc, measure, projects);
      return sheetOf(round, 'measure', code, content);
    }),
    ...scope.projectCodes.map((code) => {
      const content = initialProjectContent(doc, projects.find((p) => p.code === code)!);
      return sheetOf(round, 'project', code, content);
    }),
  ];
  const db = ctx.database.db;
  if (await findRound(db, plan.value.id, req.fiscalYear))
    return fail(A.roundExists.create({ fiscalYear: req.fiscalYear }, { field: 'fiscalYear' }));
  try {
    await db.transaction().execute(async (tx) => {
      await insertRound(tx, round, req.actor.id);
      await insertSheets(tx, sheets, req.actor.id);
      await audit(tx, {
        actor: req.actor.id,
        action: 'evaluation.round.open',
        entityType: 'evaluation_round',
        entityId: round.id,
        after: roundSummary(round),
        details: { sheets: sheets.map((s) => s.id), role: req.actor.role },
      });
    });
  } catch (error) {
    if ((error as { code?: string }).code === '23505')
      return fail(A.roundExists.create({ fiscalYear: req.fiscalYear }, { field: 'fiscalYear' }));
    throw error;
  }
  return ok({ ...roundSummary(round), sheets: sheets.length }, opened.warnings);
}

function sheetOf(
  round: StoredRound,
  kind: 'project' | 'measure',
  code: string,
  content: EvaluationSheet['content'],
): EvaluationSheet {
  return {
    id: sheetIdOf(round.id, kind, code),
    roundId: round.id,
    fiscalYear: round.fiscalYear,
    kind,
    code,
    departmentCode: content.departmentCode,
    state: 'draft',
    version: 1,
    content,
  };
}

export interface RoundTransitionRequest {
  fiscalYear: number;
  action: RoundAction;
  expectedVersion: number;
  actor: Actor;
  comment?: string;
  at?: string;
}

/**
 * Moves a round. Publishing publishes every sheet with it (each sheet event
 * audited) and needs every sheet through its last review stage.
 */
export async function transitionEvaluationRound(ctx: AppContext, req: RoundTransitionRequest) {
  const loaded = await loadRound(ctx, req.fiscalYear);
  if (!loaded.ok) return loaded;
  const loadedRound = loaded.value.round;
  const at = req.at ?? nowIso();
  const db = ctx.database.db;
  // Followers are told of each published sheet; the plan's items are read before the transaction.
  const items = req.action === 'publish' ? await planItems(ctx) : null;
  const run = db.transaction().execute(async (tx) => {
    // The round as it is now, locked: a transition decided on a copy read before the
    // transaction could publish sheets and then find the round moved (decision 0104).
    const round =
      (await findRound(tx, loadedRound.planId, loadedRound.fiscalYear, { forUpdate: true })) ?? loadedRound;
    const sheets = await listSheets(tx, round.id);
    const moved = transitionRound({
      round,
      action: req.action,
      actor: req.actor,
      at,
      expectedVersion: req.expectedVersion,
      ...(req.comment ? { comment: req.comment } : {}),
      sheets: sheets.map((s) => ({ id: s.id, code: s.code, kind: s.kind, state: s.state })),
    });
    if (!moved.ok) return moved;
    if (req.action === 'publish') {
      const committee = hasCommitteeStage(round);
      const published: typeof sheets = [];
      for (const s of sheets) {
        if (s.state === 'published') continue;
        const t = transitionSheet({
          sheet: s,
          action: 'publish',
          actor: req.actor,
          at,
          round: { state: round.state, hasCommitteeStage: committee },
          expectedVersion: s.version,
        });
        if (!t.ok) throw new Error(`publishing ${s.id}: ${t.problems.map((p) => p.code).join(', ')}`);
        if (
          !(await updateSheet(
            tx,
            s.id,
            { state: t.value.state, content: s.content, version: t.value.version },
            s.version,
            req.actor.id,
          ))
        )
          throw new Error(`sheet ${s.id} changed while publishing`);
        await audit(tx, {
          actor: req.actor.id,
          action: 'evaluation.sheet.publish',
          entityType: 'evaluation_sheet',
          entityId: s.id,
          before: { state: s.state, version: s.version },
          after: { state: t.value.state, version: t.value.version },
          details: { event: t.value.event },
        });
        published.push(s);
      }
      if (items) await queueSheetNotices(tx, ctx, items, round, published);
    }
    if (!(await updateRoundState(tx, round.id, moved.value.round.state, req.expectedVersion))) {
      // Sheets may already be published in this transaction: throwing rolls them back.
      const current = await findRound(tx, round.planId, round.fiscalYear);
      throw new RoundTransitionRefused(
        evaluationProblems.staleVersion.create(
          { expected: req.expectedVersion, current: current?.version ?? -1 },
          { field: 'version' },
        ),
      );
    }
    await audit(tx, {
      actor: req.actor.id,
      action: `evaluation.round.${req.action}`,
      entityType: 'evaluation_round',
      entityId: round.id,
      before: { state: round.state, version: round.version },
      after: { state: moved.value.round.state, version: moved.value.round.version },
      details: { event: moved.value.event },
    });
    return ok(
      roundSummary({ ...round, ...moved.value.round, templates: round.templates, planId: round.planId }),
    );
  });
  let result: Awaited<typeof run>;
  try {
    result = await run;
  } catch (error) {
    if (error instanceof RoundTransitionRefused) return fail(error.problem);
    throw error;
  }
  if (items && result.ok) ctx.mail.kick();
  if (req.action === 'publish' && result.ok) {
    // After the commit: the public PDF renders in the background from the published sheets.
    try {
      await enqueuePublicationRender(ctx, req.fiscalYear);
    } catch (error) {
      // The round is published; the PDF page then says it is being prepared until staff render it.
      log().error(
        { err: error, fiscalYear: req.fiscalYear },
        '公表時の PDF 作成を予約できません / publication PDF not queued',
      );
    }
  }
  return result;
}

/** A refusal found after the transaction wrote something: thrown so that the transaction rolls back. */
class RoundTransitionRefused extends Error {
  constructor(readonly problem: Problem) {
    super(problem.code);
  }
}

export interface RoundStatus {
  round: ReturnType<typeof roundSummary>;
  counts: Record<string, number>;
  sheets: {
    id: string;
    kind: 'project' | 'measure';
    code: string;
    name: string;
    departmentCode: string;
    state: string;
    version: number;
  }[];
  overdue: ReturnType<typeof overdueSheets>;
  reminders: ReturnType<typeof remindersDue>;
  publicationBlockers: Problem[];
}

/** The round with each sheet's state, counts by state, the overdue list and today's reminders. */
export async function getRoundStatus(
  ctx: AppContext,
  fiscalYear: number,
  opts: { today?: CalendarDate; departmentCode?: string } = {},
): Promise<Result<RoundStatus>> {
  const loaded = await loadRound(ctx, fiscalYear);
  if (!loaded.ok) return loaded;
  const { round } = loaded.value;
  const sheets = await listSheets(ctx.database.db, round.id, opts);
  const today = opts.today ?? todayInTokyo();
  const counts: Record<string, number> = {};
  for (const state of sheetStates) counts[state] = 0;
  for (const s of sheets) counts[s.state] = (counts[s.state] ?? 0) + 1;
  const scheduled = sheets.map((s) => ({
    id: s.id,
    code: s.code,
    departmentCode: s.departmentCode,
    state: s.state,
  }));
  return ok({
    round: roundSummary(round),
    counts,
    sheets: sheets.map((s) => ({
      id: s.id,
      kind: s.kind,
      code: s.code,
      name: s.content.name,
      departmentCode: s.departmentCode,
      state: s.state,
      version: s.version,
    })),
    overdue: overdueSheets(round, scheduled, today),
    reminders: remindersDue(round, scheduled, today, round.reminderDays ?? defaultReminderDays),
    publicationBlockers: opts.departmentCode
      ? []
      : publicationBlockers(
          round,
          sheets.map((s) => ({ id: s.id, code: s.code, kind: s.kind, state: s.state })),
        ),
  });
}
