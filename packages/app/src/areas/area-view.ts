/**
 * The read models of the areas: every area with its layer and parent (school
 * districts with their district shares), and one area's page: its population,
 * the indicators with values for it (rolled up to the city where the indicator
 * allows), the measures that target it with their partners, and the district
 * map. Public reads use the published plan; staff may include the draft.
 */
import {
  type AreaAggregation,
  type AreaListItem,
  type AreaRollUp,
  ancestorsOf,
  currentActuals,
  describeAggregation,
  fail,
  figureKey,
  layerNames,
  listAreas,
  ok,
  type PlanDocument,
  projectBoundaries,
  type Result,
  rollUpAreas,
  type Text,
  tileLayout,
} from '@mirai/core';
import { listActualVersions } from '@mirai/db';
import type { AppContext } from '../context';
import { getCurrentPlan, getPublishedPlan } from '../plan/plan-use-cases';
import { getDistrictsView } from '../web-data/district-view';
import { readAreaBoundaries } from './area-boundaries';
import { type AreaHappinessWave, areaHappiness } from './area-happiness';
import { areaProblems } from './area-problems';

export interface AreaReadOptions {
  includeDraft?: boolean;
}

async function planOf(ctx: AppContext, opts: AreaReadOptions) {
  return opts.includeDraft ? getCurrentPlan(ctx) : getPublishedPlan(ctx);
}

export interface AreaListView {
  layers: { layer: AreaListItem['layer']; name: Text }[];
  areas: AreaListItem[];
}

export async function listAreaItems(
  ctx: AppContext,
  opts: AreaReadOptions = {},
): Promise<Result<AreaListView>> {
  const plan = await planOf(ctx, opts);
  if (!plan.ok) return plan;
  const areas = listAreas(plan.value.document.areas);
  const present = [...new Set(areas.map((a) => a.layer))];
  return ok({ layers: present.map((layer) => ({ layer, name: layerNames[layer] })), areas });
}

export interface AreaIndicatorValue {
  code: string;
  name: Text;
  unit: Text;
  sample: boolean;
  /** The newest fiscal year with values for this area (or its districts). */
  fiscalYear: number | null;
  /** This area's own recorded value. */
  value: number | null;
  /** City and region pages: the districts' values rolled up, and how. */
  rollUp: (AreaRollUp & { fiscalYear: number; method: Text }) | null;
  /** The districts' values of that year (city and region pages), for the map and its table. */
  byDistrict: { area: string; value: number | null }[];
}

export interface AreaView {
  area: AreaListItem;
  layerName: Text;
  ancestors: { code: string; name: Text; layer: AreaListItem['layer'] }[];
  children: { code: string; name: Text; layer: AreaListItem['layer']; sample: boolean }[];
  population: {
    years: number[];
    totals: (number | null)[];
    sample: boolean;
    method: string;
    /** What each total is (`data-figure`, core figureKey): a district's run, or the city's census/projection. */
    figures: (string | undefined)[];
  } | null;
  /** Happiness from the published survey waves, small cells suppressed (region: none). */
  happiness: AreaHappinessWave[];
  indicators: AreaIndicatorValue[];
  measures: {
    code: string;
    name: Text;
    promotionPeriod: 'short' | 'long' | null;
    targetAreas: string[];
    partners: { code: string; name: Text; sample: boolean }[];
    sample: boolean;
  }[];
  /** The districts' tiles (city and region pages). */
  map: { tiles: { code: string; col: number; row: number; name: Text }[]; cols: number; rows: number } | null;
  /** The districts drawn from stored boundaries (projected on the server), when every district has one. */
  outline: {
    width: number;
    height: number;
    shapes: { code: string; d: string; label: { x: number; y: number }; name: Text }[];
    source: string;
    licence: string;
    sample: boolean;
    version: number;
  } | null;
}

/** The districts an area covers: a city's or region's districts, or the area itself. */
function districtsUnder(doc: PlanDocument, list: AreaListItem[], code: string): string[] {
  const area = list.find((a) => a.code === code);
  if (!area) return [];
  if (area.layer === 'district') return [code];
  if (area.layer === 'school-district') return [];
  const districts = list.filter((a) => a.layer === 'district');
  return districts
    .filter((d) => d.code === code || ancestorsOf(list, d.code).some((x) => x.code === code))
    .map((d) => d.code)
    .filter((c) => doc.areas.some((a) => a.code === c));
}

