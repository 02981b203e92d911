/** Monte Carlo: reproducible, independent of how trajectories are split, collapses to the deterministic projection at zero spread. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { censusFromRows, deriveSpec } from './derive';
import { deriveDistrictSet, projectDistricts } from './districts';
import { allocateTotals, compileForSimulation, simulate, simulateInto } from './monte-carlo';
import { projectSpec } from './project';

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
const sampleRows = rows('shiojiri-districts-sample.csv');
const codes = [...new Map(sampleRows.map((r) => [r.cells.district_code!, r.cells.district!])).entries()];
const set = must(
  deriveDistrictSet(
    city,
    '20215',
    codes.map(([code, name]) => ({ code, name, table: must(censusFromRows(sampleRows, code)) })),
    { from: 2010, to: 2015, sample: true },
  ),
);
const zero = { fertility: 0, migrationLevel: 0, migrationPeriod: 0, migrationDistrict: 0, mortality: 0 };

describe('simulate', () => {
  it('collapses to the deterministic projection when every spread is 0 (city and districts)', () => {
    const det = must(projectSpec(spec));
    const r = must(simulate(spec, { trajectories: 5, seed: 1, sigmas: zero }));
    for (const y of r.years) {
      const q = r.areas[0]!.total[String(y)]!;
      expect(q.lower95).toBeCloseTo(det.total[String(y)]!, 6);
      expect(q.upper95).toBeCloseTo(det.total[String(y)]!, 6);
    }
    const dd = must(projectDistricts(set));
    const rd = must(simulate(set, { trajectories: 3, seed: 1, sigmas: zero }));
    expect(rd.sample).toBe(true);
    rd.areas.slice(1).forEach((a, i) => {
      expect(a.total['2050']!.median).toBeCloseTo(dd.districts[i]!.total['2050']!, 6);
    });
  });

  it('is reproducible for a seed and does not depend on how trajectories are split', () => {
    const c = must(compileForSimulation(set));
    const o = { trajectories: 200, seed: 20215 };
    const whole = allocateTotals(c, 200);
    simulateInto(c, o, 0, 200, whole.totals);
    const parts = allocateTotals(c, 200);
    simulateInto(c, o, 0, 77, parts.totals);
    simulateInto(c, o, 77, 200, parts.totals);
    expect(parts.totals).toEqual(whole.totals);
    const a = must(simulate(set, o));
    const b = must(simulate(set, { ...o, seed: 1 }));
    expect(must(simulate(set, o))).toEqual(a);
    expect(b.areas[0]!.total['2050']!.median).not.toBe(a.areas[0]!.total['2050']!.median);
  });

  it('the batched ipss kernel gives the same totals as the generic one', () => {
    const c = must(compileForSimulation(set));
    const o = { trajectories: 150, seed: 9 };
    const fast = allocateTotals(c, 150);
    simulateInto(c, o, 0, 150, fast.totals);
    const slow = allocateTotals(c, 150);
    simulateInto(c, { ...o, kernel: 'generic' }, 0, 150, slow.totals);
    fast.totals.forEach((v, i) => {
      expect(v).toBeCloseTo(slow.totals[i]!, 6);
    });
  });

  it('runs ccmpp specs too', () => {
    const rowsB = rows('preston_sweden1993_box62_ccmpp_migration.csv');
    const col = (c: string) => rowsB.map((r) => Number(r.cells[c]));
    const pop = col('pop_1993_each_sex');
    const surv = col('surv_ratio_into_next_group');
    const mig = col('net_mig_rate_annual').map((r, i) => r * pop[i]! * 5);
    const box = {
      specVersion: 1,
      ageGroups: [...Array.from({ length: 16 }, (_, i) => `${5 * i}-${5 * i + 4}`), '80+'],
      baseYear: 1993,
      years: [1998, 2003],
      population: { male: pop, female: pop },
      method: 'ccmpp',
      survival: { male: surv, female: surv },
      birthSurvival: { male: 0.994974, female: 0.994974 },
      asfr: col('asfr'),
      srb: 1.05,
      netMigrants: { male: mig, female: mig },
    };
    const det = must(projectSpec(box));
    const r = must(simulate(box, { trajectories: 4, seed: 3, sigmas: zero }));
    expect(r.areas[0]!.total['2003']!.median).toBeCloseTo(det.total['2003']!, 6);
    const wide = must(simulate(box, { trajectories: 500, seed: 3 }));
    const q = wide.areas[0]!.total['2003']!;
    expect(q.upper95 - q.lower95).toBeGreaterThan(0);
  });

  it('gives ordered intervals that widen with time, zero width at the base year', () => {
    const r = must(simulate(spec, { trajectories: 2000, seed: 5 }));
    const t = r.areas[0]!.total;
    const width = (y: number) => t[String(y)]!.upper95 - t[String(y)]!.lower95;
    expect(width(2015)).toBe(0);
    for (const y of r.years) {
      const q = t[String(y)]!;
      expect(
        q.lower95 <= q.lower80 && q.lower80 <= q.median && q.median <= q.upper80 && q.upper80 <= q.upper95,
      ).toBe(true);
    }
    expect(width(2050)).toBeGreaterThan(width(2030));
    expect(width(2030)).toBeGreaterThan(width(2020));
  });

  it('rejects a bad number of trajectories', () => {
    const r = simulate(spec, { trajectories: 0, seed: 1 });
    expect(!r.ok && r.problems[0]!.where).toEqual({ field: 'trajectories' });
  });
});
