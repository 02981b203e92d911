/**
 * Raking on the crossed cells of its margins: every adjustment multiplies all
 * weights of a cell by the same factor, so the loop and the variance's
 * backfitting run on per-cell sums (as `survey`'s rake and svyrecvar do on
 * the rows, same arithmetic). Used by the row path and the one-pass path.
 */

/** Raking residualisation uses a fixed number of backfitting sweeps, as `survey` does. */
export const RAKING_RESIDUAL_SWEEPS = 10;

export interface CellMargin {
  /** The margin's group of each cell. */
  readonly groups: Int32Array;
  readonly nGroups: number;
  readonly population: ArrayLike<number>;
}

export interface CellRaking {
  /** Cumulative factor per cell after the last sweep. */
  F: Float64Array;
  /** Per margin, the cumulative factor per cell after that margin's adjustment in the last sweep. */
  cellFactors: Float64Array[];
  iterations: number;
  converged: boolean;
}

/**
 * The raking loop on cell totals `base` (start weights summed per cell):
 * survey's stopping rule (largest change of a cell's weighted count between
 * sweeps below epsilon), or exactly `sweeps` sweeps when given.
 */
export function rakeCells(
  base: Float64Array,
  margins: readonly CellMargin[],
  opts: { maxit: number; epsilon: number; sweeps?: number; bounds?: { lower: number; upper: number } },
): CellRaking {
  const nCells = base.length;
  const F = new Float64Array(nCells).fill(1);
  let cellFactors: Float64Array[] = [];
  const oldTable = Float64Array.from(base);
  let iter = 0;
  let passes = 0;
  let converged = false;
  const limit = opts.sweeps ?? opts.maxit;
  while (iter < limit) {
    cellFactors = [];
    for (const m of margins) {
      const groups = m.groups;
      const sample = new Float64Array(m.nGroups);
      for (let c = 0; c < nCells; c++)
        sample[groups[c] as number] =
          (sample[groups[c] as number] as number) + (base[c] as number) * (F[c] as number);
      for (let c = 0; c < nCells; c++) {
        const g = groups[c] as number;
        F[c] =
          (F[c] as number) *
          ((sample[g] as number) > 0 ? (m.population[g] as number) / (sample[g] as number) : 0);
        if (opts.bounds) F[c] = Math.min(opts.bounds.upper, Math.max(opts.bounds.lower, F[c] as number));
      }
      cellFactors.push(Float64Array.from(F));
    }
    passes++;
    if (opts.sweeps === undefined) {
      let delta = 0;
      for (let c = 0; c < nCells; c++) {
        const now = (base[c] as number) * (F[c] as number);
        delta = Math.max(delta, Math.abs((oldTable[c] as number) - now));
        oldTable[c] = now;
      }
      if (delta < opts.epsilon) {
        converged = true;
        break;
      }
    }
    iter++;
  }
  return { F, cellFactors, iterations: passes, converged: opts.sweeps !== undefined || converged };
}

/**
 * The variance's backfitting for a raking on cell aggregates: A[c] = Σ x/start
 * and N[c] = respondents per cell. Returns D with x ← x − start·D[cell]
 * (RAKING_RESIDUAL_SWEEPS sweeps, each margin m in turn x ← x − w_m·mean_g(x/w_m),
 * unweighted group means, as survey's svyrecvar).
 */
export function rakingResidualCells(
  A: Float64Array,
  N: Float64Array,
  cellFactors: readonly Float64Array[],
  cellGroups: readonly Int32Array[],
  nGroups: readonly number[],
): Float64Array {
  const nCells = A.length;
  const M = cellGroups.length;
  const counts = cellGroups.map((groups, k) => {
    const cnt = new Float64Array(nGroups[k] as number);
    for (let c = 0; c < nCells; c++)
      cnt[groups[c] as number] = (cnt[groups[c] as number] as number) + (N[c] as number);
    return cnt;
  });
  // D[c] = Σ_m F_m[c]·coef_m[g_m(c)]: what has been subtracted so far, per unit of start weight.
  const D = new Float64Array(nCells);
  for (let sweep = 0; sweep < RAKING_RESIDUAL_SWEEPS; sweep++) {
    for (let k = 0; k < M; k++) {
      const Fk = cellFactors[k] as Float64Array;
      const groups = cellGroups[k] as Int32Array;
      const sums = new Float64Array(nGroups[k] as number);
      for (let c = 0; c < nCells; c++) {
        if ((N[c] as number) === 0) continue;
        const g = groups[c] as number;
        sums[g] =
          (sums[g] as number) + ((A[c] as number) - (N[c] as number) * (D[c] as number)) / (Fk[c] as number);
      }
      const cnt = counts[k] as Float64Array;
      for (let g = 0; g < sums.length; g++) {
        const mean = (sums[g] as number) / (cnt[g] as number);
        sums[g] = Number.isFinite(mean) ? mean : 0;
      }
      for (let c = 0; c < nCells; c++)
        D[c] = (D[c] as number) + (Fk[c] as number) * (sums[groups[c] as number] as number);
    }
  }
  return D;
}
