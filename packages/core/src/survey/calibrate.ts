/**
 * Calibration of weights to population counts: post-stratification and raking
 * (iterative proportional fitting), as R's `postStratify` and `rake`. Raking
 * uses `survey`'s stopping rule by default (at most 10 sweeps; stop when no cell
 * of the crossed margins changes by 1 or more in weighted count) so that
 * results match R; both are options.
 */
import { fail, ok, type Problem, type Result } from '../errors';
import { rakeCells } from './calibrate-cells';
import type { PostStratStep, RakingStep } from './calibration-step';
import { type SurveyDesign, withWeights } from './design';
import { crossFactors, type Factor } from './factor';
import { surveyProblems as P } from './survey-problems';

/** A calibration variable and its population count per level (same order as `factor.levels`). */
export interface CalibrationMargin {
  factor: Factor;
  /** Population count per level of the factor. */
  population: ArrayLike<number>;
  /** Name for messages (column). */
  name?: string;
}

export interface CalibrationInfo {
  iterations: number;
  maxMarginError: number;
  converged: boolean;
}

export interface RakeControl {
  /** Most sweeps over the margins (default 10, as `survey`). */
  maxit?: number;
  /** Stop when no crossed cell changes by this much; below 1 a fraction of the weight total (default 1). */
  epsilon?: number;
  /**
   * Optional bounds on the calibrated weight relative to the starting weight
   * (for example { lower: 0.3, upper: 3 }): after each margin the factor is
   * clipped. Not in R's rake(); margins are then met only approximately and the
   * variance treats the result as raking.
   */
  bounds?: { lower: number; upper: number };
}

/** Weighted count per level. */
export function weightedCounts(w: Float64Array, group: Int32Array, nGroups: number): Float64Array {
  const t = new Float64Array(nGroups);
  for (let i = 0; i < w.length; i++)
    t[group[i] as number] = (t[group[i] as number] as number) + (w[i] as number);
  return t;
}

/** Checks a margin against the sample: every sample cell in the population, every population cell in the sample. */
function checkMargin(m: CalibrationMargin, w: Float64Array): Problem[] {
  const problems = checkMarginCounts(m, weightedCounts(w, m.factor.codes, m.factor.levels.length));
  for (let i = 0; i < m.factor.codes.length; i++) {
    if ((m.factor.codes[i] as number) < 0) {
      problems.push(
        P.sampleCellMissing.create({ cell: '(unknown)' }, { column: m.name ?? 'population', row: i + 1 }),
      );
      break;
    }
  }
  return problems;
}

/** The margin's checks on the sample's weighted count per level. */
export function checkMarginCounts(m: CalibrationMargin, sample: Float64Array): Problem[] {
  const problems: Problem[] = [];
  const column = m.name ?? 'population';
  for (let g = 0; g < m.factor.levels.length; g++) {
    const pop = m.population[g] as number;
    const label = m.factor.levels[g] as string;
    if (!Number.isFinite(pop) || pop < 0)
      problems.push(P.populationCountInvalid.create({ count: pop }, { column: 'count', field: label }));
    else if (pop > 0 && (sample[g] as number) === 0)
      problems.push(P.populationCellEmpty.create({ cell: label }, { column, field: label }));
    else if (pop === 0 && (sample[g] as number) > 0)
      problems.push(P.sampleCellMissing.create({ cell: label }, { column, field: label }));
  }
  return problems;
}

/** Multiplies weights so that each cell's weighted count equals its population count. */
export function adjust(
  w: Float64Array,
  group: Int32Array,
  nGroups: number,
  pop: ArrayLike<number>,
): Float64Array {
  const sample = weightedCounts(w, group, nGroups);
  const factor = new Float64Array(nGroups);
  for (let g = 0; g < nGroups; g++)
    factor[g] = (sample[g] as number) > 0 ? (pop[g] as number) / (sample[g] as number) : 0;
  const out = new Float64Array(w.length);
  for (let i = 0; i < w.length; i++) out[i] = (w[i] as number) * (factor[group[i] as number] as number);
  return out;
}

