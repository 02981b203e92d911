/**
 * Sign-in, sessions and sign-out. A session token is 32 random bytes; the
 * database keeps only its SHA-256. Failed sign-ins count per account and
 * lock it for a while; every attempt, good or bad, is audited.
 */
import { createHash, randomBytes } from 'node:crypto';
import { fail, ok, type Result } from '@mirai/core';
import {
  audit,
  deleteSession,
  findSession,
  findUserByLogin,
  insertSession,
  type StoredUser,
  touchSession,
  updateUser,
} from '@mirai/db';
import type { AppContext } from '../context';
import type { UserActor } from './actor';
import { authProblems } from './auth-problems';
import { type AuthSettings, authSettings } from './auth-settings';
import { hashPassword, needsRehash, verifyPassword } from './password-hash';
import { type PublicUser, publicUser } from './public-user';
import type { AccountRole } from './roles';

export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
export const randomToken = () => randomBytes(32).toString('base64url');

export function userActor(u: StoredUser, via: UserActor['via']): UserActor {
  return {
    kind: 'user',
    via,
    userId: u.id,
    login: u.login,
    role: u.role as AccountRole,
    department: u.departmentCode,
    links: u.linkedCodes,
    mustChangePassword: u.mustChangePassword,
  };
}

// Verifying against a fixed hash when the login is unknown keeps the timing the same.
let dummyHash: Promise<string> | undefined;
const dummy = (s: AuthSettings) => {
  dummyHash ??= hashPassword(randomToken(), s.scrypt);
  return dummyHash;
};

export interface SignedIn {
  token: string;
  csrfToken: string;
  expiresAt: Date;
  user: PublicUser;
}

export async function login(
  ctx: AppContext,
  input: { login: string; password: string; client?: string },
  options: Partial<AuthSettings> = {},
): Promise<Result<SignedIn>> {
  const s = authSettings(options);
  const db = ctx.database.db;
  const name = input.login.trim().toLowerCase().slice(0, 100);
  const user = await findUserByLogin(db, name);
  const now = new Date();
  const failed = async (reason: string, u?: StoredUser) => {
    await db.transaction().execute(async (tx) => {
      if (u && reason === 'wrong-password') {
        const count = u.failedLogins + 1;
        const lock = count >= s.maxFailedLogins ? new Date(now.getTime() + s.lockoutMinutes * 60_000) : null;
        await updateUser(
          tx,
          u.id,
          { failedLogins: lock ? 0 : count, lockedUntil: lock },
          { bumpVersion: false },
        );
        if (lock) reason = 'wrong-password-locked';
      }
      await audit(tx, {
        actor: 'anonymous',
        action: 'auth.login-failed',
        entityType: 'session',
        entityId: name,
        details: { reason, ...(input.client ? { client: input.client } : {}) },
      });
    });
    return fail<SignedIn>(authProblems.invalidCredentials.create({}));
  };
  if (!user?.passwordHash) {
    await verifyPassword(input.password, await dummy(s));
    return failed('unknown-login');
  }
  const matches = await verifyPassword(input.password, user.passwordHash);
  if (user.disabled) return failed('disabled');
  if (user.lockedUntil && user.lockedUntil > now) return failed('locked');
  if (!matches) return failed('wrong-password', user);

  const token = randomToken();
  const csrfToken = randomToken();
  const expiresAt = new Date(now.getTime() + s.sessionAbsoluteHours * 3_600_000);
  const rehash = needsRehash(user.passwordHash, s.scrypt)
    ? await hashPassword(input.password, s.scrypt)
    : undefined;
  const shown = await db.transaction().execute(async (tx) => {
    const updated = await updateUser(
      tx,
      user.id,
      { failedLogins: 0, lockedUntil: null, ...(rehash ? { passwordHash: rehash } : {}) },
      { bumpVersion: false },
    );
    await insertSession(tx, {
      tokenHash: sha256(token),
      userId: user.id,
      csrfToken,
      expiresAt,
      client: input.client ?? null,
    });
    await audit(tx, {
      actor: `user:${user.login}`,
      action: 'auth.login',
      entityType: 'session',
      entityId: user.login,
      details: { ...(input.client ? { client: input.client } : {}), ...(rehash ? { rehashed: true } : {}) },
    });
    return publicUser(updated!, now);
  });
  return ok({ token, csrfToken, expiresAt, user: shown });
}

export interface ResolvedSession {
  actor: UserActor;
  user: StoredUser;
  csrfToken: string;
  tokenHash: string;
}

/** The session behind a cookie value, if it is live; extends its idle window. */
export async function resolveSession(
  ctx: AppContext,
  token: string,
  options: Partial<AuthSettings> = {},
): Promise<Result<ResolvedSession>> {
  const s = authSettings(options);
  const db = ctx.database.db;
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return fail(authProblems.sessionExpired.create({}));
  const tokenHash = sha256(token);
  const found = await findSession(db, tokenHash);
  const now = new Date();
  if (!found) return fail(authProblems.sessionExpired.create({}));
  const idle = now.getTime() - found.lastSeenAt.getTime() > s.sessionIdleMinutes * 60_000;
  if (found.expiresAt <= now || idle || found.user.disabled) {
    await deleteSession(db, tokenHash);
    return fail(authProblems.sessionExpired.create({}));
  }
  // Write the last-seen time at most once a minute.
  if (now.getTime() - found.lastSeenAt.getTime() > 60_000) await touchSession(db, tokenHash, now);
  return ok({
    actor: userActor(found.user, 'session'),
    user: found.user,
    csrfToken: found.csrfToken,
    tokenHash,
  });
}

export async function logout(ctx: AppContext, tokenHash: string, actor: UserActor): Promise<void> {
  await ctx.database.db.transaction().execute(async (tx) => {
    if (await deleteSession(tx, tokenHash)) {
      await audit(tx, {
        actor: `user:${actor.login}`,
        action: 'auth.logout',
        entityType: 'session',
        entityId: actor.login,
      });
    }
  });
}
