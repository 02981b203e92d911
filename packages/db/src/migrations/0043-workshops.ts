/**
 * Workshops: when and where, who took part by kind, what came out, the
 * desired states (fields) and measures they shaped, and their files; public
 * once published.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    sql`
      CREATE TABLE workshops (
        id serial PRIMARY KEY,
        code text NOT NULL UNIQUE CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$'),
        title_ja text NOT NULL,
        title_en text,
        held_on date NOT NULL,
        place text NOT NULL,
        participants jsonb NOT NULL DEFAULT '{}',
        outputs jsonb NOT NULL DEFAULT '[]',
        shaped jsonb NOT NULL DEFAULT '[]',
        published boolean NOT NULL DEFAULT false,
        published_at timestamptz,
        sample boolean NOT NULL DEFAULT false,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )
    `,
    sql`
      CREATE TABLE workshop_files (
        id bigserial PRIMARY KEY,
        workshop_id integer NOT NULL REFERENCES workshops(id),
        file_name text NOT NULL,
        media_type text NOT NULL,
        size_bytes integer NOT NULL,
        sha256 text NOT NULL,
        content bytea NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )
    `,
    sql`CREATE INDEX workshop_files_workshop ON workshop_files (workshop_id)`,
  ]) {
    await statement.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE workshop_files`.execute(db);
  await sql`DROP TABLE workshops`.execute(db);
}
