/**
 * Assumptions from data: read census rows for one area, distribute the
 * age-unknown persons, and derive cohort change ratios, the child-woman ratio,
 * the 0-4 sex ratio and residual net migration rates given survival; then
 * assemble an `ipss` spec from two censuses five years apart.
 */
import { fail, ok, type Problem, type Result } from '../errors';
import { standardAgeGroups } from './age-groups';
import { gompertzLifeTable, survivalRatios } from './life-table';
import { populationProblems as P } from './population-problems';
import type { BySex, PopulationSpec } from './types';

/** Rows as read by the app's table reader: 1-based row number and trimmed cells by header. */
export interface TableRow {
  row: number;
  cells: Record<string, string>;
}

/** Census counts of one area: key `year|sex|age_group`. */
export type CensusTable = Map<string, number>;

const key = (year: number, sex: string, age: string) => `${year}|${sex}|${age}`;

/**
 * Reads census rows (columns `municipality_code`, `area_code` or `district_code`, `year`, `sex`,
 * `age_group`, `population`) for one area.
 */
export function censusFromRows(rows: TableRow[], area: string, file?: string): Result<CensusTable> {
  const table: CensusTable = new Map();
  const problems: Problem[] = [];
  for (const r of rows) {
    const code = r.cells.municipality_code ?? r.cells.area_code ?? r.cells.district_code;
    if (code !== area) continue;
    const year = Number(r.cells.year);
    const value = Number(r.cells.population);
    const where = (column: string) => ({ ...(file ? { file } : {}), row: r.row, column });
    if (!Number.isInteger(year))
      problems.push(P.censusRow.create({ column: 'year', value: r.cells.year ?? '' }, where('year')));
    else if (
      r.cells.population === undefined ||
      r.cells.population === '' ||
      !Number.isFinite(value) ||
      value < 0
    ) {
      problems.push(
        P.censusRow.create({ column: 'population', value: r.cells.population ?? '' }, where('population')),
      );
    } else table.set(key(year, r.cells.sex ?? '', r.cells.age_group ?? ''), value);
  }
  if (problems.length > 0) return fail(problems);
  if (table.size === 0)
    return fail(P.areaNotFound.create({ area }, { ...(file ? { file } : {}), field: 'area' }));
  return ok(table);
}

/**
 * Distributes `unknown` persons over the groups in proportion to the known
 * counts (optionally only over the groups from..to-1), unrounded.
 */
export function distributeUnknown(
  counts: readonly number[],
  unknown: number,
  from = 0,
  to = counts.length,
): number[] {
  let known = 0;
  for (let i = from; i < to; i++) known += counts[i] ?? 0;
  return counts.map((c, i) => (i >= from && i < to && known > 0 ? c + (unknown * c) / known : c));
}

/** One census year by sex and age with the age-unknown persons distributed proportionally. */
export function censusPopulation(table: CensusTable, year: number, labels: string[]): Result<BySex> {
  const problems: Problem[] = [];
  const read = (sex: 'male' | 'female') => {
    const counts = labels.map((age) => {
      const v = table.get(key(year, sex, age));
      if (v === undefined)
        problems.push(
          P.censusMissing.create(
            { year, sex, ageGroup: age },
            { field: 'census', path: `${year}/${sex}/${age}` },
          ),
        );
      return v ?? 0;
    });
    return distributeUnknown(counts, table.get(key(year, sex, 'unknown')) ?? 0);
  };
  const value = { male: read('male'), female: read('female') };
  return problems.length > 0 ? fail(problems) : ok(value);
}

/**
 * Cohort change ratios P(x+5, t+5)/P(x, t) per sex in the spec's convention;
 * the open group uses one combined ratio P(A+, t+5)/(P(A−5, t) + P(A+, t)) for
 * entrants and stayers (two censuses cannot separate them).
 */
export function cohortChangeRatios(from: BySex, to: BySex): BySex {
  const one = (a: number[], b: number[]) => {
    const n = a.length;
    const out: number[] = [];
    for (let i = 0; i < n - 2; i++) out.push((a[i] ?? 0) > 0 ? (b[i + 1] ?? 0) / (a[i] ?? 1) : 0);
    const entrants = (a[n - 2] ?? 0) + (a[n - 1] ?? 0);
    const open = entrants > 0 ? (b[n - 1] ?? 0) / entrants : 0;
    out.push(open, open);
    return out;
  };
  return { male: one(from.male, to.male), female: one(from.female, to.female) };
}

/** Children 0-4 per woman aged 15-49 (groups 3..9). */
export function childWomanRatio(p: BySex): number {
  let women = 0;
  for (let i = 3; i < 10; i++) women += p.female[i] ?? 0;
  return ((p.male[0] ?? 0) + (p.female[0] ?? 0)) / women;
}

export function sexRatio0to4(p: BySex): number {
  return (p.male[0] ?? 0) / (p.female[0] ?? 1);
}

