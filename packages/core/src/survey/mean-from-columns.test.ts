/** The one-pass estimate from columns against R, against the row path, and where it declines. */
import { describe, expect, it } from 'vitest';
import { unwrap } from '../errors';
import { postStratify } from './calibrate';
import { type ColumnTable, columnFactor, columnsFromCells } from './columns';
import { createDesign } from './design';
import { surveyMean } from './estimate';
import { type EstimateSpec, estimateFromColumns } from './estimate-columns';
import { readCsv, reference, rel, type Table } from './fixtures.test';
import { meanFromColumns } from './mean-from-columns';
import { populationMargins, type RowsTable } from './population-margins';

function columns(
  t: Table,
  request: { numbers: string[]; texts: string[] },
  edit?: (i: number, c: string, v: string) => string,
): ColumnTable {
  return columnsFromCells(
    t.headers,
    t.rows.map((_, k) => k + 2),
    (i, c) => {
      const v = t.rows[i]?.[t.headers.indexOf(c)] ?? '';
      return edit ? edit(i, c, v) : v;
    },
    request,
    'data.csv',
  );
}

function popTable(headers: string[], rows: string[][]): RowsTable {
  return {
    file: 'population.csv',
    headers,
    rows: rows.map((r, k) => ({
      row: k + 2,
      cells: Object.fromEntries(headers.map((h, j) => [h, r[j] ?? ''])),
    })),
  };
}

const strat = readCsv('apistrat.csv');
const stratCols = columns(strat, {
  numbers: ['api00', 'pw', 'fpc', 'fpcfrac'],
  texts: ['stype', 'sch.wide', 'dnum'],
});
const schwide = popTable(
  ['sch.wide', 'count'],
  [
    ['No', '1072'],
    ['Yes', '5122'],
  ],
);
const hs = readCsv('happiness.csv');
const hsCols = columns(hs, { numbers: ['happiness'], texts: ['age', 'sex', 'district'] });
const margins = (() => {
  const m = readCsv('sample-population-margins.csv');
  return popTable(m.headers, m.rows);
})();

/** The one-pass answer, failing the test when it declines. */
function onePass(data: ColumnTable, spec: EstimateSpec) {
  const r = meanFromColumns(data, spec);
  if (!r) throw new Error('the one-pass path declined');
  return unwrap(r);
}

