/** `mirai plan validate|import|export`. */
import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { exportPlan, importPlan, validatePlan } from '@mirai/app';
import { ProblemError, unwrap } from '@mirai/core';
import type { Command } from 'commander';
import { withApp, withDataOptions } from '../app-options';

async function readPlanFile(file: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch {
    throw new ProblemError({
      code: 'io/file-not-found',
      kind: 'not-found',
      message: { ja: `ファイルが見つかりません: ${file}`, en: `File not found: ${file}` },
      where: { file },
    });
  }
}

export function registerPlan(program: Command) {
  const plan = program.command('plan').description('計画データ / the plan as data');

  plan
    .command('validate <file>')
    .description('計画ファイルを検証する（書き込みなし） / check a plan file (writes nothing)')
    .action(async (file: string) => {
      const doc = unwrap(validatePlan(await readPlanFile(file), basename(file)));
      console.log(
        `OK: ${doc.plan.title.ja} (${doc.strategies.length} strategies, ${doc.fields.length} fields)`,
      );
    });

  withDataOptions(
    plan
      .command('import <file>')
      .description('計画ファイルを新しい版として取り込む / import a plan file as a new version')
      .option('--dry-run', 'check only, write nothing')
      .option('--expected-version <n>', 'fail unless the stored plan is at this version')
      .option('--note <text>', 'note for the revision history')
      .option('--actor <name>', 'who imports (audit trail)', process.env.USER ?? 'cli'),
  ).action(async (file: string, opts) => {
    const text = await readPlanFile(file);
    await withApp(
      opts,
      async (ctx) => {
        const r = unwrap(
          await importPlan(ctx, text, basename(file), {
            actor: `cli:${opts.actor}`,
            dryRun: Boolean(opts.dryRun),
            ...(opts.expectedVersion ? { expectedVersion: Number(opts.expectedVersion) } : {}),
            ...(opts.note ? { note: opts.note } : {}),
          }),
        );
        console.log(
          r.dryRun
            ? `OK (dry run): would store version ${r.version} of ${r.code}`
            : `Stored ${r.code} version ${r.version}`,
        );
      },
      { noSeed: true },
    );
  });

  withDataOptions(
    plan
      .command('export')
      .description('計画を書き出す / export the current plan')
      .option('--format <format>', 'yaml or json', 'yaml')
      .option('--out <file>', 'write to a file instead of standard output'),
  ).action(async (opts) => {
    const format = opts.format === 'json' ? 'json' : 'yaml';
    await withApp(opts, async (ctx) => {
      const text = unwrap(await exportPlan(ctx, format));
      if (opts.out) await writeFile(opts.out, text);
      else process.stdout.write(text);
    });
  });
}
