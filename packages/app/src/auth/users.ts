/**
 * Account administration use cases: create (the first administrator too),
 * list, update (role, department, links, disable), reset a password, change
 * one's own password. Each write is one transaction with its audit entry.
 */
import { fail, ok, type Problem, type Result } from '@mirai/core';
import {
  accountDb,
  audit,
  type Database,
  deleteUserSessions,
  findCurrentPlan,
  findUserById,
  insertUser,
  listUsers,
  type StoredUser,
  updateUser as updateUserRow,
} from '@mirai/db';
import type { Transaction } from 'kysely';
import type { AppContext } from '../context';
import { isMailAddress, mailProblems } from '../mail/mail-config';
import { authProblems } from './auth-problems';
import { type AuthSettings, authSettings } from './auth-settings';
import {
  generatePassword,
  hashPassword,
  minPasswordLength,
  passwordAcceptable,
  verifyPassword,
} from './password-hash';
import { type PublicUser, publicUser } from './public-user';
import { isAccountRole } from './roles';

export interface NewUserInput {
  login: string;
  displayName?: string;
  role: string;
  department?: string | null;
  /** Where reminders are mailed; null or '' for none. */
  email?: string | null;
  links?: string[];
  /** Absent: a one-time password is generated and must be changed at first sign-in. */
  password?: string;
}

export interface WriteOptions {
  actor: string;
  settings?: Partial<AuthSettings>;
}

const loginPattern = /^[a-z0-9][a-z0-9._-]{0,99}$/;
const isUniqueViolation = (e: unknown) =>
  typeof e === 'object' && e !== null && 'code' in e && (e as { code: unknown }).code === '23505';

async function planDepartments(ctx: AppContext): Promise<Set<string> | undefined> {
  const plan = await findCurrentPlan(ctx.database.db);
  const list = (plan?.document as { departments?: { code: string }[] } | undefined)?.departments;
  return list ? new Set(list.map((d) => d.code)) : undefined;
}

async function checkRoleFields(
  ctx: AppContext,
  role: string,
  department: string | null | undefined,
): Promise<Problem[]> {
  const problems: Problem[] = [];
  if (!isAccountRole(role)) problems.push(authProblems.unknownRole.create({ role }, { field: 'role' }));
  if (role === 'department-editor' && !department) {
    problems.push(authProblems.departmentRequired.create({}, { field: 'department' }));
  }
  if (department) {
    const known = await planDepartments(ctx);
    if (known && !known.has(department)) {
      problems.push(authProblems.unknownDepartment.create({ code: department }, { field: 'department' }));
    }
  }
  return problems;
}

/** A new account, checked and its password hashed, ready to be stored in a transaction. */
export interface PreparedUser {
  login: string;
  row: Parameters<typeof insertUser>[1];
  oneTimePassword?: string;
}

/** Checks a new account and hashes its password (slow: before any transaction). */
export async function prepareUser(
  ctx: AppContext,
  input: NewUserInput,
  opts: WriteOptions,
): Promise<Result<PreparedUser>> {
  const login = input.login.trim().toLowerCase();
  const problems: Problem[] = [];
  if (!loginPattern.test(login))
    problems.push(authProblems.invalidLogin.create({ login }, { field: 'login' }));
  problems.push(...(await checkRoleFields(ctx, input.role, input.department)));
  problems.push(...checkEmail(input.email));
  if (input.password !== undefined && !passwordAcceptable(input.password, login)) {
    problems.push(authProblems.weakPassword.create({ min: minPasswordLength }, { field: 'password' }));
  }
  if (problems.length > 0) return fail(problems);
  const oneTime = input.password === undefined ? generatePassword() : undefined;
  const passwordHash = await hashPassword(input.password ?? oneTime!, authSettings(opts.settings).scrypt);
  return ok({
    login,
    row: {
      login,
      displayName: input.displayName?.trim() || login,
      role: input.role,
      departmentCode: input.department ?? null,
      email: emailValue(input.email) ?? null,
      linkedCodes: input.links ?? [],
      passwordHash,
      mustChangePassword: oneTime !== undefined,
    },
    ...(oneTime ? { oneTimePassword: oneTime } : {}),
  });
}

