/** Property tests (fast-check) of the estimator's invariants. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { postStratify, rake, weightedCounts } from './calibrate';
import { createDesign } from './design';
import { qnorm, qt } from './distributions';
import { surveyBy } from './domain';
import { surveyMean, surveyTotal } from './estimate';
import { factorize } from './factor';

const sample = fc.integer({ min: 4, max: 60 }).chain((n) =>
  fc.record({
    y: fc.array(fc.integer({ min: 0, max: 10 }), { minLength: n, maxLength: n }),
    w: fc.array(fc.double({ min: 0.5, max: 20, noNaN: true }), { minLength: n, maxLength: n }),
    g: fc.array(fc.constantFrom('a', 'b', 'c'), { minLength: n, maxLength: n }),
    h: fc.array(fc.constantFrom('x', 'y'), { minLength: n, maxLength: n }),
  }),
);
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

describe('survey invariants', () => {
  it('mean and SE do not change when all weights are scaled', () => {
    fc.assert(
      fc.property(sample, fc.double({ min: 0.1, max: 100, noNaN: true }), (s, k) => {
        const y = Float64Array.from(s.y);
        const a = createDesign({ n: y.length, weights: s.w });
        const b = createDesign({ n: y.length, weights: s.w.map((w) => w * k) });
        if (!a.ok || !b.ok) return false;
        const ma = surveyMean(a.value, y);
        const mb = surveyMean(b.value, y);
        return close(ma.estimate, mb.estimate) && close(ma.se, mb.se);
      }),
    );
  });
  it('an unweighted SRS gives the textbook mean and s/√n', () => {
    fc.assert(
      fc.property(sample, (s) => {
        const y = Float64Array.from(s.y);
        const d = createDesign({ n: y.length });
        if (!d.ok) return false;
        const n = y.length;
        const mean = s.y.reduce((a, b) => a + b, 0) / n;
        const s2 = s.y.reduce((a, b) => a + (b - mean) ** 2, 0) / (n - 1);
        const m = surveyMean(d.value, y);
        return close(m.estimate, mean) && close(m.se, Math.sqrt(s2 / n));
      }),
    );
  });
  it('domain totals add up to the total', () => {
    fc.assert(
      fc.property(sample, (s) => {
        const y = Float64Array.from(s.y);
        const d = createDesign({ n: y.length, weights: s.w });
        if (!d.ok) return false;
        const parts = surveyBy(d.value, 'total', y, factorize(s.g)).rows.reduce((a, r) => a + r.estimate, 0);
        return close(parts, surveyTotal(d.value, y).estimate);
      }),
    );
  });
  it('post-stratification and raking meet the population counts', () => {
    fc.assert(
      fc.property(sample, (s) => {
        const g = factorize(s.g);
        const h = factorize(s.h);
        // Raking can meet both margins when every crossed cell has respondents.
        const cells = new Set(s.g.map((x, i) => `${x}${s.h[i]}`));
        fc.pre(cells.size === g.levels.length * h.levels.length);
        const d = createDesign({ n: s.y.length, weights: s.w });
        if (!d.ok) return false;
        const popG = g.levels.map((_, k) => 100 * (k + 1));
        const total = popG.reduce((a, b) => a + b, 0);
        const popH = h.levels.length === 1 ? [total] : [total * 0.4, total * 0.6];
        const ps = postStratify(d.value, { factor: g, population: popG });
        if (!ps.ok) return false;
        const got = weightedCounts(ps.value.weights, g.codes, g.levels.length);
        if (!popG.every((p, k) => close(got[k] as number, p))) return false;
        const rk = rake(
          d.value,
          [
            { factor: g, population: popG },
            { factor: h, population: popH },
          ],
          { maxit: 200, epsilon: 1e-10 },
        );
        if (!rk.ok) return false;
        return rk.value.info.converged && rk.value.info.maxMarginError < 1e-6 * total;
      }),
    );
  });
  it('weight bounds keep every raked weight within the bounds', () => {
    fc.assert(
      fc.property(sample, (s) => {
        const g = factorize(s.g);
        const d = createDesign({ n: s.y.length, weights: s.w });
        if (!d.ok) return false;
        const pop = g.levels.map((_, k) => 1000 * (k + 1) ** 2);
        const r = rake(d.value, [{ factor: g, population: pop }], { bounds: { lower: 0.5, upper: 2 } });
        if (!r.ok) return false;
        return r.value.design.weights.every((w, i) => w >= 0.5 * s.w[i]! - 1e-9 && w <= 2 * s.w[i]! + 1e-9);
      }),
    );
  });
  it('qt is the inverse of the t CDF and tends to qnorm', () => {
    // Reference values from R's qt().
    expect(qt(0.975, 1)).toBeCloseTo(12.706204736174694, 12);
    expect(qt(0.975, 10)).toBeCloseTo(2.2281388519862739, 13);
    expect(qt(0.025, 199)).toBeCloseTo(-1.9719565442517522, 13);
    expect(qnorm(0.975)).toBeCloseTo(1.959963984540054, 15);
    expect(Math.abs(qt(0.975, 1e8) - qnorm(0.975))).toBeLessThan(1e-7);
  });
});
