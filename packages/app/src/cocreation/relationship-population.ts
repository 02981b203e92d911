/**
 * The relationship population (関係人口) as measured facts: the indicators the
 * plan marks as such (visitors, ふるさと納税 donors, dual residents, people
 * taking part from outside, partners from outside), each with its source,
 * values by fiscal year and trend; the partner count is computed from the
 * partners register (partners based outside the city, by the fiscal year they
 * were registered). With the listed partners from outside. Public reads.
 */
import {
  type IndicatorText,
  ok,
  type RelationshipFacet,
  type Result,
  relationshipFacetLabels,
  type Text,
} from '@mirai/core';
import { anonymous } from '../auth/actor';
import { listPartners, type PartnerView } from '../cocreation/partner-use-cases';
import type { AppContext } from '../context';
import { loadIndicatorScope, todayInTokyo } from '../indicators/indicator-scope';
import { showIndicator } from '../indicators/list-indicators';

export interface RelationshipPoint {
  year: number;
  value: number;
  kind: 'baseline' | 'actual';
  source: string;
}

export interface RelationshipIndicatorView {
  code: string;
  facet: RelationshipFacet;
  facetLabel: Text;
  name: IndicatorText;
  unit: IndicatorText;
  /** Where the figures come from, as the plan says. */
  source: IndicatorText;
  /** The latest value (an actual, else the baseline), with its year. */
  latest: { year: number; value: number; kind: 'baseline' | 'actual' } | null;
  trend: RelationshipPoint[];
  status: IndicatorText | null;
  finalTarget: { fiscalYear: number; value: number } | null;
  precision: number;
  /** Computed from the partners register, not entered. */
  computed: boolean;
  sample: boolean;
}

export interface RelationshipPopulationView {
  indicators: RelationshipIndicatorView[];
  partnersFromOutside: PartnerView[];
  asOf: string;
}

/** Partners based outside the city registered by the end of each fiscal year (Japan: April–March). */
async function partnerCountsByYear(ctx: AppContext, from: number, to: number) {
  const rows = await ctx.database.db
    .selectFrom('partners')
    .select('created_at')
    .where('location', '=', 'outside')
    .execute();
  const fyOf = (d: Date) => {
    const t = todayInTokyo(new Date(d));
    return t.month >= 4 ? t.year : t.year - 1;
  };
  const years = rows.map((r) => fyOf(r.created_at));
  const out: { year: number; value: number }[] = [];
  for (let fy = from; fy <= to; fy++) out.push({ year: fy, value: years.filter((y) => y <= fy).length });
  return out;
}

export async function getRelationshipPopulationView(
  ctx: AppContext,
): Promise<Result<RelationshipPopulationView>> {
  const scope = await loadIndicatorScope(ctx);
  if (!scope.ok) return scope;
  const today = todayInTokyo();
  const currentFy = today.month >= 4 ? today.year : today.year - 1;
  const marked = scope.value.definitions.filter((d) => d.relationshipPopulation);
  const indicators: RelationshipIndicatorView[] = [];
  for (const def of marked) {
    const rp = def.relationshipPopulation!;
    const base = {
      code: def.code,
      facet: rp.facet,
      facetLabel: relationshipFacetLabels[rp.facet],
      name: def.name,
      unit: def.unit,
      source: rp.source,
      finalTarget: def.finalTarget
        ? { fiscalYear: def.finalTarget.fiscalYear, value: def.finalTarget.value }
        : null,
      precision: def.precision ?? 0,
      sample: def.sample === true,
    };
    if (rp.facet === 'partners') {
      const from = Math.max(scope.value.document.plan.startFiscalYear - 1, currentFy - 9);
      const counts = await partnerCountsByYear(ctx, from, currentFy);
      const trend = counts.map((c) => ({ ...c, kind: 'actual' as const, source: rp.source.ja }));
      const last = trend.at(-1);
      indicators.push({
        ...base,
        latest: last ? { year: last.year, value: last.value, kind: 'actual' } : null,
        trend,
        status: null,
        computed: true,
      });
      continue;
    }
    const detail = await showIndicator(ctx, def.code);
    if (!detail.ok) continue;
    const trend: RelationshipPoint[] = [];
    const b = def.baseline;
    const actuals = detail.value.values.filter((v) => !v.area);
    const baseYear = b ? Number(b.asOf.slice(0, 4)) : null;
    if (b && baseYear !== null && !actuals.some((v) => v.fiscalYear === baseYear))
      trend.push({ year: baseYear, value: b.value, kind: 'baseline', source: b.source.ja });
    for (const v of actuals)
      trend.push({ year: v.fiscalYear, value: v.current.value, kind: 'actual', source: v.current.source });
    trend.sort((x, y) => x.year - y.year);
    const last = trend.at(-1);
    indicators.push({
      ...base,
      latest: last ? { year: last.year, value: last.value, kind: last.kind } : null,
      trend,
      status: detail.value.status.label,
      precision: detail.value.status.precision,
      computed: false,
    });
  }
  const partners = await listPartners(ctx, anonymous);
  return ok({
    indicators,
    partnersFromOutside: partners.ok ? partners.value.filter((p) => p.location === 'outside') : [],
    asOf: `${today.year}-${String(today.month).padStart(2, '0')}-${String(today.day).padStart(2, '0')}`,
  });
}
