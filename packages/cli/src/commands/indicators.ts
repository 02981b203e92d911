/**
 * `mirai indicators list|show|progress|record|correct|import`: indicators with
 * baselines, targets, latest actuals and statuses; the plan's roll-up; and
 * writing actual values (one at a time, or a CSV/xlsx file, all or nothing).
 */
import {
  correctIndicatorActual,
  getPlanProgress,
  type IndicatorSummary,
  importIndicatorActuals,
  listIndicators,
  readTableFile,
  recordIndicatorActual,
  showIndicator,
} from '@mirai/app';
import { type CalendarDate, unwrap } from '@mirai/core';
import type { Command } from 'commander';
import { cliActor } from '../actor';
import { withApp, withDataOptions } from '../app-options';
import { dateOption, fiscalYearOption, numberOption } from '../options';
import { printJson, printTable } from '../output';

function asOfOption(text: string | undefined): { asOf?: CalendarDate } {
  return text ? { asOf: dateOption('--as-of', text) } : {};
}

const fmt = (n: number | undefined | null) =>
  n === undefined || n === null ? '—' : String(Math.round(n * 1000) / 1000);
const pct = (n: number | undefined) => (n === undefined ? '—' : `${Math.round(n * 1000) / 10}%`);

function listRow(x: IndicatorSummary): (string | number)[] {
  return [
    x.code,
    x.name.ja,
    x.unit.ja,
    x.direction,
    fmt(x.baseline?.value),
    x.finalTarget ? `${fmt(x.finalTarget.value)} (FY${x.finalTarget.fiscalYear})` : '—',
    x.latest ? `${fmt(x.latest.value)} (FY${x.latest.fiscalYear})` : '—',
    x.status.label.ja,
    pct(x.status.achievement),
  ];
}

const actor = (opts: { actor?: string }) => cliActor(opts.actor);

