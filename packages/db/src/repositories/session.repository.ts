/**
 * Sessions: a row per signed-in browser, keyed by the SHA-256 of the session
 * token (the token itself is only in the cookie), with its CSRF token.
 */
import type { ColumnType, Transaction } from 'kysely';
import type { Database } from '../schema';
import { type AccountDb, accountDb, type StoredUser, toStoredUser } from './user.repository';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface SessionsTable {
  token_hash: string;
  user_id: number;
  csrf_token: string;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  client: string | null;
}

type Db = Parameters<typeof accountDb>[0];

export interface StoredSession {
  tokenHash: string;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  user: StoredUser;
}

export async function insertSession(
  tx: Transaction<Database>,
  s: { tokenHash: string; userId: number; csrfToken: string; expiresAt: Date; client?: string | null },
): Promise<void> {
  await accountDb(tx)
    .insertInto('sessions')
    .values({
      token_hash: s.tokenHash,
      user_id: s.userId,
      csrf_token: s.csrfToken,
      expires_at: s.expiresAt,
      client: s.client ?? null,
    })
    .execute();
}

/** The session and its user, if the session exists (expiry is the caller's to judge). */
export async function findSession(db: Db, tokenHash: string): Promise<StoredSession | undefined> {
  const row = await accountDb(db)
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .selectAll('users')
    .select([
      'sessions.token_hash',
      'sessions.csrf_token',
      'sessions.created_at as session_created_at',
      'sessions.last_seen_at',
      'sessions.expires_at',
    ])
    .where('sessions.token_hash', '=', tokenHash)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    tokenHash: row.token_hash,
    csrfToken: row.csrf_token,
    createdAt: new Date(row.session_created_at),
    lastSeenAt: new Date(row.last_seen_at),
    expiresAt: new Date(row.expires_at),
    user: toStoredUser(row),
  };
}

export async function touchSession(db: Db, tokenHash: string, at: Date): Promise<void> {
  await accountDb(db)
    .updateTable('sessions')
    .set({ last_seen_at: at })
    .where('token_hash', '=', tokenHash)
    .execute();
}

export async function deleteSession(db: Db | AccountDb, tokenHash: string): Promise<boolean> {
  const r = await (db as AccountDb)
    .deleteFrom('sessions')
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}

/** Ends every session of a user (disable, password reset); returns how many. */
export async function deleteUserSessions(db: Db, userId: number): Promise<number> {
  const r = await accountDb(db).deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(r.numDeletedRows);
}

export async function deleteExpiredSessions(db: Db, now: Date): Promise<number> {
  const r = await accountDb(db).deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
  return Number(r.numDeletedRows);
}
