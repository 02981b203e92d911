/**
 * Taylor-linearization variance, as R's `svyrecvar` for one-stage designs:
 * the influence values are first residualised on each calibration (post-strata,
 * raking margins), then summed per PSU and compared within strata with the
 * finite-population correction and the chosen lonely-PSU rule.
 */

import { rakingResidualCells } from './calibrate-cells';
import { residualiseLinear } from './calibrate-linear';
import type { CalibrationStep, RakingStep } from './calibration-step';
import type { SurveyDesign } from './design';

export { RAKING_RESIDUAL_SWEEPS } from './calibrate-cells';

/** Removes the part of x explained by the calibrations (in place). */
export function residualise(x: Float64Array, steps: readonly CalibrationStep[]): void {
  const n = x.length;
  for (const step of steps) {
    if (step.kind === 'poststratify') {
      const { group, nGroups, oldWeights, weights } = step;
      const num = new Float64Array(nGroups);
      const den = new Float64Array(nGroups);
      for (let i = 0; i < n; i++) {
        const g = group[i] as number;
        let psw = weights[i] as number;
        const oldw = oldWeights[i] as number;
        if (psw === 0 && oldw === 0) psw = 1;
        num[g] = (num[g] as number) + ((x[i] as number) * oldw) / psw;
        den[g] = (den[g] as number) + oldw;
      }
      for (let i = 0; i < n; i++) {
        const g = group[i] as number;
        let psw = weights[i] as number;
        if (psw === 0 && oldWeights[i] === 0) psw = 1;
        x[i] = (x[i] as number) - ((num[g] as number) / (den[g] as number)) * psw;
      }
    } else if (step.kind === 'raking') residualiseRaking(x, step);
    else residualiseLinear(x, step);
  }
}

/**
 * Raking: RAKING_RESIDUAL_SWEEPS backfitting sweeps, each margin m in turn
 * x ← x − w_m·mean_g(x/w_m) (unweighted group means, as survey's svyrecvar).
 * Since w_m = start·F_m[cell], the sweeps run on cell aggregates: x stays
 * x0 − start·Σ_m F_m[cell]·coef_m[group], and one final pass applies it.
 */
function residualiseRaking(x: Float64Array, step: RakingStep): void {
  const n = x.length;
  const { cell, nCells, start, cellFactors, cellGroups, margins } = step;
  const A = new Float64Array(nCells);
  const N = new Float64Array(nCells);
  for (let i = 0; i < n; i++) {
    const c = cell[i] as number;
    A[c] = (A[c] as number) + (x[i] as number) / (start[i] as number);
    N[c] = (N[c] as number) + 1;
  }
  const D = rakingResidualCells(
    A,
    N,
    cellFactors,
    cellGroups,
    margins.map((m) => m.nGroups),
  );
  for (let i = 0; i < n; i++)
    x[i] = (x[i] as number) - (start[i] as number) * (D[cell[i] as number] as number);
}

/**
 * Variance of a total whose influence values are x (one per respondent).
 * x is modified (residualised) unless `copy` is set.
 */
export function linearizedVariance(design: SurveyDesign, x: Float64Array, copy = false): number {
  const z = copy ? Float64Array.from(x) : x;
  if (design.calibration.length > 0) residualise(z, design.calibration);
  const { psu, nPsu, psuStratum, psuPerStratum, fpcFactor, lonelyPsu } = design;
  const nStrata = psuPerStratum.length;
  let totals = z;
  if (!design.psuIsRow) {
    totals = new Float64Array(nPsu);
    for (let i = 0; i < z.length; i++)
      totals[psu[i] as number] = (totals[psu[i] as number] as number) + (z[i] as number);
  }
  const mean = new Float64Array(nStrata);
  for (let j = 0; j < nPsu; j++)
    mean[psuStratum[j] as number] = (mean[psuStratum[j] as number] as number) + (totals[j] as number);
  for (let h = 0; h < nStrata; h++) mean[h] = (mean[h] as number) / (psuPerStratum[h] as number);
  const ss = new Float64Array(nStrata);
  for (let j = 0; j < nPsu; j++) {
    const h = psuStratum[j] as number;
    // With lonely.psu = "adjust", a single PSU is compared with zero (the population mean of influence values).
    const d =
      (totals[j] as number) - (psuPerStratum[h] === 1 && lonelyPsu === 'adjust' ? 0 : (mean[h] as number));
    ss[h] = (ss[h] as number) + d * d;
  }
  let v = 0;
  let okStrata = 0;
  for (let h = 0; h < nStrata; h++) {
    const nh = psuPerStratum[h] as number;
    const f = fpcFactor[h] as number;
    if (f < 1e-7) {
      okStrata++;
      continue;
    }
    if (nh === 1 && lonelyPsu === 'average') continue;
    okStrata++;
    v += nh > 1 ? ((f * nh) / (nh - 1)) * (ss[h] as number) : f * (ss[h] as number);
  }
  return (v * nStrata) / okStrata;
}

/** Degrees of freedom of the design: PSUs minus strata (R's `degf`), among respondents with nonzero weight. */
export function designDf(design: SurveyDesign, inDomain?: Uint8Array): number {
  const psuSeen = new Uint8Array(design.nPsu);
  const strataSeen = new Uint8Array(design.psuPerStratum.length);
  let psus = 0;
  let strata = 0;
  for (let i = 0; i < design.n; i++) {
    if ((design.weights[i] as number) === 0 || (inDomain && inDomain[i] === 0)) continue;
    const j = design.psu[i] as number;
    if (psuSeen[j] === 0) {
      psuSeen[j] = 1;
      psus++;
    }
    const h = design.stratum[i] as number;
    if (strataSeen[h] === 0) {
      strataSeen[h] = 1;
      strata++;
    }
  }
  return psus - strata;
}
