/** The role check of the planning division's evaluation actions (open a round, record and publish a review, draft the next phase). */
import { type Actor, evaluationProblems, fail, ok, type Result } from '@mirai/core';

/** Ok for an administrator or the planning division; else role-forbidden naming the action. */
export function requirePlanningDivision(actor: Actor, action: string): Result<void> {
  if (['admin', 'planning-division'].includes(actor.role)) return ok(undefined);
  return fail(evaluationProblems.roleForbidden.create({ role: actor.role, action }, { field: 'actor.role' }));
}
