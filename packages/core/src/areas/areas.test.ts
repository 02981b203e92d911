import { describe, expect, it } from 'vitest';
import type { Area } from '../plan/plan-types';
import { ancestorsOf, listAreas } from './area-layers';
import { rollUpAreas } from './area-roll-up';
import { choroplethClasses, classOf, tileLayout } from './tile-map';

const areas: Area[] = [
  {
    code: 'S1',
    layer: 'school-district',
    name: { ja: '一小' },
    parent: 'D1',
    shares: [
      { area: 'D1', share: 0.7 },
      { area: 'D2', share: 0.3 },
    ],
  },
  { code: 'D1', layer: 'district', name: { ja: '東' }, parent: 'CITY' },
  { code: 'D2', layer: 'district', name: { ja: '西' }, parent: 'CITY' },
  { code: 'CITY', layer: 'city', name: { ja: '市' }, parent: 'R' },
  { code: 'R', layer: 'region', name: { ja: '圏域' } },
];

describe('areas as layers', () => {
  it('orders by layer, links children, and lets a school district overlap districts', () => {
    const list = listAreas(areas);
    expect(list.map((a) => a.code)).toEqual(['R', 'CITY', 'D1', 'D2', 'S1']);
    expect(list.find((a) => a.code === 'D2')?.children).toEqual(['S1']);
    expect(list.find((a) => a.code === 'S1')?.shares).toEqual([
      { area: 'D1', share: 0.7 },
      { area: 'D2', share: 0.3 },
    ]);
    expect(ancestorsOf(list, 'S1').map((a) => a.code)).toEqual(['D1', 'CITY', 'R']);
  });
});

describe('rollUpAreas', () => {
  it('sums counts and says so; refuses with missing areas', () => {
    expect(
      rollUpAreas(
        'sum',
        ['D1', 'D2'],
        [
          { area: 'D1', value: 3 },
          { area: 'D2', value: 4 },
        ],
      ).value,
    ).toBe(7);
    const r = rollUpAreas('sum', ['D1', 'D2'], [{ area: 'D1', value: 3 }]);
    expect(r.value).toBeNull();
    expect(r.missing).toEqual(['D2']);
  });
  it('weights rates by population, and never rolls up `none`', () => {
    const r = rollUpAreas(
      'weighted-mean',
      ['D1', 'D2'],
      [
        { area: 'D1', value: 10 },
        { area: 'D2', value: 20 },
      ],
      {
        D1: 300,
        D2: 100,
      },
    );
    expect(r.value).toBeCloseTo(12.5, 12);
    expect(rollUpAreas('none', ['D1'], [{ area: 'D1', value: 1 }]).value).toBeNull();
    expect(rollUpAreas('weighted-mean', ['D1'], [{ area: 'D1', value: 1 }]).value).toBeNull();
  });
});

describe('tile map and choropleth', () => {
  it('places given tiles and fills the rest without overlap', () => {
    const { tiles, cols, rows } = tileLayout([
      { code: 'A', tile: { col: 0, row: 0 } },
      { code: 'B' },
      { code: 'C' },
      { code: 'D' },
    ]);
    expect(new Set(tiles.map((t) => `${t.col},${t.row}`)).size).toBe(4);
    expect(cols * rows).toBeGreaterThanOrEqual(4);
  });
  it('classes values in equal intervals', () => {
    const c = choroplethClasses([0, 10, 5, 2.5], 4);
    expect(c).toHaveLength(4);
    expect(classOf(c, 0)).toBe(0);
    expect(classOf(c, 10)).toBe(3);
    expect(classOf(c, 5)).toBe(1);
    expect(choroplethClasses([3, 3])).toEqual([{ index: 0, lower: 3, upper: 3 }]);
  });
});
