/**
 * What the evaluation pulls from the indicators: per indicator its targets and
 * city-wide actuals by fiscal year (current versions only), as the core's
 * `IndicatorFigures`, and the movement from one year to the next for the
 * theory-of-change check. Values are read, never retyped on a sheet.
 */
import {
  currentActuals,
  type IndicatorChange,
  type IndicatorDefinition,
  type IndicatorFigures,
  indicatorMovement,
  type Movement,
} from '@mirai/core';
import { listActualVersions } from '@mirai/db';
import type { AppContext } from '../context';

export interface EvaluationFigures {
  figures: Map<string, IndicatorFigures>;
  movements: Map<string, Movement>;
}

export async function loadEvaluationFigures(
  ctx: AppContext,
  planId: number,
  definitions: readonly IndicatorDefinition[],
  fiscalYear: number,
): Promise<EvaluationFigures> {
  const actuals = currentActuals(await listActualVersions(ctx.database.db, planId, { current: true })).filter(
    (a) => a.area === undefined,
  );
  // The latest dated value per indicator and year stands for the year.
  const byCode = new Map<string, Map<number, { value: number; date: string }>>();
  for (const a of actuals) {
    const years = byCode.get(a.indicatorCode) ?? new Map<number, { value: number; date: string }>();
    const prior = years.get(a.fiscalYear);
    const date = a.date ?? '';
    if (!prior || date >= prior.date) years.set(a.fiscalYear, { value: a.value, date });
    byCode.set(a.indicatorCode, years);
  }
  const figures = new Map<string, IndicatorFigures>();
  const movements = new Map<string, Movement>();
  for (const def of definitions) {
    const years = byCode.get(def.code) ?? new Map<number, { value: number; date: string }>();
    const fys = new Set<number>([...years.keys(), ...def.targets.map((t) => t.fiscalYear)]);
    const fig: IndicatorFigures = {
      code: def.code,
      name: def.name.ja,
      unit: def.unit.ja,
      direction: def.direction,
      years: [...fys]
        .sort((a, b) => a - b)
        .map((fy) => {
          const y: IndicatorFigures['years'][number] = { fiscalYear: fy };
          const target = def.targets.find((t) => t.fiscalYear === fy);
          if (target) y.target = target.value;
          const actual = years.get(fy);
          if (actual) y.actual = actual.value;
          return y;
        }),
    };
    if (def.baseline) fig.baseline = def.baseline.value;
    if (def.finalTarget)
      fig.finalTarget = { fiscalYear: def.finalTarget.fiscalYear, value: def.finalTarget.value };
    figures.set(def.code, fig);
    const baselineYear = Number(def.baseline?.asOf.slice(0, 4));
    const previous =
      years.get(fiscalYear - 1)?.value ??
      (baselineYear === fiscalYear - 1 && def.baseline ? def.baseline.value : null);
    const change: IndicatorChange = {
      code: def.code,
      direction: def.direction,
      previous,
      current: years.get(fiscalYear)?.value ?? null,
    };
    if (def.band) change.band = def.band;
    movements.set(def.code, indicatorMovement(change));
  }
  return { figures, movements };
}
