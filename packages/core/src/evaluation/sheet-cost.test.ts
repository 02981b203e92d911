import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeProjectCost } from './sheet-cost';
import type { ProjectCostInput } from './sheet-types';

const input = (over: Partial<ProjectCostInput> = {}): ProjectCostInput => ({
  basis: 'settlement',
  funding: { national: 5000, prefectural: 2500, bonds: 1000, other: 300, generalRevenue: 7200 },
  personYears: 0.35,
  averageStaffCost: 8000,
  unitQuantity: { value: 400, unit: '人' },
  ...over,
});

describe('computeProjectCost', () => {
  it('adds the funding sources, person-years × average cost, and divides by the quantity', () => {
    const r = computeProjectCost(input());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.projectCost).toBe(16000);
    expect(r.value.staffCost).toBe(2800); // 0.35 × 8000 without float noise
    expect(r.value.totalCost).toBe(18800);
    expect(r.value.unitCost).toBe(47);
  });

  it('rounds staff cost half up to whole money units', () => {
    const r = computeProjectCost(input({ personYears: 0.15, averageStaffCost: 8005 }));
    expect(r.ok && r.value.staffCost).toBe(1201); // 1200.75
    const half = computeProjectCost(input({ personYears: 0.5, averageStaffCost: 7001 }));
    expect(half.ok && half.value.staffCost).toBe(3501); // 3500.5
  });

  it('reports every invalid amount and a declared cost that differs from the sources', () => {
    const bad = computeProjectCost(
      input({
        funding: { national: -1, prefectural: Number.NaN, bonds: 0, other: 0, generalRevenue: 1 },
        personYears: -0.1,
      }),
    );
    expect(!bad.ok && bad.problems.map((p) => p.where?.path)).toEqual([
      'cost.funding.national',
      'cost.funding.prefectural',
      'cost.personYears',
    ]);
    const mismatch = computeProjectCost(input({ declaredProjectCost: 16001 }));
    expect(!mismatch.ok && mismatch.problems[0]?.code).toBe('evaluation/funding-mismatch');
    expect(computeProjectCost(input({ declaredProjectCost: 16000 })).ok).toBe(true);
  });

  it('has no unit cost without a positive quantity', () => {
    const r = computeProjectCost(input({ unitQuantity: { value: 0, unit: '件' } }));
    expect(r.ok && r.value.unitCost).toBeNull();
    expect(r.ok && r.warnings?.[0]?.severity).toBe('warning');
    const none = computeProjectCost(input({ unitQuantity: undefined }));
    expect(none.ok && none.value.unitCost).toBeNull();
  });

  it('total = sources + staff cost, staff cost within 0.5 of the product, unit × quantity = total', () => {
    const amount = fc.integer({ min: 0, max: 10_000_000 });
    fc.assert(
      fc.property(
        fc.tuple(amount, amount, amount, amount, amount),
        fc.integer({ min: 0, max: 500 }).map((n) => n / 100),
        fc.integer({ min: 1000, max: 15000 }),
        fc.integer({ min: 1, max: 100000 }),
        ([national, prefectural, bonds, other, generalRevenue], personYears, averageStaffCost, q) => {
          const r = computeProjectCost({
            basis: 'budget',
            funding: { national, prefectural, bonds, other, generalRevenue },
            personYears,
            averageStaffCost,
            unitQuantity: { value: q, unit: '件' },
          });
          expect(r.ok).toBe(true);
          if (!r.ok) return;
          const v = r.value;
          expect(v.projectCost).toBe(national + prefectural + bonds + other + generalRevenue);
          expect(Number.isInteger(v.staffCost)).toBe(true);
          expect(Math.abs(v.staffCost - personYears * averageStaffCost)).toBeLessThanOrEqual(0.5 + 1e-9);
          expect(v.totalCost).toBe(v.projectCost + v.staffCost);
          expect(v.unitCost! * q).toBeCloseTo(v.totalCost, 6);
        },
      ),
    );
  });
});
