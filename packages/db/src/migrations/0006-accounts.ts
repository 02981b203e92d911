/**
 * Accounts: users with one role each (scoped to a department or to linked
 * items where the role needs it), database sessions (only a hash of the
 * session token is stored), and revocable, scoped API tokens for machines.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    sql`
      CREATE TABLE users (
        id serial PRIMARY KEY,
        login text NOT NULL UNIQUE CHECK (login = lower(login) AND length(login) BETWEEN 1 AND 100),
        display_name text NOT NULL,
        role text NOT NULL CHECK (role IN (
          'admin', 'planning-editor', 'department-editor', 'reviewer', 'committee', 'partner')),
        department_code text,
        linked_codes jsonb NOT NULL DEFAULT '[]',
        password_hash text,
        must_change_password boolean NOT NULL DEFAULT false,
        disabled boolean NOT NULL DEFAULT false,
        failed_logins integer NOT NULL DEFAULT 0,
        locked_until timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CHECK (role <> 'department-editor' OR department_code IS NOT NULL)
      )
    `,
    sql`
      CREATE TABLE sessions (
        token_hash text PRIMARY KEY,
        user_id integer NOT NULL REFERENCES users(id),
        csrf_token text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_seen_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        client text
      )
    `,
    sql`
      CREATE INDEX sessions_user ON sessions (user_id)
    `,
    sql`
      CREATE TABLE api_tokens (
        id serial PRIMARY KEY,
        user_id integer NOT NULL REFERENCES users(id),
        name text NOT NULL,
        secret_hash text NOT NULL UNIQUE,
        scopes jsonb NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz,
        revoked_at timestamptz,
        last_used_at timestamptz
      )
    `,
    sql`
      CREATE INDEX api_tokens_user ON api_tokens (user_id)
    `,
  ]) {
    await statement.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['api_tokens', 'sessions', 'users']) {
    await sql`DROP TABLE ${sql.id(table)}`.execute(db);
  }
}
