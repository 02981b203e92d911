// Evidence on the public site (issue #14 item 5) on real databases: the happiness page's drivers
// (LMG with bootstrap intervals) and district/age tables come from the newest PUBLISHED wave (a
// newer draft is never read), recomputed here with the core engine; the population page's
// probabilistic projection and the chance of reaching the plan's target equal the core Monte
// Carlo on the same spec; the Cabinet Office patterns run on the implied TFR and name their base.
import {
  applyScenario,
  cabinetOfficePatterns,
  projectSpec,
  relativeImportance,
  simulateWithReach,
  withImpliedTfr,
} from '@mirai/core';
import { describeEachDatabase } from '@mirai/db/testing';
import { beforeAll, expect, it } from 'vitest';
import { type AppContext, contextFor } from '../context';
import { readPlan, seedDefaultPlan } from '../plan';
import { publicReads } from '../read-scope';
import { estimateSurveyWave, listSurveyWaves } from '../survey';
import {
  importSampleEvidenceWaves,
  SAMPLE_DOMAINS,
  SAMPLE_DRAFT_WAVE,
  SAMPLE_PUBLISHED_WAVE,
  sampleResponses,
} from '../survey/testing/sample-evidence-wave';
import { projectionSpec } from './city-spec';
import { getHappinessEvidence } from './happiness-evidence';
import { getHappinessView } from './happiness-view';
import { loadPopulationSources } from './population-sources';
import { getPopulationView, PUBLIC_SEED, PUBLIC_TRAJECTORIES } from './population-view';

