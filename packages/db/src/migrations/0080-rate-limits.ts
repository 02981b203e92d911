/**
 * Rate limits kept in the database, so that every application process behind
 * one port counts the same attempts: one row per key (a digest of what is
 * limited and who, never a raw address) and fixed window.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    sql`
      CREATE TABLE rate_limits (
        key text PRIMARY KEY,
        window_start timestamptz NOT NULL,
        hits integer NOT NULL CHECK (hits > 0)
      )
    `,
    sql`CREATE INDEX rate_limits_window ON rate_limits (window_start)`,
  ]) {
    await statement.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE rate_limits`.execute(db);
}
