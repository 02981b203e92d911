/**
 * Background jobs: one row per job with what the person who started it can
 * follow (status, progress, result or problems). On a PostgreSQL server the
 * pg-boss queue delivers the work; on the embedded database the in-process
 * runner claims rows from this table. The uploaded file of an import sits in
 * `input`, so a queued job survives a restart.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    sql`
      CREATE TABLE jobs (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL,
        payload jsonb NOT NULL,
        input bytea,
        status text NOT NULL DEFAULT 'queued'
          CHECK (status IN ('queued', 'running', 'succeeded', 'failed')),
        progress real NOT NULL DEFAULT 0 CHECK (progress >= 0 AND progress <= 1),
        progress_message text,
        result jsonb,
        problems jsonb,
        actor text NOT NULL,
        user_id integer,
        group_key text,
        attempts integer NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        updated_at timestamptz NOT NULL DEFAULT now()
      )
    `,
    sql`CREATE INDEX jobs_waiting ON jobs (created_at) WHERE status IN ('queued', 'running')`,
    sql`CREATE INDEX jobs_user ON jobs (user_id, created_at DESC)`,
  ]) {
    await statement.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE jobs`.execute(db);
}
