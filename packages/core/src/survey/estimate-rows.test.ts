/** The CLI contract's engine on rows in memory: output shape and values against R. */
import { describe, expect, it } from 'vitest';
import { estimateFromRows, type RowsTable } from './estimate-rows';
import { readCsv, reference, rel } from './fixtures.test';

function rowsOf(name: string): RowsTable {
  const t = readCsv(name);
  return {
    file: name,
    headers: t.headers,
    rows: t.rows.map((r, k) => ({
      row: k + 2,
      cells: Object.fromEntries(t.headers.map((h, j) => [h, r[j] ?? ''])),
    })),
  };
}
const H = reference.happiness;

describe('estimateFromRows (mirai survey estimate)', () => {
  it('raked mean with SE and calibration report, only applicable keys', () => {
    const r = estimateFromRows(rowsOf('happiness.csv'), {
      variable: 'happiness',
      rake: ['age', 'sex', 'district'],
      population: rowsOf('sample-population-margins.csv'),
    });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(Object.keys(r.value).sort()).toEqual(['calibration', 'ci', 'estimate', 'n', 'se']);
    expect(rel(r.value.estimate, H.raked_mean.estimate)).toBeLessThan(1e-9);
    expect(rel(r.value.se, H.raked_mean.se)).toBeLessThan(1e-9);
    expect(r.value.calibration!.iterations).toBeGreaterThan(0);
    expect(r.value.calibration!.maxMarginError).toBeLessThan(1);
  });
  it('post-stratified distribution 0–10, by age, median', () => {
    const r = estimateFromRows(rowsOf('happiness.csv'), {
      variable: 'happiness',
      poststratify: ['age'],
      population: rowsOf('sample-population-age.csv'),
      distribution: true,
      scale: { min: 0, max: 10 },
      by: 'age',
      quantile: 0.5,
    });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(rel(r.value.se, H.poststratified_mean.se)).toBeLessThan(1e-9);
    expect(r.value.distribution!.map((d) => d.value)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    r.value.distribution!.forEach((d, i) => {
      expect(rel(d.share, H.poststratified_distribution[i].share)).toBeLessThan(1e-9);
    });
    const byAge = Object.fromEntries(r.value.by!.map((b) => [b.level, b]));
    for (const want of H.poststratified_by_age)
      expect(rel(byAge[want.level]!.se, want.se)).toBeLessThan(1e-9);
    expect(r.value.quantile!.ci[0]).toBe(H.poststratified_quantile.ci[0]);
  });
  it('stratified design with fpc as sampling fraction, JK1 refused for strata', () => {
    const r = estimateFromRows(rowsOf('apistrat.csv'), {
      variable: 'api00',
      strata: 'stype',
      fpc: 'fpcfrac',
    });
    if (!r.ok) throw new Error('strat');
    expect(rel(r.value.se, reference.designs.strat_fpc_fraction.mean_api00.se)).toBeLessThan(1e-9);
    const jk = estimateFromRows(rowsOf('apistrat.csv'), {
      variable: 'api00',
      strata: 'stype',
      variance: 'jk1',
    });
    expect(!jk.ok && jk.problems[0]?.code).toBe('survey/jk1-stratified');
  });
  it('lists unknown codes and missing columns with file, row and column', () => {
    const pop: RowsTable = {
      headers: ['age', 'count'],
      rows: [{ row: 2, cells: { age: '20s', count: '100' } }],
    };
    const r = estimateFromRows(rowsOf('happiness.csv'), {
      variable: 'happiness',
      poststratify: ['age'],
      population: pop,
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems).toHaveLength(5);
      expect(r.problems[0]).toMatchObject({
        code: 'survey/population-cell-missing',
        where: { file: 'happiness.csv', column: 'age' },
      });
    }
    const m = estimateFromRows(rowsOf('happiness.csv'), { variable: 'nope', by: 'gone' });
    expect(!m.ok && m.problems.map((p) => p.where?.column)).toEqual(['nope', 'gone']);
  });
});
