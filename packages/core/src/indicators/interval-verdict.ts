/**
 * What a survey's confidence interval says about a target: the whole interval
 * meets it ("met"), the whole interval falls short ("short"), or the interval
 * holds values on both sides, so the sample cannot tell ("cannot-tell").
 * Also the interval's favourable end: the most generous value the sample allows.
 */
import type { ConfidenceInterval, IndicatorDirection } from './indicator-types';

export type IntervalVerdict = 'met' | 'short' | 'cannot-tell';

export interface IntervalJudgement {
  verdict: IntervalVerdict;
  /** The end of the interval nearest to meeting the target. */
  favourable: number;
  /** The end farthest from it (for "met": even this end meets the target). */
  conservative: number;
}

export function judgeInterval(
  direction: IndicatorDirection,
  ci: ConfidenceInterval,
  goal: { target: number } | { band: { lower: number; upper: number } },
): IntervalJudgement {
  const { lower, upper } = ci;
  if (direction === 'within-band' && 'band' in goal) {
    const b = goal.band;
    const mid = (lower + upper) / 2;
    if (lower >= b.lower && upper <= b.upper) return { verdict: 'met', favourable: mid, conservative: mid };
    if (upper < b.lower) return { verdict: 'short', favourable: upper, conservative: lower };
    if (lower > b.upper) return { verdict: 'short', favourable: lower, conservative: upper };
    const far = upper > b.upper ? upper : lower;
    return {
      verdict: 'cannot-tell',
      favourable: Math.min(Math.max(mid, b.lower), b.upper),
      conservative: far,
    };
  }
  if (!('target' in goal)) throw new Error('judgeInterval: a target is required for this direction');
  const t = goal.target;
  if (direction === 'lower-is-better') {
    const verdict = upper <= t ? 'met' : lower > t ? 'short' : 'cannot-tell';
    return { verdict, favourable: lower, conservative: upper };
  }
  const verdict = lower >= t ? 'met' : upper < t ? 'short' : 'cannot-tell';
  return { verdict, favourable: upper, conservative: lower };
}
