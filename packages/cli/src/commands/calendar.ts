/** `mirai calendar`: the plan's review calendar as JSON or as the plan's table, in the plan's own level names. */
import { readCurrentPlan } from '@mirai/app';
import {
  type CalendarYear,
  levelNamesOf,
  phaseLabel,
  type ReviewEventKey,
  reviewCalendar,
} from '@mirai/core';
import type { Command } from 'commander';
import { appConfig, withDataOptions } from '../data-options';
import { printJson, printTable } from '../output';

export function registerCalendar(program: Command) {
  withDataOptions(
    program
      .command('calendar')
      .description('見直し周期（年度ごとの評価・見直し） / the review calendar')
      .option('--format <format>', 'json or table', 'table'),
  ).action(async (opts) => {
    // The plan as stored (a draft included); unchanged since the last run of this build: from the
    // data directory's closed snapshot, without starting the database (decision 0130).
    const doc = (await readCurrentPlan(appConfig(opts), process.env.MIRAI_CLI_BUILD)).document;
    const { plan, phases } = doc;
    const levels = levelNamesOf(doc);
    const years = reviewCalendar({
      startFiscalYear: plan.startFiscalYear,
      endFiscalYear: plan.endFiscalYear,
      phases,
    });
    if (opts.format === 'json') return printJson(years);
    const mark = (y: CalendarYear, k: ReviewEventKey, sym: string) => (y.events.includes(k) ? sym : '');
    const phaseOf = (y: CalendarYear) =>
      y.phase === null
        ? '—'
        : phaseLabel(
            phases.find((p) => p.number === y.phase),
            levels,
            'ja',
            y.phase,
          );
    const header = ['', ...years.map((y) => y.label.replace('令和', 'R').replace('年度', ''))];
    printTable(header, [
      [
        '計画全体',
        ...years.map(
          (y) =>
            mark(y, 'long-term-revision-if-needed', '必要に応じて修正') ||
            mark(y, 'next-plan-drafting', '次期策定'),
        ),
      ],
      [levels.phase.ja, ...years.map((y) => `${phaseOf(y)}${mark(y, 'next-phase-drafting', '・次期策定')}`)],
      ['行政評価・改善', ...years.map((y) => mark(y, 'annual-evaluation', '●'))],
      [`${levels.phase.ja}の見直し評価`, ...years.map((y) => mark(y, 'medium-term-review', '○'))],
    ]);
  });
}
