/**
 * Who may edit which part of a sheet when: the content only while the sheet is
 * a draft or returned, each review level's comment only while the sheet waits
 * on that level, and nothing once the round is closed or locked.
 */
import { fail, ok, type Problem, type Result } from '../errors';
import { evaluationProblems as P } from './evaluation-problems';
import type { Actor, EvaluationRole } from './roles';
import type { RoundState } from './round';
import type { SheetState } from './sheet-workflow';
import { checkVersion } from './version';

export const reviewLevels = ['section-head', 'planning-division', 'committee'] as const;
export type ReviewLevel = (typeof reviewLevels)[number];

export type SheetPart = 'content' | `comment:${ReviewLevel}`;

const editRules: Record<SheetPart, { states: readonly SheetState[]; roles: readonly EvaluationRole[] }> = {
  content: { states: ['draft', 'returned'], roles: ['department-editor', 'admin'] },
  'comment:section-head': { states: ['submitted'], roles: ['section-head', 'admin'] },
  'comment:planning-division': { states: ['approved'], roles: ['planning-division', 'admin'] },
  'comment:committee': { states: ['reviewed'], roles: ['committee', 'admin'] },
};

export interface EditCheckInput {
  sheet: { state: SheetState; version: number; departmentCode: string };
  part: SheetPart;
  actor: Actor;
  roundState: RoundState;
  expectedVersion: number;
}

/** Checks an edit; on success returns the version the saved sheet gets. */
export function checkSheetEdit(input: EditCheckInput): Result<{ version: number }> {
  const { sheet, part, actor } = input;
  const rule = editRules[part];
  const problems: Problem[] = [];
  const version = checkVersion(input.expectedVersion, sheet.version);
  if (!version.ok) problems.push(...version.problems);
  if (input.roundState === 'locked') problems.push(P.roundLocked.create({}, { field: 'round.state' }));
  else if (input.roundState !== 'open') {
    problems.push(P.roundClosed.create({ state: input.roundState }, { field: 'round.state' }));
  }
  if (!rule.states.includes(sheet.state)) {
    problems.push(P.sheetNotEditable.create({ state: sheet.state, part }, { field: part }));
  }
  if (!rule.roles.includes(actor.role)) {
    problems.push(
      P.roleForbidden.create({ role: actor.role, action: `edit ${part}` }, { field: 'actor.role' }),
    );
  } else if (
    (actor.role === 'department-editor' || actor.role === 'section-head') &&
    actor.departmentCode !== undefined &&
    actor.departmentCode !== sheet.departmentCode
  ) {
    problems.push(
      P.otherDepartment.create(
        { department: actor.departmentCode, sheetDepartment: sheet.departmentCode },
        { field: 'departmentCode' },
      ),
    );
  }
  if (problems.length > 0) return fail(problems);
  return ok({ version: sheet.version + 1 });
}
