import { describe, expect, it } from 'vitest';
import { type IndicatorFigures, joinIndicatorRows, meanAchievement, shareOfTarget } from './indicator-rows';

// Illustrative figures (sample).
const figures: IndicatorFigures[] = [
  {
    code: 'I-A1',
    name: '相談件数',
    unit: '件',
    direction: 'higher-is-better',
    baseline: 800,
    years: [
      { fiscalYear: 2023, target: 900, actual: 850 },
      { fiscalYear: 2024, target: 1000, actual: 1100 },
    ],
    finalTarget: { fiscalYear: 2026, value: 1200 },
  },
  {
    code: 'I-O1',
    name: '待機児童数',
    unit: '人',
    direction: 'lower-is-better',
    years: [{ fiscalYear: 2024, target: 5, actual: 8 }],
  },
  {
    code: 'I-O2',
    name: '満足度',
    unit: '%',
    direction: 'higher-is-better',
    years: [{ fiscalYear: 2024, target: 60, actual: 57, achievement: 0.5 }],
  },
];

describe('joinIndicatorRows', () => {
  it('pulls targets and actuals for the previous, evaluated and final years', () => {
    const r = joinIndicatorRows(
      [
        { code: 'I-A1', role: 'activity' },
        { code: 'I-O1', role: 'outcome' },
      ],
      figures,
      2024,
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const [a, o] = r.value;
    expect(a?.previous).toEqual({ fiscalYear: 2023, target: 900, actual: 850, achievement: 850 / 900 });
    expect(a?.current).toEqual({ fiscalYear: 2024, target: 1000, actual: 1100, achievement: 1.1 });
    expect(a?.final).toEqual({ fiscalYear: 2026, target: 1200, achievement: 1100 / 1200 });
    expect(o?.current.achievement).toBeCloseTo(5 / 8);
    expect(o?.previous).toEqual({ fiscalYear: 2023, target: null, actual: null, achievement: null });
    expect(r.warnings).toBeUndefined();
  });

  it('accepts the figures as a map by code', () => {
    const r = joinIndicatorRows(
      [{ code: 'I-O1', role: 'outcome' }],
      new Map(figures.map((f) => [f.code, f])),
      2024,
    );
    expect(r.ok && r.value[0]?.current.actual).toBe(8);
    const bad = joinIndicatorRows([{ code: 'I-X', role: 'outcome' }], new Map(), 2024);
    expect(!bad.ok && bad.problems[0]?.code).toBe('evaluation/indicator-unknown');
  });

  it('keeps a supplied achievement and accepts another rule', () => {
    const r = joinIndicatorRows([{ code: 'I-O2', role: 'outcome' }], figures, 2024);
    expect(r.ok && r.value[0]?.current.achievement).toBe(0.5);
    const progress = joinIndicatorRows([{ code: 'I-A1', role: 'activity' }], figures, 2024, {
      rule: ({ actual, target, baseline }) =>
        baseline === undefined ? undefined : (actual - baseline) / (target - baseline),
    });
    expect(progress.ok && progress.value[0]?.current.achievement).toBe(1.5);
  });

  it('fails on unknown or duplicate codes and warns on missing values', () => {
    const bad = joinIndicatorRows(
      [
        { code: 'I-A1', role: 'activity' },
        { code: 'I-A1', role: 'activity' },
        { code: 'nope', role: 'outcome' },
      ],
      figures,
      2024,
    );
    expect(!bad.ok && bad.problems.map((p) => [p.code, p.where?.path])).toEqual([
      ['evaluation/indicator-duplicate', 'indicators[1].code'],
      ['evaluation/indicator-unknown', 'indicators[2].code'],
    ]);
    const missing = joinIndicatorRows([{ code: 'I-O1', role: 'outcome' }], figures, 2025);
    expect(missing.ok && missing.warnings?.map((w) => w.details?.['what'])).toEqual(['target', 'actual']);
  });

  it('computes shares by direction and the mean achievement', () => {
    expect(shareOfTarget({ direction: 'higher-is-better', actual: 30, target: 40 })).toBe(0.75);
    expect(shareOfTarget({ direction: 'lower-is-better', actual: 50, target: 40 })).toBe(0.8);
    expect(shareOfTarget({ direction: 'higher-is-better', actual: 30, target: 0 })).toBeUndefined();
    expect(shareOfTarget({ direction: 'within-band', actual: 30, target: 30 })).toBeUndefined();
    const row = (a: number | null) => ({
      current: { fiscalYear: 2024, target: 1, actual: 1, achievement: a },
    });
    expect(meanAchievement([row(1), row(0.5), row(null)])).toBe(0.75);
    expect(meanAchievement([row(null)])).toBeNull();
  });
});
