/**
 * Named population series with provenance (baselines: IPSS 2018, IPSS 2023,
 * the city's own), built from tables or projections, and compared side by
 * side at chosen years by linear interpolation between their points.
 */
import { ok, type Result } from '../errors';
import type { TableRow } from './derive';
import { projectSpec } from './project';
import { applyScenario, type Scenario } from './scenarios';
import { valueAtYear } from './summaries';
import type { Projection, Provenance, ThreeGroups } from './types';

export interface PopulationSeries {
  name: string;
  area: string;
  kind: 'census' | 'projection' | 'plan' | 'scenario';
  provenance: Provenance;
  /** Totals at the years where the source states them. */
  total: Record<string, number>;
  ageGroups3?: Record<string, ThreeGroups>;
  /** Values that the source gives as approximate (約). */
  approximate?: boolean;
  sample?: boolean;
}

/** A series from a projection (for storing a scenario's result beside the baselines). */
export function seriesFromProjection(name: string, p: Projection, provenance: Provenance): PopulationSeries {
  return {
    name,
    area: p.area ?? '',
    kind: 'scenario',
    provenance,
    total: { ...p.total },
    ageGroups3: { ...p.ageGroups3 },
    ...(p.sample ? { sample: true } : {}),
  };
}

/** A series from three-group rows (`area_code, year, total, age_0_14, age_15_64, age_65_plus`), e.g. IPSS 2023. */
export function seriesFromAge3Rows(
  rows: TableRow[],
  area: string,
  name: string,
  provenance: Provenance,
): PopulationSeries {
  const total: Record<string, number> = {};
  const ageGroups3: Record<string, ThreeGroups> = {};
  for (const r of rows) {
    if (r.cells.area_code !== area) continue;
    const y = r.cells.year ?? '';
    total[y] = Number(r.cells.total);
    ageGroups3[y] = {
      '0-14': Number(r.cells.age_0_14),
      '15-64': Number(r.cells.age_15_64),
      '65+': Number(r.cells.age_65_plus),
    };
  }
  return { name, area, kind: 'projection', provenance, total, ageGroups3 };
}

/** The totals of several series at the given years; null outside a series' range. */
export function compareSeries(
  series: PopulationSeries[],
  years: number[],
): { year: number; values: (number | null)[] }[] {
  return years.map((year) => ({
    year,
    values: series.map((s) => {
      const ys = Object.keys(s.total)
        .map(Number)
        .sort((a, b) => a - b);
      const v = valueAtYear(
        ys,
        ys.map((y) => s.total[String(y)]!),
        year,
      );
      return Number.isFinite(v) ? v : null;
    }),
  }));
}

/**
 * Side-by-side comparison of a base spec, scenarios applied to it and stored
 * series: one column per entry (base first), totals at the given years.
 */
export function compareScenarios(
  spec: unknown,
  scenarios: Scenario[],
  series: PopulationSeries[],
  years: number[],
): Result<{
  columns: { name: string; provenance: Provenance; sample?: boolean }[];
  rows: { year: number; values: (number | null)[] }[];
}> {
  const base = projectSpec(spec);
  if (!base.ok) return base;
  const all: PopulationSeries[] = [
    seriesFromProjection('base', base.value, base.value.provenance ?? { source: 'base spec' }),
  ];
  for (const s of scenarios) {
    const applied = applyScenario(spec, s);
    if (!applied.ok) return applied;
    const p = projectSpec(applied.value);
    if (!p.ok) return p;
    all.push(seriesFromProjection(s.name, p.value, applied.value.provenance ?? { source: s.name }));
  }
  all.push(...series);
  return ok({
    columns: all.map((s) => ({
      name: s.name,
      provenance: s.provenance,
      ...(s.sample ? { sample: true } : {}),
    })),
    rows: compareSeries(all, years),
  });
}
