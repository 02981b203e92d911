/**
 * Districts (地区別): each district projected with its own rates, small
 * districts' rates shrunk toward the city's, every sex × age cell raked at
 * every step so that the districts sum to the city, and negative cells set to
 * 0 and reported by district, year, sex and age group.
 */
import { fail, ok, type Problem, type Result } from '../errors';
import { compileSpec } from './compile-spec';
import type { CompiledSpec } from './compiled';
import {
  type CensusTable,
  censusPopulation,
  childWomanRatio,
  cohortChangeRatios,
  deriveSpec,
  residualMigration,
} from './derive';
import { stepCcmpp, stepIpss } from './kernel';
import { populationProblems as P } from './population-problems';
import { negativeWarning } from './project';
import { buildProjection } from './summaries';
import type { BySex, PopulationSpec, Projection, Provenance } from './types';

export interface DistrictSpec {
  code?: string;
  name: string;
  spec: PopulationSpec;
}

/** A city with its districts; the districts' specs share the city's age groups, years and method. */
export interface DistrictSetSpec {
  specVersion: 1;
  kind: 'districts';
  sample?: boolean;
  provenance?: Provenance;
  city: PopulationSpec;
  districts: DistrictSpec[];
  /**
   * Census totals the districts are raked to at years the city's projection
   * passes (e.g. a census newer than the projection's base, known only in broad
   * age groups): the city's cells scaled within each group to the group's total.
   */
  anchors?: DistrictAnchor[];
}

/** Broad groups of age-group indices [from, to) (both sexes) with their census totals at a year. */
export interface DistrictAnchor {
  year: number;
  source?: string;
  groups: { from: number; to: number; total: number }[];
}

export interface DistrictProjection {
  sample?: boolean;
  city: Projection;
  districts: (Projection & { name: string; code?: string })[];
}

export interface CompiledDistrictSet {
  city: CompiledSpec;
  districts: CompiledSpec[];
  names: string[];
  codes: (string | undefined)[];
  sample: boolean;
  anchors: DistrictAnchor[];
}

export function isDistrictSet(x: unknown): x is DistrictSetSpec {
  return typeof x === 'object' && x !== null && (x as { kind?: unknown }).kind === 'districts';
}

/** Validates the city and every district spec; a district's problems carry its name in `path`. */
export function compileDistrictSet(set: DistrictSetSpec): Result<CompiledDistrictSet> {
  const problems: Problem[] = [];
  const city = compileSpec(set.city);
  if (!city.ok)
    problems.push(
      ...city.problems.map((p) => ({ ...p, where: { ...p.where, path: `city/${p.where?.path ?? ''}` } })),
    );
  const districts: CompiledSpec[] = [];
  (Array.isArray(set.districts) ? set.districts : []).forEach((d, i) => {
    const c = compileSpec(d.spec);
    if (!c.ok) {
      problems.push(
        ...c.problems.map((p) => ({
          ...p,
          where: {
            ...p.where,
            path: `districts/${d.name}/${p.where?.path ?? ''}`,
            index: p.where?.index ?? i,
          },
        })),
      );
      return;
    }
    if (city.ok) {
      const a = city.value;
      const b = c.value;
      const detail =
        b.n !== a.n
          ? 'age groups'
          : b.baseYear !== a.baseYear
            ? 'base year'
            : b.years.join() !== a.years.join()
              ? 'years'
              : b.method !== a.method
                ? 'method'
                : '';
      if (detail)
        problems.push(P.districtMismatch.create({ name: d.name, detail }, { field: 'districts', index: i }));
    }
    districts.push({ ...c.value, area: d.name });
  });
  if (problems.length > 0 || !city.ok) return fail(problems);
  return ok({
    city: city.value,
    districts,
    names: set.districts.map((d) => d.name),
    codes: set.districts.map((d) => d.code),
    sample: set.sample === true,
    anchors: Array.isArray(set.anchors) ? set.anchors : [],
  });
}

/**
 * Rakes the district cells to the city's: P_d(j) ← P_d(j) · city(j) / Σ_d P_d(j).
 * A cell the districts leave empty while the city has people is split by the districts' total shares.
 */
export function rakeToCity(city: Float64Array, districts: Float64Array[]): void {
  const len = city.length;
  let all = 0;
  const totals = districts.map((d) => {
    let t = 0;
    for (let j = 0; j < len; j++) t += d[j]!;
    all += t;
    return t;
  });
  for (let j = 0; j < len; j++) {
    let s = 0;
    for (const d of districts) s += d[j]!;
    if (s > 0) {
      for (const d of districts) d[j] = city[j]! * (d[j]! / s);
    } else if (city[j]! > 0) {
      districts.forEach((d, k) => {
        d[j] = all > 0 ? (city[j]! * totals[k]!) / all : city[j]! / districts.length;
      });
    }
  }
}

/** The city's cells scaled within each of the anchor's groups (both sexes) to the group's total. */
export function anchoredCity(city: Float64Array, n: number, anchor: DistrictAnchor): Float64Array {
  const out = city.slice();
  for (const g of anchor.groups) {
    let s = 0;
    for (let i = g.from; i < g.to; i++) s += city[i]! + city[n + i]!;
    const f = s > 0 ? g.total / s : 0;
    for (let i = g.from; i < g.to; i++) {
      out[i] = city[i]! * f;
      out[n + i] = city[n + i]! * f;
    }
  }
  return out;
}

/**
 * Projects the city and its districts; districts are raked to the city after
 * every step (to the anchored city at an anchor's year; the city's own run is unchanged).
 */
