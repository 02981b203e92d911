import { describe, expect, it } from 'vitest';
import { bandFor, fourLevelStatusScheme, gradeStatusScheme, validateStatusScheme } from './status-scheme';

describe('status schemes', () => {
  it('the shipped schemes are valid', () => {
    expect(validateStatusScheme(fourLevelStatusScheme)).toEqual([]);
    expect(validateStatusScheme(gradeStatusScheme)).toEqual([]);
  });

  it('band boundaries are inclusive at the threshold', () => {
    expect(bandFor(fourLevelStatusScheme, 1).label.ja).toBe('順調');
    expect(bandFor(fourLevelStatusScheme, 0.9999).label.ja).toBe('概ね順調');
    expect(bandFor(fourLevelStatusScheme, 0.5).label.ja).toBe('やや遅れ');
    expect(bandFor(fourLevelStatusScheme, -3).label.ja).toBe('遅れ');
    expect(bandFor(gradeStatusScheme, 1.1).key).toBe('S');
  });

  it('rejects thresholds out of order, a catch-all in the middle, and reused keys', () => {
    const bad = {
      ...fourLevelStatusScheme,
      bands: [
        { key: 'a', label: { ja: 'A' }, min: 0.5 },
        { key: 'b', label: { ja: 'B' } },
        { key: 'c', label: { ja: 'C' }, min: 0.8 },
        { key: 'a', label: { ja: 'A2' } },
      ],
      stale: { key: 'c', label: { ja: 'x' } },
    };
    const reasons = validateStatusScheme(bad).map((p) => p.details?.['reason']);
    expect(reasons).toEqual([
      'band "b" has no threshold but is not the last',
      'band "c" threshold 0.8 is not below the previous one',
      'duplicate key "a"',
      '"stale" reuses the band key "c"',
    ]);
  });
});
