/**
 * Signed tokens for links in e-mail (confirm, unfollow) and for the time a
 * form was shown: `<payload>.<HMAC-SHA256>` under a secret generated at first
 * use and kept in the database (so every server process agrees).
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Database } from '@mirai/db';
import { type Kysely, sql } from 'kysely';

const cache = new WeakMap<object, Map<string, string>>();

async function secretOf(db: Kysely<Database>, name: string): Promise<string> {
  const known = cache.get(db)?.get(name);
  if (known) return known;
  await sql`INSERT INTO app_secrets (name, secret) VALUES (${name}, ${randomBytes(32).toString('base64url')})
    ON CONFLICT (name) DO NOTHING`.execute(db);
  const row = await db
    .selectFrom('app_secrets')
    .select('secret')
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  const map = cache.get(db) ?? new Map<string, string>();
  map.set(name, row.secret);
  cache.set(db, map);
  return row.secret;
}

const mac = (secret: string, purpose: string, payload: string) =>
  createHmac('sha256', secret).update(`${purpose}\n${payload}`).digest('base64url');

export async function signToken(db: Kysely<Database>, purpose: string, payload: string): Promise<string> {
  return `${payload}.${mac(await secretOf(db, 'links'), purpose, payload)}`;
}

/** The payload when the token was signed for this purpose, else null. */
export async function verifyToken(
  db: Kysely<Database>,
  purpose: string,
  token: string,
): Promise<string | null> {
  const dot = token.lastIndexOf('.');
  if (dot <= 0 || token.length > 500) return null;
  const payload = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1));
  const expected = Buffer.from(mac(await secretOf(db, 'links'), purpose, payload));
  return given.length === expected.length && timingSafeEqual(given, expected) ? payload : null;
}
