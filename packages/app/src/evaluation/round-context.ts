/**
 * Loading what every evaluation use case starts from: the current plan and
 * the round of a fiscal year (or the round a sheet belongs to).
 */
import { fail, ok, type Result } from '@mirai/core';
import { findCurrentPlan, findRound, type StoredPlan, type StoredRound } from '@mirai/db';
import type { AppContext } from '../context';
import { planUseCaseProblems } from '../plan/plan-use-cases';
import { evaluationAppProblems as A } from './evaluation-app-problems';

export async function loadPlan(ctx: AppContext): Promise<Result<StoredPlan>> {
  const plan = await findCurrentPlan(ctx.database.db);
  return plan ? ok(plan) : fail(planUseCaseProblems.noPlan.create({}));
}

export async function loadRound(
  ctx: AppContext,
  fiscalYear: number,
): Promise<Result<{ plan: StoredPlan; round: StoredRound }>> {
  const plan = await loadPlan(ctx);
  if (!plan.ok) return plan;
  const round = await findRound(ctx.database.db, plan.value.id, fiscalYear);
  if (!round) return fail(A.roundNotFound.create({ fiscalYear }, { field: 'fiscalYear' }));
  return ok({ plan: plan.value, round });
}

/** A round without its template set (for listings and responses). */
export function roundSummary(round: StoredRound) {
  const { templates, planId, ...rest } = round;
  return { ...rest, templateSet: { id: templates.id, sample: templates.sample ?? false } };
}

export const nowIso = () => new Date().toISOString();
