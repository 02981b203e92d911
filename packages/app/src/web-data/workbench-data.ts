/**
 * The scenario workbench's inputs: the city on the IPSS 2018 assumptions and
 * the districts of the illustrative sample (sample: true) derived from their
 * 2010 and 2015 counts to the same years, raked to the city. The browser
 * applies the sliders' scenario to these specs and re-projects at once.
 */
import {
  type CensusTable,
  censusFromRows,
  compileDistrictSet,
  type DistrictSetSpec,
  deriveDistrictSet,
  ok,
  type Result,
} from '@mirai/core';
import type { AppContext } from '../context';
import { getCurrentPlan } from '../plan';
import { IPSS2018_YEARS, ipss2018Spec } from './city-spec';
import { loadPopulationSources, SHIOJIRI_CODE } from './population-sources';

export interface WorkbenchData {
  set: DistrictSetSpec;
  districtCodes: Record<string, string>;
  target: { fiscalYear: number; value: number } | null;
}

export async function getWorkbenchData(ctx: AppContext): Promise<Result<WorkbenchData>> {
  const src = await loadPopulationSources();
  if (!src.ok) return src;
  const s = src.value;
  const names = [
    ...new Map(s.districtRows.map((r) => [r.cells.district_code ?? '', r.cells.district ?? ''])).entries(),
  ];
  const districts: { code: string; name: string; table: CensusTable }[] = [];
  for (const [code, name] of names) {
    const t = censusFromRows(s.districtRows, code, 'shiojiri-districts-sample.csv');
    if (!t.ok) return t;
    districts.push({ code, name, table: t.value });
  }
  const horizon = IPSS2018_YEARS[IPSS2018_YEARS.length - 1] ?? 2045;
  const derived = deriveDistrictSet(s.census, SHIOJIRI_CODE, districts, {
    from: 2010,
    to: 2015,
    horizon,
    sample: true,
  });
  if (!derived.ok) return derived;
  const set: DistrictSetSpec = { ...derived.value, city: ipss2018Spec(s) };
  const checked = compileDistrictSet(set);
  if (!checked.ok) return checked;
  const plan = await getCurrentPlan(ctx);
  const ft = plan.ok
    ? plan.value.document.indicators.find((i) => i.code === 'TOP-POPULATION')?.finalTarget
    : undefined;
  const areas = plan.ok ? plan.value.document.areas.filter((a) => a.layer === 'district') : [];
  const districtCodes = Object.fromEntries(areas.map((a) => [a.name.ja, a.code]));
  return ok({ set, districtCodes, target: ft ? { fiscalYear: ft.fiscalYear, value: ft.value } : null });
}
