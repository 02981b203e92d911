/**
 * Figures as the plan states them: every value of an indicator is rounded to
 * the indicator's declared precision (decimal places), or, when the plan
 * declares none, to the most decimals its baseline and targets are written
 * with; percentages of progress are bounded to 0–100% and say why when the
 * raw figure lies outside (moved away from the target, or beyond it).
 */
import type { IndicatorDefinition } from './indicator-types';

/** The most decimals a figure is shown with when nothing else says. */
export const MAX_INFERRED_PRECISION = 3;

const decimalsOf = (v: number): number => {
  if (!Number.isFinite(v) || Number.isInteger(v)) return 0;
  const s = String(v);
  const m = /e-(\d+)$/.exec(s);
  if (m) return Number(m[1]);
  return s.split('.')[1]?.length ?? 0;
};

/** Decimal places of the indicator's figures: declared, else as written in the plan (at most 3). */
export function indicatorPrecision(
  def: Pick<IndicatorDefinition, 'baseline' | 'targets' | 'finalTarget' | 'band'> & { precision?: number },
): number {
  if (def.precision !== undefined) return def.precision;
  const written = [
    def.baseline?.value,
    def.finalTarget?.value,
    ...def.targets.map((t) => t.value),
    def.band?.lower,
    def.band?.upper,
  ].filter((v): v is number => v !== undefined);
  return Math.min(MAX_INFERRED_PRECISION, Math.max(0, ...written.map(decimalsOf)));
}

/** Rounds half away from zero at `digits` decimals (so 6.405 → 6.41 and −0.5 → −1 at 0). */
export function roundTo(value: number, digits: number): number {
  if (!Number.isFinite(value)) return value;
  const f = 10 ** digits;
  const r = (Math.sign(value) * Math.round(Math.abs(value) * f + 1e-9)) / f;
  return Object.is(r, -0) ? 0 : r;
}

/** A figure with thousands separators and exactly `digits` decimals: 67241 → "67,241", 6.4027 → "6.40". */
export function formatFigure(value: number, digits: number): string {
  const r = roundTo(value, digits);
  const [int = '0', frac] = Math.abs(r).toFixed(digits).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${r < 0 ? '−' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

export interface BoundedPercent {
  /** Whole percent within 0–100. */
  value: number;
  /** The raw figure lay outside 0–100%: below (moved away from the target) or above (beyond it). */
  outside?: 'below' | 'above';
  text: { ja: string; en: string };
}

/**
 * A share or progress as a whole percent within 0–100%. Outside that range the
 * number is not a percentage of anything a reader can picture, so the text
 * says what happened instead of printing −200% or 134.5%.
 */
export function boundedPercent(ratio: number): BoundedPercent {
  if (ratio < 0) {
    return {
      value: 0,
      outside: 'below',
      text: { ja: '0%（基準値より目標から遠ざかっている）', en: '0% (moved away from the target)' },
    };
  }
  if (ratio > 1) {
    return {
      value: 100,
      outside: 'above',
      text: { ja: '100%（目標を超えている）', en: '100% (beyond the target)' },
    };
  }
  const value = Math.round(ratio * 100);
  // Never round a shortfall up to 100% or a first step down to 0%.
  const shown = ratio < 1 && value === 100 ? 99 : ratio > 0 && value === 0 ? 1 : value;
  return { value: shown, text: { ja: `${shown}%`, en: `${shown}%` } };
}
