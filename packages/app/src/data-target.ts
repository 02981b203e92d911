/** Where the application's database is: a PostgreSQL server, or an embedded data directory (no database code loaded here). */
import { resolve } from 'node:path';
import type { DatabaseTarget } from '@mirai/db';
import type { MailConfig } from './mail/mail-config';

export interface AppConfig {
  /** PostgreSQL server URL; when absent the embedded PGlite database is used. */
  databaseUrl?: string;
  /** PGlite data directory; `:memory:` for a throwaway database. */
  dataDir?: string;
  /** Skip loading the bundled plan into an empty database. */
  noSeed?: boolean;
  /** Mail settings; by default from MIRAI_SMTP_URL, MIRAI_MAIL_FROM, MIRAI_PUBLIC_URL. */
  mail?: MailConfig;
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
