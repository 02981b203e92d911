/**
 * Plan use cases: validate, import (all-or-nothing, versioned, audited),
 * export, and read the tree.
 */
import {
  buildPlanTree,
  defineProblem,
  fail,
  findField,
  ok,
  type PlanDocument,
  type Result,
} from '@mirai/core';
import { findCurrentPlan, listPlanVersions, PlanVersionConflict, savePlanVersion } from '@mirai/db';
import type { AppContext } from '../context';
import { loadPlanText } from './load-plan';
import { type PlanFormat, serializePlan } from './serialize-plan';

export const planUseCaseProblems = {
  noPlan: defineProblem('plan/not-found', 'not-found', () => ({
    ja: '計画が登録されていません',
    en: 'No plan is stored',
  })),
  fieldNotFound: defineProblem<{ code: string }>('plan/field-not-found', 'not-found', ({ code }) => ({
    ja: `分野「${code}」は見つかりません`,
    en: `Field "${code}" not found`,
  })),
  versionConflict: defineProblem<{ expected: number; actual: number }>(
    'plan/version-conflict',
    'conflict',
    (p) => ({
      ja: `計画は他の人が更新しました（想定版 ${p.expected}、現在の版 ${p.actual}）。最新を読み込んでからやり直してください`,
      en: `The plan was changed by someone else (expected version ${p.expected}, now ${p.actual}); reload and retry`,
    }),
  ),
};

export function validatePlan(text: string, file: string): Result<PlanDocument> {
  return loadPlanText(text, file);
}

export interface ImportPlanResult {
  code: string;
  version: number;
  dryRun: boolean;
}

export async function importPlan(
  ctx: AppContext,
  text: string,
  file: string,
  opts: { actor: string; dryRun?: boolean; expectedVersion?: number; note?: string },
): Promise<Result<ImportPlanResult>> {
  const loaded = loadPlanText(text, file);
  if (!loaded.ok) return loaded;
  const doc = loaded.value;
  if (opts.dryRun) {
    const current = await findCurrentPlan(ctx.database.db, doc.plan.code);
    return ok({ code: doc.plan.code, version: (current?.version ?? 0) + 1, dryRun: true });
  }
  try {
    const saved = await ctx.database.db.transaction().execute((tx) =>
      savePlanVersion(tx, doc, {
        actor: opts.actor,
        expectedVersion: opts.expectedVersion,
        note: opts.note,
      }),
    );
    return ok({ code: saved.code, version: saved.version, dryRun: false });
  } catch (error) {
    if (error instanceof PlanVersionConflict) {
      return fail(
        planUseCaseProblems.versionConflict.create({ expected: error.expected, actual: error.actual }),
      );
    }
    throw error;
  }
}

/** The current version of the plan, drafts included (for staff and for writes). */
export async function getCurrentPlan(ctx: AppContext, code?: string) {
  const plan = await findCurrentPlan(ctx.database.db, code);
  return plan ? ok(plan) : fail(planUseCaseProblems.noPlan.create({}));
}

/** The newest approved or revised version: what citizens see. A draft is never public. */
export async function getPublishedPlan(ctx: AppContext, code?: string) {
  const plan = await findCurrentPlan(ctx.database.db, code, { publishedOnly: true });
  return plan ? ok(plan) : fail(planUseCaseProblems.noPlan.create({}));
}

export interface PlanReadOptions {
  /** Read the current version even when it is a draft (staff only). */
  includeDraft?: boolean;
}

const readPlan = (ctx: AppContext, opts: PlanReadOptions, code?: string) =>
  opts.includeDraft ? getCurrentPlan(ctx, code) : getPublishedPlan(ctx, code);

export async function exportPlan(
  ctx: AppContext,
  format: PlanFormat,
  code?: string,
): Promise<Result<string>> {
  const plan = await getCurrentPlan(ctx, code);
  return plan.ok ? ok(serializePlan(plan.value.document, format)) : plan;
}

export async function getPlanTree(ctx: AppContext, code?: string, opts: PlanReadOptions = {}) {
  const plan = await readPlan(ctx, opts, code);
  if (!plan.ok) return plan;
  return ok({ version: plan.value.version, ...buildPlanTree(plan.value.document) });
}

export async function getField(ctx: AppContext, fieldCode: string, opts: PlanReadOptions = {}) {
  const plan = await readPlan(ctx, opts);
  if (!plan.ok) return plan;
  const field = findField(plan.value.document, fieldCode);
  return field
    ? ok(field)
    : fail(planUseCaseProblems.fieldNotFound.create({ code: fieldCode }, { field: 'code' }));
}

export async function getPlanHistory(ctx: AppContext) {
  const plan = await getCurrentPlan(ctx);
  if (!plan.ok) return plan;
  return ok(await listPlanVersions(ctx.database.db, plan.value.id));
}
