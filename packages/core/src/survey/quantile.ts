/**
 * Quantiles as R's `svyquantile` (survey ≥ 4.1) gives them by default:
 * qrule = "math" (the smallest value whose weighted CDF reaches p, i.e. the
 * inverse of the estimated CDF) and interval.type = "mean" (Woodruff): a
 * confidence interval for the CDF at the estimate from the SE of the mean of
 * I(y ≤ q̂), with t quantiles on the design's degrees of freedom, mapped back
 * through the quantile rule. The SE is the interval's width / (2·t).
 */
import type { SurveyDesign } from './design';
import { qt } from './distributions';
import { standardError } from './estimate';
import { designDf } from './linearization';

export interface QuantileEstimate {
  p: number;
  estimate: number;
  ci: [number, number];
  se: number;
  df: number;
}

/** Values sorted with their weights (zero weights and NaN values dropped). */
function sorted(
  y: Float64Array,
  w: Float64Array,
  domain?: Uint8Array,
): { x: Float64Array; cumw: Float64Array } {
  const idx: number[] = [];
  for (let i = 0; i < y.length; i++) {
    if ((domain && domain[i] === 0) || (w[i] as number) === 0 || Number.isNaN(y[i] as number)) continue;
    idx.push(i);
  }
  idx.sort((a, b) => (y[a] as number) - (y[b] as number) || a - b);
  const x = new Float64Array(idx.length);
  const cumw = new Float64Array(idx.length);
  // Compensated (Neumaier) running sum: R accumulates cumsum in long double, and
  // whether the CDF hits p exactly decides between two values.
  let sum = 0;
  let comp = 0;
  idx.forEach((i, k) => {
    x[k] = y[i] as number;
    const v = w[i] as number;
    const t = sum + v;
    comp += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
    cumw[k] = sum + comp;
  });
  return { x, cumw };
}

/** qrule "math": R's qs() then x[pos] if the CDF hits p exactly, else the next value. */
function qruleMath(s: { x: Float64Array; cumw: Float64Array }, p: number): number {
  const n = s.x.length;
  const total = s.cumw[n - 1] as number;
  const target = p * total;
  // last index with cumw <= p·W (binary search; cumw is non-decreasing)
  let lo = 0;
  let hi = n - 1;
  let pos = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((s.cumw[mid] as number) <= target) {
      pos = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  // R's last() returns 1 when no cumulative weight is ≤ p·W; mirrored so results match.
  if (pos < 0) pos = 0;
  const posnext = pos === n - 1 ? pos : pos + 1;
  return p - (s.cumw[pos] as number) / total === 0 ? (s.x[pos] as number) : (s.x[posnext] as number);
}

export function surveyQuantile(
  design: SurveyDesign,
  y: Float64Array,
  p: number,
  opts: { domain?: Uint8Array; alpha?: number; df?: number } = {},
): QuantileEstimate {
  const alpha = opts.alpha ?? 0.05;
  const s = sorted(y, design.weights, opts.domain);
  const estimate = qruleMath(s, p);
  const df = opts.df ?? designDf(design, opts.domain);
  const below = new Float64Array(y.length);
  for (let i = 0; i < y.length; i++)
    below[i] = Number.isNaN(y[i] as number) ? Number.NaN : (y[i] as number) <= estimate ? 1 : 0;
  let num = 0;
  let den = 0;
  for (let i = 0; i < y.length; i++) {
    if ((opts.domain && opts.domain[i] === 0) || Number.isNaN(below[i] as number)) continue;
    num += (design.weights[i] as number) * (below[i] as number);
    den += design.weights[i] as number;
  }
  const m = num / den;
  const seM = standardError(design, 'mean', below, m, opts.domain ? { domain: opts.domain } : {});
  const t = qt(1 - alpha / 2, df);
  const pl = m - t * seM;
  const pu = m + t * seM;
  const lower = Number.isNaN(pl) || pl < 0 ? Number.NaN : qruleMath(s, pl);
  const upper = Number.isNaN(pu) || pu > 1 ? Number.NaN : qruleMath(s, pu);
  return { p, estimate, ci: [lower, upper], se: (upper - lower) / (2 * t), df };
}
