/**
 * Survey designs: simple random, stratified (with finite-population
 * correction), one-stage cluster, with weights; as R's `svydesign(ids, strata,
 * fpc, weights)` with clusters nested in strata. Validates the input and lists
 * every problem with its row and column.
 */
import { fail, ok, type Problem, type Result } from '../errors';
import type { CalibrationStep } from './calibration-step';
import { asFactor, type Factor } from './factor';
import { surveyProblems as P } from './survey-problems';

/** What to do with a stratum that has a single PSU (R's `survey.lonely.psu`). */
export type LonelyPsu = 'fail' | 'remove' | 'certainty' | 'adjust' | 'average';

export interface DesignSpec {
  /** Number of respondents. */
  n: number;
  /** Sampling weights; default 1, or N_h/n_h when only the fpc gives population sizes. */
  weights?: ArrayLike<number>;
  strata?: Factor | readonly string[];
  /** One-stage cluster (PSU) id; clusters are nested in strata. */
  cluster?: Factor | readonly string[];
  /** As in `survey`: a value above 1 is the stratum's population size (in PSUs), at most 1 its sampling fraction. */
  fpc?: ArrayLike<number>;
  /** Default 'fail', as `survey`. */
  lonelyPsu?: LonelyPsu;
  /** For problem locations: file row of each respondent and the column names. */
  where?: {
    file?: string;
    rows?: ArrayLike<number>;
    columns?: Partial<Record<'weights' | 'strata' | 'cluster' | 'fpc', string>>;
  };
}

export interface SurveyDesign {
  readonly n: number;
  /** Analysis weights (after any calibration). */
  readonly weights: Float64Array;
  readonly stratum: Int32Array;
  readonly strataLevels: readonly string[];
  /** PSU index per respondent (0..nPsu-1); each PSU lies in one stratum. */
  readonly psu: Int32Array;
  readonly nPsu: number;
  readonly psuStratum: Int32Array;
  /** PSUs sampled per stratum. */
  readonly psuPerStratum: Int32Array;
  /** Each respondent is its own PSU (no cluster): psu[i] = i, psuStratum = stratum. */
  readonly psuIsRow: boolean;
  /** Per stratum (N_h - n_h)/N_h, or 1 without an fpc. */
  readonly fpcFactor: Float64Array;
  readonly hasFpc: boolean;
  readonly lonelyPsu: LonelyPsu;
  /** Calibrations applied, oldest first; linearization residualises on them. */
  readonly calibration: readonly CalibrationStep[];
}

