/**
 * Output summaries of a projection: totals, the three age groups, dependency
 * ratios, annual totals by linear interpolation between the 5-year points,
 * and pyramid data.
 */
import { threeGroups } from './age-groups';
import type { CompiledSpec } from './compiled';
import type { BySex, DependencyRatios, Projection, ThreeGroups } from './types';

export function sum(a: ArrayLike<number>, from = 0, to = a.length): number {
  let t = 0;
  for (let i = from; i < to; i++) t += a[i] ?? 0;
  return t;
}

export function dependencyRatios(g: ThreeGroups): DependencyRatios {
  const w = g['15-64'];
  const youth = w > 0 ? (100 * g['0-14']) / w : Number.NaN;
  const oldAge = w > 0 ? (100 * g['65+']) / w : Number.NaN;
  return { youth, oldAge, total: youth + oldAge };
}

/**
 * Annual values from values at 5-year points: for year y between the points a
 * and a+5, v(y) = v(a) + (y − a)/5 · (v(a+5) − v(a)).
 */
export function interpolateAnnual(years: number[], values: number[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (let k = 0; k < years.length; k++) {
    const y0 = years[k]!;
    const v0 = values[k]!;
    out[String(y0)] = v0;
    const y1 = years[k + 1];
    const v1 = values[k + 1];
    if (y1 === undefined || v1 === undefined) break;
    for (let y = y0 + 1; y < y1; y++) out[String(y)] = v0 + ((y - y0) / (y1 - y0)) * (v1 - v0);
  }
  return out;
}

/** The value at any year within the range by the same linear interpolation. */
export function valueAtYear(years: number[], values: ArrayLike<number>, year: number): number {
  for (let k = 0; k < years.length - 1; k++) {
    const y0 = years[k]!;
    const y1 = years[k + 1]!;
    if (year >= y0 && year <= y1)
      return values[k]! + ((year - y0) / (y1 - y0)) * (values[k + 1]! - values[k]!);
  }
  if (year === years[years.length - 1]) return values[years.length - 1]!;
  return Number.NaN;
}

export function splitSexes(state: Float64Array, n: number): BySex {
  return { male: Array.from(state.subarray(0, n)), female: Array.from(state.subarray(n, 2 * n)) };
}

export function buildProjection(c: CompiledSpec, states: Float64Array[]): Projection {
  const years = [c.baseYear, ...c.years];
  const population: Record<string, BySex> = {};
  const total: Record<string, number> = {};
  const ageGroups3: Record<string, ThreeGroups> = {};
  const dep: Record<string, DependencyRatios> = {};
  const totals: number[] = [];
  states.forEach((s, k) => {
    const y = String(years[k]);
    population[y] = splitSexes(s, c.n);
    total[y] = sum(s);
    totals.push(total[y]);
    ageGroups3[y] = threeGroups(s.subarray(0, c.n), s.subarray(c.n));
    dep[y] = dependencyRatios(ageGroups3[y]);
  });
  const projection: Projection = {
    ageGroups: c.layout.labels,
    years,
    population,
    total,
    ageGroups3,
    dependencyRatios: dep,
    annualTotal: interpolateAnnual(years, totals),
  };
  if (c.spec.area) projection.area = c.spec.area;
  if (c.spec.sample) projection.sample = true;
  if (c.spec.provenance) projection.provenance = c.spec.provenance;
  return projection;
}

/** Pyramid rows for one year: one row per age group, males as negative numbers for a back-to-back chart. */
export function pyramid(
  projection: Projection,
  year: number,
): { ageGroup: string; male: number; female: number }[] {
  const p = projection.population[String(year)];
  if (!p) return [];
  return projection.ageGroups.map((ageGroup, i) => ({
    ageGroup,
    male: -(p.male[i] ?? 0),
    female: p.female[i] ?? 0,
  }));
}
