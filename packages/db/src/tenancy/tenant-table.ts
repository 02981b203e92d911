/**
 * Makes a table belong to municipalities (decision 0136): a `municipality_code`
 * column filled from the connection's binding ('' before any municipality is
 * registered: the first one adopts those rows), and row-level security that shows and accepts only the bound municipality's
 * rows to role `mirai_tenant`. Migration 0090 applies it to every table there
 * was; a migration that adds a table calls it for the new table (the
 * tenancy test fails for a table without it).
 */
import { type Kysely, sql } from 'kysely';

/** Tables that are not per municipality (the registry itself, process-wide secrets and limits, the migrator's). */
export const globalTables = [
  'municipalities',
  'municipality_hosts',
  'app_secrets',
  'rate_limits',
  'kysely_migration',
  'kysely_migration_lock',
] as const;

export const tenantPolicy = 'municipality_isolation';

export async function makeTenantTable(
  db: Kysely<unknown>,
  table: string,
  opts: { backfill?: string } = {},
): Promise<void> {
  const t = sql.id(table);
  const { rows } = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM information_schema.columns
    WHERE table_schema = current_schema() AND table_name = ${table} AND column_name = 'municipality_code'`.execute(
    db,
  );
  if ((rows[0]?.n ?? 0) === 0) {
    // A constant default fills existing rows without touching them (no update triggers fire).
    await sql`ALTER TABLE ${t} ADD COLUMN municipality_code text NOT NULL DEFAULT ${sql.lit(opts.backfill ?? '')}`.execute(
      db,
    );
  }
  await sql`ALTER TABLE ${t} ALTER COLUMN municipality_code SET DEFAULT current_setting('mirai.municipality')`.execute(
    db,
  );
  await sql`ALTER TABLE ${t} ENABLE ROW LEVEL SECURITY`.execute(db);
  await sql`ALTER TABLE ${t} FORCE ROW LEVEL SECURITY`.execute(db);
  await sql`CREATE POLICY ${sql.id(tenantPolicy)} ON ${t} TO mirai_tenant
    USING (municipality_code <> '' AND municipality_code = current_setting('mirai.municipality', true))
    WITH CHECK (municipality_code <> '' AND municipality_code = current_setting('mirai.municipality', true))`.execute(
    db,
  );
  // Global work runs as the owner (the login role), which FORCE would otherwise subject to the policy above.
  await sql`CREATE POLICY mirai_global_work ON ${t} TO ${sql.id(await ownerRole(db))} USING (true) WITH CHECK (true)`.execute(
    db,
  );
  await sql`GRANT SELECT, INSERT, UPDATE, DELETE ON ${t} TO mirai_tenant`.execute(db);
}

async function ownerRole(db: Kysely<unknown>): Promise<string> {
  const { rows } = await sql<{ r: string }>`SELECT current_user AS r`.execute(db);
  return rows[0]!.r;
}
