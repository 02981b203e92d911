/**
 * Tenancy (decisions 0135–0137): a registry of the municipalities this
 * deployment serves, with their host names, and a municipality on every row of
 * every other table, enforced by row-level security for role `mirai_tenant`
 * (which the database wrapper takes while a municipality is bound). Existing
 * rows belong to the municipality of the stored plan; a database without a
 * plan registers its municipality with its first plan. Unique keys that hold
 * within one municipality include the municipality.
 */
import { type Kysely, sql } from 'kysely';
import { globalTables, makeTenantTable, tenantPolicy } from '../tenancy/tenant-table';

/** Unique keys that hold per municipality: [table, old constraint or index, new columns, partial WHERE]. */
const perMunicipalityKeys: [string, string, string, string?][] = [
  ['plans', 'plans_code_key', 'code'],
  ['users', 'users_login_key', 'login'],
  ['mail_outbox', 'mail_outbox_idempotency_key_key', 'idempotency_key'],
  ['partners', 'partners_code_key', 'code'],
  ['workshops', 'workshops_code_key', 'code'],
  ['residents', 'residents_email_key', 'email'],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE municipalities (
      code text PRIMARY KEY CHECK (code <> ''),
      name_ja text NOT NULL,
      name_en text,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`
    CREATE TABLE municipality_hosts (
      host text PRIMARY KEY CHECK (host = lower(host) AND host <> ''),
      municipality_code text NOT NULL REFERENCES municipalities(code)
    )`.execute(db);
  // The municipalities of the stored plans (normally one: the install's).
  await sql`
    INSERT INTO municipalities (code, name_ja, name_en)
    SELECT DISTINCT ON (p.municipality_code) p.municipality_code,
      coalesce(v.document->'municipality'->'name'->>'ja', p.municipality_code),
      v.document->'municipality'->'name'->>'en'
    FROM plans p JOIN plan_versions v ON v.plan_id = p.id AND v.version = p.current_version
    ORDER BY p.municipality_code, p.id`.execute(db);
  const first = await sql<{
    code: string;
  }>`SELECT municipality_code AS code FROM plans ORDER BY id LIMIT 1`.execute(db);
  const backfill = first.rows[0]?.code ?? '';

  // The role tenant work runs as: no login, no BYPASSRLS (shared by every database of the cluster).
  await sql`
    DO $$ BEGIN
      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'mirai_tenant') THEN
        CREATE ROLE mirai_tenant NOLOGIN;
      END IF;
    EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
    END $$`.execute(db);
  await sql`
    DO $$ BEGIN
      IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)
         AND NOT pg_has_role(current_user, 'mirai_tenant', 'MEMBER') THEN
        EXECUTE format('GRANT mirai_tenant TO %I', current_user);
      END IF;
    END $$`.execute(db);
  await sql`DO $$ BEGIN EXECUTE format('GRANT USAGE ON SCHEMA %I TO mirai_tenant', current_schema()); END $$`.execute(
    db,
  );
  await sql`DO $$ BEGIN EXECUTE format('GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA %I TO mirai_tenant', current_schema()); END $$`.execute(
    db,
  );
  await sql`DO $$ BEGIN EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT, UPDATE ON SEQUENCES TO mirai_tenant', current_schema()); END $$`.execute(
    db,
  );
  // Global tables: readable by tenant work; the registry is written only by global work.
  await sql`GRANT SELECT ON municipalities, municipality_hosts TO mirai_tenant`.execute(db);
  await sql`GRANT SELECT, INSERT, UPDATE, DELETE ON app_secrets, rate_limits TO mirai_tenant`.execute(db);

  const { rows: tables } = await sql<{ name: string }>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
    ORDER BY table_name`.execute(db);
  for (const { name } of tables) {
    if ((globalTables as readonly string[]).includes(name)) continue;
    await makeTenantTable(db, name, { backfill });
  }

  // Several municipalities' plans in one database (unreachable before): rows tied to a plan follow it.
  const several = await sql<{
    n: number;
  }>`SELECT count(DISTINCT municipality_code)::int AS n FROM plans`.execute(db);
  if ((several.rows[0]?.n ?? 0) > 1) {
    for (const { name } of tables) {
      const hasPlan = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = ${name} AND column_name = 'plan_id'`.execute(
        db,
      );
      if ((hasPlan.rows[0]?.n ?? 0) === 0) continue;
      await sql`ALTER TABLE ${sql.id(name)} DISABLE TRIGGER USER`.execute(db);
      await sql`UPDATE ${sql.id(name)} t SET municipality_code = p.municipality_code FROM plans p
        WHERE p.id = t.plan_id AND t.municipality_code <> p.municipality_code`.execute(db);
      await sql`ALTER TABLE ${sql.id(name)} ENABLE TRIGGER USER`.execute(db);
    }
  }

  for (const [table, old, columns] of perMunicipalityKeys) {
    await sql`ALTER TABLE ${sql.id(table)} DROP CONSTRAINT ${sql.id(old)}`.execute(db);
    await sql`ALTER TABLE ${sql.id(table)} ADD CONSTRAINT ${sql.id(`${table}_municipality_${columns}_key`)}
      UNIQUE (municipality_code, ${sql.id(columns)})`.execute(db);
  }
  await sql`ALTER TABLE sectoral_plans DROP CONSTRAINT sectoral_plans_pkey`.execute(db);
  await sql`ALTER TABLE sectoral_plans ADD PRIMARY KEY (municipality_code, code)`.execute(db);
  await sql`DROP INDEX follows_active`.execute(db);
  await sql`CREATE UNIQUE INDEX follows_active ON follows (municipality_code, email, target_kind, target_code)
    WHERE unfollowed_at IS NULL`.execute(db);
  // The current value's row belongs where its actual value does (also when a restore, global work, refills it).
  await sql`
    CREATE OR REPLACE FUNCTION current_actuals_follow() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.supersedes IS NOT NULL THEN
        DELETE FROM current_actuals WHERE actual_id = NEW.supersedes;
      END IF;
      INSERT INTO current_actuals (actual_id, plan_id, indicator_code, municipality_code)
        VALUES (NEW.id, NEW.plan_id, NEW.indicator_code, NEW.municipality_code);
      RETURN NULL;
    END $$`.execute(db);
  // The public answer cache asks each municipality for its newest audit entry.
  await sql`CREATE INDEX audit_log_by_municipality ON audit_log (municipality_code, id)`.execute(db);
  await sql`CREATE INDEX jobs_by_municipality ON jobs (municipality_code)`.execute(db);
  void tenantPolicy;
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX audit_log_by_municipality`.execute(db);
  await sql`DROP INDEX jobs_by_municipality`.execute(db);
  await sql`DROP INDEX follows_active`.execute(db);
  await sql`CREATE UNIQUE INDEX follows_active ON follows (email, target_kind, target_code) WHERE unfollowed_at IS NULL`.execute(
    db,
  );
  await sql`ALTER TABLE sectoral_plans DROP CONSTRAINT sectoral_plans_pkey`.execute(db);
  await sql`ALTER TABLE sectoral_plans ADD PRIMARY KEY (code)`.execute(db);
  for (const [table, old, columns] of perMunicipalityKeys) {
    await sql`ALTER TABLE ${sql.id(table)} DROP CONSTRAINT ${sql.id(`${table}_municipality_${columns}_key`)}`.execute(
      db,
    );
    await sql`ALTER TABLE ${sql.id(table)} ADD CONSTRAINT ${sql.id(old)} UNIQUE (${sql.id(columns)})`.execute(
      db,
    );
  }
  const { rows: tables } = await sql<{ name: string }>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'`.execute(db);
  const kept = ['plans', 'statistical_datasets', 'area_boundaries'];
  for (const { name } of tables) {
    if ((globalTables as readonly string[]).includes(name)) continue;
    const t = sql.id(name);
    await sql`DROP POLICY IF EXISTS ${sql.id(tenantPolicy)} ON ${t}`.execute(db);
    await sql`DROP POLICY IF EXISTS mirai_global_work ON ${t}`.execute(db);
    await sql`ALTER TABLE ${t} NO FORCE ROW LEVEL SECURITY`.execute(db);
    await sql`ALTER TABLE ${t} DISABLE ROW LEVEL SECURITY`.execute(db);
    if (kept.includes(name))
      await sql`ALTER TABLE ${t} ALTER COLUMN municipality_code DROP DEFAULT`.execute(db);
    else await sql`ALTER TABLE ${t} DROP COLUMN municipality_code`.execute(db);
  }
  await sql`DROP TABLE municipality_hosts`.execute(db);
  await sql`DROP TABLE municipalities`.execute(db);
}