/** Post-stratifies the design on one factor (cross several with `crossFactors` first). */
export function postStratify(design: SurveyDesign, margin: CalibrationMargin): Result<SurveyDesign> {
  const problems = checkMargin(margin, design.weights);
  if (problems.length > 0) return fail(problems);
  const { codes, levels } = margin.factor;
  const weights = adjust(design.weights, codes, levels.length, margin.population);
  const step: PostStratStep = {
    kind: 'poststratify',
    group: codes,
    nGroups: levels.length,
    oldWeights: design.weights,
    weights,
  };
  return ok(withWeights(design, weights, step));
}

/** Checks that every margin adds up to the same population total. */
export function checkMarginTotals(margins: readonly CalibrationMargin[], tolerance = 1e-9): Problem[] {
  const total = (m: CalibrationMargin) =>
    Array.from(m.population as ArrayLike<number>).reduce((a, b) => a + b, 0);
  const first = margins[0] ? total(margins[0]) : 0;
  const problems: Problem[] = [];
  for (const m of margins.slice(1)) {
    const t = total(m);
    if (Math.abs(t - first) > tolerance * Math.max(1, Math.abs(first)))
      problems.push(
        P.marginsDisagree.create({ first, other: t, variable: m.name ?? '?' }, { column: m.name ?? 'count' }),
      );
  }
  return problems;
}

/**
 * Rakes the design to the margins; returns the calibrated design with the
 * number of sweeps and the largest remaining margin error.
 */
export function rake(
  design: SurveyDesign,
  margins: readonly CalibrationMargin[],
  control: RakeControl = {},
): Result<{ design: SurveyDesign; info: CalibrationInfo }> {
  const problems = [...checkMarginTotals(margins), ...margins.flatMap((m) => checkMargin(m, design.weights))];
  if (problems.length > 0) return fail(problems);
  const maxit = control.maxit ?? 10;
  const eps = control.epsilon ?? 1;
  const epsilon = eps < 1 ? eps * design.weights.reduce((a, b) => a + b, 0) : eps;
  const { weights, step, iterations, converged } = rakeWeights(design.weights, margins, {
    maxit,
    epsilon,
    ...(control.bounds ? { bounds: control.bounds } : {}),
  });
  let maxMarginError = 0;
  for (const m of margins) {
    const t = weightedCounts(weights, m.factor.codes, m.factor.levels.length);
    for (let g = 0; g < t.length; g++)
      maxMarginError = Math.max(maxMarginError, Math.abs((t[g] as number) - (m.population[g] as number)));
  }
  const info = { iterations, maxMarginError, converged };
  const warnings = converged
    ? []
    : [P.rakingNotConverged.create({ iterations, maxMarginError }, undefined, 'warning')];
  return ok({ design: withWeights(design, weights, step), info }, warnings);
}

/**
 * The raking loop on one weight vector, on the crossed cells of the margins
 * (survey's stopping rule: the largest change of a crossed cell's weighted count
 * between sweeps below epsilon). With `sweeps` given, runs exactly that many
 * sweeps (used to rake replicate weights as many times as the full sample).
 */
export function rakeWeights(
  start: Float64Array,
  margins: readonly CalibrationMargin[],
  opts: { maxit: number; epsilon: number; sweeps?: number; bounds?: { lower: number; upper: number } },
): { weights: Float64Array; step: RakingStep; iterations: number; converged: boolean } {
  const cross = crossFactors(margins.map((m) => m.factor));
  const nCells = cross.levels.length;
  const cell = cross.codes;
  const n = start.length;
  const base = weightedCounts(start, cell, nCells);
  const cellGroups = margins.map((m) => {
    const g = new Int32Array(nCells);
    for (let i = 0; i < n; i++) g[cell[i] as number] = m.factor.codes[i] as number;
    return g;
  });
  const { F, cellFactors, iterations, converged } = rakeCells(
    base,
    margins.map((m, k) => ({
      groups: cellGroups[k] as Int32Array,
      nGroups: m.factor.levels.length,
      population: m.population,
    })),
    opts,
  );
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) weights[i] = (start[i] as number) * (F[cell[i] as number] as number);
  const step: RakingStep = {
    kind: 'raking',
    margins: margins.map((m) => ({ group: m.factor.codes, nGroups: m.factor.levels.length })),
    cell,
    nCells,
    start,
    cellFactors,
    cellGroups,
  };
  return { weights, step, iterations, converged };
}
