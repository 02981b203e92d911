/**
 * The scenario workbench's inputs: the municipality on its stored projection's
 * assumptions and the districts of its stored district table derived to the
 * same years, raked to the municipality. The browser applies the sliders'
 * scenario to these specs and re-projects at once.
 */
import { compileDistrictSet, type DistrictSetSpec, defineProblem, fail, ok, type Result } from '@mirai/core';
import type { AppContext } from '../context';
import { readPlan } from '../plan';
import { districtSet, projectionSpec } from './city-spec';
import { loadPopulationSources } from './population-sources';

export interface WorkbenchData {
  set: DistrictSetSpec;
  districtCodes: Record<string, string>;
  target: { fiscalYear: number; value: number } | null;
}

export const workbenchProblems = {
  noData: defineProblem('population/data-missing', 'not-found', () => ({
    ja: 'この自治体の人口データ（国勢調査と男女・5歳階級別の将来推計、地区別人口）が登録されていません。職員用ワークスペースの「人口データ」のページ、または mirai population data import で取り込んでください。',
    en: "This municipality's population data (census and projection by sex and five-year age, districts) is not stored; import it on the workspace's Population data page or with mirai population data import.",
  })),
};

export async function getWorkbenchData(ctx: AppContext): Promise<Result<WorkbenchData>> {
  const src = await loadPopulationSources(ctx);
  if (!src.ok) return src;
  // The same reconciled run as the public pages (districts raked to the city's projection).
  const city = projectionSpec(src.value);
  const derived = city ? districtSet(src.value) : undefined;
  if (!city || !derived) return fail(workbenchProblems.noData.create({}));
  if (!derived.ok) return derived;
  const set: DistrictSetSpec = { ...derived.value, city };
  const checked = compileDistrictSet(set);
  if (!checked.ok) return checked;
  const plan = await readPlan(ctx);
  const ft = plan.ok
    ? plan.value.document.indicators.find((i) => i.code === 'TOP-POPULATION')?.finalTarget
    : undefined;
  const areas = plan.ok ? plan.value.document.areas.filter((a) => a.layer === 'district') : [];
  const districtCodes = Object.fromEntries(areas.map((a) => [a.name.ja, a.code]));
  return ok({ set, districtCodes, target: ft ? { fiscalYear: ft.fiscalYear, value: ft.value } : null });
}
