/**
 * The one-pass estimate straight from the columns: a (calibrated) mean with
 * its linearised SE for a design without clusters. One pass over the rows
 * collects per-cell sums keyed by the file's own codes (stratum and
 * calibration variables); the checks the design and the margins need (weights,
 * fpc, unknown levels, lonely strata) then run on those cells, with no design
 * or margin built per row. Whenever something needs a row-level answer (a
 * problem to locate, a lonely stratum, too many cells), it declines and the
 * general path answers, with its problems.
 */
import type { Problem, Result } from '../errors';
import { ok } from '../errors';
import { accumulate, type CellSums, gatherCells, type KeyColumn, MAX_SLOTS, slotSpace } from './cell-sums';
import type { ColumnTable, TextColumn } from './columns';
import type { EstimateOutput, EstimateSpec } from './estimate-columns';
import { factorize } from './factor';
import { meanFromSums } from './mean-from-cells';
import { populationLevels } from './population-margins';
import { surveyProblems as P } from './survey-problems';

/** The estimate, or undefined when the general path must answer. */
export function meanFromColumns(data: ColumnTable, spec: EstimateSpec): Result<EstimateOutput> | undefined {
  const linearized = spec.variance !== 'jk1' && spec.variance !== 'bootstrap';
  if (!linearized || spec.by || spec.distribution || spec.quantile !== undefined || spec.cluster) return;
  const n = data.n;
  if (n <= 0) return;
  const yCol = data.numbers[spec.variable];
  if (!yCol || yCol.bad.length > 0) return;
  const y = yCol.values;
  if (spec.scale && !withinScale(y, spec.scale.min, spec.scale.max, spec.scale.integer ?? true)) return;
  const wCol = spec.weights ? data.numbers[spec.weights] : undefined;
  const fCol = spec.fpc ? data.numbers[spec.fpc] : undefined;
  if ((spec.weights && (!wCol || wCol.bad.length > 0)) || (spec.fpc && (!fCol || fCol.bad.length > 0)))
    return;

  const joint = spec.poststratify !== undefined;
  const vars = spec.poststratify ?? spec.rake ?? [];
  const pop = vars.length > 0 && spec.population ? populationLevels(spec.population, vars, joint) : undefined;
  if (vars.length > 0 && !pop?.ok) return;
  const margins = pop?.ok ? pop.value : [];

  const strataCol = spec.strata ? data.texts[spec.strata] : undefined;
  const varCols = vars.map((v) => data.texts[v]);
  if ((spec.strata && !strataCol) || varCols.some((c) => !c)) return;
  const keyCols: KeyColumn[] = [strataCol, ...varCols]
    .filter((c): c is TextColumn => c !== undefined)
    .map((c) => ({ codes: c.codes, levels: c.levels.length }));
  if (slotSpace(keyCols) > MAX_SLOTS) return;

  // Strata in R's level order; a blank stratum is a problem for the general path.
  const strata = strataCol ? factorize(strataCol.levels) : { codes: new Int32Array(1), levels: ['1'] };
  if (strataCol?.levels.includes('')) return;
  const nStrata = strata.levels.length;

  const acc = accumulate(keyCols, y, wCol?.values);
  if (acc.badWeights > 0) return;
  // Respondents per stratum (each its own PSU): fewer than two is a lonely PSU.
  const perStratum = new Float64Array(nStrata);
  for (let slot = 0; slot < acc.space; slot++) {
    const h = strataCol ? (strata.codes[Math.floor(slot / (acc.strides[0] as number))] as number) : 0;
    perStratum[h] = (perStratum[h] as number) + (acc.sums[slot * acc.width] as number);
  }
  if (perStratum.some((m) => m < 2)) return;

  let fpcFactor: Float64Array = new Float64Array(nStrata).fill(1);
  let unitScale: Float64Array | undefined;
  if (fCol) {
    const f = fpcByStratum(fCol.values, strataCol?.codes, strata.codes, perStratum);
    if (!f) return;
    fpcFactor = f.factor;
    if (!wCol) unitScale = f.weight;
  }

  // Each data level's group in its margin (-1: not in the population).
  const groupOf = margins.map((m, k) => {
    if (joint) return undefined;
    const col = varCols[k] as TextColumn;
    return col.levels.map((l) => (l === '' ? -1 : (m.levelIndex.get(l) ?? -1)));
  });
  const off = strataCol ? 1 : 0;
  const cells: CellSums | undefined = gatherCells(
    acc,
    nStrata,
    margins.map((m) => m.levels.length),
    (codes) => {
      const stratum = strataCol ? (strata.codes[codes[0] as number] as number) : 0;
      const groups: number[] = [];
      if (joint && margins[0]) {
        const values = varCols.map((c, k) => (c as TextColumn).levels[codes[off + k] as number] as string);
        const g = values.every((v) => v !== '') ? margins[0].levelIndex.get(values.join(' × ')) : undefined;
        if (g === undefined) return undefined;
        groups.push(g);
      } else
        for (let k = 0; k < margins.length; k++) {
          const g = (groupOf[k] as number[])[codes[off + k] as number] as number;
          if (g < 0) return undefined;
          groups.push(g);
        }
      return { stratum, groups };
    },
    unitScale,
  );
  if (!cells) return;

  const ctl = spec.rakeControl ?? {};
  const r = meanFromSums(cells, {
    calibration: margins.length === 0 ? 'none' : joint ? 'poststratify' : 'rake',
    margins: margins.map((m) => ({
      factor: { codes: new Int32Array(0), levels: m.levels },
      population: m.population,
      name: m.name,
    })),
    rake: {
      maxit: ctl.maxit ?? 10,
      epsilon: ctl.epsilon ?? 1,
      ...(ctl.bounds ? { bounds: ctl.bounds } : {}),
    },
    ...(spec.level ? { level: spec.level } : {}),
    fpcFactor,
  });
  if (!r.ok) return r;
  const { calibration, ...mean } = r.value;
  const warnings: Problem[] = [];
  if (calibration && !calibration.converged)
    warnings.push(
      P.rakingNotConverged.create(
        { iterations: calibration.iterations, maxMarginError: calibration.maxMarginError },
        undefined,
        'warning',
      ),
    );
  const out: EstimateOutput = mean;
  if (calibration)
    out.calibration = { iterations: calibration.iterations, maxMarginError: calibration.maxMarginError };
  return ok(out, warnings);
}

