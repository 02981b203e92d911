/**
 * The one authorisation check. `authorize(actor, action)` decides by role
 * (what every route does before its handler runs); `authorize(actor, action,
 * item)` also checks the item: a department editor only their department's,
 * a partner only linked items, the committee only what is released to it.
 */
import { fail, ok, type Result } from '@mirai/core';
import type { Actor } from './actor';
import { authProblems } from './auth-problems';
import { type Action, isAction, policyTable } from './policy-table';
import type { Role } from './roles';

/** What the checked item is, as far as scope is concerned. Absent keys are not checked. */
export interface ScopedItem {
  /** The owning department (null: owned by no department, so no department editor's). */
  department?: string | null;
  /** Codes the item is known by (its own, its partners'); partners need one of theirs in here. */
  codes?: readonly string[];
  /** Released to the committee (committee members see nothing else). */
  releasedToCommittee?: boolean;
}

/** Whether a role may perform an action at all (before looking at items). */
export function roleMay(role: Role, action: Action): boolean {
  if (role === 'public') return false;
  return (policyTable[action].roles as readonly string[]).includes(role);
}

/** Token scopes: an action (`indicator:record-actual`), an area (`indicator:*`), or everything (`*`). */
export function scopeCovers(scope: string, action: string): boolean {
  if (scope === '*') return true;
  if (scope.endsWith(':*')) return action.startsWith(scope.slice(0, -1));
  return scope === action;
}

export function isValidScope(scope: string): boolean {
  if (scope === '*') return true;
  if (scope.endsWith(':*')) return Object.keys(policyTable).some((a) => a.startsWith(scope.slice(0, -1)));
  return isAction(scope);
}

const selfService = (action: Action) => action === 'account:read-self' || action === 'account:update-self';

export function authorize(actor: Actor, action: Action, item?: ScopedItem): Result<void> {
  if (actor.kind === 'anonymous') return fail(authProblems.unauthenticated.create({}));
  if (!roleMay(actor.role, action)) return fail(authProblems.forbidden.create({ action, role: actor.role }));
  if (actor.via === 'token' && !(actor.scopes ?? []).some((s) => scopeCovers(s, action))) {
    return fail(authProblems.tokenScope.create({ action }));
  }
  if (actor.mustChangePassword && !selfService(action)) {
    return fail(authProblems.passwordChangeRequired.create({}));
  }
  if (item && !inScope(actor.role, actor.department, actor.links, item)) {
    return fail(authProblems.outOfScope.create({ action }));
  }
  return ok(undefined);
}

function inScope(role: Role, department: string | null, links: readonly string[], item: ScopedItem): boolean {
  switch (role) {
    case 'department-editor':
      return item.department === undefined || (item.department !== null && item.department === department);
    case 'partner':
      return (item.codes ?? []).some((c) => links.includes(c));
    case 'committee':
      return item.releasedToCommittee !== false;
    default:
      return true;
  }
}
