/** LMG relative importance against an all-subsets computation in base R, and its seeded bootstrap. */
import { describe, expect, it } from 'vitest';
import { createRng } from '../random/rng';
import { readCsv, reference, rel } from './fixtures.test';
import { relativeImportance } from './relative-importance';

const hs = readCsv('happiness.csv');
const y = hs.num('happiness');
const predictors = (reference.lmg.predictors as string[]).map((name) => ({ name, values: hs.num(name) }));

describe('relative importance (LMG)', () => {
  it('matches R’s all-subsets LMG and the full R²', () => {
    const r = relativeImportance(y, predictors);
    if (!r.ok) throw new Error('lmg');
    expect(rel(r.value.r2, reference.lmg.r2)).toBeLessThan(1e-9);
    r.value.lmg.forEach((v, j) => {
      expect(rel(v, reference.lmg.lmg[j])).toBeLessThan(1e-9);
    });
    // The shares add up to R² and the strongest driver in the simulation (q1) ranks first.
    expect(Math.abs(r.value.lmg.reduce((a, b) => a + b, 0) - r.value.r2)).toBeLessThan(1e-12);
    expect(r.value.lmg.indexOf(Math.max(...r.value.lmg))).toBe(0);
  });
  it('bootstrap intervals are seeded and cover the estimate', () => {
    const a = relativeImportance(y, predictors, { bootstrap: { replicates: 200, seed: 9 } });
    const b = relativeImportance(y, predictors, { bootstrap: { replicates: 200, seed: 9 } });
    if (!a.ok || !b.ok) throw new Error('lmg');
    expect(a.value.intervals).toEqual(b.value.intervals);
    a.value.intervals!.forEach((ci, j) => {
      expect(ci.lower).toBeLessThanOrEqual(a.value.lmg[j]!);
      expect(ci.upper).toBeGreaterThanOrEqual(a.value.lmg[j]!);
    });
  });
  it('sampled orders approach the exact LMG, and handle 24 predictors', () => {
    const exact = relativeImportance(y, predictors);
    const sampled = relativeImportance(y, predictors, { sampled: { permutations: 4000, seed: 3 } });
    if (!exact.ok || !sampled.ok) throw new Error('lmg');
    expect(sampled.value.method).toBe('sampled');
    sampled.value.lmg.forEach((v, j) => {
      expect(Math.abs(v - exact.value.lmg[j]!)).toBeLessThan(0.1 * exact.value.r2);
    });
    expect(Math.abs(sampled.value.r2 - exact.value.r2)).toBeLessThan(1e-12);
    // 24 domain questions (the five real ones plus noise copies): each order's gains add up to R².
    const rng = createRng(11);
    const noisy = Array.from({ length: 19 }, (_, j) => ({
      name: `z${j}`,
      values: predictors[j % 5]!.values.map((v) => v + 2 * rng.next()),
    }));
    const big = relativeImportance(y, [...predictors, ...noisy]);
    if (!big.ok) throw new Error('24');
    expect(big.value.method).toBe('sampled');
    expect(Math.abs(big.value.lmg.reduce((a, b) => a + b, 0) - big.value.r2)).toBeLessThan(1e-9);
  });
  it('a duplicated (collinear) predictor shares the importance and breaks nothing', () => {
    const dup = relativeImportance(y, [...predictors, { name: 'q1 again', values: predictors[0]!.values }]);
    const one = relativeImportance(y, predictors);
    if (!dup.ok || !one.ok) throw new Error('lmg');
    expect(dup.value.lmg.every(Number.isFinite)).toBe(true);
    expect(Math.abs(dup.value.r2 - one.value.r2)).toBeLessThan(1e-12);
    expect(Math.abs(dup.value.lmg[0]! - dup.value.lmg[5]!)).toBeLessThan(1e-12);
  });
  it('refuses too many predictors or too few respondents', () => {
    const many = Array.from({ length: 65 }, (_, j) => ({ name: `x${j}`, values: y }));
    const r = relativeImportance(y, many);
    expect(!r.ok && r.problems[0]?.code).toBe('survey/too-many-predictors');
    const few = relativeImportance(
      y.slice(0, 3),
      predictors.map((p) => ({ ...p, values: p.values.slice(0, 3) })),
    );
    expect(!few.ok && few.problems[0]?.code).toBe('survey/too-few-observations');
  });
});
