/** Scenarios: fertility path, migration multiplier, added migrants, mortality, Cabinet Office patterns, baselines. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compileSpec } from './compile-spec';
import { censusFromRows, deriveSpec } from './derive';
import { projectSpec } from './project';
import {
  applyScenario,
  cabinetOfficePatterns,
  pathValue,
  type Scenario,
  specFromCompiled,
  workingAgeSchedule,
} from './scenarios';
import {
  compareScenarios,
  compareSeries,
  type PopulationSeries,
  seriesFromAge3Rows,
  seriesFromProjection,
} from './series';
import type { PopulationSpec, Projection } from './types';

function rows(name: string) {
  const text = readFileSync(new URL(`../../../../data/population/${name}`, import.meta.url), 'utf8');
  const [head, ...lines] = text.trim().split(/\r?\n/);
  const cols = (head ?? '').split(',');
  return lines.map((l, i) => ({
    row: i + 2,
    cells: Object.fromEntries(l.split(',').map((v, j) => [cols[j], v])),
  }));
}
const table = censusFromRows(rows('shiojiri_census_1980_2015_sex_age5.csv'), '20215');
if (!table.ok) throw new Error('fixture');
const derived = deriveSpec(table.value, { area: '20215', from: 2010, to: 2015 });
if (!derived.ok) throw new Error('fixture');
const base: PopulationSpec = { ...derived.value, tfr: 1.5 };
const run = (spec: unknown): Projection => {
  const r = projectSpec(spec);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
};
const scen = (s: Scenario) => {
  const r = applyScenario(base, s);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return run(r.value);
};
const b = run(base);

describe('scenarios', () => {
  it('round-trips a compiled spec to an explicit per-period spec with the same projection', () => {
    const c = compileSpec(base);
    if (!c.ok) throw new Error('spec');
    expect(run(specFromCompiled(c.value)).total).toEqual(b.total);
  });

  it('a higher TFR raises 0-4 from the next step only, by the TFR ratio', () => {
    const p = scen({ name: 'tfr', tfrPath: { points: { '2020': 1.8 } } });
    expect(p.population['2020']!.male[0]! / b.population['2020']!.male[0]!).toBeCloseTo(1.2, 10);
    expect(p.population['2020']!.female.slice(1)).toEqual(b.population['2020']!.female.slice(1));
    expect(p.total['2050']!).toBeGreaterThan(b.total['2050']!);
    expect(pathValue({ '2015': 1.5, '2030': 2.1 }, 2020)).toBeCloseTo(1.7, 12);
  });

  it('zero net migration removes the 20-24 → 25-29 jump', () => {
    const ratio = (p: Projection) => p.population['2020']!.male[5]! / p.population['2015']!.male[4]!;
    expect(ratio(b)).toBeGreaterThan(1.2);
    expect(ratio(scen({ name: 'closed', migrationMultiplier: 0 }))).toBeLessThan(1);
  });

  it('adds in-migrants per year spread by the age schedule', () => {
    const p = scen({ name: 'added', addedMigrantsPerYear: 100 });
    const schedule = workingAgeSchedule(19);
    for (let i = 0; i < 17; i++) {
      expect(p.population['2020']!.female[i + 1]! - b.population['2020']!.female[i + 1]!).toBeCloseTo(
        500 * schedule.female[i]!,
        8,
      );
    }
    expect(p.total['2020']! - b.total['2020']!).toBeGreaterThan(500);
  });

  it('lower mortality keeps more people at older ages', () => {
    const p = scen({ name: 'longer lives', mortalityMultiplier: 0.8 });
    expect(p.ageGroups3['2040']!['65+']).toBeGreaterThan(b.ageGroups3['2040']!['65+']);
    // Deaths fall most where mortality is high: the old gain far more than the young.
    const gain = (g: '0-14' | '65+') => p.ageGroups3['2040']![g] / b.ageGroups3['2040']![g] - 1;
    expect(gain('65+')).toBeGreaterThan(10 * gain('0-14'));
  });

  it('Cabinet Office patterns: TFR 2.1 by 2030 raises the total; zero migration then changes it', () => {
    const [sim1, sim2] = cabinetOfficePatterns();
    const p1 = scen(sim1!);
    const p2 = scen(sim2!);
    expect(p1.total['2050']!).toBeGreaterThan(b.total['2050']!);
    expect(p2.total['2050']!).not.toBeCloseTo(p1.total['2050']!, 0);
    const missing = applyScenario(derived.value, sim1!);
    expect(!missing.ok && missing.problems[0]!.code).toBe('population/field-missing');
  });

  it('keeps baselines side by side with their provenance', () => {
    const ipss2023 = seriesFromAge3Rows(
      rows('nagano_ipss2023_projection_2020_2050_age3.csv'),
      '20215',
      'IPSS 2023',
      {
        source: 'IPSS 令和5年推計',
      },
    );
    expect(ipss2023.total['2050']).toBe(57415);
    expect(ipss2023.ageGroups3?.['2020']).toEqual({ '0-14': 8362, '15-64': 39623, '65+': 19256 });
    const file = JSON.parse(
      readFileSync(new URL('../../../../data/population/shiojiri-baselines.json', import.meta.url), 'utf8'),
    ) as { series: PopulationSeries[] };
    const city = file.series[0]!;
    const mine = seriesFromProjection('derived 2010-15', b, { source: 'census' });
    const table = compareSeries([ipss2023, city, mine], [2032, 2050]);
    expect(table[0]!.values[0]).toBeCloseTo(64684 + (2 / 5) * (63146 - 64684), 6);
    expect(table[0]!.values[1]).toBe(63200);
    expect(table[1]!.values[1]).toBe(54300);
    expect(compareSeries([city], [2040])[0]!.values[0]).toBeCloseTo(63200 + (8 / 18) * (54300 - 63200), 6);
  });

  it('compares a base, scenarios and stored series side by side', () => {
    const [sim1, sim2] = cabinetOfficePatterns();
    const r = compareScenarios(
      base,
      [sim1!, sim2!],
      [
        {
          name: 'plan',
          area: '20215',
          kind: 'plan',
          provenance: { source: 'plan' },
          total: { '2032': 63200, '2050': 54300 },
        },
      ],
      [2015, 2032, 2050],
    );
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.value.columns.map((c) => c.name)).toEqual(['base', sim1!.name, sim2!.name, 'plan']);
    expect(r.value.rows[0]!.values.slice(0, 3)).toEqual([b.total['2015'], b.total['2015'], b.total['2015']]);
    expect(r.value.rows[0]!.values[3]).toBeNull();
    expect(r.value.rows[1]!.values[0]).toBeCloseTo(b.annualTotal['2032']!, 6);
    expect(r.value.columns[1]!.provenance.source).toContain(sim1!.name);
  });
});
