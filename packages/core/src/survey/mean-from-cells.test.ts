/** The one-pass mean and SE on per-cell sums against R and against the row path. */
import { describe, expect, it } from 'vitest';
import { unwrap } from '../errors';
import { postStratify, rake } from './calibrate';
import { columnFactor, columnsFromCells } from './columns';
import { createDesign } from './design';
import { surveyMean } from './estimate';
import { estimateFromColumns } from './estimate-columns';
import { factorize } from './factor';
import { readCsv, reference, rel } from './fixtures.test';
import { cellMeanApplies, meanFromCells } from './mean-from-cells';

const strat = readCsv('apistrat.csv');
const pop = reference.calibration.population;
// Some answers missing, so answered and all respondents differ.
const api00 = strat.num('api00').map((v, i) => (i % 17 === 3 ? Number.NaN : v));

function stratDesign(opts: { fpc?: boolean } = {}) {
  return unwrap(
    createDesign({
      n: strat.rows.length,
      strata: strat.col('stype'),
      weights: strat.num('pw'),
      ...(opts.fpc ? { fpc: strat.num('fpc') } : {}),
    }),
  );
}
const stype = { factor: factorize(strat.col('stype'), pop.stype.levels), population: pop.stype.counts };
const schwide = {
  factor: factorize(strat.col('sch.wide'), pop['sch.wide'].levels),
  population: pop['sch.wide'].counts,
};

describe('meanFromCells', () => {
  it('equals R for a stratified design with fpc and no calibration', () => {
    const design = stratDesign({ fpc: true });
    expect(cellMeanApplies(design, [])).toBe(true);
    const r = unwrap(
      meanFromCells({ design, unitWeights: false, y: strat.num('api00'), calibration: 'none', margins: [] }),
    );
    const want = reference.designs.strat_fpc_population.mean_api00;
    expect(rel(r.estimate, want.estimate)).toBeLessThan(1e-12);
    expect(rel(r.se, want.se)).toBeLessThan(1e-9);
  });

  it('equals the row path for raking with weights, strata, fpc and missing answers', () => {
    const design = stratDesign({ fpc: true });
    const rows = surveyMean(unwrap(rake(design, [stype, schwide])).design, api00);
    const cells = unwrap(
      meanFromCells({ design, unitWeights: false, y: api00, calibration: 'rake', margins: [stype, schwide] }),
    );
    expect(cells.n).toBe(rows.n);
    expect(rel(cells.estimate, rows.estimate)).toBeLessThan(1e-12);
    expect(rel(cells.se, rows.se)).toBeLessThan(1e-10);
    expect(cells.calibration?.converged).toBe(true);
  });

  it('equals the row path for post-stratification with weights and strata', () => {
    const design = stratDesign();
    const rows = surveyMean(unwrap(postStratify(design, schwide)), api00);
    const cells = unwrap(
      meanFromCells({
        design,
        unitWeights: false,
        y: api00,
        calibration: 'poststratify',
        margins: [schwide],
      }),
    );
    expect(rel(cells.estimate, rows.estimate)).toBeLessThan(1e-12);
    expect(rel(cells.se, rows.se)).toBeLessThan(1e-10);
  });

  it('refuses a population cell with no respondents, as rake does', () => {
    const design = stratDesign();
    const margin = { factor: factorize(strat.col('stype'), ['E', 'H', 'M', 'X']), population: [1, 1, 1, 1] };
    const r = meanFromCells({ design, unitWeights: false, y: api00, calibration: 'rake', margins: [margin] });
    expect(!r.ok && r.problems.map((p) => p.code)).toEqual(['survey/population-cell-empty']);
  });

  it('is the path estimateFromColumns takes for a raked mean, with R’s numbers', () => {
    const h = readCsv('happiness.csv');
    const table = columnsFromCells(
      h.headers,
      h.rows.map((_, k) => k + 2),
      (i, c) => h.rows[i]?.[h.headers.indexOf(c)] ?? '',
      { numbers: ['happiness'], texts: ['age', 'sex', 'district'] },
      'happiness.csv',
    );
    const m = readCsv('sample-population-margins.csv');
    const population = {
      headers: m.headers,
      rows: m.rows.map((r, k) => ({
        row: k + 2,
        cells: Object.fromEntries(m.headers.map((x, j) => [x, r[j] ?? ''])),
      })),
    };
    const design = unwrap(createDesign({ n: table.n }));
    const age = columnFactor(table.texts.age!);
    expect(cellMeanApplies(design, [{ factor: age, population: age.levels.map(() => 1) }])).toBe(true);
    const r = unwrap(
      estimateFromColumns(table, { variable: 'happiness', rake: ['age', 'sex', 'district'], population }),
    );
    expect(rel(r.estimate, reference.happiness.raked_mean.estimate)).toBeLessThan(1e-9);
    expect(rel(r.se, reference.happiness.raked_mean.se)).toBeLessThan(1e-9);
  });
});
