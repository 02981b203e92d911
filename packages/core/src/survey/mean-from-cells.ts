/**
 * The calibrated mean and its linearised SE in one pass over the rows: for a
 * design without clusters (each respondent its own PSU), calibrated by
 * post-stratification or raking on categorical margins, every quantity the
 * row path needs is a sum per (stratum, crossed cell) — respondents, weights,
 * weighted answers and their squares. The raking loop, the variance's
 * backfitting and the per-stratum sums of squared residuals then run on those
 * sums, with the same formulas as `rake`, `surveyMean` and `linearizedVariance`
 * (the row path, itself checked against R's `survey`).
 */
import { fail, ok, type Problem, type Result } from '../errors';
import { type CalibrationMargin, checkMarginCounts, checkMarginTotals } from './calibrate';
import { rakeCells, rakingResidualCells } from './calibrate-cells';
import type { SurveyDesign } from './design';
import { waldInterval } from './estimate';

export interface CellMeanInput {
  /** A design without clusters, not yet calibrated (its weights are the starting weights). */
  design: SurveyDesign;
  /** True when every starting weight is 1 (a faster pass). */
  unitWeights: boolean;
  y: Float64Array;
  calibration: 'none' | 'poststratify' | 'rake';
  /** Margins with every respondent coded (post-stratification: one joint margin). */
  margins: readonly CalibrationMargin[];
  rake?: { maxit: number; epsilon: number; bounds?: { lower: number; upper: number } };
  level?: number;
}

export interface CellMeanOutput {
  estimate: number;
  se: number;
  ci: [number, number];
  n: number;
  calibration?: { iterations: number; maxMarginError: number; converged: boolean };
}

/** Most (stratum × crossed cell) slots the one-pass path keeps. */
const MAX_SLOTS = 1 << 20;
const S = 10; // sums per slot
// Offsets of the sums in a slot: respondents, Σs, Σs², answered, Σy', Σs·[y], Σs·y', Σs²·[y], Σs²·y', Σs²·y'² (y' = y − shift).
const N = 0;
const B = 1;
const T = 2;
const K0 = 3;
const K1 = 4;
const A0 = 5;
const A1 = 6;
const Q0 = 7;
const Q1 = 8;
const Q2 = 9;

/** Whether the one-pass path applies to this design and these margins. */
export function cellMeanApplies(design: SurveyDesign, margins: readonly CalibrationMargin[]): boolean {
  if (!design.psuIsRow || design.calibration.length > 0) return false;
  for (let h = 0; h < design.psuPerStratum.length; h++)
    if ((design.psuPerStratum[h] as number) < 2) return false;
  let space = design.psuPerStratum.length;
  for (const m of margins) space *= Math.max(1, m.factor.levels.length);
  return space <= MAX_SLOTS;
}

