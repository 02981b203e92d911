/**
 * The application context: an open, migrated database with the plan loaded.
 * A new embedded data directory (or an empty server database) is seeded with
 * the bundled Shiojiri plan on first use.
 */
import { resolve } from 'node:path';
import { createDatabase, type DatabaseTarget, type MiraiDatabase, migrateToLatest } from '@mirai/db';
import { seedDefaultPlan } from './plan/seed-default-plan';

export interface AppConfig {
  /** PostgreSQL server URL; when absent the embedded PGlite database is used. */
  databaseUrl?: string;
  /** PGlite data directory; `:memory:` for a throwaway database. */
  dataDir?: string;
  /** Skip loading the bundled plan into an empty database. */
  noSeed?: boolean;
}

export interface AppContext {
  database: MiraiDatabase;
  close(): Promise<void>;
}

/** Repository root (packages/app/src/ -> ../../..). */
export const repoRoot = resolve(new URL('.', import.meta.url).pathname, '../../..');

/** Where `npm install` leaves an initialised empty cluster to copy new data directories from. */
export const templateRoot = resolve(repoRoot, '.mirai-template');

export const defaultDataDir = () => process.env.MIRAI_DATA_DIR ?? resolve(repoRoot, '.mirai-data');

export function resolveTarget(config: AppConfig): DatabaseTarget {
  const url = config.databaseUrl ?? process.env.DATABASE_URL;
  if (url) return { kind: 'postgres', url };
  const dataDir = config.dataDir ?? defaultDataDir();
  return dataDir === ':memory:' ? { kind: 'pglite' } : { kind: 'pglite', dataDir, templateRoot };
}

export async function openApp(config: AppConfig = {}): Promise<AppContext> {
  const database = await createDatabase(resolveTarget(config));
  await migrateToLatest(database.db, database.schema);
  if (!config.noSeed) await seedDefaultPlan(database.db);
  return { database, close: () => database.close() };
}

/** Wraps an already open database (tests) in an app context. */
export function contextFor(database: MiraiDatabase): AppContext {
  return { database, close: () => database.close() };
}
