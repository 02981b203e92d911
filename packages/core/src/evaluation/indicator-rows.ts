/**
 * Indicator rows of a sheet: the sheet holds indicator codes; this joins them
 * with figures supplied from the indicators (targets, actuals, achievement) for
 * the previous, the evaluated and the final year, so nothing is retyped.
 */
import { fail, ok, type Problem, type Result } from '../errors';
import { sheetProblems as P } from './sheet-problems';
import type { IndicatorRef } from './sheet-types';

export type FiguresDirection = 'higher-is-better' | 'lower-is-better' | 'within-band';

/** What the indicators part of the system supplies for one indicator. */
export interface IndicatorFigures {
  code: string;
  name: string;
  unit: string;
  direction: FiguresDirection;
  baseline?: number;
  years: { fiscalYear: number; target?: number; actual?: number; achievement?: number }[];
  finalTarget?: { fiscalYear: number; value: number };
}

export interface YearFigures {
  fiscalYear: number;
  target: number | null;
  actual: number | null;
  /** Share of the target reached (1 = 100%), or null. */
  achievement: number | null;
}

export interface IndicatorRow {
  code: string;
  role: IndicatorRef['role'];
  name: string;
  unit: string;
  direction: FiguresDirection;
  baseline: number | null;
  previous: YearFigures;
  current: YearFigures;
  final: { fiscalYear: number; target: number; achievement: number | null } | null;
}

/** Computes an achievement when the figures carry none. */
export type AchievementRule = (input: {
  direction: FiguresDirection;
  actual: number;
  target: number;
  baseline?: number;
}) => number | undefined;

/**
 * The default rule, 達成率: actual/target when higher is better, target/actual
 * when lower is better; undefined when that divides by zero or for bands. The
 * app may pass the indicators module's own rule instead.
 */
export const shareOfTarget: AchievementRule = ({ direction, actual, target }) => {
  if (direction === 'higher-is-better') return target > 0 ? actual / target : undefined;
  if (direction === 'lower-is-better') return actual > 0 && target >= 0 ? target / actual : undefined;
  return undefined;
};

function yearFigures(fig: IndicatorFigures, fy: number, rule: AchievementRule): YearFigures {
  const y = fig.years.find((v) => v.fiscalYear === fy);
  const target = y?.target ?? null;
  const actual = y?.actual ?? null;
  let achievement = y?.achievement ?? null;
  if (achievement === null && target !== null && actual !== null) {
    achievement = rule(withBaseline({ direction: fig.direction, actual, target }, fig.baseline)) ?? null;
  }
  return { fiscalYear: fy, target, actual, achievement };
}

function withBaseline<T extends object>(o: T, baseline: number | undefined): T & { baseline?: number } {
  return baseline === undefined ? o : { ...o, baseline };
}

/**
 * Joins a sheet's indicator references with the supplied figures for the
 * evaluated year `fiscalYear`. Unknown codes and duplicates are errors; a
 * missing target or actual for the evaluated year is a warning.
 */
export function joinIndicatorRows(
  refs: readonly IndicatorRef[],
  /** The figures, as a list or (for many sheets) a map by code built once. */
  figures: readonly IndicatorFigures[] | ReadonlyMap<string, IndicatorFigures>,
  fiscalYear: number,
  options: { rule?: AchievementRule; path?: string } = {},
): Result<IndicatorRow[]> {
  const rule = options.rule ?? shareOfTarget;
  const path = options.path ?? 'indicators';
  const byCode = Array.isArray(figures)
    ? new Map(figures.map((f) => [f.code, f]))
    : (figures as ReadonlyMap<string, IndicatorFigures>);
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const rows: IndicatorRow[] = [];
  const seen = new Set<string>();
  refs.forEach((ref, index) => {
    const where = { path: `${path}[${index}].code`, index };
    if (seen.has(ref.code)) problems.push(P.indicatorDuplicate.create({ code: ref.code }, where));
    seen.add(ref.code);
    const fig = byCode.get(ref.code);
    if (!fig) {
      problems.push(P.indicatorUnknown.create({ code: ref.code }, where));
      return;
    }
    const current = yearFigures(fig, fiscalYear, rule);
    for (const what of ['target', 'actual'] as const) {
      if (current[what] === null) {
        warnings.push(P.indicatorValueMissing.create({ code: ref.code, fiscalYear, what }, where, 'warning'));
      }
    }
    let final: IndicatorRow['final'] = null;
    if (fig.finalTarget) {
      const a = current.actual;
      const achievement =
        a === null
          ? undefined
          : rule(
              withBaseline(
                { direction: fig.direction, actual: a, target: fig.finalTarget.value },
                fig.baseline,
              ),
            );
      final = {
        fiscalYear: fig.finalTarget.fiscalYear,
        target: fig.finalTarget.value,
        achievement: achievement ?? null,
      };
    }
    rows.push({
      code: ref.code,
      role: ref.role,
      name: fig.name,
      unit: fig.unit,
      direction: fig.direction,
      baseline: fig.baseline ?? null,
      previous: yearFigures(fig, fiscalYear - 1, rule),
      current,
      final,
    });
  });
  if (problems.length > 0) return fail(problems);
  return ok(rows, warnings);
}

/** The mean achievement of rows that have one (null if none): a sheet-level summary. */
export function meanAchievement(rows: readonly Pick<IndicatorRow, 'current'>[]): number | null {
  const values = rows
    .map((r) => r.current.achievement)
    .filter((v): v is number => v !== null && Number.isFinite(v));
  return values.length === 0 ? null : values.reduce((s, v) => s + v, 0) / values.length;
}
