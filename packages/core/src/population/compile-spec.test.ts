/** Bad specs: each problem names its field, period and index, all at once. */
import { describe, expect, it } from 'vitest';
import { standardAgeGroups } from './age-groups';
import { compileSpec } from './compile-spec';
import type { PopulationSpec } from './types';

const n = 19;
const fill = (v: number) => Array.from({ length: n }, () => v);
const good = (): PopulationSpec => ({
  specVersion: 1,
  ageGroups: standardAgeGroups(90),
  baseYear: 2015,
  years: [2020, 2025],
  population: { male: fill(100), female: fill(100) },
  method: 'ipss',
  survival: { male: fill(0.99), female: fill(0.99) },
  netMigrationRate: { male: fill(0), female: fill(0) },
  childWomanRatio: 0.2,
  sexRatio0to4: 1.05,
});
const codes = (spec: unknown) => {
  const r = compileSpec(spec);
  return r.ok ? [] : r.problems.map((p) => ({ code: p.code, where: p.where }));
};

describe('compileSpec', () => {
  it('accepts a good spec and per-period rates keyed by end year', () => {
    expect(compileSpec(good()).ok).toBe(true);
    const s = good();
    s.childWomanRatio = { '2020': 0.2, '2025': 0.21 };
    const r = compileSpec(s);
    expect(r.ok && r.value.periods.map((p) => p.cwr)).toEqual([0.2, 0.21]);
  });

  it('names wrong lengths, negative counts and survival above 1 with their index, all at once', () => {
    const s = good();
    s.population.male = fill(1).slice(1);
    s.population.female[4] = -3;
    s.survival = { male: fill(0.99), female: fill(0.99) };
    s.survival.female[7] = 1.2;
    expect(codes(s)).toEqual([
      { code: 'population/array-length', where: { field: 'population.male' } },
      { code: 'population/negative-value', where: { field: 'population.female', index: 4 } },
      { code: 'population/survival-above-one', where: { field: 'survival.female', index: 7 } },
    ]);
  });

  it('rejects age groups that are not contiguous 5-year groups', () => {
    const s = good();
    s.ageGroups = [...standardAgeGroups(90)];
    s.ageGroups[5] = '25-30';
    s.ageGroups[18] = '90-94';
    expect(codes(s)).toEqual([
      { code: 'population/age-groups-invalid', where: { field: 'ageGroups', index: 5 } },
      { code: 'population/age-groups-invalid', where: { field: 'ageGroups', index: 18 } },
    ]);
  });

  it('needs an open group of 65+ or later', () => {
    expect(
      codes({
        ...good(),
        ageGroups: standardAgeGroups(60),
        population: { male: fill(1).slice(0, 13), female: fill(1).slice(0, 13) },
      }),
    ).toEqual([{ code: 'population/age-groups-invalid', where: { field: 'ageGroups', index: 12 } }]);
  });

  it('rejects years off the 5-year grid or not consecutive', () => {
    expect(codes({ ...good(), years: [2020, 2027] })).toEqual([
      { code: 'population/year-off-grid', where: { field: 'years', index: 1 } },
    ]);
    expect(codes({ ...good(), years: [2020, 2030] })).toEqual([
      { code: 'population/years-not-consecutive', where: { field: 'years', index: 1 } },
    ]);
  });

  it('names a missing period and an unknown period key', () => {
    const s = good();
    s.sexRatio0to4 = { '2020': 1.05, '2030': 1.05 };
    expect(codes(s)).toEqual([
      { code: 'population/period-unknown', where: { field: 'sexRatio0to4', path: '2030' } },
      { code: 'population/period-missing', where: { field: 'sexRatio0to4', path: '2025' } },
    ]);
  });

  it('names the fields a method needs and an unsupported version', () => {
    const { survival: _s, childWomanRatio: _c, ...rest } = good();
    expect(codes(rest).map((p) => p.where?.field)).toEqual(['survival', 'childWomanRatio']);
    expect(codes({ ...good(), specVersion: 2 })[0]?.code).toBe('population/spec-version');
    expect(codes({ ...good(), method: 'ccmpp' }).map((p) => p.where?.field)).toEqual([
      'asfr',
      'srb',
      'birthSurvival',
    ]);
  });
});
