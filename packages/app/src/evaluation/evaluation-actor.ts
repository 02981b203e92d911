/**
 * Who acts in the evaluation cycle, from an account: department editors act
 * as the department, reviewers as section heads (所属長), planning editors as
 * the planning division, committee members as the committee.
 */
import type { Actor as EvaluationActor, EvaluationRole } from '@mirai/core';
import type { Actor } from '../auth/actor';
import { actorLabel } from '../auth/actor';
import type { AccountRole } from '../auth/roles';

export const evaluationRoleOfAccount: Record<AccountRole, EvaluationRole | null> = {
  admin: 'admin',
  'planning-editor': 'planning-division',
  'department-editor': 'department-editor',
  reviewer: 'section-head',
  committee: 'committee',
  partner: null,
};

/** The evaluation actor of an account, or null when the account takes no part (partners, the public). */
export function evaluationActorOf(actor: Actor): EvaluationActor | null {
  if (actor.kind === 'anonymous') return null;
  const role = evaluationRoleOfAccount[actor.role];
  if (!role) return null;
  const a: EvaluationActor = { id: actorLabel(actor), role };
  if (actor.department) a.departmentCode = actor.department;
  // A department editor without a department edits no department's sheets (fail closed).
  else if (role === 'department-editor') a.departmentCode = '';
  return a;
}

/** The CLI operator acts as administrator; `id` is its audit identity (`cli:<os user>`). */
export const cliEvaluationActor = (id: string): EvaluationActor => ({ id, role: 'admin' });

/** Which department's sheets a round's progress shows an account: its own for a department editor, all otherwise. */
export function roundScopeOf(actor: Actor): { departmentCode?: string } {
  const a = evaluationActorOf(actor);
  return a?.role === 'department-editor' && a.departmentCode ? { departmentCode: a.departmentCode } : {};
}
