/**
 * A suggested overall rating for a sheet from its outcome indicators' mean
 * achievement and the bands of the template's overall scale. Only a
 * suggestion: the evaluator chooses the rating.
 */
import { type IndicatorRow, meanAchievement } from './indicator-rows';
import { ratingFromAchievement } from './rating-scale';
import type { TemplateSet } from './sheet-template';
import type { SheetKind } from './sheet-types';

export function suggestOverallRating(
  set: TemplateSet,
  kind: SheetKind,
  rows: readonly Pick<IndicatorRow, 'role' | 'current'>[],
): { rating: string | null; meanAchievement: number | null } {
  const scale = set.scales.find((s) => s.id === set[kind].overall.scaleId);
  if (!scale) throw new Error(`suggestOverallRating: unknown scale ${set[kind].overall.scaleId}`);
  const mean = meanAchievement(rows.filter((r) => r.role === 'outcome'));
  return { rating: ratingFromAchievement(scale, mean ?? undefined) ?? null, meanAchievement: mean };
}