/** Mean, SE and calibration report from per-cell sums (see the header). */
export function meanFromCells(input: CellMeanInput): Result<CellMeanOutput> {
  const { design, y, margins } = input;
  const n = design.n;
  const M = margins.length;
  const nStrata = design.psuPerStratum.length;
  const stride = new Int32Array(M);
  let space = 1;
  for (let k = M - 1; k >= 0; k--) {
    stride[k] = space;
    space *= (margins[k] as CalibrationMargin).factor.levels.length;
  }
  // A shift near the mean keeps the sums of squares well conditioned.
  let shift = 0;
  for (let i = 0, seen = 0; i < n && seen < 64; i++) {
    const v = y[i] as number;
    if (!Number.isNaN(v)) shift += (v - shift) / ++seen;
  }
  const sums = new Float64Array(nStrata * space * S);
  const codes = margins.map((m) => m.factor.codes);
  const c0 = codes[0];
  const c1 = codes[1];
  const c2 = codes[2];
  const s0 = stride[0] as number;
  const s1 = stride[1] as number;
  const s2 = stride[2] as number;
  const stratum = design.stratum;
  const w = design.weights;
  for (let i = 0; i < n; i++) {
    let key = M === 0 ? 0 : (c0 as Int32Array)[i]! * s0;
    if (M > 1) key += (c1 as Int32Array)[i]! * s1;
    if (M > 2) key += (c2 as Int32Array)[i]! * s2;
    for (let k = 3; k < M; k++) key += (codes[k] as Int32Array)[i]! * stride[k]!;
    const o = (stratum[i]! * space + key) * S;
    const v = y[i] as number;
    sums[o + N]! += 1;
    if (input.unitWeights) {
      if (!Number.isNaN(v)) {
        const d = v - shift;
        sums[o + K0]! += 1;
        sums[o + K1]! += d;
        sums[o + Q2]! += d * d;
      }
    } else {
      const s = w[i] as number;
      const s2w = s * s;
      sums[o + B]! += s;
      sums[o + T]! += s2w;
      if (!Number.isNaN(v)) {
        const d = v - shift;
        sums[o + K0]! += 1;
        sums[o + K1]! += d;
        sums[o + A0]! += s;
        sums[o + A1]! += s * d;
        sums[o + Q0]! += s2w;
        sums[o + Q1]! += s2w * d;
        sums[o + Q2]! += s2w * d * d;
      }
    }
  }
  if (input.unitWeights) {
    for (let o = 0; o < sums.length; o += S) {
      sums[o + B] = sums[o + N] as number;
      sums[o + T] = sums[o + N] as number;
      sums[o + A0] = sums[o + K0] as number;
      sums[o + A1] = sums[o + K1] as number;
      sums[o + Q0] = sums[o + K0] as number;
      sums[o + Q1] = sums[o + K1] as number;
    }
  }
  // Observed cells in key order (the order of crossFactors' levels), with their totals over strata.
  const cellOfKey = new Int32Array(space).fill(-1);
  const keys: number[] = [];
  for (let key = 0; key < space; key++) {
    for (let h = 0; h < nStrata; h++) {
      if ((sums[(h * space + key) * S + N] as number) > 0) {
        cellOfKey[key] = keys.length;
        keys.push(key);
        break;
      }
    }
  }
  const nCells = keys.length;
  const cellTotal = (j: number) => {
    const t = new Float64Array(nCells);
    for (let c = 0; c < nCells; c++)
      for (let h = 0; h < nStrata; h++)
        t[c] = (t[c] as number) + (sums[(h * space + keys[c]!) * S + j] as number);
    return t;
  };
  const base = cellTotal(B);
  const cellGroups = margins.map((m, k) => {
    const g = new Int32Array(nCells);
    for (let c = 0; c < nCells; c++) g[c] = Math.floor(keys[c]! / stride[k]!) % m.factor.levels.length;
    return g;
  });

  // Calibration on the cells, with the row path's checks.
  let F: Float64Array = new Float64Array(nCells).fill(1);
  let calibration: CellMeanOutput['calibration'];
  let raking: ReturnType<typeof rakeCells> | undefined;
  if (input.calibration !== 'none') {
    const problems: Problem[] = input.calibration === 'rake' ? checkMarginTotals(margins) : [];
    margins.forEach((m, k) => {
      const sample = new Float64Array(m.factor.levels.length);
      for (let c = 0; c < nCells; c++) sample[cellGroups[k]![c]!]! += base[c]!;
      problems.push(...checkMarginCounts(m, sample));
    });
    if (problems.length > 0) return fail(problems);
    const ctl = input.rake ?? { maxit: 10, epsilon: 1 };
    const epsilon = ctl.epsilon < 1 ? ctl.epsilon * base.reduce((a, b) => a + b, 0) : ctl.epsilon;
    raking = rakeCells(
      base,
      margins.map((m, k) => ({
        groups: cellGroups[k] as Int32Array,
        nGroups: m.factor.levels.length,
        population: m.population,
      })),
      input.calibration === 'rake'
        ? { maxit: ctl.maxit, epsilon, ...(ctl.bounds ? { bounds: ctl.bounds } : {}) }
        : { maxit: 1, epsilon: 0, sweeps: 1 },
    );
    F = raking.F;
    let maxMarginError = 0;
    margins.forEach((m, k) => {
      const t = new Float64Array(m.factor.levels.length);
      for (let c = 0; c < nCells; c++) t[cellGroups[k]![c]!]! += base[c]! * F[c]!;
      t.forEach((v, g) => {
        maxMarginError = Math.max(maxMarginError, Math.abs(v - (m.population[g] as number)));
      });
    });
    calibration = {
      iterations: raking.iterations,
      maxMarginError,
      converged: input.calibration === 'poststratify' || raking.converged,
    };
  }

  // Point estimate: Σ F·Σs·y / Σ F·Σs over answered respondents.
  let num = 0;
  let den = 0;
  let answered = 0;
  for (let h = 0; h < nStrata; h++)
    for (let c = 0; c < nCells; c++) {
      const o = (h * space + keys[c]!) * S;
      num += F[c]! * sums[o + A1]!;
      den += F[c]! * sums[o + A0]!;
      answered += sums[o + K0]!;
    }
  const est = num / den; // of y − shift
  // Residualisation coefficient per cell: x_i = s_i·(F_c·(y'_i − est)/den − D_c).
  let D: Float64Array = new Float64Array(nCells);
  if (input.calibration === 'rake' && raking) {
    const A = new Float64Array(nCells);
    const K1c = cellTotal(K1);
    const K0c = cellTotal(K0);
    for (let c = 0; c < nCells; c++) A[c] = (F[c]! * (K1c[c]! - est * K0c[c]!)) / den;
    D = rakingResidualCells(
      A,
      cellTotal(N),
      raking.cellFactors,
      cellGroups,
      margins.map((m) => m.factor.levels.length),
    );
  } else if (input.calibration === 'poststratify') {
    const A1c = cellTotal(A1);
    const A0c = cellTotal(A0);
    for (let c = 0; c < nCells; c++) D[c] = (((A1c[c]! - est * A0c[c]!) / den / base[c]!) * F[c]!) as number;
  }
  // Per stratum: Σx and Σx² from the sums, then survey's (1 − f)·n/(n − 1)·Σ(x − x̄)².
  let v = 0;
  for (let h = 0; h < nStrata; h++) {
    let sx = 0;
    let sxx = 0;
    let nh = 0;
    for (let c = 0; c < nCells; c++) {
      const o = (h * space + keys[c]!) * S;
      const a = F[c]! / den;
      const d = D[c]!;
      const su1 = sums[o + Q1]! - est * sums[o + Q0]!;
      const su2 = sums[o + Q2]! - 2 * est * sums[o + Q1]! + est * est * sums[o + Q0]!;
      sx += a * (sums[o + A1]! - est * sums[o + A0]!) - d * sums[o + B]!;
      sxx += a * a * su2 - 2 * a * d * su1 + d * d * sums[o + T]!;
      nh += sums[o + N]!;
    }
    const f = design.fpcFactor[h] as number;
    if (f < 1e-7) continue;
    const ss = Math.max(0, sxx - (sx * sx) / nh);
    v += ((f * nh) / (nh - 1)) * ss;
  }
  const se = Math.sqrt(v);
  const estimate = shift + est;
  return ok({
    estimate,
    se,
    ci: waldInterval(estimate, se, input.level),
    n: answered,
    ...(calibration ? { calibration } : {}),
  });
}