function withinScale(y: Float64Array, min: number, max: number, integer: boolean): boolean {
  for (let i = 0; i < y.length; i++) {
    const v = y[i] as number;
    if (v < min || v > max || (integer && !Number.isNaN(v) && Math.floor(v) !== v)) return false;
  }
  return true;
}

/**
 * The fpc, constant within each stratum, as `createDesign` reads it: the
 * factor (N_h − n_h)/N_h and the weight N_h/n_h. Undefined on any problem.
 */
function fpcByStratum(
  fpc: Float64Array,
  dataStrata: Int32Array | undefined,
  order: Int32Array,
  perStratum: Float64Array,
): { factor: Float64Array; weight: Float64Array } | undefined {
  const nStrata = perStratum.length;
  const seen = new Float64Array(nStrata).fill(Number.NaN);
  let fractions = 0;
  for (let i = 0; i < fpc.length; i++) {
    const f = fpc[i] as number;
    if (!(f > 0 && f < Number.POSITIVE_INFINITY)) return;
    if (f <= 1) fractions++;
    const h = dataStrata ? (order[dataStrata[i] as number] as number) : 0;
    const s = seen[h] as number;
    if (Number.isNaN(s)) seen[h] = f;
    else if (s !== f) return;
  }
  if (fractions !== 0 && fractions !== fpc.length) return;
  const factor = new Float64Array(nStrata);
  const weight = new Float64Array(nStrata);
  for (let h = 0; h < nStrata; h++) {
    const nh = perStratum[h] as number;
    const N = fractions > 0 ? nh / (seen[h] as number) : (seen[h] as number);
    if (N < nh - 1e-9) return;
    factor[h] = (N - nh) / N;
    weight[h] = N / nh;
  }
  return { factor, weight };
}