describe('meanFromColumns', () => {
  it('equals R for stratified designs: weights and fpc, fpc fractions alone, and post-stratified', () => {
    const D = reference.designs;
    const cases = [
      [{ variable: 'api00', strata: 'stype', weights: 'pw', fpc: 'fpc' }, D.strat_fpc_population.mean_api00],
      [{ variable: 'api00', strata: 'stype', fpc: 'fpcfrac' }, D.strat_fpc_fraction.mean_api00],
      [
        {
          variable: 'api00',
          strata: 'stype',
          weights: 'pw',
          poststratify: ['sch.wide'],
          population: schwide,
        },
        reference.calibration.strat_poststratify_schwide.mean_api00,
      ],
    ] as const;
    for (const [spec, want] of cases) {
      const r = onePass(stratCols, spec);
      expect(rel(r.estimate, want.estimate)).toBeLessThan(1e-12);
      expect(rel(r.se, want.se)).toBeLessThan(1e-9);
      expect(r.n).toBe(200);
    }
  });

  it('equals R for the raked and the post-stratified happiness mean, with the calibration report', () => {
    const H = reference.happiness;
    const raked = onePass(hsCols, {
      variable: 'happiness',
      rake: ['age', 'sex', 'district'],
      population: margins,
    });
    expect(rel(raked.estimate, H.raked_mean.estimate)).toBeLessThan(1e-9);
    expect(rel(raked.se, H.raked_mean.se)).toBeLessThan(1e-9);
    expect(raked.calibration?.iterations).toBeGreaterThan(1);
    const ages = readCsv('sample-population-age.csv');
    const ps = onePass(hsCols, {
      variable: 'happiness',
      poststratify: ['age'],
      population: popTable(ages.headers, ages.rows),
    });
    expect(rel(ps.estimate, H.poststratified_mean.estimate)).toBeLessThan(1e-9);
    expect(rel(ps.se, H.poststratified_mean.se)).toBeLessThan(1e-9);
  });

  it('equals the row path for post-stratification on two crossed variables with missing answers', () => {
    const data = columns(hs, { numbers: ['happiness'], texts: ['age', 'sex'] }, (i, c, v) =>
      c === 'happiness' && i % 13 === 5 ? '' : v,
    );
    const ages = ['20s', '30s', '40s', '50s', '60s', '70+'];
    const population = popTable(
      ['age', 'sex', 'count'],
      ages.flatMap((a, k) => [
        [a, 'F', String(2000 + 300 * k)],
        [a, 'M', String(1900 + 250 * k)],
      ]),
    );
    const spec = { variable: 'happiness', poststratify: ['age', 'sex'], population };
    const r = onePass(data, spec);
    const margin = unwrap(populationMargins(data, population, ['age', 'sex'], true))[0]!;
    const rows = surveyMean(
      unwrap(postStratify(unwrap(createDesign({ n: data.n })), margin)),
      data.numbers.happiness!.values,
    );
    expect(r.n).toBe(rows.n);
    expect(r.n).toBeLessThan(data.n);
    expect(rel(r.estimate, rows.estimate)).toBeLessThan(1e-12);
    expect(rel(r.se, rows.se)).toBeLessThan(1e-10);
  });

  it('declines what needs rows, and the general path then locates the problems', () => {
    // A blank weight: the design's problem, at its row.
    const blankWeight = columns(strat, { numbers: ['api00', 'pw'], texts: ['stype'] }, (i, c, v) =>
      c === 'pw' && i === 7 ? '' : v,
    );
    const weighted = { variable: 'api00', strata: 'stype', weights: 'pw' };
    expect(meanFromColumns(blankWeight, weighted)).toBeUndefined();
    const w = estimateFromColumns(blankWeight, weighted);
    expect(!w.ok && w.problems.map((p) => [p.code, p.where?.row])).toEqual([['survey/value-missing', 9]]);
    // A district the population does not have: listed with its first row.
    const unknown = columns(hs, { numbers: ['happiness'], texts: ['age', 'sex', 'district'] }, (i, c, v) =>
      c === 'district' && i === 3 ? 'D9' : v,
    );
    const raked = { variable: 'happiness', rake: ['age', 'sex', 'district'], population: margins };
    expect(meanFromColumns(unknown, raked)).toBeUndefined();
    const u = estimateFromColumns(unknown, raked);
    expect(!u.ok && u.problems.map((p) => [p.code, p.where?.row])).toEqual([
      ['survey/population-cell-missing', 5],
    ]);
    // A stratum of one respondent (lonely PSU), and clusters: the row path answers.
    const lonely = columns(strat, { numbers: ['api00'], texts: ['stype'] }, (i, c, v) =>
      c === 'stype' && i === 0 ? 'X' : v,
    );
    expect(meanFromColumns(lonely, { variable: 'api00', strata: 'stype' })).toBeUndefined();
    expect(meanFromColumns(stratCols, { variable: 'api00', cluster: 'dnum', weights: 'pw' })).toBeUndefined();
    // The one-pass and the general path agree where both answer (a design the general path takes on rows).
    const design = unwrap(createDesign({ n: stratCols.n, strata: columnFactor(stratCols.texts.stype!) }));
    const rows = surveyMean(design, stratCols.numbers.api00!.values);
    const cells = onePass(stratCols, { variable: 'api00', strata: 'stype' });
    expect(rel(cells.se, rows.se)).toBeLessThan(1e-12);
  });
});
