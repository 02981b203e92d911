import { describe, expect, it } from 'vitest';
import { matchesMeasureFilter, parseMeasureFilter } from './measure-filter';

const measures = [
  { code: 'A', targetAreas: ['CITY'], promotionPeriod: 'short' as const },
  { code: 'B', targetAreas: ['D-1', 'D-2'], promotionPeriod: 'long' as const },
  { code: 'C', targetAreas: [], promotionPeriod: 'long' as const },
  { code: 'D', targetAreas: ['D-2'] },
];
const pick = (q: { area?: string; period?: string }) => {
  const f = parseMeasureFilter(q, ['CITY', 'D-1', 'D-2']);
  return measures.filter((m) => matchesMeasureFilter(m, f, 'CITY')).map((m) => m.code);
};

describe('measure filter', () => {
  it('filters by target area, by period, and by both', () => {
    expect(pick({ area: 'D-2' })).toEqual(['B', 'D']);
    expect(pick({ period: 'long' })).toEqual(['B', 'C']);
    expect(pick({ area: 'D-2', period: 'long' })).toEqual(['B']);
  });

  it('counts a measure without target areas as city-wide', () => {
    expect(pick({ area: 'CITY' })).toEqual(['A', 'C']);
  });

  it('drops unknown values instead of emptying the list', () => {
    expect(parseMeasureFilter({ area: 'NOPE', period: 'soon' }, ['CITY'])).toEqual({
      area: null,
      period: null,
    });
    expect(pick({ area: 'NOPE', period: '' })).toEqual(['A', 'B', 'C', 'D']);
  });
});
