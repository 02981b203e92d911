/**
 * The workbench's calculation, run in the browser (and once on the server for
 * the first render): the sliders become one scenario, applied to the city and
 * to every district, then the districts are projected and raked to the city.
 * Pure core functions; no request to the server.
 */
import {
  applyScenario,
  type DistrictSetSpec,
  type PopulationSpec,
  projectDistricts,
  type Scenario,
  valueAtYear,
} from '@mirai/core';

export interface Levers {
  /** Fertility relative to the assumption (1 = as assumed). */
  fertility: number;
  /** Multiplier of the net migration rates (1 = as assumed, 0 = none). */
  migration: number;
  /** Extra net in-migrants a year for the whole city (20s–30s with children). */
  added: number;
  /** Multiplier of the probability of dying (< 1 = longer lives). */
  mortality: number;
}

export const neutralLevers: Levers = { fertility: 1, migration: 1, added: 0, mortality: 1 };

export interface WorkbenchResult {
  years: number[];
  total: number[];
  young: number[];
  working: number[];
  old: number[];
  /** Total at the target year (linear between the 5-year points), when a target year is given. */
  atTarget: number | null;
  districts: { name: string; total: number[] }[];
  problems: string[];
  ms: number;
}

/** The sliders as a stored scenario for a spec (share: this area's part of the added in-migrants). */
export function scenarioFor(spec: PopulationSpec, l: Levers, share: number): Scenario {
  return {
    name: 'workbench',
    tfrPath: { baseTfr: 1, points: { [String(spec.baseYear + 5)]: l.fertility } },
    migrationMultiplier: l.migration,
    addedMigrantsPerYear: l.added * share,
    mortalityMultiplier: l.mortality,
  };
}

const sum = (a: readonly number[]) => a.reduce((x, y) => x + y, 0);
const baseOf = (s: PopulationSpec) => sum(s.population.male) + sum(s.population.female);

export function recalcWorkbench(set: DistrictSetSpec, l: Levers, targetYear?: number): WorkbenchResult {
  const started = typeof performance !== 'undefined' ? performance.now() : Date.now();
  const problems: string[] = [];
  const cityBase = baseOf(set.city);
  const apply = (spec: PopulationSpec, share: number): PopulationSpec => {
    const r = applyScenario(spec, scenarioFor(spec, l, share));
    if (r.ok) return r.value;
    problems.push(...r.problems.map((p) => p.message.ja));
    return spec;
  };
  const next: DistrictSetSpec = {
    ...set,
    city: apply(set.city, 1),
    districts: set.districts.map((d) => ({ ...d, spec: apply(d.spec, baseOf(d.spec) / cityBase) })),
  };
  const p = projectDistricts(next);
  const ms = (typeof performance !== 'undefined' ? performance.now() : Date.now()) - started;
  if (!p.ok) {
    return {
      years: [],
      total: [],
      young: [],
      working: [],
      old: [],
      atTarget: null,
      districts: [],
      problems: [...problems, ...p.problems.map((x) => x.message.ja)],
      ms,
    };
  }
  const c = p.value.city;
  const years = c.years;
  const total = years.map((y) => c.total[String(y)] ?? Number.NaN);
  return {
    years,
    total,
    young: years.map((y) => c.ageGroups3[String(y)]?.['0-14'] ?? Number.NaN),
    working: years.map((y) => c.ageGroups3[String(y)]?.['15-64'] ?? Number.NaN),
    old: years.map((y) => c.ageGroups3[String(y)]?.['65+'] ?? Number.NaN),
    atTarget: targetYear === undefined ? null : valueAtYear(years, total, targetYear),
    districts: p.value.districts.map((d) => ({
      name: d.name,
      total: years.map((y) => d.total[String(y)] ?? Number.NaN),
    })),
    problems,
    ms,
  };
}
