// The real CLI in a child process, on a real embedded data directory (the bundled sample plan).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../testing/run-cli';

describe('mirai evaluation', () => {
  it('opens a round, reports its status as JSON, exports workbooks and CSV, imports unchanged, refuses to publish an open round', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mirai-eval-'));
    const db = ['--data-dir', join(dir, 'db')];
    const open = runCli(['evaluation', 'open', '--fy', '令和6年度', '--opened-on', '2025-06-02', ...db]);
    expect(open.stderr).toBe('');
    // The shipped sample: 9 measures and 9 projects in FY2024, one sheet each.
    expect(open.stdout).toContain('18 sheets');
    const status = runCli([
      'evaluation',
      'status',
      '--fy',
      '2024',
      '--format',
      'json',
      '--today',
      '2025-07-03',
      ...db,
    ]);
    const s = JSON.parse(status.stdout) as {
      round: { state: string };
      counts: { draft: number };
      overdue: unknown[];
    };
    expect([s.round.state, s.counts.draft, s.overdue.length]).toEqual(['open', 18, 18]);
    const out = join(dir, 'out');
    const exported = runCli([
      'evaluation',
      'export',
      '--fy',
      '2024',
      '--out',
      out,
      '--department',
      'DEPT-CHILD',
      '--csv',
      'cp932',
      ...db,
    ]);
    expect(exported.status).toBe(0);
    expect(readFileSync(join(out, 'evaluation-2024.csv')).subarray(0, 8).toString('latin1')).toBe('round_id');
    const file = join(out, 'evaluation-2024-DEPT-CHILD.xlsx');
    const imported = runCli(['evaluation', 'import', file, ...db]);
    expect(imported.stdout).toContain('changed 0, unchanged 6');
    const other = runCli(['evaluation', 'import', file, '--fy', '2025', '--dry-run', ...db]);
    expect(other.status).toBe(1);
    expect(other.stderr).toContain('evaluation-xlsx/other-round');
    const publish = runCli(['evaluation', 'publish', '--fy', '2024', ...db]);
    expect(publish.status).toBe(1);
    expect(publish.stderr).toContain('evaluation/invalid-round-transition');
    expect(runCli(['evaluation', 'close', '--fy', '2024', ...db]).stdout).toContain('open → closed');
  }, 300_000);
});
