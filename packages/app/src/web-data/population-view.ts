/**
 * The read model of the public population page, from the municipality's data
 * sets in the database: the census and the stored projection after it (with the boundary between them), the three
 * age groups over time, pyramids, named baselines and computed scenarios side
 * by side, the plan's population target and the back-casting answer (how many
 * added in-migrants a year, or which migration multiplier, reach it).
 */
import {
  applyScenario,
  applyScenarioCompiled,
  type BySex,
  type CensusTable,
  cabinetOfficePatterns,
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
  simulateWithReach,
  solveTarget,
  standardAgeGroups,
  withImpliedTfr,
} from '@mirai/core';
import type { AppContext } from '../context';
import { readPlan } from '../plan';
import { broadCensus, projectionSpec, tableYears } from './city-spec';
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
  /** Base year and method, said beside the series. */
  basis: Bilingual;
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
/** The path the back-cast starts from: the plan's own baseline at the target year, or the base projection. */
export interface BackcastBase {
  name: Bilingual;
  source: string;
  year: number;
  value: number;
  /** Net in-migrants a year added to the base projection's rates to pass through the plan's baseline (null: the base projection itself). */
  calibration: number | null;
}
/** Median and 80% / 95% intervals of the base projection's Monte Carlo, and the chance of reaching the target. */
export interface ProbabilisticView {
  /** What was run: the base projection with its rates perturbed (fertility, migration, survival). */
  basis: Bilingual;
  trajectories: number;
  seed: number;
  sigmas: Record<string, number>;
  years: number[];
  bands: {
    year: number;
    median: number;
    lower80: number;
    upper80: number;
    lower95: number;
    upper95: number;
  }[];
  /** Share of trajectories at or above the plan's target in the target year (null: no target in range). */
  reach: {
    year: number;
    threshold: number;
    reached: number;
    probability: number;
    standardError: number;
  } | null;
  problem?: Bilingual;
}

/** Trajectories and seed of the public probabilistic projection (fixed: the same page for the same data). */
export const PUBLIC_TRAJECTORIES = 2000;
export const PUBLIC_SEED = 20240401;

