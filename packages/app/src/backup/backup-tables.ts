/**
 * What backup and restore read from the database itself: Mirai's tables in an
 * order that satisfies their foreign keys, their columns and keys, the
 * applied migrations, and which foreign keys join two tenant tables (a
 * municipality's rows may only point at its own rows).
 */
import type { Database } from '@mirai/db';
import { type Kysely, sql, type Transaction } from 'kysely';

export type Db = Kysely<Database> | Transaction<Database>;

/** Kysely's own bookkeeping: the schema version travels in the manifest instead. */
export const skipped = new Set(['kysely_migration', 'kysely_migration_lock']);
/**
 * Kept by triggers from other tables (emptied on restore, then refilled as the rows go in), or an
 * import's staged rows (migration 0091, moved or removed by the import): not backed up.
 */
export const derived = new Set(['current_actuals', 'actual_import_rows']);
/** The registry: in a municipality's backup, only that municipality's entry and hosts. */
export const registryTables = new Set(['municipalities', 'municipality_hosts']);
/** Deployment-wide tables that are no municipality's (not in a municipality's backup, untouched by its restore). */
export const deploymentTables = new Set(['app_secrets', 'rate_limits']);
/** The migration that put a municipality on every row: backups without it were taken before tenancy. */
export const TENANCY_MIGRATION = '0090-municipalities-and-tenancy';

export interface TableInfo {
  name: string;
  columns: string[];
  key: string[];
}

/** Mirai's tables in the current schema, parents before children, with their columns. */
export async function tablesOf(db: Db): Promise<TableInfo[]> {
  const cols = await sql<{ table_name: string; column_name: string }>`
    SELECT c.table_name, c.column_name FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
    ORDER BY c.table_name, c.ordinal_position`.execute(db);
  const fks = await sql<{ child: string; parent: string }>`
    SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
    FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
    WHERE c.contype = 'f' AND n.nspname = current_schema()`.execute(db);
  const keys = await sql<{ table_name: string; column_name: string }>`
    SELECT kcu.table_name, kcu.column_name FROM information_schema.table_constraints tc
    JOIN information_schema.key_column_usage kcu
      ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
    WHERE tc.table_schema = current_schema() AND tc.constraint_type = 'PRIMARY KEY'
    ORDER BY kcu.table_name, kcu.ordinal_position`.execute(db);
  const columns = new Map<string, string[]>();
  for (const r of cols.rows) {
    if (skipped.has(r.table_name)) continue;
    columns.set(r.table_name, [...(columns.get(r.table_name) ?? []), r.column_name]);
  }
  const parents = new Map<string, Set<string>>();
  for (const f of fks.rows) {
    const child = bare(f.child);
    const parent = bare(f.parent);
    if (child !== parent) parents.set(child, new Set([...(parents.get(child) ?? []), parent]));
  }
  const ordered: string[] = [];
  const visit = (t: string, path: Set<string>) => {
    if (ordered.includes(t) || path.has(t) || !columns.has(t)) return;
    path.add(t);
    for (const p of [...(parents.get(t) ?? [])].sort()) visit(p, path);
    ordered.push(t);
  };
  for (const t of [...columns.keys()].sort()) visit(t, new Set());
  return ordered.map((name) => ({
    name,
    columns: columns.get(name) ?? [],
    key: keys.rows.filter((k) => k.table_name === name).map((k) => k.column_name),
  }));
}

const bare = (n: string) => n.replace(/^.*\./, '').replace(/"/g, '');

/** A tenant table: it has the municipality column and is neither the registry nor deployment-wide. */
export const isTenantTable = (t: TableInfo) =>
  t.columns.includes('municipality_code') && !registryTables.has(t.name) && !deploymentTables.has(t.name);

export interface ForeignKey {
  child: string;
  parent: string;
  /** Pairs of [child column, parent column]. */
  columns: [string, string][];
}

/** Foreign keys in the current schema, with their column pairs. */
export async function foreignKeys(db: Db): Promise<ForeignKey[]> {
  const { rows } = await sql<{ name: string; child: string; parent: string; cc: string; pc: string }>`
    SELECT c.conname AS name, c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent,
      ca.attname AS cc, pa.attname AS pc
    FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
    CROSS JOIN LATERAL unnest(c.conkey, c.confkey) WITH ORDINALITY AS k(ck, pk, i)
    JOIN pg_attribute ca ON ca.attrelid = c.conrelid AND ca.attnum = k.ck
    JOIN pg_attribute pa ON pa.attrelid = c.confrelid AND pa.attnum = k.pk
    WHERE c.contype = 'f' AND n.nspname = current_schema()
    ORDER BY c.conname, k.i`.execute(db);
  const byName = new Map<string, ForeignKey>();
  for (const r of rows) {
    const fk = byName.get(r.name) ?? { child: bare(r.child), parent: bare(r.parent), columns: [] };
    fk.columns.push([r.cc, r.pc]);
    byName.set(r.name, fk);
  }
  return [...byName.values()];
}

export async function appliedMigrations(db: Db): Promise<string[]> {
  const r = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY timestamp, name`.execute(
    db,
  );
  return r.rows.map((x) => x.name);
}
