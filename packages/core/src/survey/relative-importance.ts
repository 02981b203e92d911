/**
 * Driver analysis: the relative importance of domain questions for happiness
 * by the LMG / Shapley decomposition of R² (the average gain in R² from adding a
 * predictor, over all orders), with seeded bootstrap percentile intervals.
 * Each predictor stays a separate question on its own scale; nothing is averaged.
 */
import { fail, ok, type Result } from '../errors';
import { createRng } from './rng';
import { surveyProblems as P } from './survey-problems';

export const MAX_LMG_PREDICTORS = 16;

export interface RelativeImportance {
  names: string[];
  /** Share of R² attributed to each predictor; they add up to r2. */
  lmg: number[];
  r2: number;
  n: number;
  /** Bootstrap percentile intervals per predictor, when requested. */
  intervals?: { lower: number; upper: number }[];
  replicates?: number;
  seed?: number;
}

/** Weighted covariance matrix of the columns [x1..xp, y] over the rows given. */
function covariance(cols: Float64Array[], rows: Int32Array, w?: Float64Array): Float64Array {
  const k = cols.length;
  const mean = new Float64Array(k);
  let sw = 0;
  for (const i of rows) {
    const wi = w ? (w[i] as number) : 1;
    sw += wi;
    for (let a = 0; a < k; a++) mean[a] = (mean[a] as number) + wi * ((cols[a] as Float64Array)[i] as number);
  }
  for (let a = 0; a < k; a++) mean[a] = (mean[a] as number) / sw;
  const c = new Float64Array(k * k);
  for (const i of rows) {
    const wi = w ? (w[i] as number) : 1;
    for (let a = 0; a < k; a++) {
      const da = ((cols[a] as Float64Array)[i] as number) - (mean[a] as number);
      for (let b = a; b < k; b++)
        c[a * k + b] =
          (c[a * k + b] as number) +
          wi * da * (((cols[b] as Float64Array)[i] as number) - (mean[b] as number));
    }
  }
  for (let a = 0; a < k; a++) for (let b = 0; b < a; b++) c[a * k + b] = c[b * k + a] as number;
  return c;
}

/** R² of y on the predictors in `mask`, from the covariance matrix (Cholesky solve). */
function r2Subset(c: Float64Array, k: number, mask: number): number {
  const p = k - 1;
  const idx: number[] = [];
  for (let j = 0; j < p; j++) if (mask & (1 << j)) idx.push(j);
  const m = idx.length;
  if (m === 0) return 0;
  const L = new Float64Array(m * m);
  for (let a = 0; a < m; a++) {
    for (let b = 0; b <= a; b++) {
      let s = c[(idx[a] as number) * k + (idx[b] as number)] as number;
      for (let t = 0; t < b; t++) s -= (L[a * m + t] as number) * (L[b * m + t] as number);
      L[a * m + b] = a === b ? Math.sqrt(Math.max(s, 1e-300)) : s / (L[b * m + b] as number);
    }
  }
  // Solve L z = c_xy; R² = |z|² / var(y).
  const z = new Float64Array(m);
  let q = 0;
  for (let a = 0; a < m; a++) {
    let s = c[(idx[a] as number) * k + p] as number;
    for (let t = 0; t < a; t++) s -= (L[a * m + t] as number) * (z[t] as number);
    z[a] = s / (L[a * m + a] as number);
    q += (z[a] as number) ** 2;
  }
  return q / (c[p * k + p] as number);
}

function lmgFromCov(c: Float64Array, p: number): { lmg: number[]; r2: number } {
  const k = p + 1;
  const subsets = 1 << p;
  const r2 = new Float64Array(subsets);
  for (let mask = 1; mask < subsets; mask++) r2[mask] = r2Subset(c, k, mask);
  const fact = [1];
  for (let i = 1; i <= p; i++) fact.push((fact[i - 1] as number) * i);
  const lmg = new Array<number>(p).fill(0);
  for (let mask = 0; mask < subsets; mask++) {
    let size = 0;
    for (let j = 0; j < p; j++) if (mask & (1 << j)) size++;
    const weight = ((fact[size] as number) * (fact[p - size - 1] as number)) / (fact[p] as number);
    for (let j = 0; j < p; j++) {
      if (mask & (1 << j)) continue;
      lmg[j] = (lmg[j] as number) + weight * ((r2[mask | (1 << j)] as number) - (r2[mask] as number));
    }
  }
  return { lmg, r2: r2[subsets - 1] as number };
}

/** R's default quantile (type 7). */
function quantile7(sorted: Float64Array, p: number): number {
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return (sorted[lo] as number) + (h - lo) * ((sorted[hi] as number) - (sorted[lo] as number));
}

/**
 * LMG decomposition of R² for y on the predictors (complete cases; optional
 * weights). With `bootstrap`, resamples respondents with a seeded generator.
 */
export function relativeImportance(
  y: Float64Array,
  predictors: { name: string; values: Float64Array }[],
  opts: { weights?: Float64Array; bootstrap?: { replicates: number; seed: number; level?: number } } = {},
): Result<RelativeImportance> {
  const p = predictors.length;
  if (p > MAX_LMG_PREDICTORS) return fail(P.tooManyPredictors.create({ p, max: MAX_LMG_PREDICTORS }));
  const cols = [...predictors.map((x) => x.values), y];
  const complete: number[] = [];
  for (let i = 0; i < y.length; i++) if (cols.every((c) => !Number.isNaN(c[i] as number))) complete.push(i);
  const rows = Int32Array.from(complete);
  if (rows.length < p + 2) return fail(P.tooFewObservations.create({ n: rows.length, needed: p + 2 }));
  const { lmg, r2 } = lmgFromCov(covariance(cols, rows, opts.weights), p);
  const result: RelativeImportance = { names: predictors.map((x) => x.name), lmg, r2, n: rows.length };
  if (opts.bootstrap) {
    const { replicates, seed } = opts.bootstrap;
    if (!Number.isInteger(replicates) || replicates < 2)
      return fail(P.replicatesInvalid.create({ replicates }));
    const rng = createRng(seed);
    const draws = Array.from({ length: p }, () => new Float64Array(replicates));
    const sample = new Int32Array(rows.length);
    for (let b = 0; b < replicates; b++) {
      for (let i = 0; i < rows.length; i++) sample[i] = rows[rng.int(rows.length)] as number;
      const boot = lmgFromCov(covariance(cols, sample, opts.weights), p).lmg;
      for (let j = 0; j < p; j++) (draws[j] as Float64Array)[b] = boot[j] as number;
    }
    const alpha = 1 - (opts.bootstrap.level ?? 0.95);
    result.intervals = draws.map((d) => {
      d.sort();
      return { lower: quantile7(d, alpha / 2), upper: quantile7(d, 1 - alpha / 2) };
    });
    result.replicates = replicates;
    result.seed = seed;
  }
  return ok(result);
}
