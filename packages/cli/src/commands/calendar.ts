/** `mirai calendar`: the plan's review calendar as JSON or as the plan's table. */
import { getCurrentPlan } from '@mirai/app';
import { reviewCalendar, type reviewEventLabels, unwrap } from '@mirai/core';
import type { Command } from 'commander';
import { withApp, withDataOptions } from '../app-options';
import { printJson, printTable } from '../output';

export function registerCalendar(program: Command) {
  withDataOptions(
    program
      .command('calendar')
      .description('見直し周期（年度ごとの評価・見直し） / the review calendar')
      .option('--format <format>', 'json or table', 'table'),
  ).action(async (opts) => {
    await withApp(opts, async (ctx) => {
      const { plan, phases } = unwrap(await getCurrentPlan(ctx)).document;
      const years = reviewCalendar({
        startFiscalYear: plan.startFiscalYear,
        endFiscalYear: plan.endFiscalYear,
        phases,
      });
      if (opts.format === 'json') return printJson(years);
      const mark = (y: (typeof years)[number], k: keyof typeof reviewEventLabels, sym: string) =>
        y.events.includes(k) ? sym : '';
      const header = ['', ...years.map((y) => y.label.replace('令和', 'R').replace('年度', ''))];
      printTable(header, [
        [
          '長期戦略',
          ...years.map(
            (y) =>
              mark(y, 'long-term-revision-if-needed', '必要に応じて修正') ||
              mark(y, 'next-plan-drafting', '次期策定'),
          ),
        ],
        ['中期戦略', ...years.map((y) => `第${y.phase}期${mark(y, 'next-phase-drafting', '・次期策定')}`)],
        ['行政評価・改善', ...years.map((y) => mark(y, 'annual-evaluation', '●'))],
        ['中期戦略の見直し評価', ...years.map((y) => mark(y, 'medium-term-review', '○'))],
      ]);
    });
  });
}
