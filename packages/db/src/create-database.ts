/**
 * Opens the database: PGlite embedded in a data directory (the default) or in
 * memory, or a PostgreSQL server by URL. Both speak the same SQL through Kysely.
 */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PGliteDialect, PostgresDialect, sql } from 'kysely';
import { type Migration, type MigrationResultSet, Migrator } from 'kysely/migration';
import { acquireDataDirLock, type DataDirLock } from './data-dir-lock';
import { DurableNodeFS, durableStartParams } from './durable-node-fs';
import { markEmbedded } from './embedded';
import { migrations } from './migrations';
import { seedFromTemplate } from './pglite-template';
import type { Database } from './schema';
import { globally } from './tenancy/binding';
import { tenantDialect } from './tenancy/tenant-dialect';

export type DatabaseTarget =
  | {
      kind: 'pglite';
      dataDir?: string;
      templateRoot?: string;
      /** Every commit on stable storage before it returns (default true; false only for benchmarks). */
      durable?: boolean;
    }
  | {
      kind: 'postgres';
      url: string;
      schema?: string;
      /** Told when an idle pooled connection fails (the server restarted, the backend was terminated). */
      onConnectionError?: (error: Error) => void;
    };

export interface MiraiDatabase {
  db: Kysely<Database>;
  dialect: 'pglite' | 'postgres';
  /** The server schema in use when not the default (tests). */
  schema?: string;
  /** The data directory's owner lock (embedded database in a directory only). */
  lock?: DataDirLock;
  /**
   * Closes the database. `whileHeld` runs after a clean close of an embedded data directory and
   * before its owner lock is released (to record a closed snapshot, decision 0130).
   */
  close(whileHeld?: (dataDir: string) => void): Promise<void>;
}

export async function createDatabase(target: DatabaseTarget): Promise<MiraiDatabase> {
  if (target.kind === 'pglite') {
    // A new data directory starts from the install-time template when there is one.
    if (target.dataDir && target.templateRoot) seedFromTemplate(target.dataDir, target.templateRoot);
    if (target.dataDir) mkdirSync(target.dataDir, { recursive: true });
    // One owner at a time: a second opener is refused before it touches the files.
    const lock = target.dataDir ? acquireDataDirLock(target.dataDir) : undefined;
    let pglite: PGlite;
    try {
      pglite = !target.dataDir
        ? await PGlite.create()
        : target.durable === false
          ? await PGlite.create(target.dataDir)
          : await PGlite.create({
              dataDir: target.dataDir,
              fs: new DurableNodeFS(target.dataDir),
              startParams: durableStartParams(),
            });
    } catch (error) {
      lock?.release();
      throw error;
    }
    const db = new Kysely<Database>({ dialect: tenantDialect(new PGliteDialect({ pglite })) });
    markEmbedded(db);
    return {
      db,
      dialect: 'pglite',
      ...(lock ? { lock } : {}),
      close: async (whileHeld) => {
        try {
          await db.destroy();
          if (!pglite.closed) await pglite.close();
          if (whileHeld && target.dataDir && lock) whileHeld(target.dataDir);
        } finally {
          lock?.release();
        }
      },
    };
  }
  // The server driver is loaded only for a server, so embedded runs never load it (decision 0083).
  const { default: pg } = await import('pg');
  // Return numeric and bigint columns as JS numbers where they are counts or values.
  pg.types.setTypeParser(20, (v) => Number(v));
  pg.types.setTypeParser(1700, (v) => Number(v));
  const options = target.schema ? `-c search_path=${target.schema}` : undefined;
  // A lost connection must not take the process down: an idle client whose server went away is
  // dropped from the pool (the 'error' listener), a connection attempt gives up after a bound, and
  // the next query opens a new one once the server answers again (decision 0141).
  const pool = new pg.Pool({
    connectionString: target.url,
    max: Number(process.env.MIRAI_DB_POOL_MAX ?? 10) || 10,
    connectionTimeoutMillis: Number(process.env.MIRAI_DB_CONNECT_TIMEOUT_MS ?? 5000) || 5000,
    ...(options ? { options } : {}),
  });
  const lost = (error: Error) => target.onConnectionError?.(error);
  pool.on('error', lost);
  // A connection lost while checked out (a query under way) emits 'error' on its client, which
  // nothing else listens to then: without this the process would exit on an unhandled 'error'.
  // The query itself fails (the answer is a 503) and the pool discards the broken client.
  pool.on('connect', (client) => {
    client.on('error', lost);
  });
  const db = new Kysely<Database>({ dialect: tenantDialect(new PostgresDialect({ pool })) });
  if (target.schema)
    await globally(() => sql`CREATE SCHEMA IF NOT EXISTS ${sql.id(target.schema!)}`.execute(db));
  return {
    db,
    dialect: 'postgres',
    ...(target.schema ? { schema: target.schema } : {}),
    close: () => db.destroy(),
  };
}

/**
 * Applies every pending migration; throws with the failing migration's name. When every known
 * migration is already recorded it only reads their names (no migration lock taken, nothing
 * written), so opening an up-to-date database for a read changes nothing (decision 0130).
 */
export async function migrateToLatest(db: Kysely<Database>, schema?: string): Promise<MigrationResultSet> {
  // Reading the migration table is global work too (a bound connection runs as the tenant role).
  if (await globally(() => allApplied(db, schema))) return { results: [] };
  const migrator = new Migrator({
    db,
    ...(schema ? { migrationTableSchema: schema } : {}),
    // Migrations from parallel branches may land out of number order; each still runs once.
    allowUnorderedMigrations: true,
    provider: { getMigrations: async (): Promise<Record<string, Migration>> => migrations },
  });
  // Migrations are global work: they see and change every municipality's rows.
  const result = await globally(() => migrator.migrateToLatest());
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${String(result.error)}`);
  }
  return result;
}

async function allApplied(db: Kysely<Database>, schema?: string): Promise<boolean> {
  const table = schema ? `${schema}.kysely_migration` : 'kysely_migration';
  const exists = await sql<{ t: string | null }>`SELECT to_regclass(${table})::text AS t`.execute(db);
  if (!exists.rows[0]?.t) return false;
  const applied = await sql<{ name: string }>`SELECT name FROM ${sql.table(table)}`.execute(db);
  const names = new Set(applied.rows.map((r) => r.name));
  return Object.keys(migrations).every((name) => names.has(name));
}
