/**
 * Population scenarios in the database: save (validated by applying the
 * levers to the base spec), run (the projection is stored with who ran it),
 * and the series that feed the 総人口 indicator: the plan's named projections
 * beside every stored scenario's newest run.
 */
import {
  applyScenario,
  fail,
  ok,
  type PopulationSpec,
  type Projection,
  type Provenance,
  projectSpec,
  type Result,
  type Scenario,
} from '@mirai/core';
import {
  audit,
  findScenario,
  insertProjection,
  latestProjections,
  listScenarios,
  upsertScenario,
} from '@mirai/db';
import type { AppContext } from '../context';
import { getCurrentPlan, readPlan } from '../plan/plan-use-cases';
import { populationUseCaseProblems as P } from './population-problems';

export interface SaveScenarioInput {
  code: string;
  name: string;
  description?: string;
  area: string;
  spec: PopulationSpec;
  scenario: Scenario;
  provenance: Provenance;
  sample?: boolean;
  expectedVersion?: number;
}

export async function savePopulationScenario(
  ctx: AppContext,
  input: SaveScenarioInput,
  opts: { actor: string },
): Promise<Result<{ code: string; version: number }>> {
  const plan = await getCurrentPlan(ctx);
  if (!plan.ok) return plan;
  const applied = applyScenario(input.spec, input.scenario);
  if (!applied.ok) return applied;
  const saved = await ctx.database.db.transaction().execute(async (tx) => {
    const row = await upsertScenario(
      tx,
      plan.value.id,
      {
        code: input.code,
        name: input.name,
        ...(input.description ? { description: input.description } : {}),
        area: input.area,
        spec: input.spec as unknown as Record<string, unknown>,
        scenario: input.scenario as unknown as Record<string, unknown>,
        provenance: input.provenance as unknown as Record<string, unknown>,
        sample: input.sample ?? input.scenario.sample ?? false,
      },
      opts.actor,
      input.expectedVersion,
    );
    if (!row) return undefined;
    await audit(tx, {
      actor: opts.actor,
      action: row.version === 1 ? 'population.scenario.create' : 'population.scenario.update',
      entityType: 'population-scenario',
      entityId: input.code,
      after: { name: input.name, scenario: input.scenario, version: row.version },
    });
    return row;
  });
  if (!saved) return fail(P.staleVersion.create({ code: input.code }, { field: 'expectedVersion' }));
  return ok({ code: input.code, version: saved.version });
}

/** Runs a stored scenario and keeps the projection. */
export async function runPopulationScenario(
  ctx: AppContext,
  code: string,
  opts: { actor: string },
): Promise<Result<{ code: string; projection: Projection }>> {
  const plan = await getCurrentPlan(ctx);
  if (!plan.ok) return plan;
  const stored = await findScenario(ctx.database.db, plan.value.id, code);
  if (!stored) return fail(P.scenarioNotFound.create({ code }, { field: 'scenario' }));
  const applied = applyScenario(stored.spec, stored.scenario as unknown as Scenario);
  if (!applied.ok) return applied;
  const projected = projectSpec(applied.value);
  if (!projected.ok) return projected;
  const projection: Projection = {
    ...projected.value,
    area: stored.area,
    ...(stored.sample ? { sample: true } : {}),
  };
  await ctx.database.db.transaction().execute(async (tx) => {
    const run = await insertProjection(
      tx,
      stored.id,
      stored.version,
      projection as unknown as Record<string, unknown>,
      projected.warnings ?? [],
      opts.actor,
    );
    await audit(tx, {
      actor: opts.actor,
      action: 'population.projection.run',
      entityType: 'population-scenario',
      entityId: code,
      after: { projectionId: run.id, total: projection.total },
    });
  });
  return ok({ code, projection });
}

export async function listPopulationScenarios(ctx: AppContext) {
  const plan = await getCurrentPlan(ctx);
  if (!plan.ok) return plan;
  return ok(await listScenarios(ctx.database.db, plan.value.id));
}

export interface IndicatorSeries {
  code: string;
  name: { ja: string; en?: string };
  source: string;
  kind: 'plan' | 'scenario';
  sample: boolean;
  /** Calendar year -> total population. */
  values: Record<string, number>;
  runAt?: string;
}

/**
 * Every projection series of the total-population indicator: those named in
 * the plan (with their sources) and the newest run of each stored scenario.
 */
export async function populationIndicatorSeries(ctx: AppContext, indicatorCode = 'TOP-POPULATION') {
  const plan = await readPlan(ctx);
  if (!plan.ok) return plan;
  const indicator = plan.value.document.indicators.find((i) => i.code === indicatorCode);
  const series: IndicatorSeries[] = (indicator?.projections ?? []).map((p) => ({
    code: p.code,
    name: p.name,
    source: p.source.ja,
    kind: 'plan',
    sample: false,
    values: p.values,
  }));
  for (const run of await latestProjections(ctx.database.db, plan.value.id)) {
    const result = run.result as unknown as Projection;
    const provenance = run.provenance as unknown as Provenance;
    series.push({
      code: run.code,
      name: { ja: run.name },
      source: provenance.source,
      kind: 'scenario',
      sample: run.sample,
      values: result.total,
      runAt: new Date(run.run_at).toISOString(),
    });
  }
  return ok({ indicator: indicatorCode, target: indicator?.finalTarget, series });
}
