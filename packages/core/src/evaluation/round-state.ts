/**
 * Round states: open → closed → published → locked (a closed round may be
 * reopened). Publishing needs every sheet in scope through its last review stage.
 */
import { fail, ok, type Problem, type Result } from '../errors';
import { evaluationProblems as P } from './evaluation-problems';
import type { Actor, EvaluationRole } from './roles';
import { type EvaluationRound, hasCommitteeStage, type RoundState } from './round';
import { type SheetState, sheetStates } from './sheet-workflow';
import { checkVersion } from './version';

export const roundActions = ['close', 'reopen', 'publish', 'lock'] as const;
export type RoundAction = (typeof roundActions)[number];

export const roundTransitionRules: readonly {
  action: RoundAction;
  from: RoundState;
  to: RoundState;
  roles: readonly EvaluationRole[];
}[] = [
  { action: 'close', from: 'open', to: 'closed', roles: ['planning-division', 'admin'] },
  { action: 'reopen', from: 'closed', to: 'open', roles: ['planning-division', 'admin'] },
  { action: 'publish', from: 'closed', to: 'published', roles: ['planning-division', 'admin'] },
  { action: 'lock', from: 'published', to: 'locked', roles: ['planning-division', 'admin'] },
];

export interface RoundEvent {
  roundId: string;
  action: RoundAction;
  from: RoundState;
  to: RoundState;
  actor: Actor;
  at: string;
  comment?: string;
  version: number;
}

/** The sheets of a round as far as publication is concerned. */
export interface RoundSheetStatus {
  id: string;
  /** The measure or project code the sheet evaluates. */
  code: string;
  kind: 'measure' | 'project';
  state: SheetState;
}

export interface RoundTransitionInput {
  round: EvaluationRound;
  action: RoundAction;
  actor: Actor;
  at: string;
  expectedVersion: number;
  comment?: string;
  /** Needed to publish: the round's sheets. */
  sheets?: readonly RoundSheetStatus[];
}

/** Problems that keep a round from being published: missing sheets, sheets not fully reviewed. */
export function publicationBlockers(round: EvaluationRound, sheets: readonly RoundSheetStatus[]): Problem[] {
  const needed: SheetState = hasCommitteeStage(round) ? 'seen' : 'reviewed';
  const neededIndex = sheetStates.indexOf(needed);
  const problems: Problem[] = [];
  const present = new Set(sheets.map((s) => `${s.kind}:${s.code}`));
  const expected: [RoundSheetStatus['kind'], string[]][] = [
    ['measure', round.scope.measureCodes],
    ['project', round.scope.projectCodes],
  ];
  for (const [kind, codes] of expected) {
    for (const code of codes) {
      if (!present.has(`${kind}:${code}`)) {
        problems.push(
          P.roundIncomplete.create({ sheetId: `${kind}:${code}`, state: 'missing', needed }, { field: code }),
        );
      }
    }
  }
  for (const s of sheets) {
    // 'returned' sits after 'submitted' in the list but is not further along.
    const progressed = s.state !== 'returned' && sheetStates.indexOf(s.state) >= neededIndex;
    if (!progressed)
      problems.push(P.roundIncomplete.create({ sheetId: s.id, state: s.state, needed }, { field: s.code }));
  }
  return problems;
}

export function transitionRound(
  input: RoundTransitionInput,
): Result<{ round: EvaluationRound; event: RoundEvent }> {
  const { round, action, actor } = input;
  const problems: Problem[] = [];
  const version = checkVersion(input.expectedVersion, round.version);
  if (!version.ok) problems.push(...version.problems);
  const rule = roundTransitionRules.find((r) => r.action === action && r.from === round.state);
  if (!rule) {
    problems.push(
      round.state === 'locked'
        ? P.roundLocked.create({}, { field: 'state' })
        : P.invalidRoundTransition.create({ from: round.state, action }, { field: 'state' }),
    );
    return fail(problems);
  }
  if (!rule.roles.includes(actor.role)) {
    problems.push(
      P.roleForbidden.create({ role: actor.role, action: `${action} round` }, { field: 'actor.role' }),
    );
  }
  if (action === 'publish') {
    if (!input.sheets) throw new Error('transitionRound: publishing needs the round sheets');
    problems.push(...publicationBlockers(round, input.sheets));
  }
  if (problems.length > 0) return fail(problems);
  const next = round.version + 1;
  const event: RoundEvent = {
    roundId: round.id,
    action,
    from: round.state,
    to: rule.to,
    actor: { ...actor },
    at: input.at,
    version: next,
  };
  const comment = input.comment?.trim();
  if (comment) event.comment = comment;
  return ok({ round: { ...round, state: rule.to, version: next }, event });
}
