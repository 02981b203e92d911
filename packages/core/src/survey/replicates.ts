/**
 * Replicate-weight variance: JK1 jackknife and the Rao–Wu rescaling
 * bootstrap (seeded), as R's `as.svrepdesign(type = "JK1" | "bootstrap")`, and
 * `svrVar`: scale · Σ rscale_r (θ_r − θ̄)², centred on the replicates' mean.
 * Calibration is repeated in every replicate, as `survey` does.
 */
import { fail, ok, type Result } from '../errors';
import { createRng } from '../random/rng';
import { adjust, type CalibrationMargin, rakeWeights } from './calibrate';
import { linearG } from './calibrate-linear';
import type { SurveyDesign } from './design';
import { surveyProblems as P } from './survey-problems';

export interface ReplicateWeights {
  readonly type: 'JK1' | 'bootstrap' | 'given';
  /** Analysis weights of each replicate (length n each). */
  readonly weights: readonly Float64Array[];
  readonly scale: number;
  readonly rscales: Float64Array;
  /** Centre on the full-sample estimate instead of the replicates' mean (R's `mse`). */
  readonly mse: boolean;
}

/** How the full sample was calibrated, to repeat it in each replicate. */
export type CalibrationSpec =
  | { kind: 'poststratify'; margin: CalibrationMargin }
  | {
      kind: 'rake';
      margins: readonly CalibrationMargin[];
      sweeps: number;
      bounds?: { lower: number; upper: number };
    }
  | { kind: 'linear'; columns: readonly Float64Array[]; totals: ArrayLike<number> };

/** JK1: delete one PSU at a time (unstratified designs only). */
export function jk1Replicates(design: SurveyDesign): Result<ReplicateWeights> {
  if (design.strataLevels.length > 1) return fail(P.jk1Stratified.create({}));
  const m = design.nPsu;
  if (m < 2) return fail(P.replicatesInvalid.create({ replicates: m }));
  const f = design.hasFpc ? (design.fpcFactor[0] as number) : 1;
  const weights: Float64Array[] = [];
  const factor = m / (m - 1);
  for (let r = 0; r < m; r++) {
    const w = new Float64Array(design.n);
    for (let i = 0; i < design.n; i++)
      w[i] = design.psu[i] === r ? 0 : (design.weights[i] as number) * factor;
    weights.push(w);
  }
  return ok({
    type: 'JK1',
    weights,
    scale: (f * (m - 1)) / m,
    rscales: new Float64Array(m).fill(1),
    mse: false,
  });
}

/**
 * Rao–Wu bootstrap: in each stratum draw n_h PSUs with replacement (or, with an
 * fpc, n_h from the population list without replacement); a PSU's weight is
 * multiplied by how often it was drawn. Seeded, so the same seed gives the same
 * replicates (the draws differ from R's RNG).
 */
export function bootstrapReplicates(
  design: SurveyDesign,
  replicates: number,
  seed: number,
): Result<ReplicateWeights> {
  if (!Number.isInteger(replicates) || replicates < 2)
    return fail(P.replicatesInvalid.create({ replicates }));
  const rng = createRng(seed);
  const nStrata = design.psuPerStratum.length;
  const members: number[][] = Array.from({ length: nStrata }, () => []);
  for (let j = 0; j < design.nPsu; j++) members[design.psuStratum[j] as number]?.push(j);
  const counts = new Float64Array(design.nPsu);
  const weights: Float64Array[] = [];
  for (let r = 0; r < replicates; r++) {
    counts.fill(0);
    for (let h = 0; h < nStrata; h++) {
      const list = members[h] as number[];
      const nh = list.length;
      if (design.hasFpc) {
        const N = Math.round(nh / (1 - (design.fpcFactor[h] as number)));
        // Draw nh without replacement from the PSUs repeated to length N.
        const pool = Int32Array.from({ length: N }, (_, k) => list[k % nh] as number);
        for (let k = 0; k < nh; k++) {
          const pick = k + rng.int(N - k);
          const tmp = pool[k] as number;
          pool[k] = pool[pick] as number;
          pool[pick] = tmp;
          counts[pool[k] as number] = (counts[pool[k] as number] as number) + 1;
        }
      } else
        for (let k = 0; k < nh; k++) {
          const j = list[rng.int(nh)] as number;
          counts[j] = (counts[j] as number) + 1;
        }
    }
    const w = new Float64Array(design.n);
    for (let i = 0; i < design.n; i++)
      w[i] = (design.weights[i] as number) * (counts[design.psu[i] as number] as number);
    weights.push(w);
  }
  let inv = 0;
  for (let h = 0; h < nStrata; h++) inv += 1 / (design.psuPerStratum[h] as number);
  const psuPerStrata = 1 / (inv / nStrata);
  const scale = psuPerStrata / ((psuPerStrata - 1) * (replicates - 1));
  return ok({ type: 'bootstrap', weights, scale, rscales: new Float64Array(replicates).fill(1), mse: false });
}

/** Replicate weights given from elsewhere (for example exported from R). */
export function givenReplicates(
  weights: readonly Float64Array[],
  scale: number,
  rscales?: Float64Array,
  mse = false,
): ReplicateWeights {
  return { type: 'given', weights, scale, rscales: rscales ?? new Float64Array(weights.length).fill(1), mse };
}

/** Repeats the full sample's calibration in every replicate. */
export function calibrateReplicates(rep: ReplicateWeights, spec: CalibrationSpec): ReplicateWeights {
  const weights = rep.weights.map((w) => {
    if (spec.kind === 'linear') {
      const g = linearG(spec.columns, w, spec.totals);
      if (!g) throw new Error('replicate calibration: singular model matrix');
      return w.map((x, i) => x * (g[i] as number));
    }
    if (spec.kind === 'poststratify') {
      const { codes, levels } = spec.margin.factor;
      return adjust(w, codes, levels.length, spec.margin.population);
    }
    return rakeWeights(w, spec.margins, {
      maxit: spec.sweeps,
      epsilon: 0,
      sweeps: spec.sweeps,
      ...(spec.bounds ? { bounds: spec.bounds } : {}),
    }).weights;
  });
  return { ...rep, weights };
}

/** svrVar: scale · Σ rscale_r (θ_r − centre)². */
export function replicateVariance(rep: ReplicateWeights, thetas: Float64Array, full: number): number {
  let centre = full;
  if (!rep.mse) {
    let s = 0;
    let k = 0;
    for (let r = 0; r < thetas.length; r++) {
      if ((rep.rscales[r] as number) > 0) {
        s += thetas[r] as number;
        k++;
      }
    }
    centre = s / k;
  }
  let v = 0;
  for (let r = 0; r < thetas.length; r++)
    v += ((thetas[r] as number) - centre) ** 2 * (rep.rscales[r] as number);
  return v * rep.scale;
}
