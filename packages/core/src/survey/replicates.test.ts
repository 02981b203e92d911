/**
 * Replicate-weight variances against R: JK1 (with and without fpc, with
 * post-stratification and raking repeated per replicate), R's own bootstrap
 * replicate weights fed to our variance formula, and our seeded bootstrap
 * checked for determinism and plausibility.
 */
import { describe, expect, it } from 'vitest';
import { postStratify, rake } from './calibrate';
import { calibrateLinear, modelMatrix } from './calibrate-linear';
import { surveyMean } from './estimate';
import { factorize } from './factor';
import { readCsv, reference, rel } from './fixtures.test';
import { apiMargins, checkStats, designs } from './reference.test';
import { bootstrapReplicates, calibrateReplicates, givenReplicates, jk1Replicates } from './replicates';

const clus = readCsv('apiclus1.csv');
const strat = readCsv('apistrat.csv');
const srs = readCsv('apisrs.csv');
const R = reference.replicates;

describe('JK1 replicates match R', () => {
  it('one-stage cluster design', () => {
    const d = designs.clus1_nofpc![1]();
    const rep = jk1Replicates(d);
    if (!rep.ok) throw new Error('jk1');
    expect(rel(rep.value.scale, R.clus1_jk1.scale)).toBeLessThan(1e-12);
    checkStats(clus, d, R.clus1_jk1, { replicates: rep.value }, false);
  });
  it('with a finite-population correction (cluster and SRS)', () => {
    for (const [name, t, key] of [
      ['clus1_fpc', clus, 'clus1_jk1_fpc'],
      ['srs_fpc', srs, 'srs_jk1_fpc'],
    ] as const) {
      const d = designs[name]![1]();
      const rep = jk1Replicates(d);
      if (!rep.ok) throw new Error('jk1');
      expect(rel(rep.value.scale, R[key].scale)).toBeLessThan(1e-12);
      checkStats(t, d, R[key], { replicates: rep.value }, false);
    }
  });
  it('post-stratified and raked in every replicate', () => {
    const d = designs.clus1_nofpc![1]();
    const m = apiMargins(clus);
    const rep = jk1Replicates(d);
    if (!rep.ok) throw new Error('jk1');
    const ps = postStratify(d, m.stype);
    if (!ps.ok) throw new Error('ps');
    checkStats(
      clus,
      ps.value,
      R.clus1_jk1_poststratify,
      {
        replicates: calibrateReplicates(rep.value, { kind: 'poststratify', margin: m.stype }),
      },
      false,
    );
    const rk = rake(d, [m.stype, m.schwide]);
    if (!rk.ok) throw new Error('rake');
    const rrep = calibrateReplicates(rep.value, {
      kind: 'rake',
      margins: [m.stype, m.schwide],
      sweeps: rk.value.info.iterations,
    });
    checkStats(clus, rk.value.design, R.clus1_jk1_rake, { replicates: rrep }, false);
  });
  it('linear calibration (GREG) repeated in every replicate', () => {
    const d = designs.clus1_nofpc![1]();
    const rep = jk1Replicates(d);
    if (!rep.ok) throw new Error('jk1');
    const { columns } = modelMatrix(
      [factorize(clus.col('stype'), ['E', 'H', 'M']), clus.num('api99')],
      clus.rows.length,
    );
    const totals = reference.calibration.greg_totals;
    const cal = calibrateLinear(d, columns, totals);
    if (!cal.ok) throw new Error('greg');
    const rrep = calibrateReplicates(rep.value, { kind: 'linear', columns, totals });
    checkStats(clus, cal.value, R.clus1_jk1_linear, { replicates: rrep }, false);
  });
  it('refuses a stratified design', () => {
    const r = jk1Replicates(designs.strat_nofpc![1]());
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]?.code).toBe('survey/jk1-stratified');
  });
});

describe('bootstrap', () => {
  it('our variance formula on R’s bootstrap replicate weights matches R', () => {
    const t = readCsv('apistrat-bootstrap-weights.csv');
    const weights = t.headers.map((h) => t.num(h));
    const rep = givenReplicates(weights, R.strat_bootstrap_given.scale);
    checkStats(
      strat,
      designs.strat_fpc_population![1](),
      R.strat_bootstrap_given,
      { replicates: rep },
      false,
    );
  });
  it('our seeded bootstrap is deterministic and close to the linearization SE', () => {
    const d = designs.clus1_nofpc![1]();
    const y = clus.num('api00');
    const a = bootstrapReplicates(d, 500, 42);
    const b = bootstrapReplicates(d, 500, 42);
    const c = bootstrapReplicates(d, 500, 43);
    if (!a.ok || !b.ok || !c.ok) throw new Error('boot');
    const sa = surveyMean(d, y, { replicates: a.value }).se;
    expect(surveyMean(d, y, { replicates: b.value }).se).toBe(sa);
    expect(surveyMean(d, y, { replicates: c.value }).se).not.toBe(sa);
    const lin = surveyMean(d, y).se;
    // Bootstrap SEs scatter around the linearization SE; with 500 replicates within 15%.
    expect(Math.abs(sa - lin) / lin).toBeLessThan(0.15);
    // And R's own bootstrap with 40 replicates lands in the same neighbourhood.
    expect(Math.abs(R.clus1_bootstrap_se.mean_api00.se - lin) / lin).toBeLessThan(0.3);
  });
  it('rejects fewer than two replicates', () => {
    const r = bootstrapReplicates(designs.srs_plain![1](), 1, 1);
    expect(r.ok).toBe(false);
  });
});
