import { describe, expect, it } from 'vitest';
import type { EvaluationRole } from './roles';
import type { RoundState } from './round';
import {
  allowedSheetActions,
  awaitingStage,
  type SheetAction,
  type SheetState,
  sheetActions,
  sheetStates,
  transitionSheet,
} from './sheet-workflow';

const roles: EvaluationRole[] = [
  'department-editor',
  'section-head',
  'planning-division',
  'committee',
  'admin',
];
const roundStates: RoundState[] = ['open', 'closed', 'published', 'locked'];

// The expected machine, written out independently of the implementation's table:
// [from, action, to, roles without admin, round states, committee stage condition]
type Row = [SheetState, SheetAction, SheetState, EvaluationRole[], RoundState[], boolean | null];
const expected: Row[] = [
  ['draft', 'submit', 'submitted', ['department-editor'], ['open'], null],
  ['returned', 'submit', 'submitted', ['department-editor'], ['open'], null],
  ['submitted', 'withdraw', 'draft', ['department-editor'], ['open'], null],
  ['submitted', 'return', 'returned', ['section-head'], ['open'], null],
  ['submitted', 'approve', 'approved', ['section-head'], ['open'], null],
  ['approved', 'return', 'returned', ['planning-division'], ['open'], null],
  ['approved', 'review', 'reviewed', ['planning-division'], ['open'], null],
  ['reviewed', 'see', 'seen', ['committee'], ['open'], true],
  ['seen', 'publish', 'published', ['planning-division'], ['closed', 'published'], true],
  ['reviewed', 'publish', 'published', ['planning-division'], ['closed', 'published'], false],
];

function find(from: SheetState, action: SheetAction, committee: boolean): Row | undefined {
  return expected.find((r) => r[0] === from && r[1] === action && (r[5] === null || r[5] === committee));
}

const base = { id: 's1', version: 3, departmentCode: 'D01' };

describe('sheet workflow', () => {
  it('matches the expected table for every state, action, role, round state and committee setting', () => {
    let allowed = 0;
    let forbidden = 0;
    for (const from of sheetStates)
      for (const action of sheetActions)
        for (const role of roles)
          for (const roundState of roundStates)
            for (const committee of [true, false]) {
              const result = transitionSheet({
                sheet: { ...base, state: from },
                action,
                actor: { id: 'u', role },
                at: '2025-07-01T09:00:00+09:00',
                round: { state: roundState, hasCommitteeStage: committee },
                expectedVersion: 3,
                comment: 'reason',
              });
              const row = find(from, action, committee);
              const roleOk = row !== undefined && (role === 'admin' || row[3].includes(role));
              const roundOk = row?.[4].includes(roundState) === true;
              const label = `${from} ${action} by ${role} (round ${roundState}, committee ${committee})`;
              if (row && roleOk && roundOk) {
                allowed++;
                expect(result.ok, label).toBe(true);
                if (result.ok) {
                  expect(result.value.state).toBe(row[2]);
                  expect(result.value.version).toBe(4);
                  expect(result.value.event).toMatchObject({
                    sheetId: 's1',
                    action,
                    from,
                    to: row[2],
                    version: 4,
                  });
                }
              } else {
                forbidden++;
                expect(result.ok, label).toBe(false);
                if (result.ok) continue;
                const codes = result.problems.map((p) => p.code);
                if (!row) expect(codes, label).toContain('evaluation/invalid-transition');
                else {
                  if (!roleOk) expect(codes, label).toContain('evaluation/role-forbidden');
                  if (!roundOk) {
                    const code =
                      roundState === 'locked'
                        ? 'evaluation/round-locked'
                        : roundState === 'open'
                          ? 'evaluation/round-not-closed'
                          : 'evaluation/round-closed';
                    expect(codes, label).toContain(code);
                  }
                }
              }
            }
    expect(allowed).toBeGreaterThan(0);
    expect(forbidden).toBeGreaterThan(allowed);
  });

  it('records who, when, from, to and the comment', () => {
    const r = transitionSheet({
      sheet: { ...base, state: 'submitted' },
      action: 'return',
      actor: { id: 'tanaka', role: 'section-head', departmentCode: 'D01' },
      at: '2025-07-10T10:00:00+09:00',
      round: { state: 'open', hasCommitteeStage: true },
      expectedVersion: 3,
      comment: '  成果指標の実績値を確認してください  ',
    });
    expect(r).toEqual({
      ok: true,
      value: {
        state: 'returned',
        version: 4,
        event: {
          sheetId: 's1',
          action: 'return',
          from: 'submitted',
          to: 'returned',
          actor: { id: 'tanaka', role: 'section-head', departmentCode: 'D01' },
          at: '2025-07-10T10:00:00+09:00',
          comment: '成果指標の実績値を確認してください',
          version: 4,
        },
      },
    });
  });

  it('needs a comment to return, a current version, and the own department', () => {
    const r = transitionSheet({
      sheet: { ...base, state: 'submitted' },
      action: 'return',
      actor: { id: 'x', role: 'section-head', departmentCode: 'D02' },
      at: 't',
      round: { state: 'open', hasCommitteeStage: false },
      expectedVersion: 2,
      comment: '   ',
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems.map((p) => p.code).sort()).toEqual([
        'evaluation/comment-required',
        'evaluation/other-department',
        'evaluation/stale-version',
      ]);
      const stale = r.problems.find((p) => p.code === 'evaluation/stale-version');
      expect(stale?.kind).toBe('conflict');
      expect(stale?.details).toEqual({ expected: 2, current: 3 });
      expect(stale?.where).toEqual({ field: 'version' });
    }
  });

  it('lets the planning division act across departments', () => {
    const r = transitionSheet({
      sheet: { ...base, state: 'approved' },
      action: 'review',
      actor: { id: 'p', role: 'planning-division', departmentCode: 'PLAN' },
      at: 't',
      round: { state: 'open', hasCommitteeStage: true },
      expectedVersion: 3,
    });
    expect(r.ok).toBe(true);
  });

  it('lists the actions a role may take', () => {
    const open = { state: 'open' as const, hasCommitteeStage: true };
    expect(allowedSheetActions('submitted', 'section-head', open)).toEqual(['return', 'approve']);
    expect(allowedSheetActions('submitted', 'department-editor', open)).toEqual(['withdraw']);
    expect(allowedSheetActions('approved', 'department-editor', open)).toEqual([]);
    expect(allowedSheetActions('seen', 'planning-division', open)).toEqual([]);
    expect(
      allowedSheetActions('seen', 'planning-division', { state: 'closed', hasCommitteeStage: true }),
    ).toEqual(['publish']);
  });

  it('knows which stage a sheet waits on', () => {
    expect(awaitingStage('returned', true)).toBe('department-entry');
    expect(awaitingStage('approved', true)).toBe('planning-division');
    expect(awaitingStage('reviewed', true)).toBe('external-committee');
    expect(awaitingStage('reviewed', false)).toBeNull();
    expect(awaitingStage('published', true)).toBeNull();
  });
});
