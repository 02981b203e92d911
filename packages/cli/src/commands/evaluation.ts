/**
 * `mirai evaluation open|status|export|import|close|reopen|publish|lock`: the
 * yearly evaluation round from the command line. The operator acts as
 * administrator (`cli:<user>` in the audit trail); each command is one use
 * case, each write one audited transaction.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import {
  cliEvaluationActor,
  exportRoundCsv,
  exportRoundWorkbooks,
  getRoundStatus,
  importEvaluationWorkbook,
  openEvaluationRound,
  type RoundStatus,
  sendAllEvaluationReminders,
  sendEvaluationReminders,
  transitionEvaluationRound,
} from '@mirai/app';
import { type CalendarDate, type RoundAction, unwrap } from '@mirai/core';
import type { Command } from 'commander';
import { cliActor } from '../actor';
import { withApp, withDataOptions } from '../app-options';
import { dateOption, fiscalYearOption, optionProblem } from '../options';
import { printJson, printTable } from '../output';

const fyOption = (text: string): number => fiscalYearOption('--fy', text);

const optionalDate = (option: string, text: string | undefined): CalendarDate | undefined =>
  text === undefined ? undefined : dateOption(option, text);

const codes = (text: string | undefined) =>
  text
    ? text
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;
const actorOf = (opts: { actor?: string }) => cliEvaluationActor(cliActor(opts.actor));

interface DataOpts {
  dataDir?: string;
  databaseUrl?: string;
  actor?: string;
}

function printStatus(s: RoundStatus) {
  const r = s.round;
  console.log(`${r.fiscalYear}年度 評価ラウンド ${r.id}: ${r.state} (version ${r.version})`);
  console.log(r.stages.map((x) => `${x.stage} ${x.due.year}-${x.due.month}-${x.due.day}`).join(' → '));
  printTable(
    ['sheet', 'kind', 'department', 'state', 'version'],
    s.sheets.map((x) => [x.code, x.kind, x.departmentCode, x.state, x.version]),
  );
  if (s.overdue.length > 0)
    console.log(`overdue: ${s.overdue.map((o) => `${o.code} (${o.daysOverdue}d)`).join(', ')}`);
}

async function moveRound(opts: DataOpts & { fy: string; comment?: string }, action: RoundAction) {
  await withApp(opts, async (ctx) => {
    const fiscalYear = fyOption(opts.fy);
    const status = unwrap(await getRoundStatus(ctx, fiscalYear));
    const moved = unwrap(
      await transitionEvaluationRound(ctx, {
        fiscalYear,
        action,
        expectedVersion: status.round.version,
        actor: actorOf(opts),
        ...(opts.comment ? { comment: opts.comment } : {}),
      }),
    );
    console.log(`${moved.id}: ${status.round.state} → ${moved.state} (version ${moved.version})`);
  });
}

export function registerEvaluation(program: Command) {
  const ev = program
    .command('evaluation')
    .description('行政評価の年次ラウンド / the yearly evaluation round');
  const data = (c: Command) => withDataOptions(c).option('--actor <name>', 'who acts (audit trail)');

  data(ev.command('open'))
    .description('open the round evaluating a fiscal year (draft sheets for its measures and projects)')
    .requiredOption('--fy <year>', 'evaluated fiscal year (2024, 令和6年度)')
    .option('--opened-on <date>', 'opening date (default today, Asia/Tokyo)')
    .option('--entry-due <date>', 'department entry due (default 30 days after opening)')
    .option(
      '--committee-days <n>',
      'add the external committee stage, due N days after the planning division',
    )
    .option('--measures <codes>', 'measures in scope, comma-separated (default: the phase’s)')
    .option('--projects <codes>', 'projects in scope, comma-separated (default: the year’s)')
    .action(async (opts: DataOpts & Record<string, string | undefined>) => {
      await withApp(opts, async (ctx) => {
        const fiscalYear = fyOption(opts.fy!);
        const openedOn = optionalDate('--opened-on', opts.openedOn);
        const entryDue = optionalDate('--entry-due', opts.entryDue);
        const committee = opts.committeeDays === undefined ? undefined : Number(opts.committeeDays);
        if (committee !== undefined && !(Number.isInteger(committee) && committee >= 0))
          throw optionProblem('--committee-days', opts.committeeDays!);
        const measures = codes(opts.measures);
        const projects = codes(opts.projects);
        const r = await openEvaluationRound(ctx, {
          fiscalYear,
          actor: actorOf(opts),
          ...(openedOn ? { openedOn } : {}),
          ...(entryDue ? { entryDue } : {}),
          ...(committee !== undefined
            ? { gaps: { 'section-head': 14, 'planning-division': 21, 'external-committee': committee } }
            : {}),
          ...(measures || projects
            ? { scope: { measureCodes: measures ?? [], projectCodes: projects ?? [] } }
            : {}),
        });
        const round = unwrap(r);
        for (const w of r.ok ? (r.warnings ?? []) : []) console.error(`warning ${w.code}: ${w.message.ja}`);
        console.log(
          `opened ${round.id}: ${round.sheets} sheets, due ${round.stages.map((s) => `${s.stage} ${s.due.year}-${s.due.month}-${s.due.day}`).join(', ')}`,
        );
      });
    });

  data(ev.command('status'))
    .description('the round’s sheets by state, the overdue list and today’s reminders')
    .requiredOption('--fy <year>', 'evaluated fiscal year')
    .option('--today <date>', 'reference day for overdue and reminders (default today)')
    .option('--department <code>', 'one department only')
    .option('--format <format>', 'table or json', 'table')
    .action(async (opts: DataOpts & { fy: string; today?: string; department?: string; format: string }) => {
      await withApp(opts, async (ctx) => {
        const today = optionalDate('--today', opts.today);
        const s = unwrap(
          await getRoundStatus(ctx, fyOption(opts.fy), {
            ...(today ? { today } : {}),
            ...(opts.department ? { departmentCode: opts.department } : {}),
          }),
        );
        if (opts.format === 'json') printJson(s);
        else printStatus(s);
      });
    });

  data(ev.command('remind'))
    .description(
      'today’s due-date reminders (before and after due dates) in the inbox and by e-mail (a rerun sends nothing twice; the server runs it daily)',
    )
    .option('--fy <year>', 'evaluated fiscal year (default: every open round)')
    .option('--today <date>', 'reference day (default today)')
    .action(async (opts: DataOpts & { fy?: string; today?: string }) => {
      await withApp(opts, async (ctx) => {
        const today = optionalDate('--today', opts.today);
        const o = { actor: cliActor(), ...(today ? { today } : {}) };
        const r = unwrap(
          opts.fy
            ? await sendEvaluationReminders(ctx, fyOption(opts.fy), o)
            : await sendAllEvaluationReminders(ctx, o),
        );
        console.log(`reminders sent: ${r.sent}, already sent: ${r.skipped}, e-mails queued: ${r.mailed}`);
        await ctx.mail.idle();
      });
    });

  data(ev.command('export'))
    .description('write one xlsx workbook per department (and the round as CSV with --csv)')
    .requiredOption('--fy <year>', 'evaluated fiscal year')
    .requiredOption('--out <dir>', 'output directory')
    .option('--department <code>', 'one department only')
    .option('--csv <encoding>', 'also write the round as CSV: utf-8-bom or cp932')
    .action(async (opts: DataOpts & { fy: string; out: string; department?: string; csv?: string }) => {
      await withApp(opts, async (ctx) => {
        const fiscalYear = fyOption(opts.fy);
        const books = unwrap(
          await exportRoundWorkbooks(ctx, {
            fiscalYear,
            ...(opts.department ? { departmentCode: opts.department } : {}),
          }),
        );
        mkdirSync(opts.out, { recursive: true });
        for (const b of books) {
          writeFileSync(join(opts.out, b.fileName), b.buffer);
          console.log(`${join(opts.out, b.fileName)}: ${b.sheets} sheets`);
        }
        if (opts.csv) {
          if (opts.csv !== 'utf-8-bom' && opts.csv !== 'cp932') throw optionProblem('--csv', opts.csv);
          const csv = unwrap(await exportRoundCsv(ctx, { fiscalYear, encoding: opts.csv }));
          const file = join(opts.out, `evaluation-${fiscalYear}.csv`);
          writeFileSync(file, csv.bytes);
          console.log(`${file}: ${csv.rows} rows`);
        }
      });
    });

  data(ev.command('import <file>'))
    .description('import a filled workbook; every problem with worksheet and cell; nothing stored on error')
    .option('--dry-run', 'check only, store nothing')
    .option('--fy <year>', 'refuse a workbook of another round')
    .action(async (file: string, opts: DataOpts & { dryRun?: boolean; fy?: string }) => {
      await withApp(opts, async (ctx) => {
        const r = unwrap(
          await importEvaluationWorkbook(ctx, {
            file: basename(file),
            bytes: readFileSync(file),
            actor: actorOf(opts),
            dryRun: opts.dryRun === true,
            ...(opts.fy ? { fiscalYear: fyOption(opts.fy) } : {}),
          }),
        );
        const verb = r.dryRun ? 'would change' : 'changed';
        console.log(
          `${r.file} (${r.roundId}, ${r.departmentCode}): ${verb} ${r.changed.length}, unchanged ${r.unchanged}`,
        );
        for (const c of r.changed) console.log(`  ${c.worksheet}: version ${c.fromVersion} → ${c.toVersion}`);
      });
    });

  for (const [action, description] of [
    ['close', 'close the round (entries and reviews end)'],
    ['reopen', 'reopen a closed round'],
    ['publish', 'publish a closed round and every sheet in it'],
    ['lock', 'lock a published round for good'],
  ] as const) {
    data(ev.command(action))
      .description(description)
      .requiredOption('--fy <year>', 'evaluated fiscal year')
      .option('--comment <text>', 'a note for the audit trail')
      .action(async (opts: DataOpts & { fy: string; comment?: string }) => moveRound(opts, action));
  }
}
