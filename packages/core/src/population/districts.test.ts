/** Districts: own rates, shrinkage toward the city, raking to the city in every cell, negative guard, sample flags. */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CensusTable, censusFromRows } from './derive';
import {
  compileDistrictSet,
  type DistrictSetSpec,
  deriveDistrictSet,
  projectDistricts,
  rakeToCity,
} from './districts';
import { flattenIpss, totalsFlat } from './flat-ipss';

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
const sampleRows = rows('shiojiri-districts-sample.csv');
const names = [...new Map(sampleRows.map((r) => [r.cells.district_code!, r.cells.district!])).entries()];
const districts = names.map(([code, name]) => ({
  code,
  name,
  table: must(censusFromRows(sampleRows, code)) as CensusTable,
}));
const derive = (priorWeight?: number) =>
  must(
    deriveDistrictSet(city, '20215', districts, {
      from: 2010,
      to: 2015,
      sample: true,
      ...(priorWeight !== undefined ? { priorWeight } : {}),
    }),
  );

describe('district projection (sample data)', () => {
  const set = derive();
  const result = projectDistricts(set);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  const p = result.value;

  it('the sample file says sample=true on every row, and so does the output', () => {
    expect(sampleRows.every((r) => r.cells.sample === 'true')).toBe(true);
    expect(set.sample).toBe(true);
    expect(p.sample).toBe(true);
    expect(p.districts.every((d) => d.sample === true)).toBe(true);
    expect(p.districts.map((d) => d.name)).toEqual([
      '大門',
      '塩尻東',
      '片丘',
      '高出',
      '広丘',
      '吉田',
      '洗馬',
      '宗賀',
      '北小野',
      '楢川',
    ]);
  });

  it('districts sum to the city in every sex × age cell of every year', () => {
    for (const y of p.city.years) {
      for (const sex of ['male', 'female'] as const) {
        p.city.population[String(y)]![sex].forEach((v, i) => {
          const s = p.districts.reduce((a, d) => a + d.population[String(y)]![sex][i]!, 0);
          expect(s).toBeCloseTo(v, 6);
        });
      }
    }
  });

  it('projects each district with its own rates', () => {
    const change = (name: string) => {
      const d = p.districts.find((x) => x.name === name)!;
      return d.total['2050']! / d.total['2015']!;
    };
    expect(change('広丘')).toBeGreaterThan(change('楢川'));
    expect(change('吉田')).toBeGreaterThan(change('北小野'));
  });

  it('shrinks small districts toward the city more than large ones', () => {
    const cityM = set.city.netMigrationRate as { male: number[] };
    const dist = (name: string, s: DistrictSetSpec) => {
      const m = (s.districts.find((d) => d.name === name)!.spec.netMigrationRate as { male: number[] }).male;
      return m.reduce((a, v, i) => a + Math.abs(v - cityM.male[i]!), 0);
    };
    const strong = derive(1e9);
    expect(dist('北小野', strong)).toBeLessThan(1e-4);
    const none = derive(0);
    expect(dist('北小野', set) / dist('北小野', none)).toBeLessThan(dist('広丘', set) / dist('広丘', none));
  });

  it('guards negative cells and reports the district, year, sex and age group', () => {
    const bad = structuredClone(set);
    const d = bad.districts[9]!.spec;
    const m = d.netMigrationRate as { male: number[]; female: number[] };
    m.male[6] = -3;
    const r = projectDistricts(bad);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const w = r.warnings ?? [];
    expect(w[0]?.code).toBe('population/negative-guarded');
    expect(w[0]?.details).toMatchObject({ area: '楢川', year: 2020, sex: 'male', ageGroup: '35-39' });
    expect(r.value.districts[9]!.population['2020']!.male[7]).toBeGreaterThanOrEqual(0);
  });

  it('the flat deterministic kernel gives the same totals for every area and year', () => {
    const c = compileDistrictSet(set);
    if (!c.ok) throw new Error('compile');
    const F = flattenIpss(c.value)!;
    const out = totalsFlat(F, new Float64Array(F.areas * (F.periods + 1)));
    [p.city, ...p.districts].forEach((area, a) => {
      area.years.forEach((y, k) => {
        expect(out[a * area.years.length + k]).toBeCloseTo(area.total[String(y)]!, 6);
      });
    });
  });

  it('rejects a district whose spec does not match the city', () => {
    const bad = structuredClone(set);
    bad.districts[2]!.spec.years = [2020, 2025];
    const r = projectDistricts(bad);
    expect(!r.ok && r.problems.map((x) => x.code)).toEqual(['population/district-mismatch']);
  });
});

describe('rakeToCity', () => {
  it('makes any non-negative districts sum to the city in every cell', () => {
    fc.assert(
      fc.property(
        fc.array(fc.float64Array({ minLength: 6, maxLength: 6, min: 0, max: 1000, noNaN: true }), {
          minLength: 1,
          maxLength: 5,
        }),
        fc.float64Array({ minLength: 6, maxLength: 6, min: 0, max: 1000, noNaN: true }),
        (ds, c) => {
          rakeToCity(c, ds);
          for (let j = 0; j < 6; j++) {
            const s = ds.reduce((a, d) => a + d[j]!, 0);
            expect(s).toBeCloseTo(c[j]!, 6);
            for (const d of ds) expect(d[j]!).toBeGreaterThanOrEqual(0);
          }
        },
      ),
    );
  });
});

describe('district anchors (a census year the city projection passes)', () => {
  const set = derive();
  const n = set.city.ageGroups.length;
  const anchor = {
    year: 2020,
    groups: [
      { from: 0, to: 3, total: 8362 },
      { from: 3, to: 13, total: 39623 },
      { from: 13, to: n, total: 19256 },
    ],
  };
  const anchored = projectDistricts({ ...set, anchors: [anchor] });
  const plain = projectDistricts(set);
  if (!anchored.ok || !plain.ok) throw new Error('projection');
  const sumAt = (p: typeof anchored.value, y: string) => p.districts.reduce((s, d) => s + d.total[y]!, 0);

  it('the districts sum to the census at the anchor year, by group', () => {
    expect(sumAt(anchored.value, '2020')).toBeCloseTo(8362 + 39623 + 19256, 6);
    const young = anchored.value.districts.reduce((s, d) => s + d.ageGroups3['2020']!['0-14'], 0);
    expect(young).toBeCloseTo(8362, 6);
    // Without the anchor they sum to the city's projection, which is not the census.
    expect(Math.abs(sumAt(plain.value, '2020') - 67241)).toBeGreaterThan(100);
  });

  it('the city run is unchanged and the districts sum to it at other years', () => {
    expect(anchored.value.city.total).toEqual(plain.value.city.total);
    for (const y of ['2025', '2035', '2050'])
      expect(sumAt(anchored.value, y)).toBeCloseTo(anchored.value.city.total[y]!, 6);
  });
});
