/**
 * `mirai backup --out FILE [--municipality CODE]` and `mirai restore FILE [--municipality CODE]`:
 * the whole database, or one municipality's rows, to a portable file and back (decisions 0105, 0148).
 * Only an explicit --municipality narrows them (MIRAI_MUNICIPALITY does not).
 */
import { createBackup, restoreBackup } from '@mirai/app';
import { unwrap } from '@mirai/core';
import type { Command } from 'commander';
import { cliActor } from '../actor';
import { withApp, withDataOptions } from '../app-options';

export function registerBackup(program: Command) {
  withDataOptions(
    program
      .command('backup')
      .description(
        'データベース全体（または1市区町村）をファイルに書き出す / write the whole database (or one municipality) to a backup file',
      )
      .requiredOption(
        '--out <file>',
        'backup file to write (gzip-compressed JSON lines, e.g. mirai.backup.jsonl.gz)',
      ),
  ).action(async (opts) => {
    const municipality = opts.municipality as string | undefined;
    // Global work: the command is not bound (the municipality chooses the rows instead).
    await withApp({ ...opts, municipality: undefined }, async (ctx) => {
      const r = unwrap(await createBackup(ctx, opts.out, municipality ? { municipality } : {}));
      console.log(
        `Wrote ${r.file}${r.municipality ? ` (municipality ${r.municipality})` : ''}: ${r.tables} tables, ${r.rows} rows, schema of ${r.migrations} migrations`,
      );
    });
  });

  withDataOptions(
    program
      .command('restore <file>')
      .description(
        'バックアップでデータベース（または1市区町村）の内容を置き換える（全部か何もしないか） / replace the database (or one municipality) with a backup (all or nothing)',
      )
      .option('--actor <name>', 'who restores (audit trail)'),
  ).action(async (file: string, opts) => {
    const municipality = opts.municipality as string | undefined;
    await withApp(
      { ...opts, municipality: undefined },
      async (ctx) => {
        const r = unwrap(
          await restoreBackup(ctx, file, {
            actor: cliActor(opts.actor),
            ...(municipality ? { municipality } : {}),
          }),
        );
        console.log(
          `Restored the backup of ${r.createdAt}${r.municipality ? ` for municipality ${r.municipality}` : ''}: ${r.tables} tables, ${r.rows} rows`,
        );
      },
      { noSeed: true },
    );
  });
}
