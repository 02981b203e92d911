/**
 * API tokens for machine clients: `mirai_<secret>`, shown once at creation;
 * the database keeps its SHA-256. A token acts for its user, limited to its
 * scopes; revoking is immediate. Creation and revocation are audited.
 */
import { fail, ok, type Problem, type Result } from '@mirai/core';
import {
  audit,
  findTokenById,
  findTokenBySecretHash,
  insertToken,
  listTokens,
  markTokenUsed,
  revokeToken,
  type StoredToken,
} from '@mirai/db';
import type { AppContext } from '../context';
import { actorLabel, type UserActor } from './actor';
import { authProblems } from './auth-problems';
import { isValidScope, roleMay } from './authorize';
import { isAction } from './policy-table';
import { randomToken, sha256, userActor } from './sessions';

export const tokenPrefix = 'mirai_';

export interface NewTokenInput {
  name: string;
  scopes: string[];
  expiresInDays?: number;
}

export async function createApiToken(
  ctx: AppContext,
  owner: UserActor,
  input: NewTokenInput,
  opts: { actor: string },
): Promise<Result<{ token: StoredToken; secret: string }>> {
  const problems: Problem[] = [];
  input.scopes.forEach((scope, index) => {
    if (!isValidScope(scope))
      problems.push(authProblems.unknownScope.create({ scope }, { field: 'scopes', index }));
    else if (isAction(scope) && !roleMay(owner.role, scope)) {
      problems.push(authProblems.scopeBeyondRole.create({ scope }, { field: 'scopes', index }));
    }
  });
  if (problems.length > 0) return fail(problems);
  const secret = `${tokenPrefix}${randomToken()}`;
  const expiresAt =
    input.expiresInDays !== undefined ? new Date(Date.now() + input.expiresInDays * 86_400_000) : null;
  const token = await ctx.database.db.transaction().execute(async (tx) => {
    const t = await insertToken(tx, {
      userId: owner.userId,
      name: input.name,
      secretHash: sha256(secret),
      scopes: input.scopes,
      expiresAt,
    });
    await audit(tx, {
      actor: opts.actor,
      action: 'token.create',
      entityType: 'api-token',
      entityId: String(t.id),
      after: { ...t, owner: owner.login },
    });
    return t;
  });
  return ok({ token, secret });
}

/** The actor behind an `Authorization: Bearer mirai_…` value, if the token is live. */
export async function resolveApiToken(ctx: AppContext, secret: string): Promise<Result<UserActor>> {
  if (!secret.startsWith(tokenPrefix) || secret.length > 200)
    return fail(authProblems.invalidToken.create({}));
  const db = ctx.database.db;
  const found = await findTokenBySecretHash(db, sha256(secret));
  const now = new Date();
  if (
    !found ||
    found.token.revokedAt ||
    (found.token.expiresAt && found.token.expiresAt <= now) ||
    found.user.disabled
  ) {
    return fail(authProblems.invalidToken.create({}));
  }
  if (!found.token.lastUsedAt || now.getTime() - found.token.lastUsedAt.getTime() > 60_000) {
    await markTokenUsed(db, found.token.id, now);
  }
  // Machines do not change passwords: a pending change does not block a token.
  return ok({
    ...userActor(found.user, 'token'),
    mustChangePassword: false,
    tokenId: found.token.id,
    scopes: found.token.scopes,
  });
}

export async function listApiTokens(ctx: AppContext, userId?: number): Promise<StoredToken[]> {
  return listTokens(ctx.database.db, userId);
}

/** Revokes a token: one's own, or any with `tokens:manage-all` (`asAdmin`). */
export async function revokeApiToken(
  ctx: AppContext,
  actor: UserActor | { cli: string },
  id: number,
  opts: { asAdmin: boolean },
): Promise<Result<StoredToken>> {
  const found = await findTokenById(ctx.database.db, id);
  const mine = found && 'userId' in actor && found.userId === actor.userId;
  if (!found || (!mine && !opts.asAdmin)) {
    return fail(authProblems.tokenNotFound.create({ id: String(id) }, { field: 'id' }));
  }
  const revoked = await ctx.database.db.transaction().execute(async (tx) => {
    const r = await revokeToken(tx, id, new Date());
    if (r) {
      await audit(tx, {
        actor: actorLabel(actor),
        action: 'token.revoke',
        entityType: 'api-token',
        entityId: String(id),
        before: found,
        after: r,
      });
    }
    return r;
  });
  return ok(revoked ?? found);
}
