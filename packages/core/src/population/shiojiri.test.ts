/**
 * Shiojiri (20215): re-running IPSS 2018 from the rates implied by its own
 * tables reproduces its published figures; assumptions derived from the
 * 2010 and 2015 censuses match the research note.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { standardAgeGroups } from './age-groups';
import {
  type CensusTable,
  censusFromRows,
  childWomanRatio,
  cohortChangeRatios,
  deriveSpec,
  distributeUnknown,
  impliedSpec,
  residualMigration,
  sexRatio0to4,
} from './derive';
import { gompertzLifeTable, survivalRatios } from './life-table';
import { projectSpec } from './project';
import type { BySex, PopulationSpec } from './types';

function rows(name: string) {
  const text = readFileSync(new URL(`../../../../data/population/${name}`, import.meta.url), 'utf8');
  const [head, ...lines] = text.trim().split(/\r?\n/);
  const cols = (head ?? '').split(',');
  return lines.map((l, i) => ({
    row: i + 2,
    cells: Object.fromEntries(l.split(',').map((v, j) => [cols[j], v])),
  }));
}
const labels = standardAgeGroups(90);
const ipssTable = censusFromRows(rows('shiojiri_ipss2018_projection_2015_2045_sex_age5.csv'), '20215');
const censusTable = censusFromRows(rows('shiojiri_census_1980_2015_sex_age5.csv'), '20215');
const tableOf = (r: typeof ipssTable): CensusTable => {
  if (!r.ok) throw new Error('fixture');
  return r.value;
};
const at = (t: CensusTable, year: number): BySex => ({
  male: labels.map((a) => t.get(`${year}|male|${a}`) ?? Number.NaN),
  female: labels.map((a) => t.get(`${year}|female|${a}`) ?? Number.NaN),
});

describe('IPSS 2018 for Shiojiri, re-run from its implied rates', () => {
  const t = tableOf(ipssTable);
  const years = [2020, 2025, 2030, 2035, 2040, 2045];
  const survival = {
    male: survivalRatios(gompertzLifeTable(80.75).nLx),
    female: survivalRatios(gompertzLifeTable(86.99).nLx),
  };
  const per = <T>(f: (y: number) => T) => Object.fromEntries(years.map((y) => [String(y), f(y)]));
  const spec: PopulationSpec = {
    specVersion: 1,
    ageGroups: labels,
    baseYear: 2015,
    years,
    population: at(t, 2015),
    method: 'ipss',
    survival,
    netMigrationRate: per((y) => residualMigration(cohortChangeRatios(at(t, y - 5), at(t, y)), survival)),
    childWomanRatio: per((y) => childWomanRatio(at(t, y))),
    sexRatio0to4: per((y) => sexRatio0to4(at(t, y))),
  };
  const result = projectSpec(spec);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  const p = result.value;

  it('reproduces every published cell to the person', () => {
    for (const y of years) {
      expect(p.population[String(y)]!.male.map(Math.round)).toEqual(at(t, y).male);
      expect(p.population[String(y)]!.female.map(Math.round)).toEqual(at(t, y).female);
    }
  });

  it('reproduces the published totals', () => {
    const published = [67135, 66297, 65095, 63570, 61748, 59742, 57549];
    expect([2015, ...years].map((y) => Math.round(p.total[String(y)]!))).toEqual(published);
  });

  it('impliedSpec builds the same spec from the table', () => {
    const implied = impliedSpec(t, { area: '20215', baseYear: 2015, lastYear: 2045 });
    if (!implied.ok) throw new Error(JSON.stringify(implied.problems));
    const q = projectSpec(implied.value);
    expect(q.ok && q.value.total).toEqual(p.total);
  });

  it('uses the assumptions the note reports (CWR 0.203 → 0.212, 0-4 sex ratio ≈ 1.052)', () => {
    expect(childWomanRatio(at(t, 2020))).toBeCloseTo(0.203, 3);
    expect(childWomanRatio(at(t, 2045))).toBeCloseTo(0.212, 3);
    expect(sexRatio0to4(at(t, 2030))).toBeCloseTo(1.052, 2);
  });

  it('gives three age groups that add up to the total, and annual totals between the points', () => {
    const g = p.ageGroups3['2030']!;
    expect(g['0-14'] + g['15-64'] + g['65+']).toBeCloseTo(p.total['2030']!, 6);
    expect(p.annualTotal['2032']).toBeCloseTo(
      p.total['2030']! + (2 / 5) * (p.total['2035']! - p.total['2030']!),
      6,
    );
    expect(Object.keys(p.annualTotal)).toHaveLength(2045 - 2015 + 1);
  });
});

describe('assumptions from the 2010 and 2015 censuses', () => {
  const t = tableOf(censusTable);

  it('finds the observed cohort change ratios and child-woman ratios of the note', () => {
    const ccr = cohortChangeRatios(at(t, 2010), at(t, 2015));
    expect(ccr.male[3]).toBeCloseTo(0.928, 3);
    expect(ccr.female[3]).toBeCloseTo(0.931, 3);
    expect(ccr.male[4]).toBeCloseTo(1.309, 3);
    expect(ccr.female[4]).toBeCloseTo(1.158, 3);
    expect(childWomanRatio(at(t, 2015))).toBeCloseTo(0.201, 3);
    expect(childWomanRatio(at(t, 2010))).toBeCloseTo(0.213, 3);
  });

  it('distributes the age-unknown persons proportionally, keeping the total', () => {
    const d = distributeUnknown([10, 30, 60], 5);
    expect(d).toEqual([10.5, 31.5, 63]);
    const spec = deriveSpec(t, { area: '20215', from: 2010, to: 2015 });
    if (!spec.ok) throw new Error(JSON.stringify(spec.problems));
    const s = spec.value.population;
    expect([...s.male, ...s.female].reduce((a, b) => a + b, 0)).toBeCloseTo(67135, 6);
  });

  it('derives a spec whose projection starts from the census and runs to 2050', () => {
    const spec = deriveSpec(t, { area: '20215', from: 2010, to: 2015 });
    if (!spec.ok) throw new Error(JSON.stringify(spec.problems));
    const r = projectSpec(spec.value);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.years).toEqual([2015, 2020, 2025, 2030, 2035, 2040, 2045, 2050]);
    // With 2010→15 rates held constant the city keeps shrinking slowly.
    expect(r.value.total['2050']!).toBeLessThan(67135);
    expect(r.warnings).toBeUndefined();
  });

  it('reports missing census cells and a wrong year gap by name', () => {
    const spec = deriveSpec(t, { area: '20215', from: 2015, to: 2020 });
    expect(spec.ok).toBe(false);
    if (spec.ok) return;
    expect(spec.problems[0]!.code).toBe('population/census-missing');
    expect(spec.problems).toHaveLength(38);
    const gap = deriveSpec(t, { area: '20215', from: 2005, to: 2015 });
    expect(!gap.ok && gap.problems[0]!.code).toBe('population/census-years');
  });

  it('names the row and column of an unreadable census cell', () => {
    const bad = censusFromRows(
      [
        {
          row: 7,
          cells: { municipality_code: '20215', year: '2015', sex: 'male', age_group: '0-4', population: 'x' },
        },
      ],
      '20215',
      'c.csv',
    );
    expect(!bad.ok && bad.problems[0]!.where).toEqual({ file: 'c.csv', row: 7, column: 'population' });
    const none = censusFromRows([], '99999');
    expect(!none.ok && none.problems[0]!.code).toBe('population/area-not-found');
  });
});
