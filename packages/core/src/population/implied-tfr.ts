/**
 * A total fertility rate implied by a child-woman ratio (iTFR, Hauer, Baker &
 * Brown 2013, PLoS ONE 8(6) e67226): children 0–4 per woman 15–49 times 7
 * (the seven five-year groups of childbearing age). Projections by the
 * cohort change ratio method (IPSS's municipal tables) carry child-woman
 * ratios, not a TFR; scenarios that set a TFR path (the Cabinet Office
 * patterns) need one to scale from. Only the ratio of TFRs is used, so the
 * path's start is the iTFR of the first period, and its end the target TFR.
 */
import type { PopulationSpec } from './types';

/** Women's childbearing years (15–49) in five-year groups. */
export const ITFR_FACTOR = 7;

export const impliedTfr = (childWomanRatio: number): number => ITFR_FACTOR * childWomanRatio;

/**
 * The spec with `tfr` per period implied by its child-woman ratios (ipss
 * specs with `childWomanRatio` given per period); a spec that already states
 * a TFR, or has no child-woman ratios per period, is returned unchanged.
 */
export function withImpliedTfr(spec: PopulationSpec): PopulationSpec {
  if (spec.tfr !== undefined) return spec;
  const cwr = spec.childWomanRatio;
  if (cwr === undefined || typeof cwr === 'number') return spec;
  return { ...spec, tfr: Object.fromEntries(Object.entries(cwr).map(([y, r]) => [y, impliedTfr(r)])) };
}
