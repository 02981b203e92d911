import { describe, expect, it } from 'vitest';
import { evaluateIndicatorStatus, type IndicatorPolicy } from './indicator-status';
import type { IndicatorDefinition } from './indicator-types';
import { fourLevelStatusScheme, gradeStatusScheme } from './status-scheme';
import { actual, anxiety, happiness, population } from './test-fixtures';

const policy: IndicatorPolicy = { scheme: fourLevelStatusScheme };
const asOf = { year: 2026, month: 7, day: 1 };

describe('evaluateIndicatorStatus', () => {
  it('"no data" when nothing is recorded, with when the first value is due', () => {
    const s = evaluateIndicatorStatus(anxiety, [], policy, { asOf });
    expect(s.kind).toBe('no-data');
    expect(s.label.ja).toBe('データなし');
    expect(s.achievement).toBeUndefined();
    expect(s.nextDue).toBe('2025-09-30');
    expect(s.overdue).toBe(true);
    expect(s.explanation.map((e) => e.en)).toContain('The first value was due by 2025-09-30.');
    const early = evaluateIndicatorStatus(anxiety, [], policy, { asOf: { year: 2025, month: 9, day: 30 } });
    expect([early.kind, early.overdue]).toEqual(['no-data', false]);
  });

  it('each Shiojiri band, against the target of that fiscal year (FY2025 target 36 from baseline 40)', () => {
    const cases: [number, string][] = [
      [36, '順調'],
      [35, '順調'],
      [36.8, '概ね順調'],
      [38, 'やや遅れ'],
      [39, '遅れ'],
      [41, '遅れ'],
    ];
    for (const [value, label] of cases) {
      const s = evaluateIndicatorStatus(anxiety, [actual('K-ANXIETY', 2025, value)], policy, { asOf });
      expect([value, s.label.ja]).toEqual([value, label]);
      expect(s.kind).toBe('band');
      expect(s.target).toMatchObject({ value: 36, source: 'yearly' });
    }
  });

  it('each S/A/B/C/D grade on the share of target reached', () => {
    const def: IndicatorDefinition = {
      ...anxiety,
      direction: 'higher-is-better',
      targets: [{ fiscalYear: 2025, value: 100 }],
    };
    const cases: [number, string][] = [
      [120, 'S'],
      [100, 'A'],
      [85, 'B'],
      [60, 'C'],
      [10, 'D'],
    ];
    for (const [value, key] of cases) {
      const s = evaluateIndicatorStatus(
        def,
        [actual(def.code, 2025, value)],
        { scheme: gradeStatusScheme },
        { asOf },
      );
      expect([value, s.key]).toEqual([value, key]);
    }
  });

  it('"stale" when the next value is overdue, keeping the band it would have', () => {
    const versions = [actual('K-ANXIETY', 2024, 38)];
    const fresh = evaluateIndicatorStatus(anxiety, versions, policy, {
      asOf: { year: 2026, month: 3, day: 1 },
    });
    expect(fresh.kind).toBe('band');
    expect(fresh.overdue).toBe(false);
    const stale = evaluateIndicatorStatus(anxiety, versions, policy, {
      asOf: { year: 2026, month: 10, day: 1 },
    });
    expect(stale.kind).toBe('stale');
    expect(stale.label.ja).toBe('更新遅れ');
    expect(stale.nextDue).toBe('2026-09-30');
    expect(stale.bandIfFresh?.label.ja).toBe('順調');
    expect(stale.achievement).toBe(1);
  });

  it('census indicators are due every five years: the 2020 count is fine until the 2025 census is out', () => {
    const v = [actual('TOP-POPULATION', 2020, 67241, { date: '2020-10-01' })];
    expect(
      evaluateIndicatorStatus(population, v, policy, { asOf: { year: 2026, month: 6, day: 1 } }).kind,
    ).toBe('band');
    expect(
      evaluateIndicatorStatus(population, v, policy, { asOf: { year: 2027, month: 1, day: 1 } }).kind,
    ).toBe('stale');
  });

  it('population: target interpolated from the 2020 census to 65,000 in FY2032', () => {
    const s = evaluateIndicatorStatus(
      population,
      [actual('TOP-POPULATION', 2025, 66000, { date: '2025-10-01' })],
      policy,
      { asOf: { year: 2026, month: 12, day: 1 } },
    );
    expect(s.target?.source).toBe('interpolated');
    expect(s.target?.value).toBeCloseTo(67241 + (65000 - 67241) * (5 / 12));
    expect(s.detail?.met).toBe(false);
    expect(s.label.ja).toBe('概ね順調');
    expect(s.explanation.map((e) => e.en).join(' ')).toMatch(/FY2025 actual 66,000, target 66,307/);
  });

  describe('survey margin rule (市民幸福度, target ≥ baseline 6.77)', () => {
    const at = { asOf: { year: 2026, month: 1, day: 1 } };
    it('an interval that holds the target: the sample cannot tell (not "on track")', () => {
      const def = { ...happiness, baseline: { ...happiness.baseline!, ci: { lower: 6.65, upper: 6.89 } } };
      const s = evaluateIndicatorStatus(
        def,
        [actual(def.code, 2025, 6.7, { ci: { lower: 6.58, upper: 6.82 } })],
        policy,
        at,
      );
      expect(s.margin).toMatchObject({ change: 'unchanged', rule: 'ci-overlap' });
      expect(s.kind).toBe('uncertain');
      expect(s.key).toBe('cannot-tell');
      expect(s.interval?.verdict).toBe('cannot-tell');
      expect(s.explanation.map((e) => e.ja).join('')).toMatch(
        /95%信頼区間（6\.58〜6\.82）に目標 6\.77が含まれる/,
      );
    });
    it('the issue\'s case: 6.40 (6.20–6.61) against "at least 6.77" is behind, not "mostly on track"', () => {
      const s = evaluateIndicatorStatus(
        happiness,
        [actual(happiness.code, 2025, 6.402728366163508, { ci: { lower: 6.2, upper: 6.61 } })],
        policy,
        at,
      );
      expect(s.interval?.verdict).toBe('short');
      expect(s.label.ja).toBe('遅れ');
      const text = s.explanation.map((e) => e.ja).join('');
      expect(text).toMatch(/実績 6\.40点/);
      expect(text).not.toMatch(/6\.4027/);
    });
    it('an interval wholly at or above the target is on track; an improvement target short of it keeps its progress band', () => {
      const met = evaluateIndicatorStatus(
        happiness,
        [actual(happiness.code, 2025, 6.95, { ci: { lower: 6.8, upper: 7.1 } })],
        policy,
        at,
      );
      expect([met.interval?.verdict, met.label.ja]).toEqual(['met', '順調']);
      const raise = { ...happiness, targets: [], finalTarget: { fiscalYear: 2025, value: 7.77 } };
      const short = evaluateIndicatorStatus(
        raise,
        [actual(raise.code, 2025, 7.6, { ci: { lower: 7.5, upper: 7.7 } })],
        policy,
        at,
      );
      expect(short.interval?.verdict).toBe('short');
      expect(short.label.ja).toBe('概ね順調'); // progress 0.83 from 6.77 toward 7.77
    });
    it('separate intervals count as a real decline', () => {
      const def = { ...happiness, baseline: { ...happiness.baseline!, ci: { lower: 6.65, upper: 6.89 } } };
      const s = evaluateIndicatorStatus(
        def,
        [actual(def.code, 2025, 6.4, { ci: { lower: 6.3, upper: 6.5 } })],
        policy,
        at,
      );
      expect(s.margin?.change).toBe('down');
      expect(s.detail?.met).toBe(false);
    });
    it('one interval: within its half-width is unchanged', () => {
      const v = [actual(happiness.code, 2025, 6.7, { ci: { lower: 6.6, upper: 6.8 } })];
      expect(evaluateIndicatorStatus(happiness, v, policy, at).margin).toMatchObject({
        rule: 'ci-half-width',
        change: 'unchanged',
      });
      const w = [actual(happiness.code, 2025, 6.6, { ci: { lower: 6.55, upper: 6.65 } })];
      expect(evaluateIndicatorStatus(happiness, w, policy, at).margin?.change).toBe('down');
    });
    it('no interval: the configured band decides (the indicator’s own band first)', () => {
      const v = [actual(happiness.code, 2025, 6.7)];
      const withPlanBand = evaluateIndicatorStatus(
        happiness,
        v,
        { ...policy, surveyBand: { absolute: 0.1 } },
        at,
      );
      expect(withPlanBand.margin).toMatchObject({ rule: 'band', change: 'unchanged', margin: 0.1 });
      expect(withPlanBand.label.ja).toBe('順調');
      const own = { ...happiness, survey: { ...happiness.survey!, unchangedBand: 0.05 } };
      const strict = evaluateIndicatorStatus(own, v, { ...policy, surveyBand: { absolute: 0.1 } }, at);
      expect(strict.margin).toMatchObject({ rule: 'band', change: 'down' });
      expect(strict.detail?.met).toBe(false);
    });
    it('no interval and no band: compared exactly', () => {
      const s = evaluateIndicatorStatus(happiness, [actual(happiness.code, 2025, 6.7)], policy, at);
      expect(s.margin?.rule).toBe('exact');
      expect(s.detail?.met).toBe(false);
    });
    it('the margin rule applies only to survey indicators', () => {
      const stat = { ...happiness, kind: 'statistic' as const };
      const s = evaluateIndicatorStatus(
        stat,
        [actual(stat.code, 2025, 6.7)],
        { ...policy, surveyBand: { absolute: 1 } },
        at,
      );
      expect(s.margin).toBeUndefined();
      expect(s.detail?.met).toBe(false);
    });
  });

  it('uses the current version after a correction, and area values never stand for the city', () => {
    const first = actual('K-ANXIETY', 2025, 39);
    const corrected = { ...actual('K-ANXIETY', 2025, 36), id: 'c1', supersedes: first.id };
    const north = actual('K-ANXIETY', 2025, 30, { area: 'north' });
    const s = evaluateIndicatorStatus(anxiety, [first, corrected, north], policy, { asOf });
    expect(s.actual?.id).toBe('c1');
    expect(s.label.ja).toBe('順調');
    expect(evaluateIndicatorStatus(anxiety, [north], policy, { asOf }).kind).toBe('no-data');
    // An area is judged on its own values, against the same targets.
    const byArea = evaluateIndicatorStatus(anxiety, [first, corrected, north], policy, {
      asOf,
      area: 'north',
    });
    expect([byArea.actual?.value, byArea.label.ja]).toEqual([30, '順調']);
    expect(evaluateIndicatorStatus(anxiety, [first], policy, { asOf, area: 'south' }).kind).toBe('no-data');
  });

  it('judges a given fiscal year, "no data" for a year not yet reported', () => {
    const v = [actual('K-ANXIETY', 2024, 38), actual('K-ANXIETY', 2025, 39)];
    expect(evaluateIndicatorStatus(anxiety, v, policy, { asOf, fiscalYear: 2024 }).label.ja).toBe('順調');
    expect(evaluateIndicatorStatus(anxiety, v, policy, { asOf, fiscalYear: 2026 }).kind).toBe('no-data');
  });

  it('"not computable" without any target', () => {
    const def = { ...anxiety, targets: [] };
    const s = evaluateIndicatorStatus(def, [actual(def.code, 2025, 30)], policy, { asOf });
    expect(s.kind).toBe('not-computable');
    expect(s.achievement).toBeUndefined();
  });

  it('within-band indicators use the band, not a target', () => {
    const def: IndicatorDefinition = {
      ...anxiety,
      direction: 'within-band',
      band: { lower: 30, upper: 35 },
      targets: [],
    };
    expect(evaluateIndicatorStatus(def, [actual(def.code, 2025, 32)], policy, { asOf }).label.ja).toBe(
      '順調',
    );
    expect(evaluateIndicatorStatus(def, [actual(def.code, 2025, 45)], policy, { asOf }).label.ja).toBe(
      '遅れ',
    );
  });
});
