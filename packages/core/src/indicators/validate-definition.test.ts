import { describe, expect, it } from 'vitest';
import type { IndicatorDefinition } from './indicator-types';
import { happiness, population } from './test-fixtures';
import { validateIndicatorDefinition } from './validate-definition';

describe('validateIndicatorDefinition', () => {
  it('accepts the two top indicators as the plan states them', () => {
    expect(validateIndicatorDefinition(happiness)).toEqual([]);
    expect(validateIndicatorDefinition(population)).toEqual([]);
  });

  it('lists every problem at once, each with its path', () => {
    const bad = {
      ...happiness,
      code: '',
      direction: 'within-band',
      range: { min: 0, max: 10 },
      baseline: { ...happiness.baseline!, value: 12, asOf: 'いつか', responseRate: 52.2 },
      targets: [
        { fiscalYear: 2030, value: 7 },
        { fiscalYear: 2030, value: Number.NaN },
      ],
      finalTarget: { fiscalYear: 2030, value: 8 },
      survey: undefined,
      weight: 0,
      areas: ['a', 'a'],
    } as unknown as IndicatorDefinition;
    const problems = validateIndicatorDefinition(bad, 'indicators[0]');
    expect(problems.map((p) => [p.code, p.where?.path])).toEqual([
      ['indicator/required', 'indicators[0].code'],
      ['indicator/band-missing', 'indicators[0].band'],
      ['indicator/value-out-of-range', 'indicators[0].baseline.value'],
      ['indicator/as-of-unreadable', 'indicators[0].baseline.asOf'],
      ['indicator/share-out-of-range', 'indicators[0].baseline.responseRate'],
      ['indicator/not-a-number', 'indicators[0].targets[1].value'],
      ['indicator/duplicate-target-year', 'indicators[0].targets[1]'],
      ['indicator/final-target-conflict', 'indicators[0].finalTarget'],
      ['indicator/weight-nonpositive', 'indicators[0].weight'],
      ['indicator/duplicate-area', 'indicators[0].areas[1]'],
      ['indicator/survey-question-missing', 'indicators[0].survey'],
    ]);
    expect(problems.every((p) => p.message.ja && p.message.en)).toBe(true);
  });

  it('reads the baseline date in the usual ways', () => {
    for (const asOf of ['2022-12', '令和4年12月', '令和4年度', 'FY2022', '2022']) {
      expect(
        validateIndicatorDefinition({ ...happiness, baseline: { ...happiness.baseline!, asOf } }),
      ).toEqual([]);
    }
  });
});
