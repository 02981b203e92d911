import { describe, expect, it } from 'vitest';
import { nextDueDate } from './staleness';
import { compareWithMargin } from './survey-margin';
import { targetForYear } from './target-for-year';
import { anxiety, happiness, population } from './test-fixtures';

describe('targetForYear', () => {
  it('yearly targets, the final target, interpolation from the baseline, and after the final year', () => {
    expect(targetForYear(anxiety, 2025)).toMatchObject({ value: 36, source: 'yearly' });
    expect(targetForYear(anxiety, 2030)).toMatchObject({ value: 34, source: 'after-final' });
    expect(targetForYear(population, 2032)).toMatchObject({ value: 65000, source: 'yearly' });
    expect(targetForYear({ ...population, targets: [] }, 2032)).toMatchObject({
      value: 65000,
      source: 'final',
    });
    const mid = targetForYear(population, 2026)!;
    expect(mid.source).toBe('interpolated');
    expect(mid.value).toBeCloseTo(67241 - 2241 * 0.5);
    expect(mid.from.map((f) => f.kind)).toEqual(['baseline', 'target']);
    expect(targetForYear(happiness, 2027)!.value).toBeCloseTo(6.77);
    expect(targetForYear({ ...anxiety, targets: [] }, 2025)).toBeUndefined();
  });
});

describe('nextDueDate', () => {
  it('per frequency, with the publication lag', () => {
    expect(nextDueDate({ frequency: 'yearly' }, { fiscalYear: 2024 })).toEqual({
      year: 2026,
      month: 9,
      day: 30,
    });
    expect(
      nextDueDate({ frequency: 'quarterly' }, { fiscalYear: 2024, date: { year: 2024, month: 6, day: 30 } }),
    ).toEqual({
      year: 2024,
      month: 11,
      day: 30,
    });
    expect(
      nextDueDate({ frequency: 'census' }, { fiscalYear: 2020, date: { year: 2020, month: 10, day: 1 } }),
    ).toEqual({
      year: 2026,
      month: 12,
      day: 1,
    });
    expect(nextDueDate({ frequency: 'yearly', publicationLagMonths: 0 }, { fiscalYear: 2024 })).toEqual({
      year: 2026,
      month: 3,
      day: 31,
    });
    expect(nextDueDate({ frequency: 'irregular' }, { fiscalYear: 2024 })).toBeUndefined();
  });
});

describe('compareWithMargin', () => {
  it('CI overlap, half-width, band (absolute or relative) and exact', () => {
    const ci = (lower: number, upper: number) => ({ lower, upper });
    expect(compareWithMargin({ value: 5, ci: ci(4, 6) }, { value: 6.5, ci: ci(5.9, 7.1) }).change).toBe(
      'unchanged',
    );
    expect(compareWithMargin({ value: 5, ci: ci(4, 5.8) }, { value: 6.5, ci: ci(5.9, 7.1) }).change).toBe(
      'down',
    );
    expect(compareWithMargin({ value: 5 }, { value: 6, ci: ci(5, 7) })).toMatchObject({
      change: 'unchanged',
      margin: 1,
    });
    expect(compareWithMargin({ value: 52 }, { value: 50 }, { absolute: 3 }).change).toBe('unchanged');
    expect(compareWithMargin({ value: 53 }, { value: 50 }, { absolute: 3 }).change).toBe('up');
    expect(compareWithMargin({ value: 51 }, { value: 50 }, { relative: 0.03 })).toMatchObject({
      change: 'unchanged',
      margin: 1.5,
    });
    expect(compareWithMargin({ value: 50.1 }, { value: 50 })).toMatchObject({ change: 'up', rule: 'exact' });
  });
});