/** Stores a prepared account with its audit entry in the caller's transaction (a taken login throws 23505). */
export async function storePreparedUser(
  tx: Transaction<Database>,
  prepared: PreparedUser,
  opts: WriteOptions,
): Promise<PublicUser> {
  const shown = publicUser(await insertUser(tx, prepared.row));
  await audit(tx, {
    actor: opts.actor,
    action: 'user.create',
    entityType: 'user',
    entityId: prepared.login,
    after: shown,
  });
  return shown;
}

export async function createUser(
  ctx: AppContext,
  input: NewUserInput,
  opts: WriteOptions,
): Promise<Result<{ user: PublicUser; oneTimePassword?: string }>> {
  const prepared = await prepareUser(ctx, input, opts);
  if (!prepared.ok) return prepared;
  const { login, oneTimePassword } = prepared.value;
  try {
    const user = await ctx.database.db
      .transaction()
      .execute((tx) => storePreparedUser(tx, prepared.value, opts));
    return ok(oneTimePassword ? { user, oneTimePassword } : { user });
  } catch (error) {
    if (isUniqueViolation(error)) return fail(authProblems.loginTaken.create({ login }, { field: 'login' }));
    throw error;
  }
}

/** Creates the first administrator; refuses when an administrator exists. */
export async function createFirstAdmin(
  ctx: AppContext,
  input: { login: string; displayName?: string; password?: string },
  opts: WriteOptions,
): Promise<Result<{ user: PublicUser; oneTimePassword?: string }>> {
  const admins = await accountDb(ctx.database.db)
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'admin')
    .execute();
  if (admins.length > 0) return fail(authProblems.adminExists.create({}));
  return createUser(ctx, { ...input, role: 'admin' }, opts);
}

export async function listAccounts(ctx: AppContext): Promise<PublicUser[]> {
  const now = new Date();
  return (await listUsers(ctx.database.db)).map((u) => publicUser(u, now));
}

export interface UserChangesInput {
  displayName?: string;
  role?: string;
  department?: string | null;
  email?: string | null;
  links?: string[];
  disabled?: boolean;
}

/** An e-mail address as given ('' → none), or the problem with it. */
function checkEmail(email: string | null | undefined): Problem[] {
  if (email === undefined || email === null || email.trim() === '') return [];
  return isMailAddress(email.trim())
    ? []
    : [mailProblems.badAddress.create({ address: email }, { field: 'email' })];
}
const emailValue = (email: string | null | undefined) =>
  email === undefined ? undefined : email === null || email.trim() === '' ? null : email.trim();

async function activeAdminsOtherThan(ctx: AppContext, id: number): Promise<number> {
  const rows = await accountDb(ctx.database.db)
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'admin')
    .where('disabled', '=', false)
    .where('id', '<>', id)
    .execute();
  return rows.length;
}

