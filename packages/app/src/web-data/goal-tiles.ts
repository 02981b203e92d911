/**
 * The top page's goal tiles: for each of the plan's top indicators, the
 * latest known value (a recorded actual, else the baseline, said which), the
 * date it refers to, the final target and the gap to it, the honest status,
 * the trend (baseline and actuals with their intervals; census counts for
 * census indicators, from the same read model as the population page) and
 * the plan's own baseline projection at the target year when it names one.
 */
import {
  figureKey,
  figureKeys,
  formatFiscalYear,
  formatWarekiDate,
  type IndicatorStatus,
  type Result,
  roundTo,
  type Text,
} from '@mirai/core';
import type { AppContext } from '../context';
import { listIndicators, showIndicator } from '../indicators';
import { getPopulationView } from './population-view';

export interface GoalPoint {
  year: number;
  value: number;
  lower?: number;
  upper?: number;
  kind: 'baseline' | 'actual' | 'census';
}

export interface GoalTile {
  code: string;
  name: Text;
  unit: Text;
  kind: 'statistic' | 'survey' | 'administrative';
  direction: 'higher-is-better' | 'lower-is-better' | 'within-band';
  precision: number;
  latest: {
    value: number;
    lower?: number;
    upper?: number;
    /** 'actual': a recorded value; 'baseline': nothing recorded since the plan's baseline. */
    kind: 'actual' | 'baseline';
    /** What the figure is (`data-figure`, core figureKey). */
    figure: string;
    /** The day or month it refers to, in 和暦 (令和4年12月) and ISO (2022-12). */
    asOf: { wareki: string; iso: string };
    source: string;
  } | null;
  target: { fiscalYear: number; value: number; comparison?: string } | null;
  /** latest − target, rounded to the indicator's precision. */
  gap: number | null;
  status: Omit<IndicatorStatus, 'actual'>;
  trend: GoalPoint[];
  /** The plan's first projection that names the target year (e.g. its baseline 63,200 in 2032). */
  outlook: { name: Text; source: Text; year: number; value: number; figure: string } | null;
  sample: boolean;
}

function wareki(iso: string): string {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(iso);
  if (!m) return iso;
  const year = Number(m[1]);
  const month = m[2] ? Number(m[2]) : undefined;
  const day = m[3] ? Number(m[3]) : undefined;
  const full = formatWarekiDate({ year, month: month ?? 10, day: day ?? 1 });
  if (day !== undefined) return full;
  const noDay = full.replace(/\d+日$/, '');
  return month !== undefined ? noDay : noDay.replace(/\d+月$/, '');
}

const yearOf = (iso: string) => Number(iso.slice(0, 4));

export async function getGoalTiles(ctx: AppContext): Promise<Result<GoalTile[]>> {
  const list = await listIndicators(ctx);
  if (!list.ok) return list;
  const tiles: GoalTile[] = [];
  for (const s of list.value.filter((i) => i.top)) {
    const detail = await showIndicator(ctx, s.code);
    if (!detail.ok) return detail;
    const def = detail.value.definition;
    const precision = s.status.precision;
    const city = detail.value.values.filter((v) => !v.area).map((v) => v.current);
    const trend: GoalPoint[] = [];
    if (def.frequency === 'census') {
      const pop = await getPopulationView(ctx);
      if (pop.ok)
        for (const p of pop.value.points)
          if (p.kind === 'census') trend.push({ year: p.year, value: p.total, kind: 'census' });
    }
    if (def.baseline && !trend.some((p) => p.year === yearOf(def.baseline!.asOf))) {
      const b = def.baseline;
      trend.push({
        year: yearOf(b.asOf),
        value: b.value,
        ...(b.ci ? { lower: b.ci.lower, upper: b.ci.upper } : {}),
        kind: def.frequency === 'census' ? 'census' : 'baseline',
      });
    }
    for (const a of city) {
      const year = a.date ? yearOf(a.date) : a.fiscalYear;
      const i = trend.findIndex((p) => p.year === year);
      if (i >= 0) trend.splice(i, 1);
      trend.push({
        year,
        value: a.value,
        ...(a.ci ? { lower: a.ci.lower, upper: a.ci.upper } : {}),
        kind: 'actual',
      });
    }
    trend.sort((x, y) => x.year - y.year);
    const actual = s.latest;
    const latest: GoalTile['latest'] = actual
      ? {
          value: actual.value,
          ...(actual.ci ? { lower: actual.ci.lower, upper: actual.ci.upper } : {}),
          kind: 'actual',
          figure: figureKey(s.code, 'actual', actual.fiscalYear),
          asOf: actual.date
            ? { wareki: wareki(actual.date), iso: actual.date }
            : { wareki: formatFiscalYear(actual.fiscalYear), iso: `FY${actual.fiscalYear}` },
          source: actual.source,
        }
      : def.baseline
        ? {
            value: def.baseline.value,
            ...(def.baseline.ci ? { lower: def.baseline.ci.lower, upper: def.baseline.ci.upper } : {}),
            kind: 'baseline',
            figure: figureKeys(
              figureKey(s.code, 'baseline', def.baseline.asOf.slice(0, 4)),
              def.frequency === 'census' && figureKey(s.code, 'census', def.baseline.asOf.slice(0, 4)),
            ),
            asOf: { wareki: wareki(def.baseline.asOf), iso: def.baseline.asOf },
            source: def.baseline.source.ja,
          }
        : null;
    const ft = def.finalTarget ?? null;
    const target = ft
      ? {
          fiscalYear: ft.fiscalYear,
          value: ft.value,
          ...(ft.comparison ? { comparison: ft.comparison } : {}),
        }
      : null;
    const proj = ft
      ? (def.projections ?? []).find((p) => p.values[String(ft.fiscalYear)] !== undefined)
      : undefined;
    tiles.push({
      code: s.code,
      name: s.name,
      unit: s.unit,
      kind: s.kind,
      direction: s.direction,
      precision,
      latest,
      target,
      gap: latest && target ? roundTo(latest.value - target.value, precision) : null,
      status: s.status,
      trend,
      outlook:
        proj && ft
          ? {
              name: proj.name,
              source: proj.source,
              figure: figureKey(s.code, proj.code, ft.fiscalYear),
              year: ft.fiscalYear,
              value: proj.values[String(ft.fiscalYear)]!,
            }
          : null,
      sample: s.sample,
    });
  }
  return { ok: true, value: tiles };
}
