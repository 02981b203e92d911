/** `mirai plan init|validate|import|export`. */
import { access, readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { exportPlan, importPlan, starterPlanText, todayInTokyo, validatePlan } from '@mirai/app';
import { fiscalYearOf, levelNamesOf, type PlanDocument, ProblemError, unwrap } from '@mirai/core';
import type { Command } from 'commander';
import { cliActor } from '../actor';
import { withApp, withDataOptions } from '../app-options';
import { fiscalYearOption, numberOption, optionProblem } from '../options';

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

/** One line on the plan's size, in its own level names. */
export function planSummary(doc: PlanDocument): string {
  const l = levelNamesOf(doc);
  const projects = doc.implementationPlans.reduce((n, ip) => n + ip.projects.length, 0);
  return `${doc.plan.title.ja}（${l.strategy.ja} ${doc.strategies.length}、${l.field.ja} ${doc.fields.length}、${l.phase.ja} ${doc.phases.length}期、${l.measure.ja} ${doc.measures.length}、${l.project.ja} ${projects}、指標 ${doc.indicators.length}）`;
}

export function registerPlan(program: Command) {
  const plan = program.command('plan').description('計画データ / the plan as data');

  plan
    .command('init')
    .description('新しい自治体の計画ファイルのひな形を書く / write a starter plan file for a municipality')
    .requiredOption('--municipality <code>', 'municipality code (5 or 6 digits)')
    .requiredOption('--name <name>', 'municipality name, e.g. みどり野町')
    .option(
      '--start <fy>',
      'first fiscal year of the plan, e.g. 2026 or 令和8年度 (default: next fiscal year)',
    )
    .option('--years <n>', 'years in the plan', '10')
    .option('--out <file>', 'file to write', 'plan.yaml')
    .option('--force', 'overwrite an existing file')
    .action(async (opts) => {
      const start = opts.start ? fiscalYearOption('--start', opts.start) : fiscalYearOf(todayInTokyo()) + 1;
      const years = numberOption('--years', opts.years);
      if (!Number.isInteger(years) || years < 1 || years > 30) throw optionProblem('--years', opts.years);
      const exists = await access(opts.out).then(
        () => true,
        () => false,
      );
      if (exists && !opts.force) {
        throw new ProblemError({
          code: 'cli/file-exists',
          kind: 'conflict',
          message: {
            ja: `ファイルが既にあります（上書きは --force）: ${opts.out}`,
            en: `The file exists already (use --force to overwrite): ${opts.out}`,
          },
          where: { file: opts.out },
        });
      }
      const r = unwrap(
        starterPlanText({
          municipalityCode: opts.municipality,
          municipalityName: opts.name,
          startFiscalYear: start,
          years,
        }),
      );
      await writeFile(opts.out, r.text);
      console.log(`Wrote ${opts.out}: ${planSummary(r.document)}`);
    });

  plan
    .command('validate <file>')
    .description('計画ファイルを検証する（書き込みなし） / check a plan file (writes nothing)')
    .action(async (file: string) => {
      const doc = unwrap(validatePlan(await readPlanFile(file), basename(file)));
      console.log(`OK: ${planSummary(doc)}`);
    });

  withDataOptions(
    plan
      .command('import <file>')
      .description('計画ファイルを新しい版として取り込む / import a plan file as a new version')
      .option('--dry-run', 'check only, write nothing')
      .option('--expected-version <n>', 'fail unless the stored plan is at this version')
      .option('--note <text>', 'note for the revision history')
      .option('--actor <name>', 'who imports (audit trail)'),
  ).action(async (file: string, opts) => {
    const text = await readPlanFile(file);
    await withApp(
      opts,
      async (ctx) => {
        const r = unwrap(
          await importPlan(ctx, text, basename(file), {
            actor: cliActor(opts.actor),
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
