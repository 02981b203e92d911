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

/** The districts of the stored district table, derived between its two census years. */
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
  const set = deriveDistrictSet(src.census.table, src.municipality.code, districts, {
    from,
    to,
    ...(opts.horizon !== undefined ? { horizon: opts.horizon } : {}),
    sample: d.dataset.sample,
  });
  return set.ok ? ok(set.value) : set;
}
