/** Plans (versioned documents), their derived node index, and the append-only audit log. */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    sql`
      CREATE TABLE plans (
        id serial PRIMARY KEY,
        code text NOT NULL UNIQUE,
        municipality_code text NOT NULL,
        current_version integer NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )
    `,
    sql`
      CREATE TABLE plan_versions (
        plan_id integer NOT NULL REFERENCES plans(id),
        version integer NOT NULL,
        status text NOT NULL CHECK (status IN ('draft', 'approved', 'revised')),
        document jsonb NOT NULL,
        note text,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (plan_id, version)
      )
    `,
    sql`
      CREATE TABLE plan_nodes (
        plan_id integer NOT NULL REFERENCES plans(id),
        code text NOT NULL,
        kind text NOT NULL,
        parent_code text,
        sort integer NOT NULL,
        name_ja text NOT NULL,
        name_en text,
        department_code text,
        sample boolean NOT NULL DEFAULT false,
        PRIMARY KEY (plan_id, code)
      )
    `,
    sql`
      CREATE INDEX plan_nodes_kind ON plan_nodes (plan_id, kind)
    `,
    sql`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor text NOT NULL,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text NOT NULL,
        before jsonb,
        after jsonb,
        details jsonb
      )
    `,
    sql`
      CREATE INDEX audit_log_entity ON audit_log (entity_type, entity_id)
    `,
    sql`
      CREATE INDEX audit_log_at ON audit_log (at)
    `,
    sql`
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only';
      END $$
    `,
    sql`
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()
    `,
  ]) {
    await statement.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['audit_log', 'plan_nodes', 'plan_versions', 'plans']) {
    await sql`DROP TABLE ${sql.id(table)}`.execute(db);
  }
  await sql`DROP FUNCTION audit_log_append_only()`.execute(db);
}
