/** LMG relative importance against an all-subsets computation in base R, and its seeded bootstrap. */
import { describe, expect, it } from 'vitest';
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
  it('refuses too many predictors or too few respondents', () => {
    const many = Array.from({ length: 17 }, (_, j) => ({ name: `x${j}`, values: y }));
    const r = relativeImportance(y, many);
    expect(!r.ok && r.problems[0]?.code).toBe('survey/too-many-predictors');
    const few = relativeImportance(
      y.slice(0, 3),
      predictors.map((p) => ({ ...p, values: p.values.slice(0, 3) })),
    );
    expect(!few.ok && few.problems[0]?.code).toBe('survey/too-few-observations');
  });
});
