import { describe, expect, it } from 'vitest';
import { japanTime } from './japan-time';

describe('japanTime', () => {
  it('writes the instant in UTC+9 with its offset, across the date line', () => {
    expect(japanTime(new Date('2026-12-06T16:30:05.123Z'))).toBe('2026-12-07T01:30:05+09:00');
    expect(new Date(japanTime(new Date('2026-12-06T16:30:05Z'))).toISOString()).toBe(
      '2026-12-06T16:30:05.000Z',
    );
  });
});
