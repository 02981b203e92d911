/**
 * Who is acting: nobody (the public), a signed-in user (browser session), a
 * machine with an API token (on behalf of its user), or the CLI operator.
 */
import type { AccountRole } from './roles';

export interface UserActor {
  kind: 'user';
  via: 'session' | 'token' | 'cli';
  userId: number;
  login: string;
  role: AccountRole;
  /** The department a department editor belongs to. */
  department: string | null;
  /** Items (partners, projects…) a partner is linked to. */
  links: readonly string[];
  mustChangePassword: boolean;
  /** With `via: 'token'`: the token and the actions it is scoped to. */
  tokenId?: number;
  scopes?: readonly string[];
}

export interface AnonymousActor {
  kind: 'anonymous';
  role: 'public';
}

export type Actor = UserActor | AnonymousActor;

export const anonymous: AnonymousActor = { kind: 'anonymous', role: 'public' };

/** The actor as written in the audit trail: `user:tanaka`, `token:3:tanaka`, `cli:root`. */
export function actorLabel(actor: Actor | { cli: string }): string {
  if ('cli' in actor) return `cli:${actor.cli}`;
  if (actor.kind === 'anonymous') return 'anonymous';
  if (actor.via === 'token') return `token:${actor.tokenId}:${actor.login}`;
  return `user:${actor.login}`;
}
