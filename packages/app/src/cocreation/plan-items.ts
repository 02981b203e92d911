/**
 * The plan items co-creation refers to: measures, projects and indicators,
 * each with the measure it belongs to (reports on a project or an indicator
 * show on that measure's page). A request reads the plan its read scope
 * allows (the published version for the public, once per request); commands
 * and jobs, which have no scope, read the current version.
 */
import type { PlanDocument } from '@mirai/core';
import { findCurrentPlan } from '@mirai/db';
import type { AppContext } from '../context';
import { readPlan } from '../plan/plan-use-cases';

export async function scopedPlanDocument(ctx: AppContext): Promise<PlanDocument | undefined> {
  if (ctx.reads) {
    const r = await readPlan(ctx);
    return r.ok ? (r.value.document as unknown as PlanDocument) : undefined;
  }
  const plan = await findCurrentPlan(ctx.database.db);
  return plan?.document as unknown as PlanDocument | undefined;
}

export interface PlanItem {
  code: string;
  kind: 'measure' | 'project' | 'indicator';
  name: { ja: string; en?: string };
  /** The measure the item belongs to (itself for a measure; none for plan-level indicators). */
  measureCode: string | null;
  sample: boolean;
}

export async function planItems(ctx: AppContext): Promise<Map<string, PlanItem>> {
  const doc = await scopedPlanDocument(ctx);
  const out = new Map<string, PlanItem>();
  if (!doc) return out;
  for (const m of doc.measures ?? [])
    out.set(m.code, {
      code: m.code,
      kind: 'measure',
      name: m.name,
      measureCode: m.code,
      sample: m.sample === true,
    });
  for (const ip of doc.implementationPlans ?? [])
    for (const p of ip.projects)
      if (!out.has(p.code))
        out.set(p.code, {
          code: p.code,
          kind: 'project',
          name: p.name,
          measureCode: p.measure,
          sample: p.sample === true,
        });
  for (const i of doc.indicators ?? []) {
    const served = out.get(i.serves);
    out.set(i.code, {
      code: i.code,
      kind: 'indicator',
      name: i.name,
      measureCode: served?.measureCode ?? null,
      sample: i.sample === true,
    });
  }
  return out;
}

/** The plan document's partners (the seed for the partners table). */
export async function planPartners(ctx: AppContext): Promise<PlanDocument['partners']> {
  const plan = await findCurrentPlan(ctx.database.db);
  return (plan?.document as unknown as PlanDocument | undefined)?.partners ?? [];
}

export async function planMeasures(ctx: AppContext): Promise<PlanDocument['measures']> {
  return (await scopedPlanDocument(ctx))?.measures ?? [];
}
