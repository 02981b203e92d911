/** The chance of reaching a figure: counted per trajectory, exact at zero spread; the iTFR makes TFR patterns runnable. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileSpec } from './compile-spec';
import { censusFromRows, deriveSpec } from './derive';
import { impliedTfr, withImpliedTfr } from './implied-tfr';
import { allocateTotals, compileForSimulation, simulate, simulateInto } from './monte-carlo';
import { projectSpec } from './project';
import { countReached, simulateWithReach } from './reach-probability';
import { applyScenarioCompiled, cabinetOfficePatterns } from './scenarios';
import { valueAtYear } from './summaries';

function rows(name: string) {
  const text = readFileSync(new URL(`../../../../data/population/${name}`, import.meta.url), 'utf8');
  const [head, ...lines] = text.trim().split(/\r?\n/);
  const cols = (head ?? '').split(',');
  return lines.map((l, i) => ({
    row: i + 2,
    cells: Object.fromEntries(l.split(',').map((v, j) => [cols[j], v])),
  }));
}
const must = <T>(r: { ok: true; value: T } | { ok: false }) => {
  if (!r.ok) throw new Error('fixture');
  return r.value;
};
const city = must(censusFromRows(rows('shiojiri_census_1980_2015_sex_age5.csv'), '20215'));
const spec = must(deriveSpec(city, { area: '20215', from: 2010, to: 2015 }));
const zero = { fertility: 0, migrationLevel: 0, migrationPeriod: 0, migrationDistrict: 0, mortality: 0 };

describe('probability of reaching a figure', () => {
  it('is 1 or 0 around the deterministic figure when nothing varies', () => {
    const det = must(projectSpec(spec));
    const at = det.annualTotal['2032']!;
    const below = must(
      simulateWithReach(spec, { trajectories: 4, seed: 1, sigmas: zero }, { year: 2032, threshold: at - 1 }),
    );
    const above = must(
      simulateWithReach(spec, { trajectories: 4, seed: 1, sigmas: zero }, { year: 2032, threshold: at + 1 }),
    );
    expect(below.reach.probability).toBe(1);
    expect(above.reach.probability).toBe(0);
    expect(above.reach.standardError).toBe(0);
  });

  it('counts each trajectory at the year, and its summary is the plain simulation', () => {
    const o = { trajectories: 300, seed: 7 };
    const set = must(compileForSimulation(spec));
    const m = allocateTotals(set, o.trajectories);
    simulateInto(set, o, 0, o.trajectories, m.totals);
    const median = must(simulate(spec, o)).areas[0]!.total['2030']!.median;
    const r = must(simulateWithReach(spec, o, { year: 2032, threshold: median }));
    let count = 0;
    for (let t = 0; t < o.trajectories; t++) {
      const series = m.years.map((_, k) => m.totals[k * o.trajectories + t]!);
      if (valueAtYear(m.years, series, 2032) >= median) count++;
    }
    expect(r.reach.reached).toBe(count);
    expect(count).toBeGreaterThan(0);
    expect(count).toBeLessThan(o.trajectories);
    expect(r.result).toEqual(must(simulate(spec, o)));
    expect(countReached(m.years, m.totals, o.trajectories, 2032, -1).probability).toBe(1);
  });

  it('refuses a year outside the projection', () => {
    const r = simulateWithReach(spec, { trajectories: 2, seed: 1 }, { year: 2100, threshold: 1 });
    expect(!r.ok && r.problems[0]?.code).toBe('population/value-out-of-range');
  });
});

describe('implied TFR', () => {
  it('is seven times the child-woman ratio, per period', () => {
    const ipss = { ...spec, method: 'ipss' as const, childWomanRatio: { '2020': 0.2, '2025': 0.21 } };
    expect(withImpliedTfr(ipss).tfr).toEqual({ '2020': impliedTfr(0.2), '2025': impliedTfr(0.21) });
    expect(impliedTfr(0.2)).toBeCloseTo(1.4, 12);
    expect(withImpliedTfr({ ...ipss, tfr: 1.5 }).tfr).toBe(1.5);
  });

  it('lets the Cabinet Office patterns run: without a TFR they are refused', () => {
    const c = must(compileSpec(spec));
    const noTfr = { ...c, periods: c.periods.map((p) => ({ ...p, tfr: undefined })) };
    const [pattern1] = cabinetOfficePatterns();
    const refused = applyScenarioCompiled(noTfr, pattern1!);
    expect(!refused.ok && refused.problems[0]?.code).toBe('population/field-missing');
    const tfrs = Object.fromEntries(c.periods.map((p) => [String(p.endYear), impliedTfr(p.cwr)]));
    const withTfr = must(compileSpec({ ...spec, tfr: tfrs }));
    const applied = must(applyScenarioCompiled(withTfr, pattern1!));
    const p2030 = applied.periods.find((p) => p.endYear === 2030)!;
    expect(p2030.tfr).toBeCloseTo(2.1, 12);
    // Fertility is scaled by the ratio of the path's TFR to the period's own.
    const before = withTfr.periods.find((p) => p.endYear === 2030)!;
    expect(p2030.cwr / before.cwr).toBeCloseTo(2.1 / before.tfr!, 12);
  });
});
