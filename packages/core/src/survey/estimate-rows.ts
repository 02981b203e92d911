/**
 * One estimate from rows in memory (a CSV read by the CLI, or a stored wave):
 * parses the columns, builds the design, calibrates, estimates and returns the
 * output of `mirai survey estimate` (unrounded; keys that do not apply omitted).
 */
import { fail, ok, type Problem, type Result } from '../errors';
import { parseNumbers, type Scale } from './answers';
import { type CalibrationMargin, checkMarginTotals, postStratify, type RakeControl, rake } from './calibrate';
import { createDesign, type LonelyPsu, type SurveyDesign } from './design';
import { surveyDistribution } from './distribution';
import { surveyBy } from './domain';
import { surveyMean } from './estimate';
import { type Factor, factorize } from './factor';
import { surveyQuantile } from './quantile';
import {
  bootstrapReplicates,
  type CalibrationSpec,
  calibrateReplicates,
  jk1Replicates,
  type ReplicateWeights,
} from './replicates';
import { surveyProblems as P } from './survey-problems';

export interface RowsTable {
  file?: string;
  headers: readonly string[];
  rows: readonly { row: number; cells: Readonly<Record<string, string>> }[];
}

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

function missingColumns(table: RowsTable, names: readonly (string | undefined)[], problems: Problem[]): void {
  for (const name of names) {
    if (name !== undefined && !table.headers.includes(name))
      problems.push(
        P.valueMissing.create({ value: name }, { ...(table.file ? { file: table.file } : {}), column: name }),
      );
  }
}

/** Population margins (or cells) for the calibration variables, with every unknown code listed. */
function populationMargins(
  data: RowsTable,
  pop: RowsTable,
  vars: readonly string[],
  joint: boolean,
): Result<CalibrationMargin[]> {
  const problems: Problem[] = [];
  missingColumns(pop, [...vars, 'count'], problems);
  if (problems.length > 0) return fail(problems);
  const counts = parseNumbers(
    pop.rows.map((r) => r.cells.count ?? ''),
    { column: 'count', rows: pop.rows.map((r) => r.row), ...(pop.file ? { file: pop.file } : {}) },
    { required: true },
  );
  if (!counts.ok) return counts;
  for (let k = 0; k < pop.rows.length; k++) {
    if ((counts.value[k] as number) < 0)
      problems.push(
        P.populationCountInvalid.create(
          { count: counts.value[k] as number },
          { file: pop.file, row: pop.rows[k]?.row, column: 'count' },
        ),
      );
  }
  const groups: { name: string; keyOf: (cells: Readonly<Record<string, string>>) => string | undefined }[] =
    joint
      ? [
          {
            name: vars.join(' × '),
            keyOf: (c) =>
              vars.every((v) => (c[v] ?? '') !== '') ? vars.map((v) => c[v]).join(' × ') : undefined,
          },
        ]
      : vars.map((v) => ({ name: v, keyOf: (c) => ((c[v] ?? '') !== '' ? c[v] : undefined) }));
  const margins: CalibrationMargin[] = [];
  for (const g of groups) {
    const totals = new Map<string, number>();
    pop.rows.forEach((r, k) => {
      const key = g.keyOf(r.cells);
      if (key !== undefined) totals.set(key, (totals.get(key) ?? 0) + (counts.value[k] as number));
    });
    const levels = [...totals.keys()];
    const factor = factorize(
      data.rows.map((r) => g.keyOf(r.cells) ?? ''),
      levels,
    );
    const reported = new Set<string>();
    factor.codes.forEach((code, i) => {
      if (code >= 0) return;
      const value = g.keyOf(data.rows[i]?.cells ?? {}) ?? '';
      if (reported.has(value)) return;
      reported.add(value);
      problems.push(
        P.sampleCellMissing.create(
          { cell: value },
          { ...(data.file ? { file: data.file } : {}), row: data.rows[i]?.row, column: g.name },
        ),
      );
    });
    margins.push({ factor, population: levels.map((l) => totals.get(l) as number), name: g.name });
  }
  if (!joint) problems.push(...checkMarginTotals(margins, 1e-9));
  return problems.length > 0 ? fail(problems) : ok(margins);
}

