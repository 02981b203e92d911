/**
 * The municipality's base projection spec, re-run from the rates its stored
 * projection table (IPSS, by sex and five-year age) implies: survival from a
 * Gompertz model table at the data set's life expectancy (Japan 2015 unless
 * it says otherwise), net migration = cohort change − survival, child-woman
 * ratio and 0-4 sex ratio per period. Re-running it reproduces the published
 * figures (see the core's tests). Also the district set derived from a stored
 * district table.
 */
import {
  type BySex,
  type CensusTable,
  censusFromRows,
  childWomanRatio,
  cohortChangeRatios,
  type DistrictSetSpec,
  deriveDistrictSet,
  gompertzLifeTable,
  ok,
  type PopulationSpec,
  type Result,
  residualMigration,
  sexRatio0to4,
  standardAgeGroups,
  survivalRatios,
} from '@mirai/core';
import type { PopulationSources } from './population-sources';

const labels = standardAgeGroups(90);

/** Japan's life expectancy at birth in 2015, the default for the survival model table. */
const japan2015 = { male: 80.75, female: 86.99 };

export const bySexAt = (t: CensusTable, year: number): BySex => ({
  male: labels.map((a) => t.get(`${year}|male|${a}`) ?? Number.NaN),
  female: labels.map((a) => t.get(`${year}|female|${a}`) ?? Number.NaN),
});

/** The years of a table, ascending. */
export const tableYears = (t: CensusTable): number[] =>
  [...new Set([...t.keys()].map((k) => Number(k.split('|')[0])))].sort((a, b) => a - b);

/** The projection's spec, or undefined when the municipality has no projection by sex and age. */
export function projectionSpec(src: PopulationSources): PopulationSpec | undefined {
  const p = src.projection;
  if (!p) return undefined;
  const t = p.table;
  const [baseYear, ...years] = tableYears(t);
  if (baseYear === undefined || years.length === 0) return undefined;
  const e0 = (p.dataset.meta.lifeExpectancy as { male: number; female: number } | undefined) ?? japan2015;
  const survival = {
    male: survivalRatios(gompertzLifeTable(e0.male).nLx),
    female: survivalRatios(gompertzLifeTable(e0.female).nLx),
  };
  const per = <T>(f: (y: number) => T) => Object.fromEntries(years.map((y) => [String(y), f(y)]));
  return {
    specVersion: 1,
    ageGroups: labels,
    baseYear,
    years,
    population: bySexAt(t, baseYear),
    method: 'ipss',
    survival,
    netMigrationRate: per((y) =>
      residualMigration(cohortChangeRatios(bySexAt(t, y - 5), bySexAt(t, y)), survival),
    ),
    childWomanRatio: per((y) => childWomanRatio(bySexAt(t, y))),
    sexRatio0to4: per((y) => sexRatio0to4(bySexAt(t, y))),
    area: src.municipality.code,
    provenance: {
      source: p.dataset.source,
      note:
        p.dataset.note ??
        `Re-run from the rates implied by the published tables; survival from a Gompertz model table (e0 ${e0.male} / ${e0.female})`,
    },
  };
}

export interface BroadCensus {
  year: number;
  young: number;
  working: number;
  old: number;
  total: number;
  source: string;
}

/**
 * Census years newer than the census by sex and age, known in three age groups
 * only (the census base row of a three-group projection, e.g. IPSS 2023's 2020).
 */
export function broadCensus(src: PopulationSources): BroadCensus[] {
  const a = src.age3;
  if (!a) return [];
  const last = src.census ? Math.max(...tableYears(src.census.table)) : -Infinity;
  return a.rows
    .filter((r) => r.cells.area_code === src.municipality.code && r.cells.status === 'base_census')
    .map((r) => ({
      year: Number(r.cells.year),
      young: Number(r.cells.age_0_14),
      working: Number(r.cells.age_15_64),
      old: Number(r.cells.age_65_plus),
      total: Number(r.cells.total),
      source: a.dataset.source,
    }))
    .filter((c) => c.year > last && [c.young, c.working, c.old, c.total].every(Number.isFinite))
    .sort((x, y) => x.year - y.year);
}

/**
 * The districts of the stored district table, derived between its two census
 * years, reconciled with the city: raked at every step to the city's
 * projection (the same run the population page shows) and, at a newer census
 * year known in three age groups, to that census.
 */
export function districtSet(
  src: PopulationSources,
  opts: { horizon?: number } = {},
): Result<DistrictSetSpec> | undefined {
  const d = src.districts;
  if (!d || !src.census) return undefined;
  const names = [
    ...new Map(d.rows.map((r) => [r.cells.district_code ?? '', r.cells.district ?? ''])).entries(),
  ];
  const districts: { code: string; name: string; table: CensusTable }[] = [];
  for (const [code, name] of names) {
    const t = censusFromRows(d.rows, code, d.dataset.fileName);
    if (!t.ok) return t;
    districts.push({ code, name, table: t.value });
  }
  const years = tableYears(districts[0]?.table ?? new Map());
  const from = Number(d.dataset.meta.from ?? years[0]);
  const to = Number(d.dataset.meta.to ?? years[years.length - 1]);
  const city = projectionSpec(src);
  const horizon = opts.horizon ?? city?.years[city.years.length - 1];
  const set = deriveDistrictSet(src.census.table, src.municipality.code, districts, {
    from,
    to,
    ...(horizon !== undefined ? { horizon } : {}),
    sample: d.dataset.sample,
  });
  if (!set.ok) return set;
  // One run: the city's projection when it shares the districts' base year and grid.
  if (!city || city.baseYear !== set.value.city.baseYear || city.years.join() !== set.value.city.years.join())
    return ok(set.value);
  const n = city.ageGroups.length;
  const anchors = broadCensus(src)
    .filter((c) => city.years.includes(c.year))
    .map((c) => ({
      year: c.year,
      source: c.source,
      groups: [
        { from: 0, to: 3, total: c.young },
        { from: 3, to: 13, total: c.working },
        { from: 13, to: n, total: c.old },
      ],
    }));
  return ok({ ...set.value, city, anchors });
}
