import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeAchievement } from './achievement';

describe('computeAchievement', () => {
  it('higher is better: progress from baseline to target and share of target', () => {
    const a = computeAchievement({ direction: 'higher-is-better', actual: 75, baseline: 50, target: 100 });
    expect(a).toEqual({ met: false, method: 'baseline-to-target', progress: 0.5, share: 0.75 });
    expect(
      computeAchievement({ direction: 'higher-is-better', actual: 110, baseline: 50, target: 100 }).met,
    ).toBe(true);
  });

  it('lower is better: mirror of higher', () => {
    const a = computeAchievement({ direction: 'lower-is-better', actual: 39, baseline: 40, target: 38 });
    expect(a.progress).toBeCloseTo(0.5);
    expect(a.share).toBeCloseTo(38 / 39);
    expect(a.met).toBe(false);
    expect(
      computeAchievement({ direction: 'lower-is-better', actual: 37, baseline: 40, target: 38 }).met,
    ).toBe(true);
  });

  it('a target equal to the baseline (keep at least): met = 1, otherwise the relative gap', () => {
    expect(
      computeAchievement({ direction: 'higher-is-better', actual: 6.8, baseline: 6.77, target: 6.77 }),
    ).toMatchObject({
      met: true,
      method: 'relative-gap',
      progress: 1,
    });
    const below = computeAchievement({
      direction: 'higher-is-better',
      actual: 6.5,
      baseline: 6.77,
      target: 6.77,
    });
    expect(below.progress).toBeCloseTo(1 - 0.27 / 6.77);
  });

  it('a target below the baseline (limit a decline) uses the relative gap, not negative progress', () => {
    const a = computeAchievement({
      direction: 'higher-is-better',
      actual: 66000,
      baseline: 67241,
      target: 65000,
    });
    expect(a).toMatchObject({ met: true, progress: 1, method: 'relative-gap' });
    const b = computeAchievement({
      direction: 'higher-is-better',
      actual: 64000,
      baseline: 67241,
      target: 65000,
    });
    expect(b.progress).toBeCloseTo(1 - 1000 / 65000);
  });

  it('within a band: 1 inside, scaled by the baseline distance outside', () => {
    const band = { lower: 10, upper: 20 };
    expect(computeAchievement({ direction: 'within-band', actual: 15, band }).progress).toBe(1);
    expect(
      computeAchievement({ direction: 'within-band', actual: 25, baseline: 30, band }).progress,
    ).toBeCloseTo(0.5);
    // Baseline inside the band: scaled by the band's width.
    expect(
      computeAchievement({ direction: 'within-band', actual: 5, baseline: 15, band }).progress,
    ).toBeCloseTo(0.5);
    expect(computeAchievement({ direction: 'within-band', actual: 5, baseline: 15, band }).met).toBe(false);
  });

  it('reports why it cannot compute with a zero target', () => {
    const a = computeAchievement({ direction: 'higher-is-better', actual: -1, baseline: 0, target: 0 });
    expect(a.progress).toBeUndefined();
    expect(a.reason).toMatch(/target is 0/);
  });

  const num = fc.double({ min: -1e6, max: 1e6, noNaN: true });
  it('property: lower-is-better is higher-is-better on negated values', () => {
    fc.assert(
      fc.property(num, num, num, (actual, baseline, target) => {
        const h = computeAchievement({
          direction: 'higher-is-better',
          actual: -actual,
          baseline: -baseline,
          target: -target,
        });
        const l = computeAchievement({ direction: 'lower-is-better', actual, baseline, target });
        expect(l.met).toBe(h.met);
        expect(l.method).toBe(h.method);
        if (h.progress === undefined) expect(l.progress).toBeUndefined();
        else expect(l.progress).toBeCloseTo(h.progress, 6);
      }),
    );
  });

  it('property: progress is 0 at the baseline, 1 at the target, and rises with the actual', () => {
    fc.assert(
      fc.property(num, fc.double({ min: 1e-3, max: 1e6, noNaN: true }), num, num, (baseline, gain, a, b) => {
        const target = baseline + gain;
        const p = (actual: number) =>
          computeAchievement({ direction: 'higher-is-better', actual, baseline, target }).progress!;
        expect(p(baseline)).toBeCloseTo(0, 9);
        expect(p(target)).toBeCloseTo(1, 9);
        if (a <= b) expect(p(a)).toBeLessThanOrEqual(p(b) + 1e-12);
      }),
    );
  });
});
