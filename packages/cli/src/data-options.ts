/** The options every data command takes. Kept apart from app-options so that `mirai serve` loads no app. */
import type { AppConfig } from '@mirai/app';
import type { Command } from 'commander';

export function withDataOptions(cmd: Command): Command {
  cmd
    .option('--data-dir <dir>', 'embedded database directory (env MIRAI_DATA_DIR; default .mirai-data)')
    .option('--database-url <url>', 'PostgreSQL server URL (env DATABASE_URL)');
  // The municipality the command works for (decision 0135); a command may already take it for its data.
  if (!cmd.options.some((o) => o.long === '--municipality'))
    cmd.option('--municipality <code>', 'municipality code (env MIRAI_MUNICIPALITY; default: the only one)');
  return cmd;
}

export function appConfig(opts: { dataDir?: string; databaseUrl?: string }): AppConfig {
  const config: AppConfig = {};
  if (opts.dataDir) config.dataDir = opts.dataDir;
  if (opts.databaseUrl) config.databaseUrl = opts.databaseUrl;
  return config;
}
