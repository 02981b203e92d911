import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { judgeInterval } from './interval-verdict';
import { boundedPercent, formatFigure, indicatorPrecision, roundTo } from './precision';
import { happiness, population } from './test-fixtures';

describe('precision', () => {
  it('takes the declared precision, else the decimals the plan writes (6.77 → 2, 67,241 → 0)', () => {
    expect(indicatorPrecision(happiness)).toBe(2);
    expect(indicatorPrecision(population)).toBe(0);
    expect(indicatorPrecision({ ...population, precision: 1 })).toBe(1);
    expect(indicatorPrecision({ targets: [{ fiscalYear: 2030, value: 0.123456 }] })).toBe(3);
  });

  it('rounds half away from zero and formats with separators and fixed decimals', () => {
    expect(roundTo(6.402728366163508, 2)).toBe(6.4);
    expect(formatFigure(6.402728366163508, 2)).toBe('6.40');
    expect(formatFigure(67241, 0)).toBe('67,241');
    expect(formatFigure(1234567.891, 1)).toBe('1,234,567.9');
    expect(formatFigure(-0.004, 2)).toBe('0.00');
    expect(formatFigure(-2241, 0)).toBe('−2,241');
    expect(roundTo(2.5, 0)).toBe(3);
    expect(roundTo(-2.5, 0)).toBe(-3);
  });

  it('bounds percentages to 0–100 and says why (no "-200%", no "94.575%")', () => {
    expect(boundedPercent(-2)).toMatchObject({ value: 0, outside: 'below' });
    expect(boundedPercent(-2).text.ja).toMatch(/遠ざかって/);
    expect(boundedPercent(1.34)).toMatchObject({ value: 100, outside: 'above' });
    expect(boundedPercent(0.94575).text.ja).toBe('95%');
    expect(boundedPercent(0.996).value).toBe(99);
    expect(boundedPercent(0.001).value).toBe(1);
    expect(boundedPercent(1).value).toBe(100);
    fc.assert(
      fc.property(fc.double({ min: -10, max: 10, noNaN: true }), (r) => {
        const p = boundedPercent(r);
        expect(p.value).toBeGreaterThanOrEqual(0);
        expect(p.value).toBeLessThanOrEqual(100);
        expect(Number.isInteger(p.value)).toBe(true);
        expect(p.text.ja).not.toMatch(/-|\.\d/);
      }),
    );
  });
});

describe('judgeInterval', () => {
  it('met, short or cannot tell, by direction', () => {
    const ci = { lower: 6.2, upper: 6.61 };
    expect(judgeInterval('higher-is-better', ci, { target: 6.77 }).verdict).toBe('short');
    expect(judgeInterval('higher-is-better', ci, { target: 6.5 }).verdict).toBe('cannot-tell');
    expect(judgeInterval('higher-is-better', ci, { target: 6.2 }).verdict).toBe('met');
    expect(judgeInterval('lower-is-better', ci, { target: 6.77 }).verdict).toBe('met');
    expect(judgeInterval('lower-is-better', ci, { target: 6.1 }).verdict).toBe('short');
    expect(judgeInterval('within-band', ci, { band: { lower: 6, upper: 7 } }).verdict).toBe('met');
    expect(judgeInterval('within-band', ci, { band: { lower: 6.5, upper: 7 } }).verdict).toBe('cannot-tell');
    expect(judgeInterval('within-band', ci, { band: { lower: 7, upper: 8 } })).toMatchObject({
      verdict: 'short',
      favourable: 6.61,
    });
  });
});
