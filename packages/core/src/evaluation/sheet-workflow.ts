/**
 * The sheet workflow as a state machine: draft → submitted → returned (editable
 * again) or approved by the section head → reviewed by the planning division →
 * seen by the committee → published. Each transition is checked against the
 * state, the role, the department, the round's state and the version, and
 * yields the new state with an event for the audit trail.
 */
import { fail, ok, type Problem, type Result } from '../errors';
import { evaluationProblems as P } from './evaluation-problems';
import type { Actor, EvaluationRole } from './roles';
import type { RoundStage, RoundState } from './round';
import { checkVersion } from './version';

export const sheetStates = [
  'draft',
  'submitted',
  'returned',
  'approved',
  'reviewed',
  'seen',
  'published',
] as const;
export type SheetState = (typeof sheetStates)[number];

export const sheetStateLabels: Record<SheetState, { ja: string; en: string }> = {
  draft: { ja: '作成中', en: 'Draft' },
  submitted: { ja: '提出済', en: 'Submitted' },
  returned: { ja: '差戻し', en: 'Returned' },
  approved: { ja: '所属長承認', en: 'Approved by section head' },
  reviewed: { ja: '企画担当課審査済', en: 'Reviewed by planning division' },
  seen: { ja: '委員会確認済', en: 'Seen by committee' },
  published: { ja: '公表', en: 'Published' },
};

export const sheetActions = ['submit', 'withdraw', 'return', 'approve', 'review', 'see', 'publish'] as const;
export type SheetAction = (typeof sheetActions)[number];

export interface TransitionRule {
  action: SheetAction;
  from: SheetState;
  to: SheetState;
  roles: readonly EvaluationRole[];
  /** Round states in which the transition may happen. */
  roundStates: readonly RoundState[];
  commentRequired?: boolean;
  /** Only when the round has (true) or lacks (false) the external-committee stage. */
  committeeStage?: boolean;
  /** Department roles may act only on their own department's sheets. */
  ownDepartmentOnly?: boolean;
}

const OPEN: readonly RoundState[] = ['open'];
const AFTER_CLOSE: readonly RoundState[] = ['closed', 'published'];

/** The whole transition table; anything not listed is forbidden. */
export const transitionRules: readonly TransitionRule[] = [
  {
    action: 'submit',
    from: 'draft',
    to: 'submitted',
    roles: ['department-editor', 'admin'],
    roundStates: OPEN,
    ownDepartmentOnly: true,
  },
  {
    action: 'submit',
    from: 'returned',
    to: 'submitted',
    roles: ['department-editor', 'admin'],
    roundStates: OPEN,
    ownDepartmentOnly: true,
  },
  {
    action: 'withdraw',
    from: 'submitted',
    to: 'draft',
    roles: ['department-editor', 'admin'],
    roundStates: OPEN,
    ownDepartmentOnly: true,
  },
  {
    action: 'return',
    from: 'submitted',
    to: 'returned',
    roles: ['section-head', 'admin'],
    roundStates: OPEN,
    commentRequired: true,
    ownDepartmentOnly: true,
  },
  {
    action: 'approve',
    from: 'submitted',
    to: 'approved',
    roles: ['section-head', 'admin'],
    roundStates: OPEN,
    ownDepartmentOnly: true,
  },
  {
    action: 'return',
    from: 'approved',
    to: 'returned',
    roles: ['planning-division', 'admin'],
    roundStates: OPEN,
    commentRequired: true,
  },
  {
    action: 'review',
    from: 'approved',
    to: 'reviewed',
    roles: ['planning-division', 'admin'],
    roundStates: OPEN,
  },
  {
    action: 'see',
    from: 'reviewed',
    to: 'seen',
    roles: ['committee', 'admin'],
    roundStates: OPEN,
    committeeStage: true,
  },
  {
    action: 'publish',
    from: 'seen',
    to: 'published',
    roles: ['planning-division', 'admin'],
    roundStates: AFTER_CLOSE,
    committeeStage: true,
  },
  {
    action: 'publish',
    from: 'reviewed',
    to: 'published',
    roles: ['planning-division', 'admin'],
    roundStates: AFTER_CLOSE,
    committeeStage: false,
  },
];

