/** Type-7 quantiles by quickselect, one or several at a time, against a full sort. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quantileInPlace, quantilesInPlace } from './quantiles';

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
});
