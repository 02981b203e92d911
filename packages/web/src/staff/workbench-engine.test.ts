import { type DistrictSetSpec, gompertzLifeTable, type PopulationSpec, survivalRatios } from '@mirai/core';
import { describe, expect, it } from 'vitest';
import { neutralLevers, recalcWorkbench } from './workbench-engine';

// A small synthetic (not real) city of two districts, for checking the workbench's arithmetic.
const ages = [
  '0-4',
  '5-9',
  '10-14',
  '15-19',
  '20-24',
  '25-29',
  '30-34',
  '35-39',
  '40-44',
  '45-49',
  '50-54',
  '55-59',
  '60-64',
  '65-69',
  '70-74',
  '75-79',
  '80-84',
  '85-89',
  '90+',
];
const survival = {
  male: survivalRatios(gompertzLifeTable(81).nLx),
  female: survivalRatios(gompertzLifeTable(87).nLx),
};
const spec = (scale: number): PopulationSpec => ({
  specVersion: 1,
  ageGroups: ages,
  baseYear: 2015,
  years: [2020, 2025, 2030],
  population: { male: ages.map(() => 100 * scale), female: ages.map(() => 100 * scale) },
  method: 'ipss',
  survival,
  netMigrationRate: { male: ages.map(() => 0.01), female: ages.map(() => 0.01) },
  childWomanRatio: 0.2,
  sexRatio0to4: 1.05,
});
const set: DistrictSetSpec = {
  specVersion: 1,
  kind: 'districts',
  sample: true,
  city: spec(3),
  districts: [
    { name: 'A', spec: spec(1) },
    { name: 'B', spec: spec(2) },
  ],
};

describe('recalcWorkbench', () => {
  const base = recalcWorkbench(set, neutralLevers, 2027);
  it('neutral levers: the districts add up to the city, the target year is interpolated', () => {
    expect(base.problems).toEqual([]);
    for (let k = 0; k < base.years.length; k++) {
      const sum = base.districts.reduce((a, d) => a + (d.total[k] ?? 0), 0);
      expect(sum).toBeCloseTo(base.total[k] ?? 0, 6);
    }
    const i = base.years.indexOf(2025);
    expect(base.atTarget).toBeCloseTo(
      (base.total[i] ?? 0) + (2 / 5) * ((base.total[i + 1] ?? 0) - (base.total[i] ?? 0)),
      6,
    );
  });
  it('each lever moves the projection the right way', () => {
    const last = base.total.length - 1;
    const at = (l: Partial<typeof neutralLevers>) =>
      recalcWorkbench(set, { ...neutralLevers, ...l }).total[last] ?? 0;
    const b = base.total[last] ?? 0;
    expect(at({ added: 100 })).toBeGreaterThan(b);
    expect(at({ fertility: 1.5 })).toBeGreaterThan(b);
    expect(at({ fertility: 0.5 })).toBeLessThan(b);
    expect(at({ migration: 0 })).toBeLessThan(b);
    expect(at({ mortality: 0.5 })).toBeGreaterThan(b);
  });
});
