/** Bad input: each a named problem with its row and column, all listed at once. */
import { describe, expect, it } from 'vitest';
import { parseNumbers } from './answers';
import { checkMarginTotals, postStratify, rake } from './calibrate';
import { createDesign } from './design';
import { factorize } from './factor';
import { responseRates } from './waves';

const codes = (r: { ok: boolean; problems?: { code: string }[] }) =>
  r.ok ? [] : (r.problems ?? []).map((p) => p.code);

describe('design problems', () => {
  it('lists every nonpositive weight and missing stratum with its row', () => {
    const r = createDesign({
      n: 4,
      weights: [1, 0, -2, 3],
      strata: ['a', '', 'b', 'b'],
      where: { file: 's.csv', rows: [2, 3, 4, 5], columns: { weights: 'w', strata: 'h' } },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.code, p.where?.row, p.where?.column])).toEqual([
      ['survey/stratum-missing', 3, 'h'],
      ['survey/weights-nonpositive', 3, 'w'],
      ['survey/weights-nonpositive', 4, 'w'],
    ]);
  });
  it('checks the fpc: mixed forms, not constant in a stratum, below the sample size', () => {
    expect(codes(createDesign({ n: 3, fpc: [0.5, 10, 10] }))).toEqual(['survey/fpc-mixed']);
    expect(codes(createDesign({ n: 3, strata: ['a', 'a', 'a'], fpc: [10, 11, 10] }))).toEqual([
      'survey/fpc-not-constant',
    ]);
    expect(codes(createDesign({ n: 3, fpc: [2, 2, 2] }))).toEqual(['survey/fpc-below-sample']);
    expect(codes(createDesign({ n: 2, fpc: [0, 1] }))).toEqual(['survey/fpc-invalid']);
  });
  it('a fully sampled single-PSU stratum is a certainty unit, not a lonely PSU', () => {
    const r = createDesign({ n: 3, strata: ['a', 'b', 'b'], fpc: [1, 0.2, 0.2] });
    expect(r.ok).toBe(true);
  });
});

describe('calibration problems', () => {
  const d = createDesign({ n: 4 });
  if (!d.ok) throw new Error('design');
  const g = factorize(['x', 'x', 'y', 'y'], ['x', 'y', 'z']);
  it('a population cell without respondents', () => {
    expect(codes(postStratify(d.value, { factor: g, population: [10, 10, 5], name: 'age' }))).toEqual([
      'survey/population-cell-empty',
    ]);
  });
  it('a respondents’ cell missing from the population', () => {
    const h = factorize(['x', 'x', 'y', 'q'], ['x', 'y']);
    expect(codes(postStratify(d.value, { factor: h, population: [10, 10] }))).toEqual([
      'survey/population-cell-missing',
    ]);
  });
  it('margins that do not add up', () => {
    const a = { factor: factorize(['x', 'x', 'y', 'y']), population: [10, 10], name: 'age' };
    const b = { factor: factorize(['m', 'f', 'm', 'f']), population: [10, 11], name: 'sex' };
    expect(checkMarginTotals([a, b])[0]?.code).toBe('survey/margins-disagree');
    expect(codes(rake(d.value, [a, b]))).toEqual(['survey/margins-disagree']);
  });
  it('raking that does not converge is a warning with the margin error', () => {
    const a = { factor: factorize(['x', 'x', 'y', 'y']), population: [10, 30] };
    const b = { factor: factorize(['m', 'f', 'f', 'f']), population: [5, 35] };
    const r = rake(d.value, [a, b], { maxit: 2, epsilon: 1e-12 });
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.warnings?.[0]?.code).toBe('survey/raking-not-converged');
      expect(r.value.info.converged).toBe(false);
      expect(r.value.info.iterations).toBe(2);
    }
  });
});

describe('answers', () => {
  it('outside the scale, not whole, not a number: every cell listed', () => {
    const r = parseNumbers(
      ['3', '11', '2.5', 'x', ''],
      { column: 'happiness', file: 'a.csv' },
      { scale: { min: 0, max: 10 } },
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.code, p.where?.row])).toEqual([
      ['survey/answer-out-of-scale', 2],
      ['survey/answer-not-integer', 3],
      ['survey/not-a-number', 4],
    ]);
  });
  it('blank answers are missing (NaN)', () => {
    const r = parseNumbers(['3', ''], { column: 'h' });
    expect(r.ok && Number.isNaN(r.value[1] as number)).toBe(true);
  });
});

describe('response rates', () => {
  it('by stratum and overall', () => {
    const r = responseRates({ a: 100, b: 50 }, { a: 60, b: 20 });
    expect(r.ok && r.value.strata.map((s) => s.rate)).toEqual([0.6, 0.4]);
    expect(r.ok && r.value.overall.rate).toBeCloseTo(80 / 150, 15);
    expect(codes(responseRates({ a: 10 }, { a: 11 }))).toEqual(['survey/invitations-invalid']);
  });
});
