/**
 * One estimate from a survey file read as columns (the contract of `mirai
 * survey estimate`): checks the columns, builds the design, calibrates,
 * estimates. The mean of a design without clusters, linearised, takes the
 * one-pass path on per-cell sums straight from the columns (mean-from-columns);
 * everything else, and any input with problems to locate, the row-level path.
 * Output unrounded; keys that do not apply omitted.
 */
import { fail, ok, type Problem, type Result } from '../errors';
import type { Scale } from './answers';
import { type CalibrationMargin, postStratify, type RakeControl, rake } from './calibrate';
import {
  type ColumnRequest,
  type ColumnTable,
  columnFactor,
  columnNumbers,
  type TextColumn,
} from './columns';
import { createDesign, type LonelyPsu, type SurveyDesign } from './design';
import { surveyDistribution } from './distribution';
import { surveyBy } from './domain';
import { surveyMean } from './estimate';
import { type Factor, factorize } from './factor';
import { cellMeanApplies, meanFromCells } from './mean-from-cells';
import { meanFromColumns } from './mean-from-columns';
import { populationMargins, type RowsTable } from './population-margins';
import { surveyQuantile } from './quantile';
import {
  bootstrapReplicates,
  type CalibrationSpec,
  calibrateReplicates,
  jk1Replicates,
  type ReplicateWeights,
} from './replicates';
import { surveyProblems as P } from './survey-problems';

export interface EstimateSpec {
  variable: string;
  weights?: string;
  strata?: string;
  fpc?: string;
  cluster?: string;
  poststratify?: readonly string[];
  rake?: readonly string[];
  /** Population file: one column per calibration variable and `count`. */
  population?: RowsTable;
  by?: string;
  distribution?: boolean;
  quantile?: number;
  variance?: 'linearization' | 'jk1' | 'bootstrap';
  replicates?: number;
  seed?: number;
  scale?: Scale;
  lonelyPsu?: LonelyPsu;
  /** Raking control (default as `survey`: 10 sweeps, epsilon 1). */
  rakeControl?: RakeControl;
  level?: number;
  /** Domains with fewer respondents are flagged `suppressed` (default: none). */
  minCell?: number;
}

export interface EstimateOutput {
  estimate: number;
  se: number;
  ci: [number, number];
  n: number;
  by?: {
    level: string;
    estimate: number;
    se: number;
    ci: [number, number];
    n: number;
    suppressed?: boolean;
  }[];
  distribution?: { value: number | string; share: number; se: number }[];
  quantile?: { p: number; estimate: number; ci: [number, number] };
  calibration?: { iterations: number; maxMarginError: number };
}

/** The columns an estimate reads: answers, weights and fpc as numbers; the rest as categories. */
export function columnsForEstimate(spec: Omit<EstimateSpec, 'population'>): ColumnRequest {
  const defined = (xs: (string | undefined)[]) => xs.filter((x): x is string => x !== undefined);
  return {
    numbers: defined([spec.variable, spec.weights, spec.fpc]),
    texts: defined([spec.strata, spec.cluster, spec.by, ...(spec.poststratify ?? []), ...(spec.rake ?? [])]),
  };
}

