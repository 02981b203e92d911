import { describe, expect, it } from 'vitest';
import { linearScale, niceStep, pairs, timeDomain, valueDomain } from './chart-scale';

describe('chart scales', () => {
  it('places years by their value: 2015→2020 is five times 2031→2032', () => {
    const years = [2015, 2020, 2031, 2032];
    const x = linearScale(timeDomain(years), [0, 600]);
    const gap = (a: number, b: number) => x(b) - x(a);
    expect(gap(2015, 2020)).toBeCloseTo(5 * gap(2031, 2032), 9);
    expect(x(2015)).toBe(0);
    expect(x(2032)).toBe(600);
  });

  it('fits the value axis to happiness data and keeps the target line in view (not 0–10)', () => {
    const [lo, hi] = valueDomain([6.4, 6.2, 6.61], { include: [6.77], clamp: [0, 10] });
    expect(lo).toBeGreaterThan(5.5);
    expect(hi).toBeLessThan(7.5);
    expect(lo).toBeLessThanOrEqual(6.2);
    expect(hi).toBeGreaterThanOrEqual(6.77);
    // A fall from 6.77 to 6.40 takes a visible share of the axis.
    expect((6.77 - 6.4) / (hi - lo)).toBeGreaterThan(0.2);
  });

  it('counts may start at zero; bounds clamp; nothing finite gives a unit axis', () => {
    expect(valueDomain([67241, 57549], { fromZero: true })[0]).toBe(0);
    expect(valueDomain([9.9, 10], { clamp: [0, 10] })[1]).toBe(10);
    expect(valueDomain([null, Number.NaN])).toEqual([0, 1]);
    expect(niceStep(7)).toBe(2);
    expect(niceStep(0.37)).toBe(0.1);
  });

  it('keeps gaps as null pairs', () => {
    expect(pairs([2020, 2025], [1, null])).toEqual([
      [2020, 1],
      [2025, null],
    ]);
  });
});
