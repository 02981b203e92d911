/**
 * API tokens for machine clients: each belongs to a user, carries scopes (the
 * actions it may use), and can be revoked. Only a hash of the secret is stored.
 */
import type { ColumnType, Generated, JSONColumnType, Selectable, Transaction } from 'kysely';
import type { Database } from '../schema';
import { accountDb, type StoredUser, toStoredUser } from './user.repository';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  secret_hash: string;
  scopes: JSONColumnType<string[]>;
  created_at: Timestamp;
  expires_at: Date | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
}

type Db = Parameters<typeof accountDb>[0];

export interface StoredToken {
  id: number;
  userId: number;
  name: string;
  scopes: string[];
  createdAt: Date;
  expiresAt: Date | null;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
}

const toToken = (r: Omit<Selectable<ApiTokensTable>, 'secret_hash'>): StoredToken => ({
  id: r.id,
  userId: r.user_id,
  name: r.name,
  scopes: Array.isArray(r.scopes) ? r.scopes : [],
  createdAt: new Date(r.created_at),
  expiresAt: r.expires_at ? new Date(r.expires_at) : null,
  revokedAt: r.revoked_at ? new Date(r.revoked_at) : null,
  lastUsedAt: r.last_used_at ? new Date(r.last_used_at) : null,
});

const columns = [
  'api_tokens.id',
  'api_tokens.user_id',
  'api_tokens.name',
  'api_tokens.scopes',
  'api_tokens.created_at',
  'api_tokens.expires_at',
  'api_tokens.revoked_at',
  'api_tokens.last_used_at',
] as const;

export async function insertToken(
  tx: Transaction<Database>,
  t: { userId: number; name: string; secretHash: string; scopes: string[]; expiresAt: Date | null },
): Promise<StoredToken> {
  const row = await accountDb(tx)
    .insertInto('api_tokens')
    .values({
      user_id: t.userId,
      name: t.name,
      secret_hash: t.secretHash,
      scopes: JSON.stringify(t.scopes) as never,
      expires_at: t.expiresAt,
      revoked_at: null,
      last_used_at: null,
    })
    .returning(columns)
    .executeTakeFirstOrThrow();
  return toToken(row);
}

export async function findTokenById(db: Db, id: number): Promise<StoredToken | undefined> {
  if (!Number.isSafeInteger(id) || id < 1 || id > 2 ** 31 - 1) return undefined;
  const row = await accountDb(db)
    .selectFrom('api_tokens')
    .select(columns)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toToken(row) : undefined;
}

/** The token with this secret hash and its user. */
export async function findTokenBySecretHash(
  db: Db,
  secretHash: string,
): Promise<{ token: StoredToken; user: StoredUser } | undefined> {
  const row = await accountDb(db)
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .selectAll('users')
    .select([
      'api_tokens.id as token_id',
      'api_tokens.name as token_name',
      'api_tokens.scopes',
      'api_tokens.created_at as token_created_at',
      'api_tokens.expires_at',
      'api_tokens.revoked_at',
      'api_tokens.last_used_at',
    ])
    .where('api_tokens.secret_hash', '=', secretHash)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    token: toToken({
      id: row.token_id,
      user_id: row.id,
      name: row.token_name,
      scopes: row.scopes,
      created_at: row.token_created_at,
      expires_at: row.expires_at,
      revoked_at: row.revoked_at,
      last_used_at: row.last_used_at,
    }),
    user: toStoredUser(row),
  };
}

export async function listTokens(db: Db, userId?: number): Promise<StoredToken[]> {
  let q = accountDb(db).selectFrom('api_tokens').select(columns).orderBy('id', 'asc');
  if (userId !== undefined) q = q.where('user_id', '=', userId);
  return (await q.execute()).map(toToken);
}

export async function revokeToken(
  tx: Transaction<Database>,
  id: number,
  at: Date,
): Promise<StoredToken | undefined> {
  const row = await accountDb(tx)
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .returning(columns)
    .executeTakeFirst();
  return row ? toToken(row) : undefined;
}

export async function markTokenUsed(db: Db, id: number, at: Date): Promise<void> {
  await accountDb(db).updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}
