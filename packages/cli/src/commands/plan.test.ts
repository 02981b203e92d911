// The real CLI in a child process, on real embedded data directories.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../testing/run-cli';

const tmp = () => mkdtempSync(join(tmpdir(), 'mirai-cli-'));

describe('mirai plan', () => {
  it('export, then import into an empty database, gives an identical export', () => {
    const a = tmp();
    const b = tmp();
    const first = runCli(['plan', 'export', '--data-dir', join(a, 'db')]);
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('しおじり未来投資戦略');
    writeFileSync(join(a, 'plan.yaml'), first.stdout);
    const imported = runCli(['plan', 'import', join(a, 'plan.yaml'), '--data-dir', join(b, 'db')]);
    expect(imported.stderr).toBe('');
    expect(imported.stdout).toContain('version 1');
    const second = runCli(['plan', 'export', '--data-dir', join(b, 'db')]);
    expect(second.stdout).toBe(first.stdout);
  });

  it('validate lists every problem with file, line and path, in Japanese and English', () => {
    const dir = tmp();
    const text = readFileSync(new URL('../../../../data/shiojiri/plan.yaml', import.meta.url), 'utf8')
      .replace('field: A-2', 'field: A-99')
      .replace('  - fiscalYear: 2024\n    projects:', '  - fiscalYear: 2040\n    projects:');
    writeFileSync(join(dir, 'bad.yaml'), text);
    const r = runCli(['plan', 'validate', join(dir, 'bad.yaml')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('plan/unknown-code (bad.yaml, line');
    expect(r.stderr).toContain('plan/fiscal-year-outside-plan');
    expect(r.stderr).toContain('コード「A-99」が見つかりません');
    expect(r.stderr).toContain('Unknown code "A-99"');
  });

  it('prints the review calendar as JSON', () => {
    const r = runCli(['calendar', '--format', 'json', '--data-dir', join(tmp(), 'db')]);
    const years = JSON.parse(r.stdout) as {
      fiscalYear: number;
      label: string;
      phase: number;
      events: string[];
    }[];
    expect(years[2]).toEqual({
      fiscalYear: 2026,
      label: '令和8年度',
      phase: 1,
      events: [
        'annual-evaluation',
        'medium-term-review',
        'next-phase-drafting',
        'long-term-revision-if-needed',
      ],
    });
    expect(years[8]?.events).toEqual([
      'annual-evaluation',
      'medium-term-review',
      'next-phase-drafting',
      'next-plan-drafting',
    ]);
  });
});
