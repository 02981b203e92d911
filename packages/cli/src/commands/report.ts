/**
 * `mirai report annual --fy YEAR` and `mirai report review --phase N`: the
 * annual evaluation report (行政評価結果報告書) and the medium-term review
 * report as HTML, PDF (headless Chromium) or xlsx, written to --out.
 */
import { writeFileSync } from 'node:fs';
import { type RenderedReport, renderAnnualReport, renderReviewReport } from '@mirai/app';
import type { Result } from '@mirai/core';
import type { Command } from 'commander';
import { withApp, withDataOptions } from '../app-options';
import { fiscalYearOption, numberOption } from '../options';
import { printProblems } from '../output';

function write(r: Result<RenderedReport>, out: string | undefined) {
  if (!r.ok) {
    printProblems(r.problems);
    process.exitCode = 1;
    return;
  }
  const file = out ?? r.value.fileName;
  writeFileSync(file, r.value.body);
  console.log(`${file}（${r.value.body.length.toLocaleString('ja-JP')} バイト / bytes）`);
}

export function registerReport(program: Command) {
  const report = program.command('report').description('報告書の作成 / reports (html, pdf, xlsx)');
  withDataOptions(
    report
      .command('annual')
      .description('行政評価結果報告書 / the annual evaluation report of a fiscal year')
      .requiredOption('--fy <year>', '評価した年度（2024, 令和6年度, R6）', (v) =>
        fiscalYearOption('--fy', v),
      )
      .option('--format <format>', 'html, pdf or xlsx', 'pdf')
      .option('--out <file>', 'output file (default: annual-report-YEAR.FORMAT)'),
  ).action(async (opts) => {
    await withApp(opts, async (ctx) =>
      write(await renderAnnualReport(ctx, { fiscalYear: opts.fy, format: opts.format }), opts.out),
    );
  });
  withDataOptions(
    report
      .command('review')
      .description('中期の見直し評価報告書 / the medium-term review report of a phase')
      .requiredOption('--phase <n>', '期（1, 2, 3）', (v) => numberOption('--phase', v))
      .option('--format <format>', 'html, pdf or xlsx', 'pdf')
      .option('--out <file>', 'output file (default: review-report-phaseN.FORMAT)'),
  ).action(async (opts) => {
    await withApp(opts, async (ctx) =>
      write(await renderReviewReport(ctx, { phase: opts.phase, format: opts.format }), opts.out),
    );
  });
}
