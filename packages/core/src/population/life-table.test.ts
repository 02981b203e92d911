/** The Gompertz model life table and the mortality multiplier for a life-expectancy gain. */
import { describe, expect, it } from 'vitest';
import { gompertzLifeTable, mortalityMultiplierForGain, survivalRatios } from './life-table';

describe('gompertzLifeTable', () => {
  it('reaches the requested e0 and gives survival ratios in (0, 1], falling with age', () => {
    const t = gompertzLifeTable(86.99);
    expect(t.e0).toBeCloseTo(86.99, 6);
    expect(t.nLx.slice(0, -1).reduce((a, b) => a + b, 0) + t.nLx[t.nLx.length - 1]!).toBeCloseTo(86.99, 6);
    const s = survivalRatios(t.nLx);
    expect(s.every((v) => v > 0 && v <= 1)).toBe(true);
    for (let i = 6; i < s.length - 2; i++) expect(s[i + 1]!).toBeLessThan(s[i]!);
  });

  it('the mortality multiplier for a gain is below 1, larger gains need lower multipliers, no gain gives 1', () => {
    const q = mortalityMultiplierForGain(80.75, 2);
    expect(q).toBeLessThan(1);
    expect(q).toBeGreaterThan(0.5);
    expect(mortalityMultiplierForGain(80.75, 4)).toBeLessThan(q);
    expect(mortalityMultiplierForGain(80.75, 0)).toBeCloseTo(1, 12);
  });
});
