/**
 * `mirai survey import|waves|publish|record`: survey waves in the database
 * (the estimator commands are in survey.ts). Registered beside `estimate`, so
 * the application (database, Excel) is imported only when one of these runs:
 * `mirai survey estimate` loads none of it (decision 0127).
 */
import { readFile } from 'node:fs/promises';
import type { ImportWaveInput } from '@mirai/app';
import { unwrap } from '@mirai/core';
import type { Command } from 'commander';
import { cliActor } from '../actor';
import { withDataOptions } from '../data-options';
import { fiscalYearOption } from '../options';
import { printJson, printTable } from '../output';

const list = (s: string | undefined) =>
  s
    ? s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean)
    : [];

function surveyCommand(program: Command): Command {
  return program.commands.find((c) => c.name() === 'survey') ?? program.command('survey');
}

export function registerSurveyWaves(program: Command) {
  const survey = surveyCommand(program);

  withDataOptions(
    survey
      .command('import')
      .description(
        '調査回の回答を取り込む（個人情報の列は拒否） / import a survey wave (no personal identifiers)',
      )
      .requiredOption('--file <file>', 'responses (CSV in UTF-8/Shift_JIS, or XLSX), one row per respondent')
      .option(
        '--description <file>',
        'the wave described in a YAML/JSON file (code, title, questions…: several questions); replaces --wave, --title, --question, --min, --max, --indicator, --attributes, --weights, --poststratify, --rake, --fieldwork, --sampling-frame, --invited',
      )
      .option('--wave <code>', 'wave code, e.g. 2022-12 (required without --description)')
      .option('--title <text>', 'title of the wave', '市民アンケート')
      .option('--question <col>', 'answer column (0–10 happiness unless --min/--max)', 'happiness')
      .option('--min <n>', 'lowest answer on the scale', '0')
      .option('--max <n>', 'highest answer on the scale', '10')
      .option('--indicator <code>', 'indicator the question measures', 'TOP-HAPPINESS')
      .option('--attributes <cols>', 'respondent attributes kept for breakdowns', 'age_group,sex,district')
      .option('--weights <col>', 'design weight column')
      .option('--poststratify <cols>', 'calibrate to the population file by these columns')
      .option('--rake <cols>', 'rake to the population file’s margins on these columns')
      .option('--population <file>', 'population cells: one column per calibration variable and count')
      .option('--invitations <file>', 'invitations by stratum: variable, level, invited')
      .option('--fieldwork <from..to>', 'fieldwork dates, e.g. 2022-12-01..2022-12-20')
      .option('--sampling-frame <text>', 'sampling frame, e.g. 住民基本台帳から無作為抽出')
      .option('--invited <n>', 'questionnaires sent in all')
      .option('--dry-run', 'check only, store nothing')
      .option('--actor <name>', 'who imports (audit trail)'),
  ).action(async (opts) => {
    const { importSurveyWave, parseWaveDescription, readTableFile, withApp } = await import('./survey-app');
    const responses = unwrap(await readTableFile(opts.file));
    const population = opts.population ? unwrap(await readTableFile(opts.population)) : undefined;
    const invitations = opts.invitations ? unwrap(await readTableFile(opts.invitations)) : undefined;
    const [from, to] = String(opts.fieldwork ?? '').split('..');
    if (!opts.description && !opts.wave) throw new Error('--wave or --description is required');
    const described = opts.description
      ? unwrap(parseWaveDescription(await readFile(opts.description, 'utf8'), opts.description))
      : undefined;
    const input: ImportWaveInput = described
      ? {
          ...described,
          responses,
          ...(population ? { populationTable: population } : {}),
          ...(invitations ? { invitationsTable: invitations } : {}),
        }
      : {
          code: opts.wave,
          title: opts.title,
          questions: [
            {
              code: opts.question,
              wording: { ja: opts.question },
              scale: { min: Number(opts.min), max: Number(opts.max) },
              ...(opts.indicator ? { indicator: opts.indicator } : {}),
            },
          ],
          attributes: list(opts.attributes).filter((a) => responses.headers.includes(a)),
          responses,
          ...(opts.weights ? { weightColumn: opts.weights } : {}),
          ...(opts.poststratify ? { calibration: { poststratify: list(opts.poststratify) } } : {}),
          ...(opts.rake ? { calibration: { rake: list(opts.rake) } } : {}),
          ...(population ? { populationTable: population } : {}),
          ...(invitations ? { invitationsTable: invitations } : {}),
          ...(from ? { fieldworkStart: from } : {}),
          ...(to ? { fieldworkEnd: to } : {}),
          ...(opts.samplingFrame ? { samplingFrame: opts.samplingFrame } : {}),
          ...(opts.invited ? { invitations: Number(opts.invited) } : {}),
        };
    await withApp(opts, async (ctx) => {
      const r = unwrap(
        await importSurveyWave(ctx, input, { actor: cliActor(opts.actor), dryRun: Boolean(opts.dryRun) }),
      );
      console.log(
        r.dryRun
          ? `OK (dry run): ${r.respondents} respondents, nothing stored`
          : `Stored wave ${r.code}: ${r.respondents} respondents`,
      );
    });
  });

  withDataOptions(
    survey
      .command('waves')
      .description('調査回の一覧 / list survey waves')
      .option('--format <format>', 'json or table', 'table'),
  ).action(async (opts) => {
    const { listSurveyWaves, withApp } = await import('./survey-app');
    await withApp(opts, async (ctx) => {
      const waves = unwrap(await listSurveyWaves(ctx));
      if (opts.format === 'json') return printJson(waves);
      printTable(
        ['code', 'title', 'fieldwork', 'responses', 'status', 'version'],
        waves.map((w) => [
          w.code,
          w.title,
          w.fieldwork_start ?? '',
          Number(w.responses),
          w.status,
          w.version,
        ]),
      );
    });
  });

  withDataOptions(
    survey
      .command('publish')
      .description('調査回を公開する / publish a wave (its tables become public)')
      .requiredOption('--wave <code>', 'wave code')
      .requiredOption('--expected-version <n>', 'the version you checked (see `mirai survey waves`)')
      .option('--record-fy <year>', 'also record the estimate as the indicator’s actual for this fiscal year')
      .option('--actor <name>', 'who publishes (audit trail)'),
  ).action(async (opts) => {
    const { publishSurveyWave, recordWaveAsIndicatorActual, withApp } = await import('./survey-app');
    await withApp(opts, async (ctx) => {
      const actor = cliActor(opts.actor);
      const r = unwrap(
        await publishSurveyWave(ctx, opts.wave, { actor, expectedVersion: Number(opts.expectedVersion) }),
      );
      console.log(`Published wave ${r.code} (version ${r.version})`);
      if (opts.recordFy) {
        const rec = unwrap(
          await recordWaveAsIndicatorActual(ctx, opts.wave, {
            fiscalYear: fiscalYearOption('--record-fy', opts.recordFy),
            actor,
          }),
        );
        console.log(`Recorded ${rec.indicatorCode} = ${rec.value} for FY${rec.fiscalYear}`);
      }
    });
  });
}
