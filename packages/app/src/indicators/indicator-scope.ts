/**
 * What every indicator use case starts from: the plan this context may read, its indicator
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
import {
  currentPlanVersion,
  findCurrentPlan,
  indicatorDefinitionsVersion,
  syncIndicatorDefinitions,
} from '@mirai/db';
import type { AppContext } from '../context';
import { planUseCaseProblems, readPlan } from '../plan/plan-use-cases';
import { audienceOf, memoRead } from '../read-scope';

export interface IndicatorScope {
  planId: number;
  planCode: string;
  planVersion: number;
  document: PlanDocument;
  definitions: IndicatorDefinition[];
  settings: PlanProgressSettings;
}

/**
 * The indicators of the plan version this context may read (published for the
 * public, current for staff), once per read scope. The stored definitions
 * always follow the current version (writes are checked against it).
 */
export function loadIndicatorScope(ctx: AppContext): Promise<Result<IndicatorScope>> {
  return memoRead(ctx, `indicator-scope:${audienceOf(ctx)}`, () => load(ctx));
}

async function load(ctx: AppContext): Promise<Result<IndicatorScope>> {
  const db = ctx.database.db;
  const read = await readPlan(ctx);
  if (!read.ok) return fail(planUseCaseProblems.noPlan.create({}));
  const plan = read.value;
  const definitions = plan.document.indicators as IndicatorDefinition[];
  const currentVersion = audienceOf(ctx) === 'staff' ? plan.version : await currentPlanVersion(db, plan.id);
  if ((await indicatorDefinitionsVersion(db, plan.id)) !== currentVersion) {
    const current = currentVersion === plan.version ? plan : await findCurrentPlan(db, plan.code);
    if (current) {
      const defs = current.document.indicators as IndicatorDefinition[];
      await db.transaction().execute((tx) => syncIndicatorDefinitions(tx, current.id, current.version, defs));
    }
  }
  // The plan document may carry its own progress settings; the four-level scheme otherwise.
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
