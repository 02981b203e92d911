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

  it('init writes a starter file for any municipality that validates, and refuses to overwrite it', () => {
    const out = join(tmp(), 'plan.yaml');
    const r = runCli([
      'plan',
      'init',
      '--municipality',
      '99001',
      '--name',
      'みどり野町',
      '--start',
      '令和8年度',
      '--out',
      out,
    ]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('基本目標 1、政策 1、基本計画 2期');
    const text = readFileSync(out, 'utf8');
    expect(text).toContain('前期基本計画');
    expect(text).toContain('endFiscalYear: 2035');
    expect(runCli(['plan', 'validate', out]).stdout).toContain('OK: （サンプル）みどり野町総合計画');
    const again = runCli(['plan', 'init', '--municipality', '99001', '--name', 'x', '--out', out]);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('cli/file-exists');
  });

  it('the classic sample town imports with only the common keys; its calendar reviews at its phase ends, in its names', () => {
    const db = join(tmp(), 'db');
    const file = new URL('../../../../data/examples/midorino/plan.yaml', import.meta.url).pathname;
    expect(runCli(['plan', 'import', file, '--data-dir', db]).stdout).toContain(
      'Stored midorino-5th version 1',
    );
    const years = JSON.parse(runCli(['calendar', '--format', 'json', '--data-dir', db]).stdout) as {
      fiscalYear: number;
      events: string[];
    }[];
    const reviews = years.filter((y) => y.events.includes('medium-term-review')).map((y) => y.fiscalYear);
    expect(reviews).toEqual([2030, 2035]);
    const table = runCli(['calendar', '--data-dir', db]).stdout;
    expect(table).toContain('前期基本計画');
    expect(table).toContain('基本計画の見直し評価');
    expect(table).not.toContain('中期戦略');
  });
});
