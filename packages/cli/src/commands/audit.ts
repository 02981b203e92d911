/** `mirai audit export --from --to`: the audit trail of a period as CSV or JSON lines. */
import { createWriteStream } from 'node:fs';
import { checkAuditRange, exportAudit, recordAuditExport } from '@mirai/app';
import { ProblemError } from '@mirai/core';
import type { Command } from 'commander';
import { cliActor } from '../actor';
import { withApp, withDataOptions } from '../app-options';

/** `2026-04-01` is midnight in Japan (JST); full ISO timestamps are taken as given. */
const parseDate = (s: string | undefined) =>
  s === undefined ? undefined : new Date(/^\d{4}-\d{2}-\d{2}$/.test(s) ? `${s}T00:00:00+09:00` : s);

export function registerAudit(program: Command) {
  const audit = program.command('audit').description('監査ログ / the audit trail');
  withDataOptions(
    audit
      .command('export')
      .description(
        '期間の監査ログを書き出す / export the audit trail of a period (from inclusive, to exclusive)',
      )
      .option('--from <date>', 'start (YYYY-MM-DD in JST, or ISO timestamp)')
      .option('--to <date>', 'end, exclusive')
      .option('--format <format>', 'csv or jsonl', 'csv')
      .option('--out <file>', 'write to a file instead of standard output'),
  ).action(async (opts) => {
    const from = parseDate(opts.from);
    const to = parseDate(opts.to);
    const problems = checkAuditRange(from, to);
    if (problems.length > 0) throw new ProblemError(problems);
    const format = opts.format === 'jsonl' ? 'jsonl' : 'csv';
    await withApp(opts, async (ctx) => {
      await recordAuditExport(
        ctx,
        cliActor(),
        { ...(opts.from ? { from: opts.from } : {}), ...(opts.to ? { to: opts.to } : {}) },
        format,
      );
      const out = opts.out ? createWriteStream(opts.out) : process.stdout;
      if (format === 'csv' && opts.out) out.write('\uFEFF');
      for await (const line of exportAudit(
        ctx,
        { ...(from ? { from } : {}), ...(to ? { to } : {}) },
        format,
      )) {
        out.write(line);
      }
      if (opts.out) await new Promise((r) => (out as ReturnType<typeof createWriteStream>).end(r));
    });
  });
}
