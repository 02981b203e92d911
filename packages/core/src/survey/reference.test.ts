/**
 * Compares every design, calibration and estimate with R's `survey` 4.1
 * (reference values from r/make-fixtures.R) to 1e-9 relative.
 */
import { describe, expect, it } from 'vitest';
import { type CalibrationMargin, postStratify, rake } from './calibrate';
import { calibrateLinear, modelMatrix } from './calibrate-linear';
import { createDesign, type DesignSpec, type SurveyDesign } from './design';
import { surveyDistribution } from './distribution';
import { surveyBy } from './domain';
import { type EstimateOptions, surveyMean, surveyRatio, surveyTotal } from './estimate';
import { factorize } from './factor';
import { readCsv, reference, rel, type Table } from './fixtures.test';
import { designDf } from './linearization';
import { surveyQuantile } from './quantile';

const TOL = 1e-9;
// Values that are zero in exact arithmetic (the SE of a calibrated share) come out as rounding noise in both.
const close = (a: number, b: number, what: string, floor = 1e-10) => {
  if (!(rel(a, b) <= TOL || Math.abs(a - b) <= floor))
    throw new Error(`${what}: ${a} vs R ${b} (rel ${rel(a, b)})`);
};

const srs = readCsv('apisrs.csv');
const strat = readCsv('apistrat.csv');
const clus = readCsv('apiclus1.csv');

function build(t: Table, spec: Omit<DesignSpec, 'n'>): SurveyDesign {
  const r = createDesign({ n: t.rows.length, ...spec });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
}

export const designs: Record<string, [Table, () => SurveyDesign]> = {
  srs_fpc: [srs, () => build(srs, { fpc: srs.num('fpc') })],
  srs_weights: [srs, () => build(srs, { weights: srs.num('pw') })],
  srs_plain: [srs, () => build(srs, {})],
  strat_fpc_population: [
    strat,
    () => build(strat, { strata: strat.col('stype'), weights: strat.num('pw'), fpc: strat.num('fpc') }),
  ],
  strat_fpc_fraction: [strat, () => build(strat, { strata: strat.col('stype'), fpc: strat.num('fpcfrac') })],
  strat_nofpc: [strat, () => build(strat, { strata: strat.col('stype'), weights: strat.num('pw') })],
  clus1_fpc: [
    clus,
    () => build(clus, { cluster: clus.col('dnum'), weights: clus.num('pw'), fpc: clus.num('fpc') }),
  ],
  clus1_nofpc: [clus, () => build(clus, { cluster: clus.col('dnum'), weights: clus.num('pw') })],
};

// biome-ignore lint/suspicious/noExplicitAny: reference JSON is free-form
type Ref = any;

export function checkStats(
  t: Table,
  d: SurveyDesign,
  r: Ref,
  opts: EstimateOptions = {},
  quantiles = true,
): void {
  const api00 = t.num('api00');
  const m = surveyMean(d, api00, opts);
  close(m.estimate, r.mean_api00.estimate, 'mean');
  close(m.se, r.mean_api00.se, 'mean se');
  if (r.mean_api00.ci) {
    close(m.ci[0], r.mean_api00.ci[0], 'mean ci lo');
    close(m.ci[1], r.mean_api00.ci[1], 'mean ci hi');
  }
  const tot = surveyTotal(d, t.num('enroll'), opts);
  close(tot.estimate, r.total_enroll.estimate, 'total');
  close(tot.se, r.total_enroll.se, 'total se');
  const ratio = surveyRatio(d, api00, t.num('api99'), opts);
  close(ratio.estimate, r.ratio_api00_api99.estimate, 'ratio');
  close(ratio.se, r.ratio_api00_api99.se, 'ratio se');
  const stype = factorize(t.col('stype'));
  const dist = surveyDistribution(d, stype, opts);
  dist.forEach((s, i) => {
    expect(`stype${s.value}`).toBe(r.distribution_stype[i].value);
    close(s.share, r.distribution_stype[i].share, `share ${s.value}`);
    close(s.se, r.distribution_stype[i].se, `share se ${s.value}`);
    if (r.table_stype) close(s.count, r.table_stype[i], `svytable ${s.value}`);
  });
  const by = surveyBy(d, 'mean', api00, stype, opts).rows;
  by.forEach((b, i) => {
    expect(b.level).toBe(r.by_stype_mean_api00[i].level);
    close(b.estimate, r.by_stype_mean_api00[i].estimate, `by ${b.level}`);
    close(b.se, r.by_stype_mean_api00[i].se, `by se ${b.level}`);
  });
  if (r.degf !== undefined) expect(designDf(d)).toBe(r.degf);
  if (!quantiles) return;
  for (const [key, col] of [
    ['quantile_api00_0.5', 'api00'],
    ['quantile_api00_0.25', 'api00'],
    ['quantile_enroll_0.9', 'enroll'],
  ] as const) {
    const want = r[key];
    const q = surveyQuantile(d, t.num(col), want.p);
    close(q.estimate, want.estimate, `${key}`);
    close(q.ci[0], want.ci[0], `${key} lo`);
    close(q.ci[1], want.ci[1], `${key} hi`);
    close(q.se, want.se, `${key} se`);
  }
}

