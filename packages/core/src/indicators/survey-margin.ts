/**
 * The survey margin rule: for survey indicators a change smaller than the
 * survey's margin of error counts as unchanged. With both confidence
 * intervals, unchanged means they overlap; with one, that the other value lies
 * within its half-width; otherwise a configured band (absolute, or relative to
 * the reference value) decides, and with no band the comparison is exact.
 */
import type { ConfidenceInterval } from './indicator-types';

export interface MarginBand {
  /** In the indicator's unit. */
  absolute?: number;
  /** As a share of the reference value (0.03 = 3%). */
  relative?: number;
}

export interface MarginComparison {
  change: 'up' | 'down' | 'unchanged';
  difference: number;
  rule: 'ci-overlap' | 'ci-half-width' | 'band' | 'exact';
  /** The margin used (half-width or band), when one was. */
  margin?: number;
}

export interface MarginInput {
  value: number;
  ci?: ConfidenceInterval;
}

export function compareWithMargin(
  current: MarginInput,
  reference: MarginInput,
  band?: MarginBand,
): MarginComparison {
  const difference = current.value - reference.value;
  const direction = difference > 0 ? 'up' : difference < 0 ? 'down' : 'unchanged';
  if (current.ci && reference.ci) {
    const overlap = current.ci.lower <= reference.ci.upper && reference.ci.lower <= current.ci.upper;
    return { change: overlap ? 'unchanged' : direction, difference, rule: 'ci-overlap' };
  }
  const ci = current.ci ?? reference.ci;
  if (ci) {
    const margin = (ci.upper - ci.lower) / 2;
    return {
      change: Math.abs(difference) <= margin ? 'unchanged' : direction,
      difference,
      rule: 'ci-half-width',
      margin,
    };
  }
  const margin = bandWidth(band, reference.value);
  if (margin !== undefined) {
    return {
      change: Math.abs(difference) < margin ? 'unchanged' : direction,
      difference,
      rule: 'band',
      margin,
    };
  }
  return { change: direction, difference, rule: 'exact' };
}

function bandWidth(band: MarginBand | undefined, reference: number): number | undefined {
  if (!band) return undefined;
  if (band.absolute !== undefined) return band.absolute;
  if (band.relative !== undefined) return Math.abs(reference) * band.relative;
  return undefined;
}