export async function updateAccount(
  ctx: AppContext,
  id: number,
  changes: UserChangesInput,
  opts: WriteOptions & { expectedVersion?: number },
): Promise<Result<PublicUser>> {
  const current = await findUserById(ctx.database.db, id);
  if (!current) return fail(authProblems.userNotFound.create({ id: String(id) }, { field: 'id' }));
  const role = changes.role ?? current.role;
  const department = changes.department !== undefined ? changes.department : current.departmentCode;
  const problems = [...(await checkRoleFields(ctx, role, department)), ...checkEmail(changes.email)];
  if (problems.length > 0) return fail(problems);
  const losesAdmin =
    current.role === 'admin' && !current.disabled && (role !== 'admin' || changes.disabled === true);
  if (losesAdmin && (await activeAdminsOtherThan(ctx, id)) === 0)
    return fail(authProblems.lastAdmin.create({}));
  const result = await ctx.database.db.transaction().execute(async (tx) => {
    const updated = await updateUserRow(
      tx,
      id,
      {
        ...(changes.displayName !== undefined ? { displayName: changes.displayName } : {}),
        role,
        departmentCode: role === 'department-editor' ? department : (department ?? null),
        ...(changes.email !== undefined ? { email: emailValue(changes.email) ?? null } : {}),
        ...(changes.links !== undefined ? { linkedCodes: changes.links } : {}),
        ...(changes.disabled !== undefined ? { disabled: changes.disabled } : {}),
      },
      opts.expectedVersion !== undefined ? { expectedVersion: opts.expectedVersion } : {},
    );
    if (!updated) return undefined;
    // A disabled account or a changed role must not keep old sessions.
    if (updated.disabled || updated.role !== current.role) await deleteUserSessions(tx, id);
    const action = changes.disabled === true && !current.disabled ? 'user.disable' : 'user.update';
    const after = publicUser(updated);
    await audit(tx, {
      actor: opts.actor,
      action,
      entityType: 'user',
      entityId: current.login,
      before: publicUser(current),
      after,
    });
    return after;
  });
  if (!result) {
    return fail(
      authProblems.userVersionConflict.create({
        expected: opts.expectedVersion ?? 0,
        actual: current.version,
      }),
    );
  }
  return ok(result);
}

/** Password reset by an administrator: a new one-time password, unlocked, every session ended. */
export async function resetPassword(
  ctx: AppContext,
  id: number,
  opts: WriteOptions,
): Promise<Result<{ user: PublicUser; oneTimePassword: string }>> {
  const current = await findUserById(ctx.database.db, id);
  if (!current) return fail(authProblems.userNotFound.create({ id: String(id) }, { field: 'id' }));
  const oneTimePassword = generatePassword();
  const passwordHash = await hashPassword(oneTimePassword, authSettings(opts.settings).scrypt);
  const user = await ctx.database.db.transaction().execute(async (tx) => {
    const updated = await updateUserRow(tx, id, {
      passwordHash,
      mustChangePassword: true,
      failedLogins: 0,
      lockedUntil: null,
    });
    await deleteUserSessions(tx, id);
    const after = publicUser(updated!);
    await audit(tx, {
      actor: opts.actor,
      action: 'user.password-reset',
      entityType: 'user',
      entityId: current.login,
      after,
    });
    return after;
  });
  return ok({ user, oneTimePassword });
}

/** A user changes their own password (needs the current one); other sessions end. */
export async function changeOwnPassword(
  ctx: AppContext,
  user: StoredUser,
  input: { current: string; next: string; keepSession?: string },
  opts: WriteOptions,
): Promise<Result<PublicUser>> {
  const problems: Problem[] = [];
  if (!user.passwordHash || !(await verifyPassword(input.current, user.passwordHash))) {
    problems.push(authProblems.wrongCurrentPassword.create({}, { field: 'currentPassword' }));
  }
  if (!passwordAcceptable(input.next, user.login) || input.next === input.current) {
    problems.push(authProblems.weakPassword.create({ min: minPasswordLength }, { field: 'newPassword' }));
  }
  if (problems.length > 0) return fail(problems);
  const passwordHash = await hashPassword(input.next, authSettings(opts.settings).scrypt);
  const updated = await ctx.database.db.transaction().execute(async (tx) => {
    const row = await updateUserRow(tx, user.id, { passwordHash, mustChangePassword: false });
    let q = accountDb(tx).deleteFrom('sessions').where('user_id', '=', user.id);
    if (input.keepSession) q = q.where('token_hash', '<>', input.keepSession);
    await q.execute();
    const after = publicUser(row!);
    await audit(tx, {
      actor: opts.actor,
      action: 'user.password-change',
      entityType: 'user',
      entityId: user.login,
      after,
    });
    return after;
  });
  return ok(updated);
}

export async function getAccount(ctx: AppContext, id: number): Promise<PublicUser | undefined> {
  const u = await findUserById(ctx.database.db, id);
  return u ? publicUser(u) : undefined;
}
