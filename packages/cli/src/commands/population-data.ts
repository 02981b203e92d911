/**
 * `mirai population data import`: a municipality's census by sex and
 * five-year age, or an IPSS projection table, into the database (checked row
 * by row, all or nothing, audited). The pages and the engine then use the
 * data of whatever municipality the plan names.
 */
import { type DatasetKind, datasetKinds, importDatasetFile, isDatasetKind } from '@mirai/app';
import { unwrap } from '@mirai/core';
import type { Command } from 'commander';
import { cliActor } from '../actor';
import { withApp, withDataOptions } from '../app-options';
import { optionProblem } from '../options';

export function registerPopulationData(program: Command) {
  const population = program.commands.find((c) => c.name() === 'population') ?? program.command('population');
  const data = population.command('data').description('人口データ / population data sets');
  withDataOptions(
    data
      .command('import')
      .description('国勢調査・将来推計の表を取り込む / import a census or projection table')
      .requiredOption('--file <file>', 'CSV (UTF-8 or Shift_JIS) or xlsx')
      .option(
        '--layout <layout>',
        "auto | tidy (Mirai's columns) | estat (e-Stat's CSV download of 国勢調査 男女別5歳階級別人口)",
        'auto',
      )
      .requiredOption('--kind <kind>', Object.keys(datasetKinds).join(' | '))
      .requiredOption('--code <code>', 'data set code, e.g. census, ipss2023 (a re-import replaces it)')
      .requiredOption('--title <ja>', 'title (Japanese)')
      .option('--title-en <en>', 'title (English)')
      .requiredOption('--source <text>', 'where the figures come from (shown on the pages)')
      .option('--municipality <code>', "municipality code (default: the plan's)")
      .option('--sample', 'flag the data as illustrative')
      .option('--dry-run', 'check only, store nothing')
      .option('--actor <name>', 'who imports (audit trail)'),
  ).action(async (opts) => {
    if (!isDatasetKind(opts.kind)) throw optionProblem('--kind', opts.kind);
    if (!['auto', 'tidy', 'estat'].includes(opts.layout)) throw optionProblem('--layout', opts.layout);
    await withApp(opts, async (ctx) => {
      const r = unwrap(
        await importDatasetFile(
          ctx,
          {
            file: opts.file,
            kind: opts.kind as DatasetKind,
            code: opts.code,
            title: { ja: opts.title, ...(opts.titleEn ? { en: opts.titleEn } : {}) },
            source: opts.source,
            sample: Boolean(opts.sample),
            layout: opts.layout as 'auto' | 'tidy' | 'estat',
            ...(opts.municipality ? { municipalityCode: opts.municipality } : {}),
          },
          { actor: cliActor(opts.actor), dryRun: Boolean(opts.dryRun) },
        ),
      );
      console.log(
        opts.dryRun
          ? `確認のみ / checked: ${r.rows} 行 / rows for ${r.municipalityCode} (${opts.code}); 何も保存していません / nothing stored`
          : `取り込みました / imported: ${opts.code} v${r.version}, ${r.rows} 行 / rows for ${r.municipalityCode}`,
      );
    });
  });
}
