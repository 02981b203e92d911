/** The seeded PRNG and the type-7 quantile. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { quantileInPlace, quantilesInPlace, Xoshiro128 } from './rng';

describe('Xoshiro128', () => {
  it('is reproducible per (seed, stream) and differs between streams', () => {
    const a = new Xoshiro128(42, 3);
    const b = new Xoshiro128(42, 3);
    const c = new Xoshiro128(42, 4);
    const xs = Array.from({ length: 5 }, () => a.nextUint32());
    expect(Array.from({ length: 5 }, () => b.nextUint32())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.nextUint32())).not.toEqual(xs);
  });

  it('draws uniforms in [0, 1) and standard normals with mean 0 and sd 1', () => {
    const r = new Xoshiro128(7);
    let s = 0;
    let s2 = 0;
    const n = 200_000;
    for (let i = 0; i < n; i++) {
      const u = r.uniform();
      expect(u >= 0 && u < 1).toBe(true);
      const z = r.normal();
      s += z;
      s2 += z * z;
    }
    expect(Math.abs(s / n)).toBeLessThan(0.01);
    expect(Math.abs(Math.sqrt(s2 / n) - 1)).toBeLessThan(0.01);
  });
});

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