describe('designs match R survey', () => {
  for (const [name, [t, make]] of Object.entries(designs)) {
    it(name, () => checkStats(t, make(), reference.designs[name]));
  }
});

export function apiMargins(t: Table): Record<'stype' | 'schwide', CalibrationMargin> {
  const pop = reference.calibration.population;
  return {
    stype: {
      factor: factorize(t.col('stype'), pop.stype.levels),
      population: pop.stype.counts,
      name: 'stype',
    },
    schwide: {
      factor: factorize(t.col('sch.wide'), pop['sch.wide'].levels),
      population: pop['sch.wide'].counts,
      name: 'sch.wide',
    },
  };
}

describe('calibration matches R survey', () => {
  const base = designs.clus1_nofpc![1]();
  const fpcDesign = designs.clus1_fpc![1]();
  const m = apiMargins(clus);
  it('post-stratification (postStratify) of the cluster design', () => {
    const r = postStratify(fpcDesign, m.stype);
    if (!r.ok) throw new Error('failed');
    const want = reference.calibration.clus1_poststratify_stype;
    r.value.weights.forEach((w, i) => {
      close(w, want.weights[i], `weight ${i}`);
    });
    checkStats(clus, r.value, want);
    expect(base.calibration).toHaveLength(0);
  });
  it('raking (rake) with survey’s default stopping rule', () => {
    const r = rake(fpcDesign, [m.stype, m.schwide]);
    if (!r.ok) throw new Error('failed');
    const want = reference.calibration.clus1_rake_stype_schwide;
    r.value.design.weights.forEach((w, i) => {
      close(w, want.weights[i], `weight ${i}`);
    });
    checkStats(clus, r.value.design, want);
    expect(r.value.info.converged).toBe(true);
    expect(r.value.info.iterations).toBeGreaterThan(1);
  });
  it('raking to a tight tolerance', () => {
    const r = rake(fpcDesign, [m.stype, m.schwide], { maxit: 50, epsilon: 1e-9 });
    if (!r.ok) throw new Error('failed');
    const want = reference.calibration.clus1_rake_strict;
    r.value.design.weights.forEach((w, i) => {
      close(w, want.weights[i], `weight ${i}`);
    });
    checkStats(clus, r.value.design, want);
    expect(r.value.info.maxMarginError).toBeLessThan(1e-6);
  });
  it('linear calibration (calibrate, GREG) to totals of ~stype + api99', () => {
    const want = reference.calibration.clus1_calibrate_linear;
    const { columns } = modelMatrix(
      [factorize(clus.col('stype'), ['E', 'H', 'M']), clus.num('api99')],
      clus.rows.length,
    );
    const r = calibrateLinear(fpcDesign, columns, reference.calibration.greg_totals);
    if (!r.ok) throw new Error('failed');
    r.value.weights.forEach((w, i) => {
      close(w, want.weights[i], `weight ${i}`);
    });
    checkStats(clus, r.value, want);
  });
  it('post-stratification of a stratified design', () => {
    const d = designs.strat_nofpc![1]();
    const r = postStratify(d, apiMargins(strat).schwide);
    if (!r.ok) throw new Error('failed');
    checkStats(strat, r.value, reference.calibration.strat_poststratify_schwide);
  });
});
