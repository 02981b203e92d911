import { describe, expect, it } from 'vitest';
import { parseBoundaries, projectBoundaries } from './boundaries';

const square = (x: number, y: number, s = 1) => [
  [
    [x, y],
    [x + s, y],
    [x + s, y + s],
    [x, y + s],
    [x, y],
  ],
];
const feature = (area: unknown, geometry: unknown) => ({ type: 'Feature', properties: { area }, geometry });
const fc = (...features: unknown[]) => JSON.stringify({ type: 'FeatureCollection', features });

describe('boundaries', () => {
  it('reads polygons and multipolygons naming plan areas', () => {
    const r = parseBoundaries(
      fc(
        feature('A', { type: 'Polygon', coordinates: square(0, 0) }),
        feature('B', { type: 'MultiPolygon', coordinates: [square(1, 0), square(3, 0)] }),
      ),
      'f.geojson',
      ['A', 'B'],
    );
    expect(r.ok && r.value.map((f) => [f.area, f.geometry.type])).toEqual([
      ['A', 'Polygon'],
      ['B', 'MultiPolygon'],
    ]);
  });

  it('reports every problem with the feature path, and nothing when the file is not GeoJSON', () => {
    const open = [
      [
        [0, 0],
        [1, 0],
        [1, 1],
        [0, 1],
      ],
    ];
    const r = parseBoundaries(
      fc(
        feature('A', { type: 'Polygon', coordinates: open }),
        feature('NOPE', { type: 'Polygon', coordinates: square(0, 0) }),
        feature('B', { type: 'Point', coordinates: [0, 0] }),
        feature('C', { type: 'Polygon', coordinates: square(200, 0) }),
        feature(undefined, { type: 'Polygon', coordinates: square(0, 0) }),
        feature('A', { type: 'Polygon', coordinates: square(0, 0) }),
      ),
      'f.geojson',
      ['A', 'B', 'C'],
    );
    expect(r.ok ? [] : r.problems.map((p) => [p.code, p.where?.path])).toEqual([
      ['boundaries/ring-not-closed', 'features[0].geometry.coordinates[0]'],
      ['boundaries/unknown-area', 'features[1].properties.area'],
      ['boundaries/unsupported-geometry', 'features[2].geometry'],
      ['boundaries/bad-coordinates', 'features[3].geometry.coordinates[0]'],
      ['boundaries/missing-area-code', 'features[4].properties.area'],
      ['boundaries/duplicate-area', 'features[5].properties.area'],
    ]);
    const notJson = parseBoundaries('{', 'f.geojson', []);
    expect(!notJson.ok && notJson.problems[0]?.code).toBe('boundaries/not-json');
    const notFc = parseBoundaries('{"type":"Feature"}', 'f.geojson', []);
    expect(!notFc.ok && notFc.problems[0]?.where).toEqual({ file: 'f.geojson', path: 'type' });
    expect(parseBoundaries(fc(), 'f.geojson', []).ok).toBe(false);
  });

  it('projects north up, fitted to the width, with labels inside each shape', () => {
    // Two unit squares side by side (west A, east B) at the equator: twice as wide as high.
    const features = [
      { area: 'A', geometry: { type: 'Polygon' as const, coordinates: square(0, 0) } },
      { area: 'B', geometry: { type: 'Polygon' as const, coordinates: square(1, 0) } },
    ];
    const p = projectBoundaries(features, { width: 208, margin: 4 });
    expect(p.height).toBe(108);
    const [a, b] = p.areas;
    expect(a?.label).toEqual({ x: 54, y: 54 });
    expect(b?.label).toEqual({ x: 154, y: 54 });
    // The south-west corner (0,0) is at the bottom left.
    expect(a?.d.startsWith('M4,104L104,104L104,4L4,4L4,104Z')).toBe(true);
    // Away from the equator, east-west distances shrink by cos(latitude).
    const north = projectBoundaries(
      [{ area: 'A', geometry: { type: 'Polygon' as const, coordinates: square(0, 59.5) } }],
      { width: 100, margin: 0 },
    );
    expect(north.height).toBeCloseTo(100 / Math.cos((60 * Math.PI) / 180), -1);
  });
});
