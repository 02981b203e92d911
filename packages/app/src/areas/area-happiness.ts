/**
 * Happiness by area, from the published survey waves: for a district or a
 * school district, the respondents who live there (the wave's area variable),
 * their estimate and 95% interval, suppressed below the same small-cell
 * threshold as every published table; for the city, the wave's overall
 * estimate. Says plainly when a wave has no area variable for the layer, or
 * when the area's cell is too small to publish.
 */
import type { AreaListItem } from '@mirai/core';
import { findWave } from '@mirai/db';
import type { AppContext } from '../context';
import { getCurrentPlan } from '../plan/plan-use-cases';
import { defaultMinCell, estimateSurveyWave, listPublishedSurveyWaves } from '../survey/wave-estimates';

/** The wave attributes that hold each layer's area (the importer keeps the file's column names). */
const areaVariables: Record<AreaListItem['layer'], string[]> = {
  region: [],
  city: [],
  district: ['district_code', 'district', 'area_code', 'area', '地区', '地域'],
  'school-district': ['school_district_code', 'school_district', '小学校区', '学区'],
};

export interface AreaHappinessWave {
  code: string;
  title: string;
  question: string;
  /** The attribute the area was read from (null for the city's overall figure, or when none). */
  variable: string | null;
  minCell: number;
  status: 'shown' | 'suppressed' | 'no-area-variable' | 'no-respondents';
  estimate?: { value: number; lower: number; upper: number; n: number };
}

export async function areaHappiness(ctx: AppContext, area: AreaListItem): Promise<AreaHappinessWave[]> {
  const waves = await listPublishedSurveyWaves(ctx);
  const plan = await getCurrentPlan(ctx);
  if (!waves.ok || !plan.ok) return [];
  const out: AreaHappinessWave[] = [];
  for (const w of waves.value) {
    const base = { code: w.code, title: w.title, minCell: defaultMinCell };
    if (area.layer === 'city') {
      const est = await estimateSurveyWave(ctx, w.code);
      if (!est.ok) continue;
      const e = est.value;
      out.push({
        ...base,
        question: e.question,
        variable: null,
        status: 'shown',
        estimate: { value: e.estimate, lower: e.ci[0], upper: e.ci[1], n: e.n },
      });
      continue;
    }
    const attributes = (await findWave(ctx.database.db, plan.value.id, w.code))?.attributes ?? [];
    const variable = areaVariables[area.layer].find((v) => attributes.includes(v)) ?? null;
    if (!variable) {
      out.push({ ...base, question: w.questions[0]?.code ?? '', variable: null, status: 'no-area-variable' });
      continue;
    }
    const est = await estimateSurveyWave(ctx, w.code, { by: variable, minCell: defaultMinCell });
    if (!est.ok) continue;
    const names = [area.code, area.name.ja, area.name.en].filter((x): x is string => Boolean(x));
    const cell = (est.value.by ?? []).find((b) => names.includes(b.level));
    const row = { ...base, question: est.value.question, variable };
    if (!cell) out.push({ ...row, status: 'no-respondents' });
    else if (cell.n < defaultMinCell) out.push({ ...row, status: 'suppressed' });
    else
      out.push({
        ...row,
        status: 'shown',
        estimate: { value: cell.estimate, lower: cell.ci[0], upper: cell.ci[1], n: cell.n },
      });
  }
  return out;
}
