// The web pages' read models on a real database with the bundled plan: figures come from the
// shipped data and the core engine (never typed in), samples are flagged.
import { describeEachDatabase } from '@mirai/db/testing';
import { beforeAll, expect, it } from 'vitest';
import { type AppContext, contextFor } from '../context';
import { readPlan, seedDefaultPlan } from '../plan';
import { getDistrictsView } from './district-view';
import { getHappinessView } from './happiness-view';
import { getPopulationView } from './population-view';
import { getPublishedEvaluations } from './published-evaluations';
import { getWorkbenchData } from './workbench-data';

describeEachDatabase('web read models', (t) => {
  let ctx: AppContext;
  beforeAll(async () => {
    await seedDefaultPlan(t.handle.db);
    ctx = contextFor(t.handle);
  });

  it("population: the census (2020 from IPSS 2023's census row), then IPSS 2018 re-run to the person, the plan target and back-casting from the plan's baseline", async () => {
    const r = await getPopulationView(ctx);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const v = r.value;
    expect(v.lastCensusYear).toBe(2020);
    const total = (y: number) => Math.round(v.points.find((p) => p.year === y)?.total ?? Number.NaN);
    // Census 2015 with the age-unknown distributed, the 2020 census, then the published IPSS 2018 totals.
    const plan = await readPlan(ctx);
    if (!plan.ok) throw new Error('plan');
    const top = plan.value.document.indicators.find((i) => i.code === 'TOP-POPULATION');
    expect(total(2020)).toBe(top?.baseline?.value);
    expect([2015, 2030, 2045].map(total)).toEqual(
      [2015, 2030, 2045].map((y) => top?.projections?.find((p) => p.code === 'IPSS-2018')?.values[String(y)]),
    );
    expect(v.points.filter((p) => p.kind === 'census').map((p) => p.year)).toEqual([
      1980, 1985, 1990, 1995, 2000, 2005, 2010, 2015, 2020,
    ]);
    for (const p of v.points) expect(p.young + p.working + p.old).toBeCloseTo(p.total, 6);
    expect(v.target).toMatchObject({ fiscalYear: 2032, value: 65000 });
    for (const b of v.backcast) expect(Math.abs((b.achievedTotal ?? 0) - 65000)).toBeLessThan(0.5);
    // The back-cast starts from the plan's own baseline at the target year, not from IPSS.
    const named = top?.projections?.find((p) => p.values['2032'] !== undefined);
    expect(v.backcastBase).toMatchObject({
      year: 2032,
      value: named?.values['2032'],
      name: { ja: named?.name.ja },
    });
    const cal = v.backcastBase?.calibration ?? Number.NaN;
    const baseAt2032 = v.baseAtTargetYear ?? Number.NaN;
    expect(baseAt2032).toBeLessThan(named?.values['2032'] ?? 0);
    expect(cal).toBeGreaterThan(0);
    const added = v.backcast.find((b) => b.lever === 'added-migrants');
    expect(added?.value).toBeGreaterThan(0);
    // The back-cast scenario (calibration + answer on top of IPSS) reaches the target.
    const bc = v.series.find((s) => s.key === 'backcast-added');
    const at2032 = v.compareYears.indexOf(2032);
    expect(Math.abs((bc?.values[at2032] ?? 0) - 65000)).toBeLessThan(1);
    // Every series names its base and method.
    for (const s of v.series) expect(s.basis.ja.length).toBeGreaterThan(3);
    // The plan's own series show only the years the plan states.
    const planBase = v.series.find((s) => s.kind === 'plan' && s.approximate);
    expect(v.compareYears.filter((_, i) => planBase?.values[i] !== null)).toEqual([2032, 2050]);
    // Zero net migration lowers the total (Shiojiri gains by migration).
    const zero = v.series.find((s) => s.key === 'zero-migration');
    const ipss = v.series.find((s) => s.key === 'ipss2018');
    const at2030 = v.compareYears.indexOf(2030);
    expect(zero?.values[at2030]).toBeLessThan(ipss?.values[at2030] ?? 0);
  });

  it('districts: every plan district, from the sample, flagged as such', async () => {
    const r = await getDistrictsView(ctx);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.value.districts).toHaveLength(10);
    expect(r.value.districts.every((d) => d.sample)).toBe(true);
    expect(r.value.districts.every((d) => (d.totals[0] ?? 0) > 0)).toBe(true);
  });

  it('districts and city are one run: the districts sum to the census in census years and to the city projection after', async () => {
    const [d, p] = [await getDistrictsView(ctx), await getPopulationView(ctx)];
    if (!d.ok || !p.ok) throw new Error('views');
    const years = d.value.districts[0]?.years ?? [];
    expect(years).toContain(2020);
    expect(years).toContain(2045);
    for (const [i, y] of years.entries()) {
      const sum = d.value.districts.reduce((s, x) => s + (x.totals[i] ?? Number.NaN), 0);
      const city = p.value.points.find((q) => q.year === y);
      expect(Math.round(sum)).toBe(Math.round(city?.total ?? Number.NaN));
    }
    expect(d.value.method).toContain('社人研 2018年推計');
  });

  it('happiness: the plan table recomputed from its shares agrees with the published means', async () => {
    const r = await getHappinessView(ctx);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.value.baseline?.value).toBe(6.77);
    expect(r.value.rows).toHaveLength(7);
    for (const row of r.value.rows) {
      expect(row.lower).toBeLessThanOrEqual(row.mean);
      expect(row.mean).toBeLessThanOrEqual(row.upper);
      expect(Math.abs(row.mean - (row.publishedMean ?? 0))).toBeLessThan(0.06);
    }
    expect(r.value.waves).toEqual([]);
  });

  it('workbench: the city on IPSS 2018 and the sample districts share years', async () => {
    const r = await getWorkbenchData(ctx);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.value.set.sample).toBe(true);
    expect(
      r.value.set.districts.every(
        (d) => JSON.stringify(d.spec.years) === JSON.stringify(r.value.set.city.years),
      ),
    ).toBe(true);
    expect(Object.keys(r.value.districtCodes)).toHaveLength(10);
  });

  it('published evaluations: nothing before a round is published', async () => {
    const r = await getPublishedEvaluations(ctx);
    expect(r.ok && r.value).toEqual([]);
  });
});
