/**
 * Direction-aware achievement of one value against its target.
 *
 * - `progress`: how far the value has moved from the baseline toward the
 *   target (0 = at baseline, 1 = target reached). When the target is not
 *   better than the baseline (keep at least the baseline; limit a decline),
 *   it is 1 once the target is met and 1 − gap/|target| otherwise.
 * - `share`: the share of the target reached (達成率): actual/target when
 *   higher is better, target/actual when lower is better.
 * - Within a band: 1 inside; outside, 1 − distance to the band, scaled by the
 *   baseline's distance to the band (or by the band's width when the baseline
 *   was inside it).
 */
import type { IndicatorDirection } from './indicator-types';

export type AchievementMethod = 'baseline-to-target' | 'relative-gap' | 'band';

export interface AchievementInput {
  direction: IndicatorDirection;
  actual: number;
  baseline?: number;
  /** Required unless the direction is `within-band`. */
  target?: number;
  band?: { lower: number; upper: number };
}

export interface Achievement {
  met: boolean;
  method: AchievementMethod;
  /** Undefined when it cannot be computed (explained in `reason`). */
  progress?: number;
  share?: number;
  reason?: string;
}

export function computeAchievement(input: AchievementInput): Achievement {
  const { direction, actual, baseline } = input;
  if (direction === 'within-band') return bandAchievement(actual, baseline, input.band);
  const target = input.target;
  if (target === undefined) throw new Error('computeAchievement: a target is required for this direction');
  const higher = direction === 'higher-is-better';
  const met = higher ? actual >= target : actual <= target;
  const share = higher
    ? target > 0
      ? actual / target
      : undefined
    : actual > 0 && target >= 0
      ? target / actual
      : undefined;
  const improving = baseline !== undefined && (higher ? target > baseline : target < baseline);
  if (improving) {
    const progress = (actual - baseline!) / (target - baseline!);
    return withShare({ met, method: 'baseline-to-target', progress }, share);
  }
  if (met) return withShare({ met, method: 'relative-gap', progress: 1 }, share);
  if (target === 0) {
    return withShare(
      { met, method: 'relative-gap', reason: 'target is 0: a relative gap is undefined' },
      share,
    );
  }
  return withShare(
    { met, method: 'relative-gap', progress: 1 - Math.abs(actual - target) / Math.abs(target) },
    share,
  );
}

function withShare(a: Achievement, share: number | undefined): Achievement {
  return share === undefined ? a : { ...a, share };
}

function bandAchievement(
  actual: number,
  baseline: number | undefined,
  band?: { lower: number; upper: number },
) {
  if (!band) throw new Error('computeAchievement: a band is required for within-band');
  const distance = (v: number) => (v < band.lower ? band.lower - v : v > band.upper ? v - band.upper : 0);
  const d = distance(actual);
  if (d === 0) return { met: true, method: 'band' as const, progress: 1, share: 1 };
  const fromBaseline = baseline === undefined ? 0 : distance(baseline);
  const scale = fromBaseline > 0 ? fromBaseline : band.upper - band.lower;
  const nearest = actual < band.lower ? band.lower : band.upper;
  const share = nearest !== 0 ? 1 - d / Math.abs(nearest) : undefined;
  const a: Achievement =
    scale > 0
      ? { met: false, method: 'band', progress: 1 - d / scale }
      : { met: false, method: 'band', reason: 'the band has no width and the baseline lies on it' };
  return withShare(a, share);
}