/** Runs the estimate the CLI contract describes on a table of columns. */
export function estimateFromColumns(data: ColumnTable, spec: EstimateSpec): Result<EstimateOutput> {
  const problems: Problem[] = [];
  const file = data.file ? { file: data.file } : {};
  const calVars = spec.poststratify ?? spec.rake ?? [];
  for (const name of [spec.variable, spec.weights, spec.strata, spec.fpc, spec.cluster, spec.by, ...calVars])
    if (name !== undefined && !data.headers.includes(name))
      problems.push(P.valueMissing.create({ value: name }, { ...file, column: name }));
  if (calVars.length > 0 && !spec.population)
    problems.push(P.valueMissing.create({ value: '--population' }, { field: 'population' }));
  if (spec.quantile !== undefined && !(spec.quantile > 0 && spec.quantile < 1))
    problems.push(P.quantileInvalid.create({ p: spec.quantile }, { field: 'quantile' }));
  if (problems.length > 0) return fail(problems);
  // One pass on per-cell sums when the design allows and nothing needs a row-level answer.
  const cells = meanFromColumns(data, spec);
  if (cells) return cells;
  const factorOf = (name: string) => columnFactor(data.texts[name] as TextColumn);
  const y = columnNumbers(data, spec.variable, spec.scale ? { scale: spec.scale } : {});
  const w = spec.weights ? columnNumbers(data, spec.weights, { required: true }) : undefined;
  const f = spec.fpc ? columnNumbers(data, spec.fpc, { required: true }) : undefined;
  for (const r of [y, w, f]) if (r && !r.ok) problems.push(...r.problems);
  if ((w && !w.ok) || (f && !f.ok)) return fail(problems);

  const columns = { weights: spec.weights, strata: spec.strata, cluster: spec.cluster, fpc: spec.fpc };
  const built = createDesign({
    n: data.n,
    ...(w?.ok ? { weights: w.value } : {}),
    ...(f?.ok ? { fpc: f.value } : {}),
    ...(spec.strata ? { strata: factorOf(spec.strata) } : {}),
    ...(spec.cluster ? { cluster: factorOf(spec.cluster) } : {}),
    ...(spec.lonelyPsu ? { lonelyPsu: spec.lonelyPsu } : {}),
    where: {
      ...file,
      rows: data.rows,
      columns: Object.fromEntries(Object.entries(columns).filter(([, v]) => v !== undefined)),
    },
  });
  // Report the answers' and the design's problems together.
  if (!built.ok) return fail([...problems, ...built.problems]);
  if (problems.length > 0 || !y.ok) return fail(problems);
  const warnings: Problem[] = [...(built.warnings ?? [])];
  const base = built.value;
  const joint = spec.poststratify !== undefined;
  let margins: CalibrationMargin[] = [];
  if (spec.population && calVars.length > 0) {
    const m = populationMargins(data, spec.population, calVars, joint);
    if (!m.ok) return m;
    margins = m.value;
  }
  const linearized = spec.variance !== 'jk1' && spec.variance !== 'bootstrap';
  if (linearized && !spec.by && !spec.distribution && spec.quantile === undefined) {
    if (cellMeanApplies(base, margins)) {
      const ctl = spec.rakeControl ?? {};
      const r = meanFromCells({
        design: base,
        unitWeights: !spec.weights && !spec.fpc,
        y: y.value,
        calibration: margins.length === 0 ? 'none' : joint ? 'poststratify' : 'rake',
        margins,
        rake: {
          maxit: ctl.maxit ?? 10,
          epsilon: ctl.epsilon ?? 1,
          ...(ctl.bounds ? { bounds: ctl.bounds } : {}),
        },
        ...(spec.level ? { level: spec.level } : {}),
      });
      if (!r.ok) return r;
      const { calibration, ...mean } = r.value;
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
  }
  return estimateOnRows(base, y.value, margins, joint, spec, factorOf, warnings);
}

/** The row-level estimators (replicates, domains, distributions, quantiles, clusters). */
function estimateOnRows(
  base: SurveyDesign,
  y: Float64Array,
  margins: CalibrationMargin[],
  joint: boolean,
  spec: EstimateSpec,
  factorOf: (name: string) => Factor,
  warnings: Problem[],
): Result<EstimateOutput> {
  let design: SurveyDesign = base;
  let calibrationSpec: CalibrationSpec | undefined;
  let calibration: EstimateOutput['calibration'];
  if (margins.length > 0) {
    if (joint) {
      const margin = margins[0] as CalibrationMargin;
      const r = postStratify(base, margin);
      if (!r.ok) return r;
      design = r.value;
      calibrationSpec = { kind: 'poststratify', margin };
      calibration = { iterations: 1, maxMarginError: maxError(design, [margin]) };
    } else {
      const r = rake(base, margins, spec.rakeControl);
      if (!r.ok) return r;
      warnings.push(...(r.warnings ?? []));
      design = r.value.design;
      calibrationSpec = {
        kind: 'rake',
        margins,
        sweeps: r.value.info.iterations,
        ...(spec.rakeControl?.bounds ? { bounds: spec.rakeControl.bounds } : {}),
      };
      calibration = { iterations: r.value.info.iterations, maxMarginError: r.value.info.maxMarginError };
    }
  }

  let replicates: ReplicateWeights | undefined;
  if (spec.variance === 'jk1' || spec.variance === 'bootstrap') {
    const rep =
      spec.variance === 'jk1'
        ? jk1Replicates(base)
        : bootstrapReplicates(base, spec.replicates ?? 50, spec.seed ?? 1);
    if (!rep.ok) return rep;
    replicates = calibrationSpec ? calibrateReplicates(rep.value, calibrationSpec) : rep.value;
  }
  const opts = { ...(replicates ? { replicates } : {}), ...(spec.level ? { level: spec.level } : {}) };
  const m = surveyMean(design, y, opts);
  const out: EstimateOutput = { estimate: m.estimate, se: m.se, ci: m.ci, n: m.n };
  if (spec.by) {
    const r = surveyBy(design, 'mean', y, factorOf(spec.by), {
      ...opts,
      ...(spec.minCell !== undefined ? { minCell: spec.minCell } : {}),
    });
    warnings.push(...r.warnings);
    out.by = r.rows.map((b) => ({
      level: b.level,
      estimate: b.estimate,
      se: b.se,
      ci: b.ci,
      n: b.n,
      ...(b.suppressed ? { suppressed: true } : {}),
    }));
  }
  if (spec.distribution) {
    const values = answerLevels(y, spec.scale);
    const answer: Factor = factorize(
      Array.from(y, (v) => (Number.isNaN(v) ? '' : String(v))),
      values.map(String),
    );
    out.distribution = surveyDistribution(design, answer, opts).map((s) => ({
      value: Number(s.value),
      share: s.share,
      se: s.se,
    }));
  }
  if (spec.quantile !== undefined) {
    const q = surveyQuantile(design, y, spec.quantile, spec.level ? { alpha: 1 - spec.level } : {});
    out.quantile = { p: q.p, estimate: q.estimate, ci: q.ci };
  }
  if (calibration) out.calibration = calibration;
  return ok(out, warnings);
}

/** The values a distribution reports: every point of the scale, or the values seen. */
function answerLevels(y: Float64Array, scale?: Scale): number[] {
  if (scale && (scale.integer ?? true))
    return Array.from({ length: scale.max - scale.min + 1 }, (_, k) => scale.min + k);
  return [...new Set(Array.from(y).filter((v) => !Number.isNaN(v)))].sort((a, b) => a - b);
}

function maxError(design: SurveyDesign, margins: CalibrationMargin[]): number {
  let e = 0;
  for (const m of margins) {
    const t = new Float64Array(m.factor.levels.length);
    for (let i = 0; i < design.n; i++)
      t[m.factor.codes[i] as number] =
        (t[m.factor.codes[i] as number] as number) + (design.weights[i] as number);
    t.forEach((v, g) => {
      e = Math.max(e, Math.abs(v - (m.population[g] as number)));
    });
  }
  return e;
}
