import { describe, expect, it } from 'vitest';
import { normalizePlan, type PlanInput, targetComparison } from './normalize-plan';
import { classicLevelNames, levelNamesOf, phaseLabel } from './plan-levels';
import { validatePlanRules } from './validate-plan-rules';

// Only what every plan has: the classic 10-year structure with two 5-year phases.
const minimal: PlanInput = {
  formatVersion: 1,
  municipality: { code: '99001', name: { ja: '（サンプル）みどり野町' } },
  plan: {
    code: 'p',
    title: { ja: '総合計画' },
    startFiscalYear: 2026,
    endFiscalYear: 2035,
    status: 'approved',
  },
  strategies: [{ code: 'G1', name: { ja: '目標1' } }],
  fields: [
    { code: 'P1', strategy: 'G1', name: { ja: '政策1' } },
    { code: 'P2', strategy: 'G1', name: { ja: '政策2' } },
  ],
  phases: [
    { name: { ja: '前期基本計画' }, startFiscalYear: 2026, endFiscalYear: 2030 },
    { name: { ja: '後期基本計画' }, startFiscalYear: 2031, endFiscalYear: 2035 },
  ],
  indicators: [
    {
      code: 'K1',
      name: { ja: '指標' },
      unit: { ja: '人' },
      direction: 'lower-is-better',
      serves: 'P1',
      targets: [{ fiscalYear: 2030, value: 1 }],
    },
  ],
};

describe('normalizePlan', () => {
  it('fills the defaults of a plan with only the common keys, and it passes the rules', () => {
    const doc = normalizePlan(minimal);
    expect(doc.fields.map((f) => f.number)).toEqual([1, 2]);
    expect(doc.phases.map((p) => p.number)).toEqual([1, 2]);
    expect(doc.indicators[0]).toMatchObject({ kind: 'administrative', frequency: 'yearly' });
    expect(doc.indicators[0]?.targets[0]?.comparison).toBe('at-most');
    expect([doc.measures, doc.areas, doc.partners, doc.departments, doc.topIndicators]).toEqual([
      [],
      [],
      [],
      [],
      [],
    ]);
    expect(doc.brand).toBeUndefined();
    expect(validatePlanRules(doc)).toEqual([]);
  });

  it('keeps what the plan says', () => {
    const doc = normalizePlan({
      ...minimal,
      fields: [{ code: 'P1', strategy: 'G1', number: 7, name: { ja: 'x' } }],
      indicators: [
        {
          ...minimal.indicators[0]!,
          kind: 'survey',
          targets: [{ fiscalYear: 2030, value: 1, comparison: 'equal' }],
        },
      ],
    });
    expect(doc.fields[0]?.number).toBe(7);
    expect(doc.indicators[0]?.kind).toBe('survey');
    expect(doc.indicators[0]?.targets[0]?.comparison).toBe('equal');
  });

  it('refuses phases that do not tile the plan', () => {
    const doc = normalizePlan({ ...minimal, phases: [{ startFiscalYear: 2026, endFiscalYear: 2030 }] });
    expect(validatePlanRules(doc).map((p) => p.code)).toEqual(['plan/phases-not-tiling']);
  });
});

describe('level names', () => {
  it('take the classic names where the plan gives none, and name phases', () => {
    const levels = levelNamesOf({ levelNames: { field: { ja: '政策分野' } } });
    expect(levels.field).toEqual({ ja: '政策分野' });
    expect(levels.strategy).toEqual(classicLevelNames.strategy);
    expect(phaseLabel({ number: 2 }, levels, 'ja')).toBe('基本計画 第2期');
    expect(phaseLabel({ number: 1, name: { ja: '前期基本計画' } }, levels, 'en')).toBe('前期基本計画');
  });

  it('phrase a target from the direction', () => {
    expect(targetComparison(undefined, 'higher-is-better')).toBe('at-least');
    expect(targetComparison({}, 'within-band')).toBe('equal');
  });
});
