/**
 * Users: one row per account. The table's Kysely type lives here with the
 * repository; callers pass the shared database handle (or a transaction).
 */
import type { ColumnType, Generated, JSONColumnType, Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from '../schema';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface UsersTable {
  id: Generated<number>;
  login: string;
  display_name: string;
  role: string;
  department_code: string | null;
  email: ColumnType<string | null, string | null | undefined, string | null>;
  linked_codes: JSONColumnType<string[]>;
  password_hash: string | null;
  must_change_password: boolean;
  disabled: boolean;
  failed_logins: number;
  locked_until: Date | null;
  version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AccountTables {
  users: UsersTable;
  sessions: import('./session.repository').SessionsTable;
  api_tokens: import('./token.repository').ApiTokensTable;
}

export type AccountDb = Kysely<Database & AccountTables> | Transaction<Database & AccountTables>;
type Db = Kysely<Database> | Transaction<Database>;
/** The shared handle seen with the account tables. */
export const accountDb = (db: Db) => db as unknown as Kysely<Database & AccountTables>;

export interface StoredUser {
  id: number;
  login: string;
  displayName: string;
  role: string;
  departmentCode: string | null;
  /** Where reminders and workflow notices are mailed (optional). */
  email: string | null;
  linkedCodes: string[];
  passwordHash: string | null;
  mustChangePassword: boolean;
  disabled: boolean;
  failedLogins: number;
  lockedUntil: Date | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export const toStoredUser = (r: Selectable<UsersTable>): StoredUser => ({
  id: r.id,
  login: r.login,
  displayName: r.display_name,
  role: r.role,
  departmentCode: r.department_code,
  email: r.email ?? null,
  linkedCodes: Array.isArray(r.linked_codes) ? r.linked_codes : [],
  passwordHash: r.password_hash,
  mustChangePassword: r.must_change_password,
  disabled: r.disabled,
  failedLogins: r.failed_logins,
  lockedUntil: r.locked_until ? new Date(r.locked_until) : null,
  version: r.version,
  createdAt: new Date(r.created_at),
  updatedAt: new Date(r.updated_at),
});

export async function findUserByLogin(db: Db, login: string): Promise<StoredUser | undefined> {
  const row = await accountDb(db)
    .selectFrom('users')
    .selectAll()
    .where('login', '=', login.toLowerCase())
    .executeTakeFirst();
  return row ? toStoredUser(row) : undefined;
}

export async function findUserById(db: Db, id: number): Promise<StoredUser | undefined> {
  if (!Number.isSafeInteger(id) || id < 1 || id > 2 ** 31 - 1) return undefined;
  const row = await accountDb(db).selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toStoredUser(row) : undefined;
}

export async function listUsers(db: Db): Promise<StoredUser[]> {
  const rows = await accountDb(db).selectFrom('users').selectAll().orderBy('id', 'asc').execute();
  return rows.map(toStoredUser);
}

export async function countUsers(db: Db): Promise<number> {
  const row = await accountDb(db)
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

export interface NewUserRow {
  login: string;
  displayName: string;
  role: string;
  departmentCode?: string | null;
  email?: string | null;
  linkedCodes?: string[];
  passwordHash: string | null;
  mustChangePassword: boolean;
}

export async function insertUser(tx: Transaction<Database>, u: NewUserRow): Promise<StoredUser> {
  const row = await accountDb(tx)
    .insertInto('users')
    .values({
      login: u.login.toLowerCase(),
      display_name: u.displayName,
      role: u.role,
      department_code: u.departmentCode ?? null,
      email: u.email ?? null,
      linked_codes: JSON.stringify(u.linkedCodes ?? []) as never,
      password_hash: u.passwordHash,
      must_change_password: u.mustChangePassword,
      disabled: false,
      failed_logins: 0,
      locked_until: null,
      version: 1,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toStoredUser(row);
}

export interface UserChanges {
  displayName?: string;
  role?: string;
  departmentCode?: string | null;
  email?: string | null;
  linkedCodes?: string[];
  passwordHash?: string | null;
  mustChangePassword?: boolean;
  disabled?: boolean;
  failedLogins?: number;
  lockedUntil?: Date | null;
}

/**
 * Updates a user; with `expectedVersion` the update happens only at that
 * version (optimistic locking) and bumps it. Returns undefined when no row matched.
 */
export async function updateUser(
  tx: Transaction<Database>,
  id: number,
  changes: UserChanges,
  opts: { expectedVersion?: number; bumpVersion?: boolean } = {},
): Promise<StoredUser | undefined> {
  const set: Record<string, unknown> = { updated_at: new Date() };
  if (changes.displayName !== undefined) set.display_name = changes.displayName;
  if (changes.role !== undefined) set.role = changes.role;
  if (changes.departmentCode !== undefined) set.department_code = changes.departmentCode;
  if (changes.email !== undefined) set.email = changes.email;
  if (changes.linkedCodes !== undefined) set.linked_codes = JSON.stringify(changes.linkedCodes);
  if (changes.passwordHash !== undefined) set.password_hash = changes.passwordHash;
  if (changes.mustChangePassword !== undefined) set.must_change_password = changes.mustChangePassword;
  if (changes.disabled !== undefined) set.disabled = changes.disabled;
  if (changes.failedLogins !== undefined) set.failed_logins = changes.failedLogins;
  if (changes.lockedUntil !== undefined) set.locked_until = changes.lockedUntil;
  let q = accountDb(tx)
    .updateTable('users')
    .set((eb) => ({
      ...set,
      ...(opts.bumpVersion === false ? {} : { version: eb('version', '+', 1) }),
    }))
    .where('id', '=', id);
  if (opts.expectedVersion !== undefined) q = q.where('version', '=', opts.expectedVersion);
  const row = await q.returningAll().executeTakeFirst();
  return row ? toStoredUser(row) : undefined;
}