export async function getAreaView(
  ctx: AppContext,
  code: string,
  opts: AreaReadOptions = {},
): Promise<Result<AreaView>> {
  const plan = await planOf(ctx, opts);
  if (!plan.ok) return plan;
  const doc = plan.value.document;
  const list = listAreas(doc.areas);
  const area = list.find((a) => a.code === code);
  if (!area) return fail(areaProblems.notFound.create({ code }, { field: 'code' }));
  const byCode = new Map(list.map((a) => [a.code, a]));
  const districts = districtsUnder(doc, list, code);
  const covering = area.layer === 'city' || area.layer === 'region';

  // Population: the reconciled district run (districts raked to the city), summed for the city.
  let population: AreaView['population'] = null;
  const dv = await getDistrictsView(ctx);
  if (dv.ok && (area.layer === 'district' || covering)) {
    const rows = dv.value.districts.filter((d) => districts.includes(d.code));
    const first = rows[0];
    if (first && rows.length === districts.length) {
      population = {
        years: first.years,
        totals: first.years.map((_, i) => {
          const vals = rows.map((r) => r.totals[i]);
          return vals.every((v) => typeof v === 'number')
            ? vals.reduce<number>((s, v) => s + (v ?? 0), 0)
            : null;
        }),
        sample: rows.some((r) => r.sample),
        method: dv.value.method,
        figures: first.years.map((y) => {
          const f = dv.value.figures;
          if (area.layer === 'district') return figureKey(`${f.subject}@${code}`, 'districts', y);
          const k = f.years.indexOf(y);
          return area.layer === 'city' && k >= 0 ? figureKey(f.subject, f.citySeries[k] ?? '', y) : undefined;
        }),
      };
    }
  }
  const weights: Record<string, number> = {};
  if (dv.ok) {
    for (const d of dv.value.districts) {
      const t = d.totals[0];
      if (typeof t === 'number') weights[d.code] = t;
    }
  }

  // Indicators with values for this area, or broken down by its districts.
  const relevant = doc.indicators.filter(
    (i) => i.areas?.includes(code) || (covering && i.areas?.some((a) => districts.includes(a))),
  );
  const versions = relevant.length
    ? await listActualVersions(ctx.database.db, plan.value.id, {
        indicatorCodes: relevant.map((i) => i.code),
        current: true,
      })
    : [];
  const current = currentActuals(versions);
  const indicators = relevant.map((def): AreaIndicatorValue => {
    const mine = current.filter((v) => v.indicatorCode === def.code);
    const areaCodes = covering ? districts.filter((d) => def.areas?.includes(d)) : [code];
    const years = mine.filter((v) => v.area && areaCodes.includes(v.area)).map((v) => v.fiscalYear);
    const fy = years.length ? Math.max(...years) : null;
    const areaValue = (a: string) =>
      fy === null ? null : (mine.find((v) => v.area === a && v.fiscalYear === fy && !v.date)?.value ?? null);
    const aggregation: AreaAggregation = def.areaAggregation ?? 'none';
    const byDistrict = covering ? areaCodes.map((a) => ({ area: a, value: areaValue(a) })) : [];
    const own = covering
      ? fy === null
        ? null
        : (mine.find((v) => !v.area && v.fiscalYear === fy)?.value ?? null)
      : areaValue(code);
    const rolled =
      covering && fy !== null
        ? {
            ...rollUpAreas(
              aggregation,
              areaCodes,
              byDistrict
                .filter((d) => d.value !== null)
                .map((d) => ({ area: d.area, value: d.value as number })),
              weights,
            ),
            fiscalYear: fy,
            method: describeAggregation(aggregation),
          }
        : null;
    return {
      code: def.code,
      name: def.name,
      unit: def.unit,
      sample: def.sample === true,
      fiscalYear: fy,
      value: own,
      rollUp: rolled,
      byDistrict,
    };
  });

  const partners = new Map(doc.partners.map((p) => [p.code, p]));
  const measures = doc.measures
    .filter((m) => m.targetAreas.includes(code) || (area.layer === 'city' && m.targetAreas.length === 0))
    .map((m) => ({
      code: m.code,
      name: m.name,
      promotionPeriod: m.promotionPeriod ?? null,
      targetAreas: m.targetAreas,
      partners: (m.partners ?? []).flatMap((p) => {
        const x = partners.get(p);
        return x ? [{ code: x.code, name: x.name, sample: x.sample === true }] : [];
      }),
      sample: m.sample === true,
    }));

  let map: AreaView['map'] = null;
  if (covering && districts.length > 0) {
    const layout = tileLayout(districts.map((d) => ({ code: d, ...tileOf(doc, d) })));
    map = {
      ...layout,
      tiles: layout.tiles.map((t) => ({ ...t, name: byCode.get(t.code)?.name ?? { ja: t.code } })),
    };
  }
  let outline: AreaView['outline'] = null;
  const bounds = covering && districts.length > 0 ? await readAreaBoundaries(ctx) : null;
  if (bounds?.ok && bounds.value) {
    const b = bounds.value;
    const features = districts.flatMap((d) => b.features.filter((f) => f.area === d));
    if (features.length === districts.length) {
      const p = projectBoundaries(features, { width: 480 });
      outline = {
        width: p.width,
        height: p.height,
        shapes: p.areas.map((x) => ({
          code: x.area,
          d: x.d,
          label: x.label,
          name: byCode.get(x.area)?.name ?? { ja: x.area },
        })),
        source: b.source,
        licence: b.licence,
        sample: b.sample,
        version: b.version,
      };
    }
  }
  return ok({
    area,
    layerName: layerNames[area.layer],
    ancestors: ancestorsOf(list, code).map((a) => ({ code: a.code, name: a.name, layer: a.layer })),
    children: area.children.flatMap((c) => {
      const x = byCode.get(c);
      return x ? [{ code: x.code, name: x.name, layer: x.layer, sample: x.sample }] : [];
    }),
    population,
    happiness: area.layer === 'region' ? [] : await areaHappiness(ctx, area),
    indicators,
    measures,
    map,
    outline,
  });
}

function tileOf(doc: PlanDocument, code: string): { tile?: { col: number; row: number } } {
  const t = doc.areas.find((a) => a.code === code)?.tile;
  return t ? { tile: t } : {};
}
