/**
 * The read model of the public population page: the census 1980–2015 and the
 * IPSS 2018 projection after it (with the boundary between them), the three
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
import { getCurrentPlan } from '../plan';
import { ipss2018Spec } from './city-spec';
import { loadPopulationSources, SHIOJIRI_CODE } from './population-sources';

export interface Bilingual {
  ja: string;
  en: string;
}
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

function run(spec: unknown): Projection {
  const r = projectSpec(spec);
  if (!r.ok) throw new Error(`bundled population spec does not project: ${r.problems[0]?.code}`);
  return r.value;
}

const cache = new Map<string, PopulationView>();

/** The population page's data; computed once per target (the sources ship with the code). */
export async function getPopulationView(ctx: AppContext): Promise<Result<PopulationView>> {
  const plan = await getCurrentPlan(ctx);
  const topPop = plan.ok
    ? plan.value.document.indicators.find((i) => i.code === 'TOP-POPULATION')
    : undefined;
  const ft = topPop?.finalTarget;
  const target = ft ? { fiscalYear: ft.fiscalYear, value: ft.value, source: topPop.name.ja } : null;
  const key = JSON.stringify(target);
  const hit = cache.get(key);
  if (hit) return ok(hit);
  const view = await computeView(target);
  if (view.ok) cache.set(key, view.value);
  return view;
}

async function computeView(target: PopulationView['target']): Promise<Result<PopulationView>> {
  const src = await loadPopulationSources();
  if (!src.ok) return src;
  const s = src.value;
  const spec = ipss2018Spec(s);
  const base = run(spec);
  const points: ThreeGroupPoint[] = [];
  const censusYears = [1980, 1985, 1990, 1995, 2000, 2005, 2010, 2015];
  for (const y of censusYears) {
    const c = censusPopulation(s.census, y, labels);
    if (!c.ok) return c;
    points.push(threeOf(c.value, y, 'census'));
  }
  const lastCensusYear = censusYears[censusYears.length - 1] ?? 2015;
  for (const y of base.years.filter((x) => x > lastCensusYear)) {
    const p = base.population[String(y)];
    if (p) points.push(threeOf(p, y, 'projection'));
  }
  const census2015 = censusPopulation(s.census, lastCensusYear, labels);
  if (!census2015.ok) return census2015;
  const pyramids = [
    pyramidOf(census2015.value, lastCensusYear, 'census'),
    ...[2030, 2045].flatMap((y) => {
      const p = base.population[String(y)];
      return p ? [pyramidOf(p, y, 'projection')] : [];
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

  const ipssSource = spec.provenance?.source ?? '';
  const series: { key: string; name: Bilingual; s: PopulationSeries }[] = [
    {
      key: 'ipss2018',
      name: { ja: '社人研 2018年推計（パターン1）', en: 'IPSS 2018 projection' },
      s: seriesFromProjection('IPSS 2018', base, { source: ipssSource }),
    },
    {
      key: 'ipss2023',
      name: { ja: '社人研 2023年推計', en: 'IPSS 2023 projection' },
      s: seriesFromAge3Rows(s.nagano2023Rows, SHIOJIRI_CODE, 'IPSS 2023', {
        source: '国立社会保障・人口問題研究所「日本の地域別将来推計人口（令和5(2023)年推計）」',
      }),
    },
    ...s.baselines.map((b, i) => ({
      key: `plan-${i}`,
      name: { ja: b.name, en: i === 0 ? "The plan's baseline" : "The plan's target" },
      s: b,
    })),
  ];
  for (const sc of scenarios) {
    const applied = applyScenario(spec, sc.scenario);
    if (!applied.ok) return fail(applied.problems);
    series.push({
      key: sc.key,
      name: sc.name,
      s: seriesFromProjection(sc.name.ja, run(applied.value), {
        source: 'Mirai による試算（社人研 2018年推計の仮定を基に条件を変更）',
        note: 'Computed by Mirai from the IPSS 2018 assumptions with one condition changed',
      }),
    });
  }
  const compareYears = [2015, 2020, 2025, 2030, 2032, 2035, 2040, 2045, 2050];
  const table = compareSeries(
    series.map((x) => x.s),
    compareYears,
  );
  const annual = base.annualTotal;
  return ok({
    areaName: { ja: '塩尻市', en: 'Shiojiri City' },
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