/** Runs the estimate the CLI contract describes on rows in memory. */
export function estimateFromRows(data: RowsTable, spec: EstimateSpec): Result<EstimateOutput> {
  const problems: Problem[] = [];
  const file = data.file ? { file: data.file } : {};
  const rows = data.rows.map((r) => r.row);
  const calVars = spec.poststratify ?? spec.rake ?? [];
  missingColumns(
    data,
    [spec.variable, spec.weights, spec.strata, spec.fpc, spec.cluster, spec.by, ...calVars],
    problems,
  );
  if (calVars.length > 0 && !spec.population)
    problems.push(P.valueMissing.create({ value: '--population' }, { field: 'population' }));
  if (spec.quantile !== undefined && !(spec.quantile > 0 && spec.quantile < 1))
    problems.push(P.quantileInvalid.create({ p: spec.quantile }, { field: 'quantile' }));
  if (problems.length > 0) return fail(problems);
  const col = (name: string) => data.rows.map((r) => r.cells[name] ?? '');
  const y = parseNumbers(
    col(spec.variable),
    { column: spec.variable, rows, ...file },
    spec.scale ? { scale: spec.scale } : {},
  );
  const w = spec.weights
    ? parseNumbers(col(spec.weights), { column: spec.weights, rows, ...file }, { required: true })
    : undefined;
  const f = spec.fpc
    ? parseNumbers(col(spec.fpc), { column: spec.fpc, rows, ...file }, { required: true })
    : undefined;
  for (const r of [y, w, f]) if (r && !r.ok) problems.push(...r.problems);
  if ((w && !w.ok) || (f && !f.ok)) return fail(problems);

  const columns = { weights: spec.weights, strata: spec.strata, cluster: spec.cluster, fpc: spec.fpc };
  const built = createDesign({
    n: data.rows.length,
    ...(w?.ok ? { weights: w.value } : {}),
    ...(f?.ok ? { fpc: f.value } : {}),
    ...(spec.strata ? { strata: col(spec.strata) } : {}),
    ...(spec.cluster ? { cluster: col(spec.cluster) } : {}),
    ...(spec.lonelyPsu ? { lonelyPsu: spec.lonelyPsu } : {}),
    where: {
      ...file,
      rows,
      columns: Object.fromEntries(Object.entries(columns).filter(([, v]) => v !== undefined)),
    },
  });
  // Report the answers' and the design's problems together.
  if (!built.ok) return fail([...problems, ...built.problems]);
  if (problems.length > 0 || !y.ok) return fail(problems);
  const warnings: Problem[] = [...(built.warnings ?? [])];
  const base = built.value;
  let design: SurveyDesign = base;
  let calibrationSpec: CalibrationSpec | undefined;
  let calibration: EstimateOutput['calibration'];
  if (spec.population && calVars.length > 0) {
    const joint = spec.poststratify !== undefined;
    const margins = populationMargins(data, spec.population, calVars, joint);
    if (!margins.ok) return margins;
    if (joint) {
      const margin = margins.value[0] as CalibrationMargin;
      const r = postStratify(base, margin);
      if (!r.ok) return r;
      design = r.value;
      calibrationSpec = { kind: 'poststratify', margin };
      calibration = { iterations: 1, maxMarginError: maxError(design, [margin]) };
    } else {
      const r = rake(base, margins.value, spec.rakeControl);
      if (!r.ok) return r;
      warnings.push(...(r.warnings ?? []));
      design = r.value.design;
      calibrationSpec = {
        kind: 'rake',
        margins: margins.value,
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
  const m = surveyMean(design, y.value, opts);
  const out: EstimateOutput = { estimate: m.estimate, se: m.se, ci: m.ci, n: m.n };
  if (spec.by) {
    const r = surveyBy(design, 'mean', y.value, factorize(col(spec.by)), {
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
    const values = answerLevels(y.value, spec.scale);
    const answer: Factor = factorize(
      Array.from(y.value, (v) => (Number.isNaN(v) ? '' : String(v))),
      values.map(String),
    );
    out.distribution = surveyDistribution(design, answer, opts).map((s) => ({
      value: Number(s.value),
      share: s.share,
      se: s.se,
    }));
  }
  if (spec.quantile !== undefined) {
    const q = surveyQuantile(design, y.value, spec.quantile, spec.level ? { alpha: 1 - spec.level } : {});
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
