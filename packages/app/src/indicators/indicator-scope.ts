/**
 * What every indicator use case starts from: the current plan, its indicator
 * definitions synced into the indicator tables (once per plan version), and
 * the plan's progress settings (status scheme, roll-up rule).
 */
import {
  fail,
  type IndicatorDefinition,
  ok,
  type PlanDocument,
  type PlanProgressSettings,
  type ProgressConfig,
  type Result,
  resolveProgressConfig,
} from '@mirai/core';
import { findCurrentPlan, indicatorDefinitionsVersion, syncIndicatorDefinitions } from '@mirai/db';
import type { AppContext } from '../context';
import { planUseCaseProblems } from '../plan/plan-use-cases';

export interface IndicatorScope {
  planId: number;
  planCode: string;
  planVersion: number;
  document: PlanDocument;
  definitions: IndicatorDefinition[];
  settings: PlanProgressSettings;
}

export async function loadIndicatorScope(ctx: AppContext): Promise<Result<IndicatorScope>> {
  const db = ctx.database.db;
  const plan = await findCurrentPlan(db);
  if (!plan) return fail(planUseCaseProblems.noPlan.create({}));
  const definitions = plan.document.indicators as IndicatorDefinition[];
  if ((await indicatorDefinitionsVersion(db, plan.id)) !== plan.version) {
    await db.transaction().execute((tx) => syncIndicatorDefinitions(tx, plan.id, plan.version, definitions));
  }
  // The plan document may carry its own progress settings; Shiojiri's defaults otherwise.
  const config = (plan.document as PlanDocument & { progress?: ProgressConfig }).progress;
  const settings = resolveProgressConfig(config);
  if (!settings.ok) return settings;
  return ok({
    planId: plan.id,
    planCode: plan.code,
    planVersion: plan.version,
    document: plan.document,
    definitions,
    settings: settings.value,
  });
}

/** Today in Asia/Tokyo, as the reference date for staleness. */
export function todayInTokyo(now = new Date()): { year: number; month: number; day: number } {
  const t = new Date(now.getTime() + 9 * 3600_000);
  return { year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() };
}