describeEachDatabase('evidence on the site', (t) => {
  let ctx: AppContext;
  let districts: string[] = [];
  beforeAll(async () => {
    await seedDefaultPlan(t.handle.db);
    ctx = contextFor(t.handle);
    districts = await importSampleEvidenceWaves(ctx);
  });

  it('drivers: LMG and its bootstrap intervals from the newest published wave, never the newer draft', async () => {
    const e = await getHappinessEvidence(publicReads(ctx));
    if (!e.ok || !e.value) throw new Error('no evidence');
    const v = e.value;
    expect(v.wave.code).toBe(SAMPLE_PUBLISHED_WAVE);
    expect(v.wave.n).toBe(240);
    // Not vacuous: the newer wave is stored, as a draft.
    const all = await listSurveyWaves(ctx);
    expect(all.ok && all.value.map((w) => [w.code, w.status])).toEqual([
      [SAMPLE_PUBLISHED_WAVE, 'published'],
      [SAMPLE_DRAFT_WAVE, 'draft'],
    ]);
    if (!('shares' in v.drivers)) throw new Error(JSON.stringify(v.drivers));
    // The same respondents through the engine.
    const rows = sampleResponses(districts, 240, 11).rows;
    const col = (c: string) => Float64Array.from(rows, (r) => Number(r.cells[c]));
    const r = relativeImportance(
      col('happiness'),
      SAMPLE_DOMAINS.map((q) => ({ name: q, values: col(q) })),
      { bootstrap: { replicates: v.drivers.replicates, seed: v.drivers.seed } },
    );
    if (!r.ok) throw new Error('lmg');
    expect(v.drivers.r2).toBeCloseTo(r.value.r2, 12);
    for (const s of v.drivers.shares) {
      const j = SAMPLE_DOMAINS.indexOf(s.code as (typeof SAMPLE_DOMAINS)[number]);
      expect(s.lmg).toBeCloseTo(r.value.lmg[j]!, 12);
      expect(s.lower).toBeCloseTo(r.value.intervals![j]!.lower, 12);
      expect(s.upper).toBeCloseTo(r.value.intervals![j]!.upper, 12);
      expect(s.lower).toBeLessThanOrEqual(s.lmg);
      expect(s.upper).toBeGreaterThanOrEqual(s.lmg);
    }
    // Ranked, and the made-up strongest driver (health) comes first.
    expect(v.drivers.shares[0]?.code).toBe('health');
    expect(v.drivers.shares.map((s) => s.lmg)).toEqual(
      [...v.drivers.shares.map((s) => s.lmg)].sort((a, b) => b - a),
    );
  });

  it('happiness by district and by age: estimate and 95% interval per cell, small cells suppressed', async () => {
    const e = await getHappinessEvidence(publicReads(ctx));
    if (!e.ok || !e.value) throw new Error('no evidence');
    const { byDistrict, byAge, minCell } = e.value;
    expect(byDistrict?.variable).toBe('district');
    expect(byAge?.variable).toBe('age_group');
    const est = await estimateSurveyWave(ctx, SAMPLE_PUBLISHED_WAVE, { by: 'district', minCell });
    if (!est.ok) throw new Error('estimate');
    for (const cell of byDistrict?.cells ?? []) {
      const b = est.value.by?.find((x) => x.level === cell.level);
      expect(cell.n).toBe(b?.n);
      if (cell.suppressed) {
        expect(cell.n).toBeLessThan(minCell);
        expect(cell.estimate).toBeUndefined();
        expect(cell.lower).toBeUndefined();
      } else {
        expect(cell.estimate).toBeCloseTo(b!.estimate, 12);
        expect([cell.lower, cell.upper]).toEqual(b!.ci);
      }
      expect(cell.area?.code).toBe(cell.level);
    }
    const small = byDistrict?.cells.find((c) => c.level === districts[0]);
    expect(small).toMatchObject({ n: 4, suppressed: true });
    expect(byDistrict?.cells.filter((c) => !c.suppressed).length).toBeGreaterThan(3);
    expect(byAge?.cells.reduce((s, c) => s + c.n, 0)).toBe(240);
    // The page's view carries it.
    const view = await getHappinessView(publicReads(ctx));
    expect(view.ok && view.value.evidence?.wave.code).toBe(SAMPLE_PUBLISHED_WAVE);
  });

  it('population: Monte Carlo bands and the chance of reaching the plan target equal the engine on the same spec', async () => {
    const r = await getPopulationView(publicReads(ctx));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const v = r.value;
    const plan = await readPlan(publicReads(ctx));
    if (!plan.ok) throw new Error('plan');
    const target = plan.value.document.indicators.find((i) => i.code === 'TOP-POPULATION')?.finalTarget;
    const src = await loadPopulationSources(publicReads(ctx));
    if (!src.ok) throw new Error('sources');
    const spec = projectionSpec(src.value)!;
    const mc = simulateWithReach(
      spec,
      { trajectories: PUBLIC_TRAJECTORIES, seed: PUBLIC_SEED },
      { year: target!.fiscalYear, threshold: target!.value },
    );
    if (!mc.ok) throw new Error('mc');
    const p = v.probabilistic!;
    expect(p.reach).toMatchObject({
      year: target!.fiscalYear,
      threshold: target!.value,
      reached: mc.value.reach.reached,
      probability: mc.value.reach.probability,
    });
    expect(p.bands.map((b) => b.year)).toEqual(mc.value.result.years);
    for (const b of p.bands) {
      const q = mc.value.result.areas[0]!.total[String(b.year)]!;
      expect(b).toMatchObject({ median: q.median, lower95: q.lower95, upper95: q.upper95 });
      expect(b.lower95).toBeLessThanOrEqual(b.lower80);
      expect(b.lower80).toBeLessThanOrEqual(b.median);
      expect(b.median).toBeLessThanOrEqual(b.upper80);
      expect(b.upper80).toBeLessThanOrEqual(b.upper95);
    }
    // The median follows the deterministic base projection closely (the perturbations are centred).
    const det = projectSpec(spec);
    if (!det.ok) throw new Error('det');
    const last = p.bands[p.bands.length - 1]!;
    expect(Math.abs(last.median / det.value.annualTotal[String(last.year)]! - 1)).toBeLessThan(0.03);
    expect(v.probabilistic?.basis.ja).toContain(String(PUBLIC_TRAJECTORIES.toLocaleString('ja-JP')));
  });

  it('Cabinet Office patterns beside the baseline: run on the implied TFR, each naming its base and method', async () => {
    const r = await getPopulationView(publicReads(ctx));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const v = r.value;
    expect(v.notes).toEqual([]);
    const src = await loadPopulationSources(publicReads(ctx));
    if (!src.ok) throw new Error('sources');
    const spec = withImpliedTfr(projectionSpec(src.value)!);
    const patterns = cabinetOfficePatterns();
    for (const [k, key] of ['cabinet-office-1', 'cabinet-office-2'].entries()) {
      const s = v.series.find((x) => x.key === key);
      expect(s?.basis.ja).toContain('子ども女性比');
      expect(s?.basis.en).toContain('iTFR');
      const applied = applyScenario(spec, patterns[k]!);
      if (!applied.ok) throw new Error('pattern');
      const run = projectSpec(applied.value);
      if (!run.ok) throw new Error('run');
      const y = 2045;
      expect(s?.values[v.compareYears.indexOf(y)]).toBeCloseTo(
        run.value.population[String(y)] ? run.value.annualTotal[String(y)]! : Number.NaN,
        6,
      );
    }
    // Pattern 1 (TFR 2.1) lies above the base projection by 2045; pattern 2 without migration differs again.
    const at = (key: string) =>
      v.series.find((x) => x.key === key)?.values[v.compareYears.indexOf(2045)] ?? 0;
    expect(at('cabinet-office-1')).toBeGreaterThan(at(v.series[0]!.key));
    expect(at('cabinet-office-2')).not.toBe(at('cabinet-office-1'));
  });
});
