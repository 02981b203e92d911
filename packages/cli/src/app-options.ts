/** The options every data command takes, and opening the app from them. */
import { type AppConfig, type AppContext, openApp, staffReads } from '@mirai/app';
import type { Command } from 'commander';

export function withDataOptions(cmd: Command): Command {
  return cmd
    .option('--data-dir <dir>', 'embedded database directory (env MIRAI_DATA_DIR; default .mirai-data)')
    .option('--database-url <url>', 'PostgreSQL server URL (env DATABASE_URL)');
}

export function appConfig(opts: { dataDir?: string; databaseUrl?: string }): AppConfig {
  const config: AppConfig = {};
  if (opts.dataDir) config.dataDir = opts.dataDir;
  if (opts.databaseUrl) config.databaseUrl = opts.databaseUrl;
  return config;
}

/** Opens the app, runs the body, and always closes the database. */
export async function withApp<T>(
  opts: { dataDir?: string; databaseUrl?: string },
  body: (ctx: AppContext) => Promise<T>,
  extra: Pick<AppConfig, 'noSeed'> = {},
) {
  const ctx = await openApp({ ...appConfig(opts), ...extra });
  try {
    // The command line is a staff tool: it reads the current plan version, a draft included.
    return await body(staffReads(ctx, { memo: false }));
  } finally {
    await ctx.close();
  }
}
