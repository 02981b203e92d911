/** `mirai backup --out FILE` and `mirai restore FILE`: the whole database to a portable file and back (decision 0105). */
import { createBackup, restoreBackup } from '@mirai/app';
import { unwrap } from '@mirai/core';
import type { Command } from 'commander';
import { cliActor } from '../actor';
import { withApp, withDataOptions } from '../app-options';

export function registerBackup(program: Command) {
  withDataOptions(
    program
      .command('backup')
      .description('データベース全体をファイルに書き出す / write the whole database to a backup file')
      .requiredOption(
        '--out <file>',
        'backup file to write (gzip-compressed JSON lines, e.g. mirai.backup.jsonl.gz)',
      ),
  ).action(async (opts) => {
    await withApp(opts, async (ctx) => {
      const r = unwrap(await createBackup(ctx, opts.out));
      console.log(
        `Wrote ${r.file}: ${r.tables} tables, ${r.rows} rows, schema of ${r.migrations} migrations`,
      );
    });
  });

  withDataOptions(
    program
      .command('restore <file>')
      .description(
        'バックアップでデータベースの内容を置き換える（全部か何もしないか） / replace the database contents with a backup (all or nothing)',
      )
      .option('--actor <name>', 'who restores (audit trail)'),
  ).action(async (file: string, opts) => {
    await withApp(
      opts,
      async (ctx) => {
        const r = unwrap(await restoreBackup(ctx, file, { actor: cliActor(opts.actor) }));
        console.log(`Restored the backup of ${r.createdAt}: ${r.tables} tables, ${r.rows} rows`);
      },
      { noSeed: true },
    );
  });
}
