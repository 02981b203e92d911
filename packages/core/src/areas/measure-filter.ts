/**
 * Filtering lists of measures by target area and by promotion period (short /
 * long), as the public lists offer with a plain GET form. A measure targets an
 * area when the area is among its target areas; a measure with no target areas
 * is city-wide and targets the city. Unknown filter values are dropped (the
 * list is then unfiltered on that axis, and the form shows "all").
 */
import type { PromotionPeriod } from '../plan/plan-types';

export interface MeasureFilter {
  area: string | null;
  period: PromotionPeriod | null;
}

export interface FilterableMeasure {
  targetAreas: readonly string[];
  promotionPeriod?: PromotionPeriod | undefined;
}

/** Reads the filter from query values, keeping only known area codes and periods. */
export function parseMeasureFilter(
  query: { area?: string | undefined; period?: string | undefined },
  knownAreas: readonly string[],
): MeasureFilter {
  const area = query.area && knownAreas.includes(query.area) ? query.area : null;
  const period = query.period === 'short' || query.period === 'long' ? query.period : null;
  return { area, period };
}

/** Whether a measure passes the filter; `cityCode` makes untargeted measures city-wide. */
export function matchesMeasureFilter(
  m: FilterableMeasure,
  f: MeasureFilter,
  cityCode: string | null = null,
): boolean {
  if (f.period && m.promotionPeriod !== f.period) return false;
  if (f.area) {
    const targets = m.targetAreas.length > 0 ? m.targetAreas : cityCode ? [cityCode] : [];
    if (!targets.includes(f.area)) return false;
  }
  return true;
}
