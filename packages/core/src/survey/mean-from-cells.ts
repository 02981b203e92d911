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
import {
  A0,
  A1,
  accumulate,
  B,
  type CellSums,
  gatherCells,
  K0,
  K1,
  MAX_SLOTS,
  N,
  Q0,
  Q1,
  Q2,
  S,
  T,
} from './cell-sums';
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
  const { design, margins } = input;
  const nStrata = design.psuPerStratum.length;
  const acc = accumulate(
    [
      { codes: design.stratum, levels: nStrata },
      ...margins.map((m) => ({ codes: m.factor.codes, levels: m.factor.levels.length })),
    ],
    input.y,
    input.unitWeights ? undefined : design.weights,
  );
  const cells = gatherCells(
    acc,
    nStrata,
    margins.map((m) => m.factor.levels.length),
    (codes) => ({ stratum: codes[0] as number, groups: Array.from(codes.subarray(1)) }),
  ) as CellSums;
  return meanFromSums(cells, { ...input, fpcFactor: design.fpcFactor });
}

export interface SumsMeanInput {
  calibration: 'none' | 'poststratify' | 'rake';
  /** The margins' levels, population counts and names (their codes are not read). */
  margins: readonly CalibrationMargin[];
  rake?: { maxit: number; epsilon: number; bounds?: { lower: number; upper: number } };
  level?: number;
  /** Per stratum (N_h − n_h)/N_h, or 1. */
  fpcFactor: Float64Array;
}

/** Calibration, mean and linearised SE from (stratum, cell) sums. */
export function meanFromSums(cells: CellSums, input: SumsMeanInput): Result<CellMeanOutput> {
  const { margins } = input;
  const { sums, nStrata, nCells, cellGroups, shift } = cells;
  const cellTotal = (j: number) => {
    const t = new Float64Array(nCells);
    for (let c = 0; c < nCells; c++)
      for (let h = 0; h < nStrata; h++) t[c] = (t[c] as number) + (sums[(h * nCells + c) * S + j] as number);
    return t;
  };
  const base = cellTotal(B);

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
      const o = (h * nCells + c) * S;
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
      const o = (h * nCells + c) * S;
      const a = F[c]! / den;
      const d = D[c]!;
      const su1 = sums[o + Q1]! - est * sums[o + Q0]!;
      const su2 = sums[o + Q2]! - 2 * est * sums[o + Q1]! + est * est * sums[o + Q0]!;
      sx += a * (sums[o + A1]! - est * sums[o + A0]!) - d * sums[o + B]!;
      sxx += a * a * su2 - 2 * a * d * su1 + d * d * sums[o + T]!;
      nh += sums[o + N]!;
    }
    const f = input.fpcFactor[h] as number;
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
