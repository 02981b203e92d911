/**
 * The target that applies in a fiscal year: the plan's own target for that
 * year when there is one, otherwise the straight line between the nearest
 * known points (baseline, yearly targets, final target); after the last
 * point, the last target holds.
 */
import { parsePeriod } from './indicator-period';
import type { IndicatorDefinition } from './indicator-types';

export type TargetSource = 'yearly' | 'final' | 'interpolated' | 'after-final' | 'before-first';

export interface TargetForYear {
  fiscalYear: number;
  value: number;
  source: TargetSource;
  /** The points the value was derived from. */
  from: { fiscalYear: number; value: number; kind: 'baseline' | 'target' }[];
}

export function targetForYear(def: IndicatorDefinition, fiscalYear: number): TargetForYear | undefined {
  const points = new Map<number, number>();
  for (const t of def.targets) points.set(t.fiscalYear, t.value);
  if (def.finalTarget) points.set(def.finalTarget.fiscalYear, def.finalTarget.value);
  if (points.size === 0) return undefined;
  const exact = points.get(fiscalYear);
  if (exact !== undefined) {
    const isFinal =
      def.finalTarget?.fiscalYear === fiscalYear && !def.targets.some((t) => t.fiscalYear === fiscalYear);
    return {
      fiscalYear,
      value: exact,
      source: isFinal ? 'final' : 'yearly',
      from: [{ fiscalYear, value: exact, kind: 'target' }],
    };
  }
  const years = [...points.keys()].sort((a, b) => a - b);
  const last = years[years.length - 1]!;
  if (fiscalYear > last) {
    const value = points.get(last)!;
    return { fiscalYear, value, source: 'after-final', from: [{ fiscalYear: last, value, kind: 'target' }] };
  }
  const nextYear = years.find((y) => y > fiscalYear)!;
  const next = { fiscalYear: nextYear, value: points.get(nextYear)!, kind: 'target' as const };
  const prevYear = [...years].reverse().find((y) => y < fiscalYear);
  let prev: { fiscalYear: number; value: number; kind: 'baseline' | 'target' } | undefined;
  if (prevYear !== undefined) prev = { fiscalYear: prevYear, value: points.get(prevYear)!, kind: 'target' };
  else if (def.baseline) {
    const p = parsePeriod(String(def.baseline.asOf));
    if (p && p.fiscalYear < fiscalYear)
      prev = { fiscalYear: p.fiscalYear, value: def.baseline.value, kind: 'baseline' };
  }
  if (!prev) return { fiscalYear, value: next.value, source: 'before-first', from: [next] };
  const t = (fiscalYear - prev.fiscalYear) / (next.fiscalYear - prev.fiscalYear);
  return {
    fiscalYear,
    value: prev.value + t * (next.value - prev.value),
    source: 'interpolated',
    from: [prev, next],
  };
}
