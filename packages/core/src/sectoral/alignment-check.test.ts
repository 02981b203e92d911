import { describe, expect, it } from 'vitest';
import { type AlignmentPlanView, checkSectoralAlignment, describeFinding } from './alignment-check';
import type { SectoralPlan } from './sectoral-plan-types';

const plan: AlignmentPlanView = {
  startFiscalYear: 2024,
  endFiscalYear: 2032,
  phases: [
    { number: 1, startFiscalYear: 2024, endFiscalYear: 2026 },
    { number: 2, startFiscalYear: 2027, endFiscalYear: 2029 },
    { number: 3, startFiscalYear: 2030, endFiscalYear: 2032 },
  ],
  fields: [
    { code: 'F1', name: { ja: '子育て' } },
    { code: 'F2', name: { ja: '環境' } },
  ],
  indicators: [
    {
      code: 'I-CHILD',
      name: { ja: '待機児童数' },
      direction: 'lower-is-better',
      baseline: { value: 10, asOf: '2022', source: { ja: 'x' } },
      targets: [
        { fiscalYear: 2026, value: 4 },
        { fiscalYear: 2032, value: 0 },
      ],
    },
    {
      code: 'I-CO2',
      name: { ja: 'CO2排出量' },
      direction: 'lower-is-better',
      targets: [{ fiscalYear: 2030, value: 100 }],
    },
  ],
};

const sectoral = (over: Partial<SectoralPlan>): SectoralPlan => ({
  code: 'SP1',
  name: { ja: '子ども・子育て支援事業計画' },
  department: 'DEPT',
  startFiscalYear: 2025,
  endFiscalYear: 2026,
  fields: ['F1'],
  measures: [],
  indicators: [],
  status: 'published',
  ...over,
});

describe('checkSectoralAlignment', () => {
  it('finds a period that overruns a phase and a target that contradicts the plan', () => {
    const sp = sectoral({
      startFiscalYear: 2025,
      endFiscalYear: 2029,
      indicators: [
        {
          name: { ja: '待機児童数' },
          sameAs: 'I-CHILD',
          direction: 'lower-is-better',
          target: { fiscalYear: 2026, value: 6 },
        },
      ],
    });
    const r = checkSectoralAlignment(plan, [sp], 2024);
    const kinds = r.plans[0]?.findings.map((f) => f.kind);
    expect(kinds).toContain('crosses-phase-end');
    expect(r.plans[0]?.findings).toContainEqual({
      kind: 'target-contradicts',
      indicator: 'I-CHILD',
      fiscalYear: 2026,
      sectoralValue: 6,
      planValue: 4,
      basis: 'exact',
    });
    expect(r.plans[0]?.findings).toContainEqual({
      kind: 'crosses-phase-end',
      phase: 1,
      phaseEndFiscalYear: 2026,
      yearsBeyond: 3,
    });
    expect(r.fieldsWithoutSectoralPlan.map((f) => f.code)).toEqual(['F2']);
  });

  it('accepts a plan that sits inside one phase and matches or beats the plan', () => {
    const sp = sectoral({
      indicators: [
        {
          name: { ja: 'a' },
          sameAs: 'I-CHILD',
          direction: 'lower-is-better',
          target: { fiscalYear: 2026, value: 4 },
        },
        // Between the plan's figures (2026: 4, 2032: 0) the path at 2029 is 2; 1 is more ambitious.
        {
          name: { ja: 'b' },
          sameAs: 'I-CHILD',
          direction: 'lower-is-better',
          target: { fiscalYear: 2029, value: 1 },
        },
      ],
    });
    const r = checkSectoralAlignment(plan, [sp], 2020);
    expect(r.plans[0]?.findings).toEqual([]);
  });

  it('flags a target less ambitious than the path, and a reversed direction', () => {
    const sp = sectoral({
      indicators: [
        {
          name: { ja: 'a' },
          sameAs: 'I-CHILD',
          direction: 'lower-is-better',
          target: { fiscalYear: 2029, value: 3 },
        },
        { name: { ja: 'b' }, sameAs: 'I-CO2', direction: 'higher-is-better' },
      ],
    });
    const f = checkSectoralAlignment(plan, [sp], 2020).plans[0]?.findings ?? [];
    expect(f).toContainEqual({
      kind: 'target-contradicts',
      indicator: 'I-CHILD',
      fiscalYear: 2029,
      sectoralValue: 3,
      planValue: 2,
      basis: 'path',
    });
    expect(f.some((x) => x.kind === 'direction-contradicts' && x.indicator === 'I-CO2')).toBe(true);
  });

  it('says when a sectoral plan is due for revision: its end, or a phase review it runs across', () => {
    const sp = sectoral({ startFiscalYear: 2024, endFiscalYear: 2028 });
    const at2026 = checkSectoralAlignment(plan, [sp], 2026).plans[0]?.findings ?? [];
    expect(at2026).toContainEqual({ kind: 'due-for-revision', fiscalYear: 2026, reason: 'phase-review' });
    const at2027 = checkSectoralAlignment(plan, [sp], 2027).plans[0]?.findings ?? [];
    expect(at2027).toContainEqual({ kind: 'due-for-revision', fiscalYear: 2028, reason: 'ends' });
    expect(
      checkSectoralAlignment(plan, [sp], 2030).plans[0]?.findings.some((x) => x.kind === 'due-for-revision'),
    ).toBe(false);
  });

  it('flags a period outside the comprehensive plan and describes every finding in both languages', () => {
    const sp = sectoral({ startFiscalYear: 2030, endFiscalYear: 2034 });
    const f = checkSectoralAlignment(plan, [sp], 2020).plans[0]?.findings ?? [];
    expect(f.some((x) => x.kind === 'outside-plan')).toBe(true);
    for (const x of f) {
      const d = describeFinding(x);
      expect(d.ja.length).toBeGreaterThan(0);
      expect(d.en?.length).toBeGreaterThan(0);
    }
  });
});