/** The round facts a transition depends on. */
export interface RoundContext {
  state: RoundState;
  hasCommitteeStage: boolean;
}

export interface SheetRef {
  id: string;
  state: SheetState;
  version: number;
  departmentCode: string;
}

export interface SheetEvent {
  sheetId: string;
  action: SheetAction;
  from: SheetState;
  to: SheetState;
  actor: Actor;
  /** ISO 8601 instant, supplied by the caller (core has no clock). */
  at: string;
  comment?: string;
  /** The sheet's version after the transition. */
  version: number;
}

export interface TransitionInput {
  sheet: SheetRef;
  action: SheetAction;
  actor: Actor;
  at: string;
  round: RoundContext;
  expectedVersion: number;
  comment?: string;
}

function ruleFor(from: SheetState, action: SheetAction, round: RoundContext): TransitionRule | undefined {
  return transitionRules.find(
    (r) =>
      r.from === from &&
      r.action === action &&
      (r.committeeStage === undefined || r.committeeStage === round.hasCommitteeStage),
  );
}

/** Round-state problem for an action, or none. */
export function roundStateProblem(
  roundState: RoundState,
  allowed: readonly RoundState[],
): Problem | undefined {
  if (allowed.includes(roundState)) return undefined;
  if (roundState === 'locked') return P.roundLocked.create({}, { field: 'round.state' });
  if (roundState === 'open') return P.roundNotClosed.create({ state: roundState }, { field: 'round.state' });
  return P.roundClosed.create({ state: roundState }, { field: 'round.state' });
}

/** Applies one workflow action; every problem found is reported together. */
export function transitionSheet(
  input: TransitionInput,
): Result<{ state: SheetState; version: number; event: SheetEvent }> {
  const { sheet, action, actor, round } = input;
  const problems: Problem[] = [];
  const version = checkVersion(input.expectedVersion, sheet.version);
  if (!version.ok) problems.push(...version.problems);
  const rule = ruleFor(sheet.state, action, round);
  if (!rule) {
    if (round.state === 'locked') problems.push(P.roundLocked.create({}, { field: 'round.state' }));
    problems.push(P.invalidTransition.create({ from: sheet.state, action }, { field: 'state' }));
    return fail(problems);
  }
  const roundProblem = roundStateProblem(round.state, rule.roundStates);
  if (roundProblem) problems.push(roundProblem);
  if (!rule.roles.includes(actor.role)) {
    problems.push(P.roleForbidden.create({ role: actor.role, action }, { field: 'actor.role' }));
  } else if (
    rule.ownDepartmentOnly &&
    actor.role !== 'admin' &&
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
  const comment = input.comment?.trim();
  if (rule.commentRequired && !comment)
    problems.push(P.commentRequired.create({ action }, { field: 'comment' }));
  if (problems.length > 0) return fail(problems);
  const next = sheet.version + 1;
  const event: SheetEvent = {
    sheetId: sheet.id,
    action,
    from: sheet.state,
    to: rule.to,
    actor: { ...actor },
    at: input.at,
    version: next,
  };
  if (comment) event.comment = comment;
  return ok({ state: rule.to, version: next, event });
}

/** The actions a role could take on a sheet now (for buttons and checks). */
export function allowedSheetActions(
  state: SheetState,
  role: EvaluationRole,
  round: RoundContext,
): SheetAction[] {
  return sheetActions.filter((action) => {
    const rule = ruleFor(state, action, round);
    return (rule?.roles.includes(role) && rule.roundStates.includes(round.state)) === true;
  });
}

/** The stage a sheet is waiting on, or null when its review is complete. */
export function awaitingStage(state: SheetState, hasCommitteeStage: boolean): RoundStage | null {
  switch (state) {
    case 'draft':
    case 'returned':
      return 'department-entry';
    case 'submitted':
      return 'section-head';
    case 'approved':
      return 'planning-division';
    case 'reviewed':
      return hasCommitteeStage ? 'external-committee' : null;
    case 'seen':
    case 'published':
      return null;
  }
}
