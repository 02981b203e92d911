/**
 * Estimators: mean, total and ratio, over the whole sample or a domain, with
 * their variance by linearization (influence values as `survey`'s svymean,
 * svytotal, svyratio) or by replicate weights, and normal confidence intervals
 * as `confint` (df = Inf) gives them.
 */
import type { SurveyDesign } from './design';
import { qnorm } from './distributions';
import { linearizedVariance } from './linearization';
import { type ReplicateWeights, replicateVariance } from './replicates';

export type Statistic = 'mean' | 'total' | 'ratio';

export interface EstimateOptions {
  /** 1 for respondents in the domain; others count with weight 0 (R's subset / svyby). */
  domain?: Uint8Array;
  /** Use replicate weights instead of linearization. */
  replicates?: ReplicateWeights;
  /** Confidence level (default 0.95). */
  level?: number;
}

export interface Estimate {
  estimate: number;
  se: number;
  ci: [number, number];
  /** Respondents used (in the domain, with a value). */
  n: number;
}

/** Point estimate for one weight vector; NaN values of y (or x) are left out as `na.rm = TRUE` does. */
export function pointEstimate(
  stat: Statistic,
  w: Float64Array,
  y: Float64Array,
  x?: Float64Array,
  domain?: Uint8Array,
): number {
  let num = 0;
  let den = 0;
  for (let i = 0; i < y.length; i++) {
    if (domain && domain[i] === 0) continue;
    const yi = y[i] as number;
    if (Number.isNaN(yi)) continue;
    const wi = w[i] as number;
    if (stat === 'ratio') {
      const xi = (x as Float64Array)[i] as number;
      if (Number.isNaN(xi)) continue;
      num += wi * yi;
      den += wi * xi;
    } else {
      num += wi * yi;
      den += wi;
    }
  }
  return stat === 'total' ? num : num / den;
}

/** Influence values (per respondent) of the estimate, already multiplied by the weight, as `survey` feeds to svyrecvar. */
export function influence(
  stat: Statistic,
  w: Float64Array,
  y: Float64Array,
  estimate: number,
  x?: Float64Array,
  domain?: Uint8Array,
): Float64Array {
  const n = y.length;
  const z = new Float64Array(n);
  let den = 0;
  for (let i = 0; i < n; i++) {
    if ((domain && domain[i] === 0) || Number.isNaN(y[i] as number)) continue;
    if (stat === 'ratio') {
      const xi = (x as Float64Array)[i] as number;
      if (Number.isNaN(xi)) continue;
      den += (w[i] as number) * xi;
    } else den += w[i] as number;
  }
  for (let i = 0; i < n; i++) {
    if (domain && domain[i] === 0) continue;
    const yi = y[i] as number;
    if (Number.isNaN(yi)) continue;
    const wi = w[i] as number;
    if (stat === 'total') z[i] = wi * yi;
    else if (stat === 'mean') z[i] = (wi * (yi - estimate)) / den;
    else {
      const xi = (x as Float64Array)[i] as number;
      if (Number.isNaN(xi)) continue;
      z[i] = (wi * (yi - estimate * xi)) / den;
    }
  }
  return z;
}

/** Standard error of a statistic for the design (linearization) or its replicates. */
export function standardError(
  design: SurveyDesign,
  stat: Statistic,
  y: Float64Array,
  estimate: number,
  opts: EstimateOptions & { x?: Float64Array } = {},
): number {
  if (opts.replicates) {
    const rep = opts.replicates;
    const thetas = new Float64Array(rep.weights.length);
    for (let r = 0; r < thetas.length; r++)
      thetas[r] = pointEstimate(stat, rep.weights[r] as Float64Array, y, opts.x, opts.domain);
    return Math.sqrt(replicateVariance(rep, thetas, estimate));
  }
  const z = influence(stat, design.weights, y, estimate, opts.x, opts.domain);
  return Math.sqrt(linearizedVariance(design, z));
}

/** Normal (Wald) interval: estimate ± z·se, as `confint(svymean(...))`. */
export function waldInterval(estimate: number, se: number, level = 0.95): [number, number] {
  const z = qnorm(1 - (1 - level) / 2);
  return [estimate - z * se, estimate + z * se];
}

function countUsed(y: Float64Array, x?: Float64Array, domain?: Uint8Array): number {
  let n = 0;
  for (let i = 0; i < y.length; i++) {
    if (domain && domain[i] === 0) continue;
    if (Number.isNaN(y[i] as number)) continue;
    if (x && Number.isNaN(x[i] as number)) continue;
    n++;
  }
  return n;
}

function run(
  design: SurveyDesign,
  stat: Statistic,
  y: Float64Array,
  opts: EstimateOptions,
  x?: Float64Array,
): Estimate {
  const estimate = pointEstimate(stat, design.weights, y, x, opts.domain);
  const se = standardError(design, stat, y, estimate, { ...opts, ...(x ? { x } : {}) });
  return { estimate, se, ci: waldInterval(estimate, se, opts.level), n: countUsed(y, x, opts.domain) };
}

/** Weighted mean (svymean). */
export function surveyMean(design: SurveyDesign, y: Float64Array, opts: EstimateOptions = {}): Estimate {
  return run(design, 'mean', y, opts);
}

/** Weighted total (svytotal). */
export function surveyTotal(design: SurveyDesign, y: Float64Array, opts: EstimateOptions = {}): Estimate {
  return run(design, 'total', y, opts);
}

/** Ratio of totals Σwy / Σwx (svyratio). */
export function surveyRatio(
  design: SurveyDesign,
  y: Float64Array,
  x: Float64Array,
  opts: EstimateOptions = {},
): Estimate {
  return run(design, 'ratio', y, opts, x);
}