/** Builds a design, or every problem found in the input. */
export function createDesign(spec: DesignSpec): Result<SurveyDesign> {
  const { n } = spec;
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const at = (i: number, column?: string) => ({
    ...(spec.where?.file ? { file: spec.where.file } : {}),
    row: spec.where?.rows ? (spec.where.rows[i] as number) : i + 1,
    ...(column ? { column } : {}),
  });
  const cols = spec.where?.columns ?? {};
  if (n <= 0) return fail(P.emptySample.create({}));
  for (const [field, arr] of [
    ['weights', spec.weights],
    ['fpc', spec.fpc],
  ] as const) {
    if (arr && arr.length !== n)
      problems.push(P.lengthMismatch.create({ field, expected: n, actual: arr.length }, { field }));
  }
  const strata = spec.strata ? asFactor(spec.strata) : undefined;
  const cluster = spec.cluster ? asFactor(spec.cluster) : undefined;
  if (strata && strata.codes.length !== n)
    problems.push(
      P.lengthMismatch.create(
        { field: 'strata', expected: n, actual: strata.codes.length },
        { field: 'strata' },
      ),
    );
  if (cluster && cluster.codes.length !== n)
    problems.push(
      P.lengthMismatch.create(
        { field: 'cluster', expected: n, actual: cluster.codes.length },
        { field: 'cluster' },
      ),
    );
  if (problems.length > 0) return fail(problems);

  for (let i = 0; i < n; i++) {
    if (strata && ((strata.codes[i] as number) < 0 || strata.levels[strata.codes[i] as number] === ''))
      problems.push(P.stratumMissing.create({}, at(i, cols.strata ?? 'strata')));
    if (cluster && ((cluster.codes[i] as number) < 0 || cluster.levels[cluster.codes[i] as number] === ''))
      problems.push(P.clusterMissing.create({}, at(i, cols.cluster ?? 'cluster')));
    if (spec.weights) {
      const w = spec.weights[i] as number;
      if (!Number.isFinite(w))
        problems.push(P.notANumber.create({ value: String(w) }, at(i, cols.weights ?? 'weights')));
      else if (w <= 0)
        problems.push(P.weightsNonpositive.create({ weight: w }, at(i, cols.weights ?? 'weights')));
    }
    if (spec.fpc) {
      const f = spec.fpc[i] as number;
      if (!Number.isFinite(f) || f <= 0)
        problems.push(P.fpcInvalid.create({ fpc: f }, at(i, cols.fpc ?? 'fpc')));
    }
  }
  if (problems.length > 0) return fail(problems);

  const stratum = strata ? strata.codes : new Int32Array(n);
  const strataLevels = strata ? strata.levels : ['1'];
  const nStrata = strataLevels.length;
  // PSUs: each respondent alone, or (stratum, cluster) pairs.
  const psu = new Int32Array(n);
  let nPsu = 0;
  if (cluster) {
    const key = new Map<number, number>();
    const nc = cluster.levels.length;
    for (let i = 0; i < n; i++) {
      const k = (stratum[i] as number) * nc + (cluster.codes[i] as number);
      let id = key.get(k);
      if (id === undefined) {
        id = nPsu++;
        key.set(k, id);
      }
      psu[i] = id;
    }
  } else {
    for (let i = 0; i < n; i++) psu[i] = i;
    nPsu = n;
  }
  let psuStratum = stratum;
  if (cluster) {
    psuStratum = new Int32Array(nPsu);
    for (let i = 0; i < n; i++) psuStratum[psu[i] as number] = stratum[i] as number;
  }
  const psuPerStratum = new Int32Array(nStrata);
  for (let j = 0; j < nPsu; j++) {
    const h = psuStratum[j] as number;
    psuPerStratum[h] = (psuPerStratum[h] as number) + 1;
  }

  // Finite-population correction: constant within each stratum.
  const fpcFactor = new Float64Array(nStrata).fill(1);
  const popSize = new Float64Array(nStrata).fill(Number.NaN);
  if (spec.fpc) {
    let fractions = 0;
    for (let i = 0; i < n; i++) if ((spec.fpc[i] as number) <= 1) fractions++;
    if (fractions !== 0 && fractions !== n) return fail(P.fpcMixed.create({}, { column: cols.fpc ?? 'fpc' }));
    const seen = new Float64Array(nStrata).fill(Number.NaN);
    const reported = new Set<number>();
    for (let i = 0; i < n; i++) {
      const h = stratum[i] as number;
      const f = spec.fpc[i] as number;
      if (Number.isNaN(seen[h] as number)) seen[h] = f;
      else if (seen[h] !== f && !reported.has(h)) {
        reported.add(h);
        problems.push(
          P.fpcNotConstant.create({ stratum: strataLevels[h] as string }, at(i, cols.fpc ?? 'fpc')),
        );
      }
    }
    for (let h = 0; h < nStrata; h++) {
      const f = seen[h] as number;
      const nh = psuPerStratum[h] as number;
      const N = fractions > 0 ? nh / f : f;
      if (N < nh - 1e-9)
        problems.push(
          P.fpcTooSmall.create(
            { stratum: strataLevels[h] as string, population: N, sampled: nh },
            { column: cols.fpc ?? 'fpc' },
          ),
        );
      popSize[h] = N;
      fpcFactor[h] = (N - nh) / N;
    }
    if (problems.length > 0) return fail(problems);
  }

  const lonelyPsu = spec.lonelyPsu ?? 'fail';
  for (let h = 0; h < nStrata; h++) {
    if ((psuPerStratum[h] as number) !== 1 || (fpcFactor[h] as number) < 1e-7) continue;
    const problem = P.lonelyPsu.create(
      { stratum: strataLevels[h] as string },
      { column: cols.strata ?? 'strata', field: strataLevels[h] as string },
      lonelyPsu === 'fail' ? 'error' : 'warning',
    );
    (lonelyPsu === 'fail' ? problems : warnings).push(problem);
  }
  if (problems.length > 0) return fail(problems);

  // Weights: given, or population size over sample size per stratum, or 1.
  const weights = new Float64Array(n);
  if (spec.weights) for (let i = 0; i < n; i++) weights[i] = spec.weights[i] as number;
  else if (spec.fpc) {
    for (let i = 0; i < n; i++) {
      const h = stratum[i] as number;
      weights[i] = (popSize[h] as number) / (psuPerStratum[h] as number);
    }
  } else weights.fill(1);

  return ok(
    {
      n,
      weights,
      stratum,
      strataLevels,
      psu,
      nPsu,
      psuStratum,
      psuPerStratum,
      psuIsRow: !cluster,
      fpcFactor,
      hasFpc: spec.fpc !== undefined,
      lonelyPsu,
      calibration: [],
    },
    warnings,
  );
}

/** A design with other analysis weights (used for calibration and replicates). */
export function withWeights(
  design: SurveyDesign,
  weights: Float64Array,
  step?: CalibrationStep,
): SurveyDesign {
  return { ...design, weights, calibration: step ? [...design.calibration, step] : design.calibration };
}
