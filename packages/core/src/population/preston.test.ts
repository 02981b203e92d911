/** Reference tests: Preston, Heuveline & Guillot (2001) Box 6.1 (closed, Leslie) and Box 6.2 (with migration). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { standardAgeGroups } from './age-groups';
import { projectSpec } from './project';
import type { PopulationSpec, Projection } from './types';

function readCsv(name: string): Record<string, string>[] {
  const text = readFileSync(new URL(`../../../../data/population/${name}`, import.meta.url), 'utf8');
  const [head, ...lines] = text.trim().split(/\r?\n/);
  const cols = (head ?? '').split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v])));
}
const col = (rows: Record<string, string>[], c: string) => rows.map((r) => Number(r[c]));
const project = (spec: PopulationSpec): Projection => {
  const r = projectSpec(spec);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
};

describe('Box 6.1: Sweden 1993 females, closed, Leslie', () => {
  const rows = readCsv('preston_sweden1993_female_closed_leslie.csv');
  const pop = col(rows, 'female_pop_1993');
  const L = col(rows, 'nLx_radix100000');
  const spec: PopulationSpec = {
    specVersion: 1,
    ageGroups: standardAgeGroups(85),
    baseYear: 1993,
    years: [1998, 2003],
    population: { male: pop, female: pop },
    method: 'ccmpp',
    nLx: { male: L, female: L },
    l0: 100000,
    asfr: col(rows, 'asfr'),
    srb: 1.05,
  };
  const result = project(spec);

  it('reproduces 1998 and 2003 to the person', () => {
    const r1998 = result.population['1998']!.female.map(Math.round);
    const r2003 = result.population['2003']!.female.map(Math.round);
    expect(r1998).toEqual(col(rows, 'expected_female_1998'));
    expect(r2003).toEqual(col(rows, 'expected_female_2003'));
  });

  it('sums to three decimals', () => {
    const f = (y: string) => result.population[y]!.female.reduce((a, b) => a + b, 0);
    expect(f('1998')).toBeCloseTo(4449569.727, 3);
    expect(f('2003')).toBeCloseTo(4478712.273, 3);
  });

  it('grows at the dominant eigenvalue 1.00111 per 5 years in the long run', () => {
    const years = Array.from({ length: 120 }, (_, i) => 1998 + 5 * i);
    const long = project({ ...spec, years });
    const f = (y: number) => long.population[String(y)]!.female.reduce((a, b) => a + b, 0);
    const last = years[years.length - 1]!;
    expect(f(last) / f(last - 5)).toBeCloseTo(1.00111, 5);
  });
});

describe('Box 6.2: Sweden 1993, with net migration ("even" timing), 80+ open', () => {
  const rows = readCsv('preston_sweden1993_box62_ccmpp_migration.csv');
  const pop = col(rows, 'pop_1993_each_sex');
  const surv = col(rows, 'surv_ratio_into_next_group');
  const mig = col(rows, 'net_mig_rate_annual').map((r, i) => r * pop[i]! * 5);
  const result = project({
    specVersion: 1,
    ageGroups: standardAgeGroups(80),
    baseYear: 1993,
    years: [1998],
    population: { male: pop, female: pop },
    method: 'ccmpp',
    survival: { male: surv, female: surv },
    birthSurvival: { male: 0.994974, female: 0.994974 },
    asfr: col(rows, 'asfr'),
    srb: 1.05,
    netMigrants: { male: mig, female: mig },
    migrationTiming: 'even',
  });

  it('reproduces the females of 1998 to the person', () => {
    expect(result.population['1998']!.female.map(Math.round)).toEqual(col(rows, 'expected_female_1998'));
  });

  it('reproduces males 0-4 (317,340) and the other male groups', () => {
    expect(result.population['1998']!.male.map(Math.round)).toEqual(col(rows, 'expected_male_1998'));
  });
});
