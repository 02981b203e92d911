/**
 * Followers: anyone may follow a measure, an indicator or a partner by
 * e-mail (confirmed by a link), is told once per change through the mail
 * outbox, and unfollows with one click (a random token whose hash is kept).
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    sql`
      CREATE TABLE follows (
        id bigserial PRIMARY KEY,
        email text NOT NULL CHECK (email = lower(email)),
        target_kind text NOT NULL CHECK (target_kind IN ('measure', 'indicator', 'partner')),
        target_code text NOT NULL,
        token_hash text NOT NULL UNIQUE,
        confirmed_at timestamptz,
        unfollowed_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )
    `,
    sql`CREATE UNIQUE INDEX follows_active ON follows (email, target_kind, target_code) WHERE unfollowed_at IS NULL`,
    sql`CREATE INDEX follows_target ON follows (target_kind, target_code)`,
  ]) {
    await statement.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE follows`.execute(db);
}
