/** Output helpers shared by the CLI commands: JSON, tables and problems. */
import { formatWhere, type Problem } from '@mirai/core';

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** Prints every problem, Japanese first, then English, with where it was found. */
export function printProblems(problems: readonly Problem[]): void {
  for (const p of problems) {
    const where = formatWhere(p.where);
    const tag = p.severity === 'warning' ? 'warning' : 'error';
    process.stderr.write(
      `${tag} ${p.code}${where ? ` (${where})` : ''}\n  ${p.message.ja}\n  ${p.message.en}\n`,
    );
  }
}

/** Prints rows as an aligned text table (東アジアの全角文字は幅2として数える). */
export function printTable(headers: string[], rows: (string | number)[][]): void {
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\uffdc]/.test(ch) ? 2 : 1), 0);
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => width(r[i] ?? ''))));
  for (const r of cells) {
    process.stdout.write(`${r.map((c, i) => c + ' '.repeat((widths[i] ?? 0) - width(c))).join('  ')}\n`);
  }
}
