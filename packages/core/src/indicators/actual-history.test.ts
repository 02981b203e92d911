import { describe, expect, it } from 'vitest';
import { correctActual, currentActuals, historyOf, recordActual } from './actual-history';
import { actualKey } from './indicator-types';
import { actual } from './test-fixtures';

const who = { enteredBy: 'suzuki', enteredAt: '2026-06-01T09:00:00+09:00' };

describe('actual values with correction history', () => {
  it('records a first value and refuses a second one for the same key', () => {
    const first = recordActual([], { ...actual('K', 2024, 10), ...who }, 'v1');
    expect(first.ok).toBe(true);
    const again = recordActual([actual('K', 2024, 10)], { ...actual('K', 2024, 11), ...who }, 'v2');
    expect(again.ok ? '' : again.problems[0]!.code).toBe('indicator/actual-exists');
    // Another area or year is another key.
    expect(
      recordActual([actual('K', 2024, 10)], { ...actual('K', 2024, 3, { area: 'north' }), ...who }, 'v3').ok,
    ).toBe(true);
  });

  it('a correction is a new version; the old one stays in the history', () => {
    const v1 = { ...actual('K', 2024, 10), id: 'v1' };
    const c = correctActual([v1], 'v1', { value: 12, note: 'typo', ...who }, 'v2');
    if (!c.ok) throw new Error('expected ok');
    expect(c.value).toMatchObject({
      id: 'v2',
      supersedes: 'v1',
      value: 12,
      fiscalYear: 2024,
      source: 'test',
      note: 'typo',
    });
    const all = [v1, c.value];
    expect(currentActuals(all).map((v) => v.id)).toEqual(['v2']);
    const c2 = correctActual(all, 'v2', { value: 11, ...who }, 'v3');
    if (!c2.ok) throw new Error('expected ok');
    expect(historyOf([...all, c2.value], actualKey(v1)).map((v) => [v.id, v.value])).toEqual([
      ['v1', 10],
      ['v2', 12],
      ['v3', 11],
    ]);
  });

  it('correcting a version that was already corrected is a conflict; unknown versions are not found', () => {
    const v1 = { ...actual('K', 2024, 10), id: 'v1' };
    const v2 = { ...actual('K', 2024, 12), id: 'v2', supersedes: 'v1' };
    const r = correctActual([v1, v2], 'v1', { value: 13, ...who }, 'v3');
    expect(r.ok ? undefined : r.problems[0]).toMatchObject({
      code: 'indicator/version-superseded',
      kind: 'conflict',
    });
    const n = correctActual([v1], 'zz', { value: 13, ...who }, 'v3');
    expect(n.ok ? undefined : n.problems[0]).toMatchObject({
      code: 'indicator/version-not-found',
      kind: 'not-found',
    });
  });

  it('rejects non-finite values', () => {
    const r = recordActual([], { ...actual('K', 2024, Number.NaN), ...who }, 'v1');
    expect(r.ok ? '' : r.problems[0]!.code).toBe('indicator/not-a-number');
  });
});
