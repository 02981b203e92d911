/**
 * Residents' voices: residents sign up lightly by confirming their e-mail
 * address; their comments and proposals on measures and indicators are
 * moderated by staff (hidden with a reason that stays visible; never deleted);
 * a proposal can be answered and linked to a measure. Also the server's
 * secrets (form time tokens), generated at first use.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    sql`
      CREATE TABLE app_secrets (
        name text PRIMARY KEY,
        secret text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )
    `,
    sql`
      CREATE TABLE residents (
        id serial PRIMARY KEY,
        email text NOT NULL UNIQUE CHECK (email = lower(email)),
        display_name text NOT NULL,
        confirmed_at timestamptz,
        token_hash text UNIQUE,
        token_expires_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now()
      )
    `,
    sql`
      CREATE TABLE resident_comments (
        id bigserial PRIMARY KEY,
        resident_id integer NOT NULL REFERENCES residents(id),
        target_kind text NOT NULL CHECK (target_kind IN ('measure', 'indicator')),
        target_code text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('comment', 'proposal')),
        body text NOT NULL,
        status text NOT NULL CHECK (status IN ('awaiting-confirmation', 'visible', 'hidden')),
        hidden_reason text,
        moderated_by text,
        moderated_at timestamptz,
        answer text,
        answered_by text,
        answered_at timestamptz,
        linked_measure text,
        client_hash text NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (status <> 'hidden' OR hidden_reason IS NOT NULL)
      )
    `,
    sql`CREATE INDEX resident_comments_target ON resident_comments (target_kind, target_code, id)`,
    sql`CREATE INDEX resident_comments_resident ON resident_comments (resident_id, created_at)`,
    sql`CREATE INDEX resident_comments_client ON resident_comments (client_hash, created_at)`,
    sql`CREATE TRIGGER resident_comments_no_delete BEFORE DELETE ON resident_comments
      FOR EACH ROW EXECUTE FUNCTION cocreation_no_delete()`,
  ]) {
    await statement.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE resident_comments`.execute(db);
  await sql`DROP TABLE residents`.execute(db);
  await sql`DROP TABLE app_secrets`.execute(db);
}
