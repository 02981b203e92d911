/**
 * The read model of the public population page, from the municipality's data
 * sets in the database: the census and the stored projection after it (with the boundary between them), the three
 * age groups over time, pyramids, named baselines and computed scenarios side
 * by side, the plan's population target and the back-casting answer (how many
 * added in-migrants a year, or which migration multiplier, reach it).
 */
import {
  applyScenario,
  type BySex,
  censusPopulation,
  compareSeries,
  compileSpec,
  fail,
  ok,
  type PopulationSeries,
  type Projection,
  projectSpec,
  type Result,
  type Scenario,
  seriesFromAge3Rows,
  seriesFromProjection,
  solveTarget,
  standardAgeGroups,
} from '@mirai/core';
import type { AppContext } from '../context';
import { readPlan } from '../plan';
import { projectionSpec, tableYears } from './city-spec';
import { type Bilingual, loadPopulationSources, type PopulationSources } from './population-sources';

export type { Bilingual } from './population-sources';
export type PointKind = 'census' | 'projection';
export interface ThreeGroupPoint {
  year: number;
  kind: PointKind;
  young: number;
  working: number;
  old: number;
  total: number;
}
export interface PyramidView {
  year: number;
  kind: PointKind;
  rows: { ageGroup: string; male: number; female: number }[];
}
export interface SeriesView {
  key: string;
  name: Bilingual;
  kind: PopulationSeries['kind'];
  source: string;
  note?: string;
  approximate: boolean;
  sample: boolean;
  values: (number | null)[];
}
export interface BackcastView {
  lever: 'added-migrants' | 'migration-multiplier';
  value: number | null;
  achievedTotal: number | null;
  problem?: Bilingual;
}
export interface PopulationView {
  areaName: Bilingual;
  /** Said on the page when the municipality's census or projection is not stored. */
  missing?: Bilingual;
  /** The base projection's name (e.g. IPSS 2018), for "on the base path". */
  baseName: Bilingual;
  lastCensusYear: number;
  points: ThreeGroupPoint[];
  pyramids: PyramidView[];
  compareYears: number[];
  series: SeriesView[];
  target: { fiscalYear: number; value: number; source: string } | null;
  baseAtTargetYear: number | null;
  backcast: BackcastView[];
}

const labels = standardAgeGroups(90);
const sumOf = (a: readonly number[], from = 0, to = a.length) => a.slice(from, to).reduce((x, y) => x + y, 0);

function threeOf(p: BySex, year: number, kind: PointKind): ThreeGroupPoint {
  const both = p.male.map((m, i) => m + (p.female[i] ?? 0));
  const young = sumOf(both, 0, 3);
  const working = sumOf(both, 3, 13);
  const old = sumOf(both, 13);
  return { year, kind, young, working, old, total: young + working + old };
}

const pyramidOf = (p: BySex, year: number, kind: PointKind): PyramidView => ({
  year,
  kind,
  rows: labels.map((ageGroup, i) => ({ ageGroup, male: p.male[i] ?? 0, female: p.female[i] ?? 0 })),
});

function run(spec: unknown): Result<Projection> {
  return projectSpec(spec);
}

const cache = new Map<string, PopulationView>();

export const populationMissing: Bilingual = {
  ja: 'この自治体の人口データ（国勢調査と男女・5歳階級別の将来推計）が登録されていません。mirai population data import で取り込むと、ここに表示されます。',
  en: "This municipality's population data (census and projection by sex and five-year age) is not stored yet. Import it with mirai population data import and it appears here.",
};

/** The population page's data; computed once per data set versions and target. */
export async function getPopulationView(ctx: AppContext): Promise<Result<PopulationView>> {
  const plan = await readPlan(ctx);
  const topPop = plan.ok
    ? plan.value.document.indicators.find((i) => i.code === 'TOP-POPULATION')
    : undefined;
  const ft = topPop?.finalTarget;
  const target = ft ? { fiscalYear: ft.fiscalYear, value: ft.value, source: topPop.name.ja } : null;
  const src = await loadPopulationSources(ctx);
  if (!src.ok) return src;
  const key = `${src.value.key}|${JSON.stringify(target)}`;
  const hit = cache.get(key);
  if (hit) return ok(hit);
  const view = computeView(src.value, target);
  if (view.ok) {
    if (cache.size > 50) cache.clear();
    cache.set(key, view.value);
  }
  return view;
}

function emptyView(s: PopulationSources, target: PopulationView['target']): PopulationView {
  return {
    areaName: s.municipality.name,
    missing: populationMissing,
    baseName: { ja: '推計', en: 'projection' },
    lastCensusYear: 0,
    points: [],
    pyramids: [],
    compareYears: [],
    series: [],
    target,
    baseAtTargetYear: null,
    backcast: [],
  };
}

