/** Type-7 quantiles by quickselect and by the histogram pass, one or several at a time, against a full sort. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HISTOGRAM_MIN, histogramQuantiles, quantileInPlace, quantilesInPlace } from './quantiles';

describe('quantileInPlace', () => {
  it('equals the type-7 quantile from a full sort', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 200 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (xs, p) => {
          const sorted = [...xs].sort((a, b) => a - b);
          const h = (xs.length - 1) * p;
          const lo = Math.floor(h);
          const expected =
            sorted[lo]! + (h - lo) * ((sorted[Math.min(lo + 1, xs.length - 1)] ?? 0) - sorted[lo]!);
          expect(quantileInPlace(Float64Array.from(xs), p)).toBeCloseTo(expected, 6);
        },
      ),
    );
  });

  it('quantilesInPlace gives the same values as one quantile at a time', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 300 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 6 }),
        (xs, ps) => {
          const out = new Float64Array(ps.length);
          quantilesInPlace(Float64Array.from(xs), ps, out);
          ps.forEach((p, i) => {
            expect(out[i]).toBe(quantileInPlace(Float64Array.from(xs), p));
          });
        },
      ),
    );
  });

  it('the histogram pass gives exactly the full-sort values on long series (ties, outliers, lopsided)', () => {
    const probs = [0.025, 0.1, 0.5, 0.9, 0.975, 0, 1];
    const typed7 = (xs: number[], p: number) => {
      const sorted = [...xs].sort((a, b) => a - b);
      const h = (xs.length - 1) * p;
      const lo = Math.floor(h);
      const a = sorted[lo]!;
      return lo + 1 >= xs.length || h === lo ? a : a + (h - lo) * (sorted[lo + 1]! - a);
    };
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.double({ min: 40_000, max: 60_000, noNaN: true }),
            fc.integer({ min: 0, max: 5 }),
            fc.constantFrom(-1e300, 1e300, 51_000),
          ),
          { minLength: HISTOGRAM_MIN, maxLength: 3000 },
        ),
        (xs) => {
          const out = new Float64Array(probs.length);
          const values = Float64Array.from(xs);
          quantilesInPlace(values, probs, out);
          probs.forEach((p, i) => {
            expect(out[i]).toBe(typed7(xs, p));
          });
          const direct = new Float64Array(probs.length);
          if (histogramQuantiles(Float64Array.from(xs), probs, direct))
            expect(Array.from(direct)).toEqual(Array.from(out));
        },
      ),
      { numRuns: 200 },
    );
    const constant = new Float64Array(10_000).fill(51_234.5);
    const out = new Float64Array(5);
    expect(histogramQuantiles(constant, probs.slice(0, 5), out)).toBe(true);
    expect(Array.from(out)).toEqual([51_234.5, 51_234.5, 51_234.5, 51_234.5, 51_234.5]);
    const withNaN = Float64Array.from({ length: 100 }, (_, i) => (i === 50 ? Number.NaN : i));
    expect(histogramQuantiles(withNaN, [0.5], out)).toBe(false);
  });
});
