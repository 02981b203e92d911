import { describe, expect, it } from 'vitest';
import type { EvaluationRole } from './roles';
import { type EvaluationRound, openRound, type RoundState } from './round';
import { overdueSheets, remindersDue, type ScheduledSheet } from './round-schedule';
import { type RoundAction, type RoundSheetStatus, roundActions, transitionRound } from './round-state';

function round(state: RoundState = 'open', committee = true): EvaluationRound {
  const r = openRound({
    fiscalYear: 2024,
    openedOn: { year: 2025, month: 6, day: 2 },
    scope: { measureCodes: ['M01'], projectCodes: ['P001'] },
    stages: [
      { stage: 'department-entry', due: { year: 2025, month: 7, day: 11 } },
      { stage: 'section-head', due: { year: 2025, month: 7, day: 25 } },
      { stage: 'planning-division', due: { year: 2025, month: 8, day: 29 } },
      ...(committee
        ? [{ stage: 'external-committee' as const, due: { year: 2025, month: 10, day: 31 } }]
        : []),
    ],
  });
  if (!r.ok) throw new Error('fixture');
  return { ...r.value, state };
}

const planner = { id: 'p', role: 'planning-division' as const };
const done: RoundSheetStatus[] = [
  { id: 'm', code: 'M01', kind: 'measure', state: 'seen' },
  { id: 'p', code: 'P001', kind: 'project', state: 'published' },
];

describe('round states', () => {
  const expected: Record<RoundState, Partial<Record<RoundAction, RoundState>>> = {
    open: { close: 'closed' },
    closed: { reopen: 'open', publish: 'published' },
    published: { lock: 'locked' },
    locked: {},
  };
  const roles: EvaluationRole[] = [
    'department-editor',
    'section-head',
    'planning-division',
    'committee',
    'admin',
  ];

  it('allows exactly the listed transitions, to the planning division and admin', () => {
    for (const from of Object.keys(expected) as RoundState[])
      for (const action of roundActions)
        for (const role of roles) {
          const r = transitionRound({
            round: round(from),
            action,
            actor: { id: 'u', role },
            at: 't',
            expectedVersion: 1,
            sheets: done,
          });
          const to = expected[from][action];
          const label = `${from} ${action} ${role}`;
          if (to && (role === 'planning-division' || role === 'admin')) {
            expect(r.ok, label).toBe(true);
            if (r.ok) {
              expect(r.value.round.state).toBe(to);
              expect(r.value.round.version).toBe(2);
              expect(r.value.event).toMatchObject({ from, to, action, version: 2, actor: { role } });
            }
          } else {
            expect(r.ok, label).toBe(false);
            const code = !to
              ? from === 'locked'
                ? 'evaluation/round-locked'
                : 'evaluation/invalid-round-transition'
              : 'evaluation/role-forbidden';
            if (!r.ok)
              expect(
                r.problems.map((p) => p.code),
                label,
              ).toContain(code);
          }
        }
  });

  it('publishes only when every sheet in scope is through the last stage', () => {
    const r = transitionRound({
      round: round('closed'),
      action: 'publish',
      actor: planner,
      at: 't',
      expectedVersion: 1,
      sheets: [{ id: 'm', code: 'M01', kind: 'measure', state: 'reviewed' }],
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => p.details?.['sheetId'])).toEqual(['project:P001', 'm']);
    const noCommittee = transitionRound({
      round: round('closed', false),
      action: 'publish',
      actor: planner,
      at: 't',
      expectedVersion: 1,
      sheets: [
        { id: 'm', code: 'M01', kind: 'measure', state: 'reviewed' },
        { id: 'p', code: 'P001', kind: 'project', state: 'returned' },
      ],
    });
    expect(!noCommittee.ok && noCommittee.problems.map((p) => p.details?.['sheetId'])).toEqual(['p']);
  });

  it('detects a stale round version', () => {
    const r = transitionRound({
      round: round('open'),
      action: 'close',
      actor: planner,
      at: 't',
      expectedVersion: 0,
    });
    expect(!r.ok && r.problems.map((p) => p.code)).toEqual(['evaluation/stale-version']);
  });
});

describe('overdue and reminders', () => {
  const sheets: ScheduledSheet[] = [
    { id: 'a', code: 'P001', departmentCode: 'D1', state: 'draft' },
    { id: 'b', code: 'P002', departmentCode: 'D1', state: 'submitted' },
    { id: 'c', code: 'P003', departmentCode: 'D2', state: 'returned' },
    { id: 'd', code: 'M01', departmentCode: 'D2', state: 'reviewed' },
    { id: 'e', code: 'M02', departmentCode: 'D2', state: 'seen' },
  ];

  it('is not overdue on the due day, overdue the day after', () => {
    expect(overdueSheets(round(), sheets, { year: 2025, month: 7, day: 11 })).toEqual([]);
    expect(
      overdueSheets(round(), sheets, { year: 2025, month: 7, day: 12 }).map((o) => [
        o.sheetId,
        o.daysOverdue,
      ]),
    ).toEqual([
      ['a', 1],
      ['c', 1],
    ]);
  });

  it('counts days per awaited stage and ignores finished sheets', () => {
    const items = overdueSheets(round(), sheets, { year: 2025, month: 11, day: 3 });
    expect(items.map((o) => [o.sheetId, o.stage, o.daysOverdue])).toEqual([
      ['a', 'department-entry', 115],
      ['c', 'department-entry', 115],
      ['b', 'section-head', 101],
      ['d', 'external-committee', 3],
    ]);
    expect(overdueSheets(round('closed'), sheets, { year: 2025, month: 11, day: 3 })).toEqual([]);
  });

  it('sends reminders exactly N days before', () => {
    expect(
      remindersDue(round(), sheets, { year: 2025, month: 7, day: 4 }).map((r) => [r.sheetId, r.daysLeft]),
    ).toEqual([
      ['a', 7],
      ['c', 7],
    ]);
    expect(remindersDue(round(), sheets, { year: 2025, month: 7, day: 5 })).toEqual([]);
    expect(
      remindersDue(round(), sheets, { year: 2025, month: 7, day: 24 }, [1]).map((r) => r.sheetId),
    ).toEqual(['b']);
    expect(
      remindersDue(round(), sheets, { year: 2025, month: 10, day: 31 }, [0]).map((r) => r.sheetId),
    ).toEqual(['d']);
  });
});