export function registerIndicators(program: Command) {
  const ind = program.command('indicators').description('指標と進捗 / indicators and progress');

  withDataOptions(
    ind
      .command('list')
      .description(
        '指標の一覧（基準値・目標・最新実績・状態） / indicators with baseline, targets, latest actual, status',
      )
      .option('--format <format>', 'json or table', 'table')
      .option('--as-of <date>', 'reference date for staleness (default: today, Asia/Tokyo)'),
  ).action(async (opts) => {
    const asOf = asOfOption(opts.asOf);
    await withApp(opts, async (ctx) => {
      const list = unwrap(await listIndicators(ctx, { ...asOf, withAuthors: true }));
      if (opts.format === 'json') return printJson(list);
      printTable(
        ['コード', '指標', '単位', '方向', '基準値', '最終目標', '最新実績', '状態', '達成度'],
        list.map(listRow),
      );
    });
  });

  withDataOptions(
    ind
      .command('show <code>')
      .description('指標の詳細と実績の全履歴 / one indicator with every version of every value')
      .option('--format <format>', 'json or table', 'table')
      .option('--as-of <date>', 'reference date for staleness'),
  ).action(async (code: string, opts) => {
    const asOf = asOfOption(opts.asOf);
    await withApp(opts, async (ctx) => {
      const x = unwrap(await showIndicator(ctx, code, { ...asOf, withAuthors: true }));
      if (opts.format === 'json') return printJson(x);
      printTable(
        ['コード', '指標', '単位', '方向', '基準値', '最終目標', '最新実績', '状態', '達成度'],
        [listRow(x)],
      );
      for (const e of x.status.explanation) process.stdout.write(`  ${e.ja}\n`);
      const rows = x.values.flatMap((v) =>
        v.versions.map((ver) => [
          ver.id,
          `FY${v.fiscalYear}`,
          v.date ?? '',
          v.area ?? '',
          fmt(ver.value),
          ver.id === v.current.id ? '現行' : '訂正済',
          ver.source,
          ver.enteredBy,
          ver.enteredAt,
        ]),
      );
      if (rows.length > 0)
        printTable(['版', '年度', '日付', '地域', '値', '状態', '出典', '入力者', '入力日時'], rows);
    });
  });

  withDataOptions(
    ind
      .command('progress')
      .description('計画全体の進捗（一つの集計規則） / the plan rolled up with one rule')
      .option('--format <format>', 'json or table', 'table')
      .option('--as-of <date>', 'reference date for staleness'),
  ).action(async (opts) => {
    const asOf = asOfOption(opts.asOf);
    await withApp(opts, async (ctx) => {
      const p = unwrap(await getPlanProgress(ctx, { ...asOf, withAuthors: true }));
      if (opts.format === 'json') return printJson(p);
      process.stdout.write(`rule: ${p.rule.kind}; scheme: ${p.scheme.code} (${p.scheme.basis})\n`);
      printTable(
        ['コード', '階層', '状態', '値', '欠測', '説明'],
        Object.values(p.figures)
          .filter((f) => f.level !== 'measure')
          .map((f) => [f.code, f.level, f.label.ja, pct(f.value), f.missing.length, f.explanation.ja]),
      );
    });
  });

  withDataOptions(
    ind
      .command('record')
      .description('実績値を登録する / record an actual value')
      .requiredOption('--code <code>', 'indicator code')
      .requiredOption('--fiscal-year <fy>', 'fiscal year (2025, 令和7年度, R7)')
      .requiredOption('--value <n>', 'the value')
      .requiredOption('--source <text>', 'where the value comes from')
      .option('--date <date>', 'the day the value refers to')
      .option('--area <code>', 'area code (absent: the whole city)')
      .option('--note <text>', 'note')
      .option('--actor <name>', 'who records (audit trail)'),
  ).action(async (opts) => {
    const fiscalYear = fiscalYearOption('--fiscal-year', opts.fiscalYear);
    const value = numberOption('--value', opts.value);
    await withApp(opts, async (ctx) => {
      const stored = unwrap(
        await recordIndicatorActual(
          ctx,
          {
            indicatorCode: opts.code,
            fiscalYear,
            value,
            source: opts.source,
            ...(opts.date ? { date: opts.date } : {}),
            ...(opts.area ? { area: opts.area } : {}),
            ...(opts.note ? { note: opts.note } : {}),
          },
          { actor: actor(opts) },
        ),
      );
      process.stdout.write(
        `Recorded version ${stored.id}: ${stored.indicatorCode} FY${stored.fiscalYear} = ${stored.value}\n`,
      );
    });
  });

  withDataOptions(
    ind
      .command('correct <versionId>')
      .description('実績値を訂正する（旧版は残る） / correct a value (the old version is kept)')
      .requiredOption('--value <n>', 'the corrected value')
      .option('--source <text>', 'source of the corrected value')
      .option('--note <text>', 'why it was corrected')
      .option('--actor <name>', 'who corrects (audit trail)'),
  ).action(async (versionId: string, opts) => {
    const value = numberOption('--value', opts.value);
    await withApp(opts, async (ctx) => {
      const stored = unwrap(
        await correctIndicatorActual(
          ctx,
          versionId,
          {
            value,
            ...(opts.source ? { source: opts.source } : {}),
            ...(opts.note ? { note: opts.note } : {}),
          },
          { actor: actor(opts) },
        ),
      );
      process.stdout.write(`Stored version ${stored.id} superseding ${stored.supersedes}: ${stored.value}\n`);
    });
  });

  withDataOptions(
    ind
      .command('import')
      .description(
        '実績値をCSV/xlsxから取り込む（全行検証、1件でも誤りがあれば何も保存しない） / import actuals, all or nothing',
      )
      .requiredOption('--file <file>', 'CSV (UTF-8 or Shift_JIS) or xlsx')
      .option('--sheet <name>', 'worksheet (xlsx; default the first)')
      .option('--dry-run', 'validate only, store nothing')
      .option('--allow-corrections', 'rows for values already recorded become corrections')
      .option('--format <format>', 'json or text', 'text')
      .option('--actor <name>', 'who imports (audit trail)'),
  ).action(async (opts) => {
    const table = unwrap(await readTableFile(opts.file, opts.sheet ? { sheet: opts.sheet } : {}));
    await withApp(opts, async (ctx) => {
      const r = unwrap(
        await importIndicatorActuals(ctx, table, {
          actor: actor(opts),
          dryRun: Boolean(opts.dryRun),
          allowCorrections: Boolean(opts.allowCorrections),
        }),
      );
      if (opts.format === 'json') return printJson({ ...r, accepted: undefined });
      const what = `${r.recorded} new, ${r.corrected} corrections, ${r.unchanged} unchanged (${r.rows} rows)`;
      process.stdout.write(
        r.dryRun ? `OK (dry run, nothing stored): ${what}\n` : `Imported ${table.file}: ${what}\n`,
      );
    });
  });
}
