import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, compareDates, daysBetween, isValidDate } from './local-date';
import { cascadeDueDates, type OpenRoundInput, openRound } from './round';

const input = (over: Partial<OpenRoundInput> = {}): OpenRoundInput => ({
  fiscalYear: 2024,
  openedOn: { year: 2025, month: 6, day: 2 },
  scope: { measureCodes: ['M01'], projectCodes: ['P001', 'P002'] },
  stages: [
    { stage: 'department-entry', due: { year: 2025, month: 7, day: 11 } },
    { stage: 'section-head', due: { year: 2025, month: 7, day: 25 } },
    { stage: 'planning-division', due: { year: 2025, month: 8, day: 29 } },
    { stage: 'external-committee', due: { year: 2025, month: 10, day: 31 } },
  ],
  ...over,
});

const codes = (r: ReturnType<typeof openRound>) => (r.ok ? [] : r.problems.map((p) => p.code));

describe('openRound', () => {
  it('opens a round for the closed year, run in the next fiscal year', () => {
    const r = openRound(input());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({
      id: 'evaluation-2024',
      fiscalYear: 2024,
      conductedInFiscalYear: 2025,
      state: 'open',
      version: 1,
    });
    expect(r.value.stages.map((s) => s.stage)).toEqual([
      'department-entry',
      'section-head',
      'planning-division',
      'external-committee',
    ]);
    expect(r.warnings).toBeUndefined();
  });

  it('sorts stages into cascade order whatever order they come in', () => {
    const i = input();
    const r = openRound({ ...i, stages: [...i.stages].reverse() });
    expect(r.ok && r.value.stages.map((s) => s.stage)[0]).toBe('department-entry');
  });

  it('refuses to open before the evaluated year has closed', () => {
    expect(codes(openRound(input({ openedOn: { year: 2025, month: 3, day: 31 } })))).toContain(
      'evaluation/opened-before-year-closed',
    );
  });

  it('warns when opening in the closing period (April–May)', () => {
    const r = openRound(input({ openedOn: { year: 2025, month: 5, day: 31 } }));
    expect(r.ok).toBe(true);
    expect(r.ok && r.warnings?.map((w) => [w.code, w.severity])).toEqual([
      ['evaluation/accounts-not-settled', 'warning'],
    ]);
  });

  it('lists every schedule problem at once with where', () => {
    const r = openRound(
      input({
        scope: { measureCodes: ['M01', 'M01'], projectCodes: [] },
        stages: [
          { stage: 'department-entry', due: { year: 2025, month: 9, day: 1 } },
          { stage: 'section-head', due: { year: 2025, month: 8, day: 1 } },
          { stage: 'section-head', due: { year: 2025, month: 8, day: 2 } },
          { stage: 'external-committee', due: { year: 2026, month: 4, day: 1 } },
          { stage: 'external-committee', due: { year: 2025, month: 2, day: 30 } },
        ],
      }),
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.code, p.where?.path ?? p.where?.field])).toEqual([
      ['evaluation/scope-duplicate', 'scope.measureCodes'],
      ['evaluation/stage-duplicate', 'stages[2]'],
      ['evaluation/stage-due-outside-round-year', 'stages[3]'],
      ['evaluation/stage-duplicate', 'stages[4]'],
      ['evaluation/invalid-date', 'stages[4]'],
      ['evaluation/stage-missing', 'stages'],
      ['evaluation/stage-due-before-previous', 'stages[1]'],
    ]);
    expect(r.problems[6]?.message.ja).toContain('2025-08-01');
  });

  it('rejects due dates before opening and an empty scope', () => {
    const i = input({ scope: { measureCodes: [], projectCodes: [] } });
    const r = openRound({ ...i, openedOn: { year: 2025, month: 7, day: 15 } });
    expect(codes(r)).toEqual(['evaluation/scope-empty', 'evaluation/stage-due-before-opening']);
  });

  it('accepts any cascade of ordered dates in the round year, and rejects any swapped pair', () => {
    const day = fc.integer({ min: 0, max: 300 });
    fc.assert(
      fc.property(fc.array(day, { minLength: 4, maxLength: 4 }), (offsets) => {
        const start = { year: 2025, month: 6, day: 1 };
        const sorted = [...offsets].sort((a, b) => a - b);
        const names = [
          'department-entry',
          'section-head',
          'planning-division',
          'external-committee',
        ] as const;
        const stages = names.map((stage, k) => ({ stage, due: addDays(start, sorted[k]!) }));
        expect(openRound(input({ openedOn: start, stages })).ok).toBe(true);
        const a = sorted[1]!;
        const b = sorted[2]!;
        if (a !== b) {
          const swapped = stages.map((s, k) =>
            k === 1 ? { ...s, due: addDays(start, b) } : k === 2 ? { ...s, due: addDays(start, a) } : s,
          );
          expect(codes(openRound(input({ openedOn: start, stages: swapped })))).toContain(
            'evaluation/stage-due-before-previous',
          );
        }
      }),
    );
  });
});

describe('cascadeDueDates', () => {
  it('derives each stage from the previous one and opens a valid round with them', () => {
    const stages = cascadeDueDates(
      { year: 2025, month: 7, day: 11 },
      { 'section-head': 14, 'planning-division': 35 },
    );
    expect(stages).toEqual([
      { stage: 'department-entry', due: { year: 2025, month: 7, day: 11 } },
      { stage: 'section-head', due: { year: 2025, month: 7, day: 25 } },
      { stage: 'planning-division', due: { year: 2025, month: 8, day: 29 } },
    ]);
    expect(openRound(input({ stages })).ok).toBe(true);
    expect(() => cascadeDueDates({ year: 2025, month: 7, day: 11 }, { 'section-head': -1 })).toThrow();
  });
});

describe('local dates', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays({ year: 2024, month: 2, day: 28 }, 1)).toEqual({ year: 2024, month: 2, day: 29 });
    expect(addDays({ year: 2025, month: 2, day: 28 }, 1)).toEqual({ year: 2025, month: 3, day: 1 });
    expect(addDays({ year: 2025, month: 12, day: 31 }, 1)).toEqual({ year: 2026, month: 1, day: 1 });
    expect(daysBetween({ year: 2025, month: 4, day: 1 }, { year: 2026, month: 3, day: 31 })).toBe(364);
    expect(isValidDate({ year: 2025, month: 2, day: 29 })).toBe(false);
    expect(isValidDate({ year: 2024, month: 2, day: 29 })).toBe(true);
  });

  it('round-trips addDays and daysBetween', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -20000, max: 20000 }),
        fc.integer({ min: -5000, max: 5000 }),
        (base, n) => {
          const d = addDays({ year: 2000, month: 1, day: 1 }, base);
          expect(isValidDate(d)).toBe(true);
          expect(daysBetween(d, addDays(d, n))).toBe(n);
          expect(Math.sign(compareDates(addDays(d, n), d))).toBe(Math.sign(n));
        },
      ),
    );
  });
});
