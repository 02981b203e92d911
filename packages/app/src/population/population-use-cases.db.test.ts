// Real databases (PGlite; PostgreSQL when TEST_DATABASE_URL is set) and the real projection engine.
// The spec below is SYNTHETIC (flat rates), made for the test.
import { type PopulationSpec, projectSpec, standardAgeGroups } from '@mirai/core';
import { listAudit } from '@mirai/db';
import { describeEachDatabase } from '@mirai/db/testing';
import { beforeAll, expect, it } from 'vitest';
import { contextFor } from '../context';
import { seedDefaultPlan } from '../plan/seed-default-plan';
import {
  populationIndicatorSeries,
  runPopulationScenario,
  savePopulationScenario,
} from './population-use-cases';

const groups = standardAgeGroups(90);
const flat = (v: number) => ({ male: groups.map(() => v), female: groups.map(() => v) });
const spec: PopulationSpec = {
  specVersion: 1,
  ageGroups: groups,
  baseYear: 2020,
  years: [2025, 2030, 2035],
  method: 'ipss',
  population: flat(1000),
  survival: flat(0.98),
  netMigrationRate: flat(0.01),
  childWomanRatio: 0.2,
  sexRatio0to4: 1.05,
} as PopulationSpec;

describeEachDatabase('population scenarios', (t) => {
  beforeAll(async () => {
    await seedDefaultPlan(t.handle.db);
  });

  it('saves, runs and lists a scenario beside the plan’s own series', async () => {
    const ctx = contextFor(t.handle);
    const saved = await savePopulationScenario(
      ctx,
      {
        code: 'SYN-MIG15',
        name: '（合成）移動1.5倍',
        area: '20215',
        spec,
        scenario: { name: 'migration x1.5', migrationMultiplier: 1.5, sample: true },
        provenance: { source: 'synthetic test spec' },
      },
      { actor: 'planner' },
    );
    expect(saved).toEqual({ ok: true, value: { code: 'SYN-MIG15', version: 1 } });
    const run = await runPopulationScenario(ctx, 'SYN-MIG15', { actor: 'planner' });
    expect(run.ok).toBe(true);
    if (!run.ok) return;
    const direct = projectSpec({ ...spec, netMigrationRate: flat(0.015) });
    expect(direct.ok && run.value.projection.total['2035']).toBeCloseTo(
      direct.ok ? (direct.value.total['2035'] ?? 0) : 0,
      6,
    );
    const series = await populationIndicatorSeries(ctx);
    expect(series.ok).toBe(true);
    if (!series.ok) return;
    expect(series.value.target).toEqual({ fiscalYear: 2032, value: 65000, comparison: 'at-least' });
    expect(series.value.series.map((s) => [s.code, s.kind])).toEqual([
      ['CITY-BASELINE-2020', 'plan'],
      ['IPSS-2023', 'plan'],
      ['IPSS-2018', 'plan'],
      ['SYN-MIG15', 'scenario'],
    ]);
    expect(series.value.series[3]?.sample).toBe(true);
    expect(
      (await listAudit(t.handle.db, { entityType: 'population-scenario' })).map((e) => e.action),
    ).toEqual(['population.scenario.create', 'population.projection.run']);
  });

  it('refuses a stale update and an invalid scenario, changing nothing', async () => {
    const ctx = contextFor(t.handle);
    const base = {
      code: 'SYN-MIG15',
      name: 'x',
      area: '20215',
      spec,
      scenario: { name: 'x', migrationMultiplier: 2 },
      provenance: { source: 'synthetic' },
    };
    const stale = await savePopulationScenario(ctx, { ...base, expectedVersion: 7 }, { actor: 'other' });
    expect(stale.ok ? '' : stale.problems[0]?.code).toBe('population/stale-version');
    const badSpec = { ...spec, survival: { male: groups.map(() => 1.2), female: groups.map(() => 0.98) } };
    const invalid = await savePopulationScenario(
      ctx,
      { ...base, code: 'SYN-BAD', spec: badSpec },
      { actor: 'x' },
    );
    expect(invalid.ok).toBe(false);
    const rows = await t.handle.db
      .selectFrom('population_scenarios')
      .select(['code', 'version', 'name'])
      .execute();
    expect(rows).toEqual([{ code: 'SYN-MIG15', version: 1, name: '（合成）移動1.5倍' }]);
  });
});