function computeView(s: PopulationSources, target: PopulationView['target']): Result<PopulationView> {
  const spec = projectionSpec(s);
  if (!spec || !s.census || !s.projection) return ok(emptyView(s, target));
  const based = run(spec);
  if (!based.ok) return based;
  const base = based.value;
  const meta = s.projection.dataset.meta as { label?: Bilingual; seriesName?: string };
  const baseName: Bilingual = meta.label ?? {
    ja: s.projection.dataset.title.ja,
    en: s.projection.dataset.title.en ?? s.projection.dataset.title.ja,
  };
  const baseSeriesName = meta.seriesName ?? baseName.en;
  const points: ThreeGroupPoint[] = [];
  const censusYears = tableYears(s.census.table).filter((y) => y <= spec.baseYear);
  for (const y of censusYears) {
    const c = censusPopulation(s.census.table, y, labels);
    if (!c.ok) return c;
    points.push(threeOf(c.value, y, 'census'));
  }
  const lastCensusYear = censusYears[censusYears.length - 1] ?? spec.baseYear;
  for (const y of base.years.filter((x) => x > lastCensusYear)) {
    const p = base.population[String(y)];
    if (p) points.push(threeOf(p, y, 'projection'));
  }
  const lastCensus = censusPopulation(s.census.table, lastCensusYear, labels);
  if (!lastCensus.ok) return lastCensus;
  const later = base.years.filter((y) => y > lastCensusYear);
  const pyramidYears = [...new Set([later[Math.floor((later.length - 1) / 2)], later[later.length - 1]])];
  const pyramids = [
    pyramidOf(lastCensus.value, lastCensusYear, 'census'),
    ...pyramidYears.flatMap((y) => {
      const p = y === undefined ? undefined : base.population[String(y)];
      return p && y !== undefined ? [pyramidOf(p, y, 'projection')] : [];
    }),
  ];
  const compiled = compileSpec(spec);
  if (!compiled.ok) return compiled;
  const backcast: BackcastView[] = [];
  const scenarios: { key: string; name: Bilingual; scenario: Scenario }[] = [
    {
      key: 'zero-migration',
      name: { ja: '純移動ゼロ（転入と転出が均衡）', en: 'Zero net migration' },
      scenario: { name: 'zero net migration', migrationMultiplier: 0 },
    },
  ];
  if (target) {
    for (const lever of ['added-migrants', 'migration-multiplier'] as const) {
      const r = solveTarget(compiled.value, lever, target.fiscalYear, target.value);
      if (r.ok) {
        backcast.push({ lever, value: r.value.value, achievedTotal: r.value.achievedTotal });
        if (lever === 'added-migrants') {
          const n = Math.round(r.value.value);
          scenarios.push({
            key: 'backcast-added',
            name: {
              ja: `目標逆算：毎年 ${n} 人の転入超過を追加`,
              en: `Back-cast: ${n} more net in-migrants a year`,
            },
            scenario: { name: 'back-cast', addedMigrantsPerYear: r.value.value },
          });
        }
      } else {
        const p = r.problems[0];
        backcast.push({
          lever,
          value: null,
          achievedTotal: null,
          ...(p ? { problem: { ja: p.message.ja, en: p.message.en } } : {}),
        });
      }
    }
  }
  const series: { key: string; name: Bilingual; s: PopulationSeries }[] = [
    {
      key: s.projection.dataset.code,
      name: baseName,
      s: seriesFromProjection(baseSeriesName, base, { source: spec.provenance?.source ?? '' }),
    },
  ];
  if (s.age3) {
    const m = s.age3.dataset.meta as { label?: Bilingual; seriesName?: string };
    const hasArea = s.age3.rows.some((r) => r.cells.area_code === s.municipality.code);
    if (hasArea)
      series.push({
        key: s.age3.dataset.code,
        name: m.label ?? {
          ja: s.age3.dataset.title.ja,
          en: s.age3.dataset.title.en ?? s.age3.dataset.title.ja,
        },
        s: seriesFromAge3Rows(s.age3.rows, s.municipality.code, m.seriesName ?? s.age3.dataset.code, {
          source: s.age3.dataset.source,
        }),
      });
  }
  for (const b of s.series) series.push({ key: b.key, name: b.name, s: b.series });
  for (const sc of scenarios) {
    const applied = applyScenario(spec, sc.scenario);
    if (!applied.ok) return fail(applied.problems);
    const projected = run(applied.value);
    if (!projected.ok) return projected;
    series.push({
      key: sc.key,
      name: sc.name,
      s: seriesFromProjection(sc.name.ja, projected.value, {
        source: `Mirai による試算（${baseName.ja}の仮定を基に条件を変更）`,
        note: `Computed by Mirai from the ${baseName.en} assumptions with one condition changed`,
      }),
    });
  }
  const compareYears = [
    ...new Set([
      lastCensusYear,
      ...base.years,
      ...(target ? [target.fiscalYear] : []),
      ...series.flatMap((x) => Object.keys(x.s.total).map(Number)),
    ]),
  ]
    .filter((y) => y >= lastCensusYear)
    .sort((a, b) => a - b);
  const table = compareSeries(
    series.map((x) => x.s),
    compareYears,
  );
  const annual = base.annualTotal;
  return ok({
    areaName: s.municipality.name,
    baseName,
    lastCensusYear,
    points,
    pyramids,
    compareYears,
    series: series.map((x, i) => ({
      key: x.key,
      name: x.name,
      kind: x.s.kind,
      source: x.s.provenance.source,
      ...(x.s.provenance.note ? { note: x.s.provenance.note } : {}),
      approximate: x.s.approximate ?? false,
      sample: x.s.sample ?? false,
      // The plan's own series state a few years only: show those, not lines drawn between them.
      values: table.map((row) =>
        x.s.kind === 'plan' && x.s.total[String(row.year)] === undefined ? null : (row.values[i] ?? null),
      ),
    })),
    target,
    baseAtTargetYear: target ? (annual[String(target.fiscalYear)] ?? null) : null,
    backcast,
  });
}
