/**
 * The city's base projection spec: IPSS 2018 for Shiojiri re-run from the
 * rates its own tables imply (survival from a Gompertz model table with
 * Japan's 2015 life expectancy, net migration = cohort change − survival,
 * child-woman ratio and 0-4 sex ratio per period). Re-running it reproduces
 * the published figures (see packages/core/src/population/shiojiri.test.ts).
 * Also the illustrative district set derived from the sample district census.
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
import { type PopulationSources, SHIOJIRI_CODE } from './population-sources';

export const IPSS2018_YEARS = [2020, 2025, 2030, 2035, 2040, 2045];
const labels = standardAgeGroups(90);

export const bySexAt = (t: CensusTable, year: number): BySex => ({
  male: labels.map((a) => t.get(`${year}|male|${a}`) ?? Number.NaN),
  female: labels.map((a) => t.get(`${year}|female|${a}`) ?? Number.NaN),
});

export function ipss2018Spec(src: PopulationSources): PopulationSpec {
  const t = src.ipss2018;
  const survival = {
    male: survivalRatios(gompertzLifeTable(80.75).nLx),
    female: survivalRatios(gompertzLifeTable(86.99).nLx),
  };
  const per = <T>(f: (y: number) => T) => Object.fromEntries(IPSS2018_YEARS.map((y) => [String(y), f(y)]));
  return {
    specVersion: 1,
    ageGroups: labels,
    baseYear: 2015,
    years: IPSS2018_YEARS,
    population: bySexAt(t, 2015),
    method: 'ipss',
    survival,
    netMigrationRate: per((y) =>
      residualMigration(cohortChangeRatios(bySexAt(t, y - 5), bySexAt(t, y)), survival),
    ),
    childWomanRatio: per((y) => childWomanRatio(bySexAt(t, y))),
    sexRatio0to4: per((y) => sexRatio0to4(bySexAt(t, y))),
    area: SHIOJIRI_CODE,
    provenance: {
      source: '国立社会保障・人口問題研究所「日本の地域別将来推計人口（平成30(2018)年推計）」塩尻市',
      note: 'Re-run from the rates implied by the published tables; survival from a Gompertz model table (e0 80.75 / 86.99)',
    },
  };
}

/** The districts of the illustrative sample (sample: true), derived from their 2010 and 2015 "censuses". */
export function sampleDistrictSet(src: PopulationSources): Result<DistrictSetSpec> {
  const names = [
    ...new Map(src.districtRows.map((r) => [r.cells.district_code ?? '', r.cells.district ?? ''])).entries(),
  ];
  const districts: { code: string; name: string; table: CensusTable }[] = [];
  for (const [code, name] of names) {
    const t = censusFromRows(src.districtRows, code, 'shiojiri-districts-sample.csv');
    if (!t.ok) return t;
    districts.push({ code, name, table: t.value });
  }
  const set = deriveDistrictSet(src.census, SHIOJIRI_CODE, districts, { from: 2010, to: 2015, sample: true });
  return set.ok ? ok(set.value) : set;
}