export function projectDistrictsCompiled(set: CompiledDistrictSet): {
  value: DistrictProjection;
  warnings: Problem[];
} {
  const warnings: Problem[] = [];
  const areas = [set.city, ...set.districts];
  const n = set.city.n;
  const states = areas.map((a) => [a.base.slice()]);
  const start = new Float64Array(2 * n);
  rakeToCity(
    states[0]![0]!,
    states.slice(1).map((s) => s[0]!),
  );
  set.city.periods.forEach((_, k) => {
    areas.forEach((a, i) => {
      const out = new Float64Array(2 * n);
      const p = a.periods[k]!;
      const sink = (cell: number, v: number) => warnings.push(negativeWarning(a, p.endYear, cell, v));
      if (a.method === 'ipss') stepIpss(states[i]![k]!, p, n, out, sink);
      else stepCcmpp(states[i]![k]!, p, n, a.timing === 'even', start, out, sink);
      states[i]!.push(out);
    });
    const anchor = set.anchors.find((a) => a.year === set.city.periods[k]!.endYear);
    const city = states[0]![k + 1]!;
    rakeToCity(
      anchor ? anchoredCity(city, n, anchor) : city,
      states.slice(1).map((s) => s[k + 1]!),
    );
  });
  const city = buildProjection(set.city, states[0]!);
  const districts = set.districts.map((d, i) => {
    const p = buildProjection(d, states[i + 1]!);
    const code = set.codes[i];
    return {
      ...p,
      name: set.names[i] ?? d.area,
      ...(code ? { code } : {}),
      ...(set.sample ? { sample: true } : {}),
    };
  });
  return { value: { ...(set.sample ? { sample: true } : {}), city, districts }, warnings };
}

export function projectDistricts(set: DistrictSetSpec): Result<DistrictProjection> {
  const c = compileDistrictSet(set);
  if (!c.ok) return c;
  const { value, warnings } = projectDistrictsCompiled(c.value);
  return ok(value, warnings);
}

export interface DeriveDistrictOptions {
  from: number;
  to: number;
  horizon?: number;
  /** Prior weight in persons of the city's rates (credibility shrinkage); default 200. */
  priorWeight?: number;
  sample?: boolean;
  provenance?: Provenance;
}

/**
 * Derives a district set (ipss) from the city's and each district's censuses.
 * District rates are shrunk toward the city's with the exposure as weight:
 * ccr* = (E·ccr_d + k·ccr_city)/(E + k), E = the district's cohort at the first
 * census; CWR likewise with women 15-49 as E; the 0-4 sex ratio is the city's.
 */
export function deriveDistrictSet(
  city: CensusTable,
  cityArea: string,
  districts: { name: string; code?: string; table: CensusTable }[],
  o: DeriveDistrictOptions,
): Result<DistrictSetSpec> {
  const base = deriveSpec(city, {
    area: cityArea,
    from: o.from,
    to: o.to,
    ...(o.horizon ? { horizon: o.horizon } : {}),
  });
  if (!base.ok) return base;
  const c = base.value;
  const k = o.priorWeight ?? 200;
  const cityA = censusPopulation(city, o.from, c.ageGroups);
  const cityB = censusPopulation(city, o.to, c.ageGroups);
  if (!cityA.ok || !cityB.ok) return fail([]);
  const cityCcr = cohortChangeRatios(cityA.value, cityB.value);
  const cityCwr = childWomanRatio(cityB.value);
  const survival = c.survival as BySex;
  const problems: Problem[] = [];
  const out: DistrictSpec[] = [];
  for (const d of districts) {
    const a = censusPopulation(d.table, o.from, c.ageGroups);
    const b = censusPopulation(d.table, o.to, c.ageGroups);
    if (!a.ok || !b.ok) {
      for (const r of [a, b])
        if (!r.ok)
          problems.push(
            ...r.problems.map((p) => ({
              ...p,
              where: { ...p.where, path: `${d.name}/${p.where?.path ?? ''}` },
            })),
          );
      continue;
    }
    const ccr = cohortChangeRatios(a.value, b.value);
    const shrink = (sex: 'male' | 'female') =>
      ccr[sex].map((v, i) => {
        const n = a.value[sex].length;
        const e =
          i >= n - 2 ? (a.value[sex][n - 2] ?? 0) + (a.value[sex][n - 1] ?? 0) : (a.value[sex][i] ?? 0);
        return (e * v + k * (cityCcr[sex][i] ?? 0)) / (e + k);
      });
    const shrunk = { male: shrink('male'), female: shrink('female') };
    let women = 0;
    for (let i = 3; i < 10; i++) women += b.value.female[i] ?? 0;
    const cwr = (women * childWomanRatio(b.value) + k * cityCwr) / (women + k);
    out.push({
      name: d.name,
      ...(d.code ? { code: d.code } : {}),
      spec: {
        ...c,
        area: d.name,
        population: b.value,
        netMigrationRate: residualMigration(shrunk, survival),
        childWomanRatio: Number.isFinite(cwr) ? cwr : cityCwr,
        provenance: {
          source: `district census ${o.from} and ${o.to}${o.sample ? ' (SAMPLE, illustrative)' : ''}`,
          note: `cohort change ratios and CWR shrunk toward the city's with prior weight ${k} persons; 0-4 sex ratio = the city's`,
        },
        ...(o.sample ? { sample: true } : {}),
      },
    });
  }
  if (problems.length > 0) return fail(problems);
  return ok({
    specVersion: 1,
    kind: 'districts',
    ...(o.sample ? { sample: true } : {}),
    provenance: o.provenance ?? { source: `census ${o.from} and ${o.to}` },
    city: c,
    districts: out,
  });
}