/** Residual net migration rates given survival: m = CCR − S. */
export function residualMigration(ccr: BySex, survival: BySex): BySex {
  const d = (a: number[], b: number[]) => a.map((v, i) => v - (b[i] ?? 0));
  return { male: d(ccr.male, survival.male), female: d(ccr.female, survival.female) };
}

export interface DeriveOptions {
  area: string;
  from: number;
  to: number;
  /** Last projection year (default 2050, rounded down to the 5-year grid). */
  horizon?: number;
  openStart?: number;
  /** Survival ratios in the spec's convention; default a Gompertz model table with `e0`. */
  survival?: BySex;
  /** Life expectancy at birth for the model table (default Japan 2015: 80.75 / 86.99). */
  e0?: { male: number; female: number };
  areaName?: string;
}

/** Builds an `ipss` spec from two censuses: base = the later census, rates = those observed between them. */
export function deriveSpec(table: CensusTable, o: DeriveOptions): Result<PopulationSpec> {
  if (o.to - o.from !== 5) return fail(P.censusYears.create({ from: o.from, to: o.to }, { field: 'to' }));
  const labels = standardAgeGroups(o.openStart ?? 90);
  const a = censusPopulation(table, o.from, labels);
  const b = censusPopulation(table, o.to, labels);
  if (!a.ok || !b.ok) return fail([...(a.ok ? [] : a.problems), ...(b.ok ? [] : b.problems)]);
  const ccr = cohortChangeRatios(a.value, b.value);
  const e0 = o.e0 ?? { male: 80.75, female: 86.99 };
  const modelled = !o.survival;
  const survival = o.survival ?? {
    male: survivalRatios(gompertzLifeTable(e0.male, o.openStart ?? 90).nLx),
    female: survivalRatios(gompertzLifeTable(e0.female, o.openStart ?? 90).nLx),
  };
  const horizon = o.horizon ?? 2050;
  const years: number[] = [];
  for (let y = o.to + 5; y <= horizon; y += 5) years.push(y);
  const note = modelled
    ? `survival: Gompertz model life table with e0 ${e0.male} (male) / ${e0.female} (female), an assumption; net migration = cohort change ratio − survival`
    : 'net migration = cohort change ratio − given survival';
  return ok({
    specVersion: 1,
    ageGroups: labels,
    baseYear: o.to,
    years,
    population: b.value,
    method: 'ipss',
    survival,
    netMigrationRate: residualMigration(ccr, survival),
    childWomanRatio: childWomanRatio(b.value),
    sexRatio0to4: sexRatio0to4(b.value),
    area: o.areaName ?? o.area,
    provenance: {
      source: `census ${o.from} and ${o.to}, area ${o.area}; age-unknown persons distributed proportionally`,
      note,
    },
  });
}

/**
 * The spec implied by a published projection table (e.g. IPSS 2018 by sex and
 * age): per period, CCR from consecutive tables, CWR and the 0-4 sex ratio of
 * each period's end, survival from the model table. Re-running it reproduces
 * the table, and scenarios can then be applied to the published baseline.
 */
export function impliedSpec(
  table: CensusTable,
  o: {
    area: string;
    baseYear: number;
    lastYear: number;
    openStart?: number;
    e0?: { male: number; female: number };
    source?: string;
  },
): Result<PopulationSpec> {
  const labels = standardAgeGroups(o.openStart ?? 90);
  const years: number[] = [];
  for (let y = o.baseYear + 5; y <= o.lastYear; y += 5) years.push(y);
  const pops = [o.baseYear, ...years].map((y) => censusPopulation(table, y, labels));
  const problems = pops.flatMap((p) => (p.ok ? [] : p.problems));
  if (problems.length > 0) return fail(problems);
  const at = (k: number) => (pops[k] as { ok: true; value: BySex }).value;
  const e0 = o.e0 ?? { male: 80.75, female: 86.99 };
  const survival = {
    male: survivalRatios(gompertzLifeTable(e0.male, o.openStart ?? 90).nLx),
    female: survivalRatios(gompertzLifeTable(e0.female, o.openStart ?? 90).nLx),
  };
  const per = <T>(f: (k: number) => T) => Object.fromEntries(years.map((y, k) => [String(y), f(k + 1)]));
  return ok({
    specVersion: 1,
    ageGroups: labels,
    baseYear: o.baseYear,
    years,
    population: at(0),
    method: 'ipss',
    survival,
    netMigrationRate: per((k) => residualMigration(cohortChangeRatios(at(k - 1), at(k)), survival)),
    childWomanRatio: per((k) => childWomanRatio(at(k))),
    sexRatio0to4: per((k) => sexRatio0to4(at(k))),
    area: o.area,
    provenance: {
      source: o.source ?? `rates implied by the projection table for ${o.area}`,
      note: 'cohort change ratios, CWR and 0-4 sex ratios implied by consecutive published tables; survival from a Gompertz model table (the split into survival and migration is an assumption)',
    },
  });
}
