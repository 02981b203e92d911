/**
 * Linear calibration (GREG), as R's `calibrate(design, formula, population)`
 * with the default linear calibration function and no bounds: g = 1 + x'λ with
 * λ = (Σ w x x')⁻¹ (T − Σ w x), so that the calibrated weights reproduce the
 * population totals T of every model-matrix column exactly.
 */
import { fail, ok, type Result } from '../errors';
import type { LinearCalibrationStep } from './calibration-step';
import { type SurveyDesign, withWeights } from './design';
import type { Factor } from './factor';
import { surveyProblems as P } from './survey-problems';

/** Solves the symmetric positive-definite system A x = b (A row-major p×p) by Cholesky; undefined if singular. */
export function solveSpd(A: Float64Array, b: Float64Array): Float64Array | undefined {
  const p = b.length;
  const L = new Float64Array(p * p);
  for (let i = 0; i < p; i++) {
    for (let j = 0; j <= i; j++) {
      let s = A[i * p + j] as number;
      for (let k = 0; k < j; k++) s -= (L[i * p + k] as number) * (L[j * p + k] as number);
      if (i === j) {
        if (!(s > 1e-12 * Math.abs(A[i * p + i] as number)) || s <= 0) return undefined;
        L[i * p + i] = Math.sqrt(s);
      } else L[i * p + j] = s / (L[j * p + j] as number);
    }
  }
  const y = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let s = b[i] as number;
    for (let k = 0; k < i; k++) s -= (L[i * p + k] as number) * (y[k] as number);
    y[i] = s / (L[i * p + i] as number);
  }
  const x = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let s = y[i] as number;
    for (let k = i + 1; k < p; k++) s -= (L[k * p + i] as number) * (x[k] as number);
    x[i] = s / (L[i * p + i] as number);
  }
  return x;
}

/** Weighted cross-products: Σ w_i a_i a_i' (p×p) and Σ w_i a_i v_i. */
function crossprod(
  columns: readonly Float64Array[],
  w: Float64Array,
  v?: Float64Array,
): { AtA: Float64Array; Atv: Float64Array } {
  const p = columns.length;
  const n = w.length;
  const AtA = new Float64Array(p * p);
  const Atv = new Float64Array(p);
  for (let a = 0; a < p; a++) {
    const ca = columns[a] as Float64Array;
    for (let b = a; b < p; b++) {
      const cb = columns[b] as Float64Array;
      let s = 0;
      for (let i = 0; i < n; i++) s += (w[i] as number) * (ca[i] as number) * (cb[i] as number);
      AtA[a * p + b] = s;
      AtA[b * p + a] = s;
    }
    if (v) {
      let s = 0;
      for (let i = 0; i < n; i++) s += (w[i] as number) * (ca[i] as number) * (v[i] as number);
      Atv[a] = s;
    }
  }
  return { AtA, Atv };
}

/** R's default model matrix for factors and numeric columns: an intercept, treatment dummies (first level dropped), numerics. */
export function modelMatrix(
  terms: readonly (Factor | Float64Array)[],
  n: number,
): { columns: Float64Array[]; names: string[] } {
  const columns: Float64Array[] = [new Float64Array(n).fill(1)];
  const names = ['(Intercept)'];
  terms.forEach((t, k) => {
    if (t instanceof Float64Array) {
      columns.push(t);
      names.push(`x${k}`);
      return;
    }
    for (let level = 1; level < t.levels.length; level++) {
      const c = new Float64Array(n);
      for (let i = 0; i < n; i++) c[i] = t.codes[i] === level ? 1 : 0;
      columns.push(c);
      names.push(t.levels[level] as string);
    }
  });
  return { columns, names };
}

/** g-weights for calibrating weights w to the totals. */
export function linearG(
  columns: readonly Float64Array[],
  w: Float64Array,
  totals: ArrayLike<number>,
): Float64Array | undefined {
  const p = columns.length;
  const { AtA } = crossprod(columns, w);
  const diff = new Float64Array(p);
  for (let a = 0; a < p; a++) {
    let s = 0;
    const c = columns[a] as Float64Array;
    for (let i = 0; i < w.length; i++) s += (w[i] as number) * (c[i] as number);
    diff[a] = (totals[a] as number) - s;
  }
  const lambda = solveSpd(AtA, diff);
  if (!lambda) return undefined;
  const g = new Float64Array(w.length).fill(1);
  for (let a = 0; a < p; a++) {
    const c = columns[a] as Float64Array;
    const l = lambda[a] as number;
    for (let i = 0; i < w.length; i++) g[i] = (g[i] as number) + (c[i] as number) * l;
  }
  return g;
}

/** Calibrates the design to population totals of the model-matrix columns (GREG, linear). */
export function calibrateLinear(
  design: SurveyDesign,
  columns: readonly Float64Array[],
  totals: ArrayLike<number>,
): Result<SurveyDesign> {
  if (columns.length !== totals.length)
    return fail(
      P.lengthMismatch.create({
        field: 'population totals',
        expected: columns.length,
        actual: totals.length,
      }),
    );
  const w = design.weights;
  const g = linearG(columns, w, totals);
  if (!g) return fail(P.zeroDenominator.create({ what: 'calibration model matrix is singular' }));
  const weights = new Float64Array(w.length);
  const sqrtWeights = new Float64Array(w.length);
  for (let i = 0; i < w.length; i++) {
    weights[i] = (w[i] as number) * (g[i] as number);
    sqrtWeights[i] = Math.sqrt(w[i] as number);
  }
  const step: LinearCalibrationStep = { kind: 'linear', columns, sqrtWeights, g };
  return ok(withWeights(design, weights, step));
}

/** Variance residualisation for a linear calibration (in place), as svyrecvar's greg_calibration branch. */
export function residualiseLinear(x: Float64Array, step: LinearCalibrationStep): void {
  const { columns, sqrtWeights, g } = step;
  const n = x.length;
  // v = x/(g√w); regress v on A = M·√w (least squares); x = (v − Aβ)·g√w.
  const v = new Float64Array(n);
  const sw = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const s = sqrtWeights[i] as number;
    v[i] = (x[i] as number) / ((g[i] as number) * s) / s;
    sw[i] = s * s;
  }
  // A'A = Σ w m m', A'v = Σ √w m · v = Σ w m (v/√w): v above already carries the extra 1/√w.
  const { AtA, Atv } = crossprod(columns, sw, v);
  const beta = solveSpd(AtA, Atv);
  if (!beta) return;
  for (let i = 0; i < n; i++) {
    const s = sqrtWeights[i] as number;
    let fit = 0;
    for (let a = 0; a < columns.length; a++)
      fit += ((columns[a] as Float64Array)[i] as number) * (beta[a] as number);
    const resid = (x[i] as number) / ((g[i] as number) * s) - s * fit;
    x[i] = resid * (g[i] as number) * s;
  }
}