export interface PopulationView {
  areaName: Bilingual;
  /** Figure keys (core figureKey): the population indicator's code, the base projection's series, the baseline's year. */
  figures: { subject: string; base: string; baselineYear: string | null };
  /**
   * Said on the page when the municipality's census or projection is not stored. With the census
   * alone, `points` and `pyramids` still hold its years; everything else is empty.
   */
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
  backcastBase: BackcastBase | null;
  backcast: BackcastView[];
  probabilistic: ProbabilisticView | null;
  /** Why a computed pattern could not be shown (e.g. a TFR pattern without a TFR), instead of failing the page. */
  notes: Bilingual[];
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

/** The plan's total population indicator, whose figures these are. */
export const populationIndicator = 'TOP-POPULATION';

export const populationMissing: Bilingual = {
  ja: 'この自治体の人口データ（国勢調査と男女・5歳階級別の将来推計）はまだ登録されていません。登録されると、ここに表示されます。',
  en: "This municipality's population data (census and projection by sex and five-year age) is not stored yet. It appears here once it is.",
};

/** The population page's data; computed once per data set versions and target. */
export async function getPopulationView(ctx: AppContext): Promise<Result<PopulationView>> {
  const plan = await readPlan(ctx);
  const topPop = plan.ok
    ? plan.value.document.indicators.find((i) => i.code === populationIndicator)
    : undefined;
  const ft = topPop?.finalTarget;
  const target = ft ? { fiscalYear: ft.fiscalYear, value: ft.value, source: topPop.name.ja } : null;
  const figures = {
    subject: populationIndicator,
    base: '',
    baselineYear: topPop?.baseline ? topPop.baseline.asOf.slice(0, 4) : null,
  };
  // The plan's baseline: the first of the indicator's projections that states a value at the target year
  // (the rule of the goal tiles).
  const named = ft
    ? (topPop.projections ?? []).find((p) => p.values[String(ft.fiscalYear)] !== undefined)
    : undefined;
  const planBase =
    named && ft
      ? {
          name: { ja: named.name.ja, en: named.name.en ?? named.name.ja },
          source: named.source?.ja ?? '',
          year: ft.fiscalYear,
          value: named.values[String(ft.fiscalYear)]!,
        }
      : null;
  const src = await loadPopulationSources(ctx);
  if (!src.ok) return src;
  const key = `${src.value.key}|${JSON.stringify(target)}|${JSON.stringify(planBase)}|${JSON.stringify(figures)}`;
  const hit = cache.get(key);
  if (hit) return ok(hit);
  const view = computeView(src.value, target, planBase, figures);
  if (view.ok) {
    if (cache.size > 50) cache.clear();
    cache.set(key, view.value);
  }
  return view;
}

/** What is missing, in words: the census, the projection, or both. */
function missingOf(s: PopulationSources): Bilingual {
  if (s.census && !s.projection)
    return {
      ja: 'この自治体の国勢調査は登録されていますが、男女・5歳階級別の将来推計がまだ登録されていません。登録されると、ここに表示されます。',
      en: "This municipality's census is stored, but its projection by sex and five-year age is not yet. It appears here once it is.",
    };
  if (!s.census && s.projection)
    return {
      ja: 'この自治体の将来推計は登録されていますが、男女・5歳階級別の国勢調査がまだ登録されていません。登録されると、ここに表示されます。',
      en: "This municipality's projection is stored, but its census by sex and five-year age is not yet. It appears here once it is.",
    };
  return populationMissing;
}

function emptyView(
  s: PopulationSources,
  target: PopulationView['target'],
  figures: PopulationView['figures'],
): PopulationView {
  return {
    areaName: s.municipality.name,
    figures,
    missing: missingOf(s),
    baseName: { ja: '推計', en: 'projection' },
    lastCensusYear: 0,
    points: [],
    pyramids: [],
    compareYears: [],
    series: [],
    target,
    baseAtTargetYear: null,
    backcastBase: null,
    backcast: [],
    probabilistic: null,
    notes: [],
  };
}

/**
 * The census alone (no projection yet): its years in three age groups and the last one's pyramid,
 * with the notice of what is missing; nothing that needs a projection. A census year that cannot
 * be read whole leaves the notice alone, as before.
 */
function censusOnlyView(
  s: PopulationSources,
  target: PopulationView['target'],
  figures: PopulationView['figures'],
): PopulationView {
  const empty = emptyView(s, target, figures);
  if (!s.census) return empty;
  const years = tableYears(s.census.table);
  const points = censusPoints(s, s.census.table, years);
  const lastYear = years[years.length - 1];
  const last = lastYear === undefined ? undefined : censusPopulation(s.census.table, lastYear, labels);
  if (!points.ok || lastYear === undefined || !last?.ok) return empty;
  return {
    ...empty,
    lastCensusYear: points.value[points.value.length - 1]?.year ?? lastYear,
    points: points.value,
    pyramids: [pyramidOf(last.value, lastYear, 'census')],
  };
}

/**
 * The census years in three age groups, then a newer census known in three age groups only
 * (e.g. 2020 from IPSS 2023's base row).
 */
function censusPoints(
  s: PopulationSources,
  table: CensusTable,
  years: readonly number[],
): Result<ThreeGroupPoint[]> {
  const points: ThreeGroupPoint[] = [];
  for (const y of years) {
    const c = censusPopulation(table, y, labels);
    if (!c.ok) return c;
    points.push(threeOf(c.value, y, 'census'));
  }
  for (const c of broadCensus(s))
    points.push({
      year: c.year,
      kind: 'census',
      young: c.young,
      working: c.working,
      old: c.old,
      total: c.total,
    });
  return ok(points);
}

type PlanBase = Omit<BackcastBase, 'calibration'> | null;

function computeView(
  s: PopulationSources,
  target: PopulationView['target'],
  planBase: PlanBase,
  figures: PopulationView['figures'],
): Result<PopulationView> {
  if (s.census && !s.projection) return ok(censusOnlyView(s, target, figures));
  const spec = projectionSpec(s);
  if (!spec || !s.census || !s.projection) return ok(emptyView(s, target, figures));
  const based = run(spec);
  if (!based.ok) return based;
  const base = based.value;
  const meta = s.projection.dataset.meta as { label?: Bilingual; seriesName?: string };
  const baseName: Bilingual = meta.label ?? {
    ja: s.projection.dataset.title.ja,
    en: s.projection.dataset.title.en ?? s.projection.dataset.title.ja,
  };
  const baseSeriesName = meta.seriesName ?? baseName.en;
  const censusYears = tableYears(s.census.table).filter((y) => y <= spec.baseYear);
  const census = censusPoints(s, s.census.table, censusYears);
  if (!census.ok) return census;
  const points = census.value;
  const lastSexAgeCensus = censusYears[censusYears.length - 1] ?? spec.baseYear;
  const lastCensusYear = points[points.length - 1]?.year ?? spec.baseYear;
  for (const y of base.years.filter((x) => x > lastCensusYear)) {
    const p = base.population[String(y)];
    if (p) points.push(threeOf(p, y, 'projection'));
  }
  const lastCensus = censusPopulation(s.census.table, lastSexAgeCensus, labels);
  if (!lastCensus.ok) return lastCensus;
  const later = base.years.filter((y) => y > lastCensusYear);
  const pyramidYears = [...new Set([later[Math.floor((later.length - 1) / 2)], later[later.length - 1]])];
  const pyramids = [
    pyramidOf(lastCensus.value, lastSexAgeCensus, 'census'),
    ...pyramidYears.flatMap((y) => {
      const p = y === undefined ? undefined : base.population[String(y)];
      return p && y !== undefined ? [pyramidOf(p, y, 'projection')] : [];
    }),
  ];
  const compiled = compileSpec(spec);
  if (!compiled.ok) return compiled;
  const backcast: BackcastView[] = [];
  const scenarios: {
    key: string;
    name: Bilingual;
    scenario: Scenario;
    /** Base and method when not the base's with one condition changed. */
    basis?: Bilingual;
    /** The spec the scenario runs on (default: the base projection's). */
    on?: typeof spec;
  }[] = [
    {
      key: 'zero-migration',
      name: { ja: '純移動ゼロ（転入と転出が均衡）', en: 'Zero net migration' },
      scenario: { name: 'zero net migration', migrationMultiplier: 0 },
    },
  ];
  // The back-cast starts from the plan's baseline: the base projection's rates with the net
  // in-migrants a year that make it pass through the plan's figure at the target year.
  let backcastBase: BackcastBase | null = null;
  let from = compiled.value;
  if (target) {
    const cal = planBase
      ? solveTarget(compiled.value, 'added-migrants', planBase.year, planBase.value)
      : null;
    const calibrated = cal?.ok
      ? applyScenarioCompiled(compiled.value, { name: 'baseline', addedMigrantsPerYear: cal.value.value })
      : null;
    if (planBase && cal?.ok && calibrated?.ok) {
      from = calibrated.value;
      backcastBase = { ...planBase, calibration: cal.value.value };
    } else {
      backcastBase = {
        name: baseName,
        source: s.projection.dataset.source,
        year: target.fiscalYear,
        value: base.annualTotal[String(target.fiscalYear)] ?? Number.NaN,
        calibration: null,
      };
    }
  }
  if (target) {
    for (const lever of ['added-migrants', 'migration-multiplier'] as const) {
      const r = solveTarget(from, lever, target.fiscalYear, target.value);
      if (r.ok) {
        backcast.push({ lever, value: r.value.value, achievedTotal: r.value.achievedTotal });
        if (lever === 'added-migrants') {
          const n = Math.round(r.value.value);
          const start = backcastBase?.calibration ?? 0;
          scenarios.push({
            key: 'backcast-added',
            name: {
              ja: `目標逆算：${backcastBase?.name.ja ?? baseName.ja}に加えて毎年 ${n} 人の転入超過`,
              en: `Back-cast: ${n} more net in-migrants a year than ${backcastBase?.name.en ?? baseName.en}`,
            },
            scenario: { name: 'back-cast', addedMigrantsPerYear: start + r.value.value },
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
  // The Cabinet Office patterns set a TFR path; the IPSS tables carry child-woman ratios, so the TFR
  // they scale from is the one those ratios imply (iTFR = 7 × CWR, per period).
  const withTfr = withImpliedTfr(spec);
  const [sim1, sim2] = cabinetOfficePatterns();
  const tfrMethod: Bilingual = {
    ja: `基準：${baseName.ja}の仮定（${spec.baseYear}年国勢調査基準）／方法：合計特殊出生率を子ども女性比の7倍で近似（iTFR）し、${spec.baseYear}年の値から2030年の2.1まで直線的に上げ、以後一定（まち・ひと・しごと創生本部「地方人口ビジョン」ワークシートの標準パターン）`,
    en: `Base: the ${baseName.en} assumptions (${spec.baseYear} census); method: TFR approximated as 7 × the child-woman ratio (iTFR), raised linearly from its ${spec.baseYear} value to 2.1 by 2030 and held (the standard pattern of the Cabinet Office's regional population vision worksheet)`,
  };
  if (sim1 && sim2)
    scenarios.push(
      {
        key: 'cabinet-office-1',
        name: {
          ja: '内閣府パターン シミュレーション1（出生率2.1）',
          en: 'Cabinet Office simulation 1 (TFR 2.1)',
        },
        scenario: sim1,
        basis: tfrMethod,
        on: withTfr,
      },
      {
        key: 'cabinet-office-2',
        name: {
          ja: '内閣府パターン シミュレーション2（出生率2.1・純移動ゼロ）',
          en: 'Cabinet Office simulation 2 (TFR 2.1, zero net migration)',
        },
        scenario: sim2,
        basis: {
          ja: `${tfrMethod.ja}。さらに純移動をゼロとする`,
          en: `${tfrMethod.en}; net migration also set to zero`,
        },
        on: withTfr,
      },
    );
  const notes: Bilingual[] = [];
  const baseBasis: Bilingual = {
    ja: `基準：${spec.baseYear}年国勢調査／方法：コーホート変化率法（公表された男女・5歳階級別の表から率を求めて再計算）`,
    en: `Base: ${spec.baseYear} census; method: cohort change ratios (rates implied by the published tables by sex and 5-year age, re-run)`,
  };
  const series: { key: string; name: Bilingual; basis: Bilingual; s: PopulationSeries }[] = [
    {
      key: s.projection.dataset.code,
      name: baseName,
      basis: baseBasis,
      s: seriesFromProjection(baseSeriesName, base, { source: spec.provenance?.source ?? '' }),
    },
  ];
  if (s.age3) {
    const m = s.age3.dataset.meta as { label?: Bilingual; seriesName?: string };
    const hasArea = s.age3.rows.some((r) => r.cells.area_code === s.municipality.code);
    const b3 = s.age3.rows.find(
      (r) => r.cells.area_code === s.municipality.code && r.cells.status === 'base_census',
    );
    if (hasArea)
      series.push({
        key: s.age3.dataset.code,
        basis: {
          ja: `基準：${b3?.cells.year ?? '—'}年国勢調査／方法：公表値（年齢3区分のみ）`,
          en: `Base: ${b3?.cells.year ?? '—'} census; method: as published (three age groups only)`,
        },
        name: m.label ?? {
          ja: s.age3.dataset.title.ja,
          en: s.age3.dataset.title.en ?? s.age3.dataset.title.ja,
        },
        s: seriesFromAge3Rows(s.age3.rows, s.municipality.code, m.seriesName ?? s.age3.dataset.code, {
          source: s.age3.dataset.source,
        }),
      });
  }
  for (const b of s.series)
    series.push({
      key: b.key,
      name: b.name,
      basis: b.basis ?? { ja: '基準・方法：出典を参照', en: 'Base and method: see the source' },
      s: b.series,
    });
  for (const sc of scenarios) {
    const applied = applyScenario(sc.on ?? spec, sc.scenario);
    const projected = applied.ok ? run(applied.value) : applied;
    if (!projected.ok) {
      // A pattern that cannot run on these data is said, not allowed to take the page down.
      if (!sc.on) return fail(projected.problems);
      const p = projected.problems[0];
      notes.push({
        ja: `${sc.name.ja}は計算できませんでした：${p?.message.ja ?? ''}`,
        en: `${sc.name.en} could not be computed: ${p?.message.en ?? ''}`,
      });
      continue;
    }
    series.push({
      key: sc.key,
      name: sc.name,
      basis: sc.basis ?? {
        ja: `${baseBasis.ja}。条件を一つ変えた試算`,
        en: `${baseBasis.en}; one condition changed`,
      },
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
  const probabilistic = probabilisticOf(spec, baseName, target);
  return ok({
    probabilistic,
    notes,
    areaName: s.municipality.name,
    figures: { ...figures, base: s.projection.dataset.code },
    baseName,
    lastCensusYear,
    points,
    pyramids,
    compareYears,
    series: series.map((x, i) => ({
      key: x.key,
      name: x.name,
      basis: x.basis,
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
    backcastBase,
    backcast,
  });
}

/** The base projection's Monte Carlo (fixed trajectories and seed) and the chance of reaching the target. */
function probabilisticOf(
  spec: NonNullable<ReturnType<typeof projectionSpec>>,
  baseName: Bilingual,
  target: PopulationView['target'],
): ProbabilisticView {
  const o = { trajectories: PUBLIC_TRAJECTORIES, seed: PUBLIC_SEED };
  const first = spec.baseYear;
  const last = spec.years[spec.years.length - 1] ?? first;
  const inRange = target !== null && target.fiscalYear >= first && target.fiscalYear <= last;
  const basis: Bilingual = {
    ja: `${baseName.ja}（${spec.baseYear}年基準）の率を試行ごとにゆらした ${o.trajectories.toLocaleString('ja-JP')} 通りの試行（出生・移動・生残をランダムウォークで変動、乱数の種 ${o.seed}）`,
    en: `${o.trajectories.toLocaleString('en-US')} trajectories of ${baseName.en} (base ${spec.baseYear}) with its rates perturbed in each (fertility, migration and survival as random walks; seed ${o.seed})`,
  };
  const r = simulateWithReach(spec, o, {
    year: inRange ? target.fiscalYear : first,
    threshold: inRange ? target.value : 0,
  });
  if (!r.ok) {
    const p = r.problems[0];
    return {
      basis,
      trajectories: o.trajectories,
      seed: o.seed,
      sigmas: {},
      years: [],
      bands: [],
      reach: null,
      problem: { ja: p?.message.ja ?? '', en: p?.message.en ?? '' },
    };
  }
  const city = r.value.result.areas[0];
  const years = r.value.result.years;
  return {
    basis,
    trajectories: o.trajectories,
    seed: o.seed,
    sigmas: { ...r.value.result.sigmas },
    years,
    bands: years.map((year) => ({ year, ...city!.total[String(year)]! })),
    reach: inRange
      ? {
          year: r.value.reach.year,
          threshold: r.value.reach.threshold,
          reached: r.value.reach.reached,
          probability: r.value.reach.probability,
          standardError: r.value.reach.standardError,
        }
      : null,
  };
}
