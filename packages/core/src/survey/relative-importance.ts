/**
 * Driver analysis: the relative importance of domain questions for happiness
 * by the LMG / Shapley decomposition of R² (the average gain in R² from adding a
 * predictor, over all orders), with seeded bootstrap percentile intervals.
 * Each predictor stays a separate question on its own scale; nothing is averaged.
 * Exact up to 16 predictors; above (for example the 24 well-being categories),
 * Shapley values are estimated from seeded random orders.
 */
import { fail, ok, type Result } from '../errors';
import { createRng } from '../random/rng';
import { surveyProblems as P } from './survey-problems';

/** Up to this many predictors LMG is exact (all 2^p subsets); above, Shapley values are estimated from sampled orders. */
export const MAX_EXACT_LMG_PREDICTORS = 16;
/** Hard limit for the sampled estimate. */
export const MAX_LMG_PREDICTORS = 64;

export interface RelativeImportance {
  names: string[];
  /** Share of R² attributed to each predictor; they add up to r2. */
  lmg: number[];
  r2: number;
  n: number;
  /** 'exact' (all subsets) or 'sampled' (random orders; each order's R² gains are exact). */
  method: 'exact' | 'sampled';
  /** Orders sampled when method is 'sampled'. */
  permutations?: number;
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

/**
 * Adds predictors to a regression one at a time (incremental Cholesky of their
 * covariance) and returns each one's gain in R². A predictor that is a linear
 * combination of those already in (collinear) adds nothing and stays out.
 */
function r2Gains(c: Float64Array, k: number, order: ArrayLike<number>, gains: Float64Array): number {
  const p = k - 1;
  const vy = c[p * k + p] as number;
  const m = order.length;
  const L = new Float64Array(m * m);
  const z = new Float64Array(m);
  const basis: number[] = [];
  let r2 = 0;
  for (let pos = 0; pos < m; pos++) {
    const v = order[pos] as number;
    const row = basis.length;
    let norm = 0;
    for (let a = 0; a < row; a++) {
      let s = c[(basis[a] as number) * k + v] as number;
      for (let b = 0; b < a; b++) s -= (L[a * m + b] as number) * (L[row * m + b] as number);
      const l = s / (L[a * m + a] as number);
      L[row * m + a] = l;
      norm += l * l;
    }
    const cvv = c[v * k + v] as number;
    const d2 = cvv - norm;
    if (!(d2 > 1e-10 * cvv)) {
      gains[pos] = 0;
      continue;
    }
    const d = Math.sqrt(d2);
    L[row * m + row] = d;
    let s = c[v * k + p] as number;
    for (let a = 0; a < row; a++) s -= (L[row * m + a] as number) * (z[a] as number);
    z[row] = s / d;
    basis.push(v);
    const gain = (z[row] as number) ** 2 / vy;
    gains[pos] = gain;
    r2 += gain;
  }
  return r2;
}

/** R² of y on the predictors in `mask`. */
function r2Subset(c: Float64Array, k: number, mask: number): number {
  const idx: number[] = [];
  for (let j = 0; j < k - 1; j++) if (mask & (1 << j)) idx.push(j);
  return idx.length === 0 ? 0 : r2Gains(c, k, idx, new Float64Array(idx.length));
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

/**
 * Shapley values of R² from random orders of the predictors (seeded): for each
 * order, add predictors one at a time with an incremental Cholesky and credit
 * each with its gain in R². Unbiased for LMG; the shares still add up to R².
 */
function lmgSampled(
  c: Float64Array,
  p: number,
  permutations: number,
  seed: number,
): { lmg: number[]; r2: number } {
  const k = p + 1;
  const rng = createRng(seed);
  const lmg = new Array<number>(p).fill(0);
  const order = Int32Array.from({ length: p }, (_, j) => j);
  const gains = new Float64Array(p);
  let full = 0;
  for (let t = 0; t < permutations; t++) {
    for (let j = p - 1; j > 0; j--) {
      const r = rng.int(j + 1);
      const tmp = order[j] as number;
      order[j] = order[r] as number;
      order[r] = tmp;
    }
    full = r2Gains(c, k, order, gains);
    for (let pos = 0; pos < p; pos++)
      lmg[order[pos] as number] = (lmg[order[pos] as number] as number) + (gains[pos] as number);
  }
  return { lmg: lmg.map((x) => x / permutations), r2: full };
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
  opts: {
    weights?: Float64Array;
    bootstrap?: { replicates: number; seed: number; level?: number };
    /** Force sampled orders (default: only above MAX_EXACT_LMG_PREDICTORS). */
    sampled?: { permutations: number; seed: number };
  } = {},
): Result<RelativeImportance> {
  const p = predictors.length;
  if (p > MAX_LMG_PREDICTORS) return fail(P.tooManyPredictors.create({ p, max: MAX_LMG_PREDICTORS }));
  const sampled =
    opts.sampled ?? (p > MAX_EXACT_LMG_PREDICTORS ? { permutations: 2000, seed: 1 } : undefined);
  const decompose = (cov: Float64Array) =>
    sampled ? lmgSampled(cov, p, sampled.permutations, sampled.seed) : lmgFromCov(cov, p);
  const cols = [...predictors.map((x) => x.values), y];
  const complete: number[] = [];
  for (let i = 0; i < y.length; i++) if (cols.every((c) => !Number.isNaN(c[i] as number))) complete.push(i);
  const rows = Int32Array.from(complete);
  if (rows.length < p + 2) return fail(P.tooFewObservations.create({ n: rows.length, needed: p + 2 }));
  const { lmg, r2 } = decompose(covariance(cols, rows, opts.weights));
  const result: RelativeImportance = {
    names: predictors.map((x) => x.name),
    lmg,
    r2,
    n: rows.length,
    method: sampled ? 'sampled' : 'exact',
    ...(sampled ? { permutations: sampled.permutations } : {}),
  };
  if (opts.bootstrap) {
    const { replicates, seed } = opts.bootstrap;
    if (!Number.isInteger(replicates) || replicates < 2)
      return fail(P.replicatesInvalid.create({ replicates }));
    const rng = createRng(seed);
    const draws = Array.from({ length: p }, () => new Float64Array(replicates));
    const sample = new Int32Array(rows.length);
    for (let b = 0; b < replicates; b++) {
      for (let i = 0; i < rows.length; i++) sample[i] = rows[rng.int(rows.length)] as number;
      const boot = decompose(covariance(cols, sample, opts.weights)).lmg;
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
