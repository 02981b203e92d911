import { describe, expect, it } from 'vitest';
import type { EvaluationRole } from './roles';
import type { RoundState } from './round';
import { checkSheetEdit, type SheetPart } from './sheet-edit';
import { type SheetState, sheetStates } from './sheet-workflow';

// Expected: which part is editable in which state by which role (besides admin).
const editable: Record<SheetPart, [SheetState[], EvaluationRole]> = {
  content: [['draft', 'returned'], 'department-editor'],
  'comment:section-head': [['submitted'], 'section-head'],
  'comment:planning-division': [['approved'], 'planning-division'],
  'comment:committee': [['reviewed'], 'committee'],
};
const roles: EvaluationRole[] = [
  'department-editor',
  'section-head',
  'planning-division',
  'committee',
  'admin',
];
const roundStates: RoundState[] = ['open', 'closed', 'published', 'locked'];

describe('checkSheetEdit', () => {
  it('allows each part only in its states, to its role, in an open round', () => {
    for (const part of Object.keys(editable) as SheetPart[])
      for (const state of sheetStates)
        for (const role of roles)
          for (const roundState of roundStates) {
            const [states, owner] = editable[part];
            const r = checkSheetEdit({
              sheet: { state, version: 5, departmentCode: 'D1' },
              part,
              actor: { id: 'u', role },
              roundState,
              expectedVersion: 5,
            });
            const allowed =
              states.includes(state) && (role === owner || role === 'admin') && roundState === 'open';
            expect(r.ok, `${part} ${state} ${role} ${roundState}`).toBe(allowed);
            if (r.ok) expect(r.value.version).toBe(6);
            else {
              const codes = r.problems.map((p) => p.code);
              if (!states.includes(state)) expect(codes).toContain('evaluation/sheet-not-editable');
              if (roundState === 'locked') expect(codes).toContain('evaluation/round-locked');
              if (roundState === 'closed' || roundState === 'published')
                expect(codes).toContain('evaluation/round-closed');
            }
          }
  });

  it('never lets an approved sheet be edited and detects concurrent edits', () => {
    const r = checkSheetEdit({
      sheet: { state: 'approved', version: 8, departmentCode: 'D1' },
      part: 'content',
      actor: { id: 'u', role: 'department-editor', departmentCode: 'D1' },
      roundState: 'open',
      expectedVersion: 7,
    });
    expect(!r.ok && r.problems.map((p) => p.code)).toEqual([
      'evaluation/stale-version',
      'evaluation/sheet-not-editable',
    ]);
    const other = checkSheetEdit({
      sheet: { state: 'draft', version: 1, departmentCode: 'D1' },
      part: 'content',
      actor: { id: 'u', role: 'department-editor', departmentCode: 'D9' },
      roundState: 'open',
      expectedVersion: 1,
    });
    expect(!other.ok && other.problems.map((p) => p.code)).toEqual(['evaluation/other-department']);
  });
});
