// The real CLI in a child process, on a real embedded data directory and real CSV/xlsx files.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../testing/run-cli';

describe('mirai indicators', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mirai-cli-ind-'));
  const db = ['--data-dir', join(dir, 'db')];

  it('list --format json shows both top indicators with the plan’s baselines and targets', () => {
    const r = runCli(['indicators', 'list', '--format', 'json', '--as-of', '2026-07-01', ...db]);
    expect(r.stderr).toBe('');
    const list = JSON.parse(r.stdout) as {
      code: string;
      name: { ja: string };
      unit: { ja: string };
      direction: string;
      baseline: { value: number; asOf: string };
      finalTarget: { fiscalYear: number; value: number };
      latest: unknown;
      status: { key: string };
    }[];
    const top = list.filter((x) => x.code.startsWith('TOP-'));
    expect(
      top.map((x) => [x.code, x.name.ja, x.direction, x.baseline.value, x.baseline.asOf, x.finalTarget]),
    ).toEqual([
      [
        'TOP-HAPPINESS',
        '市民幸福度',
        'higher-is-better',
        6.77,
        '2022-12',
        { fiscalYear: 2032, value: 6.77, comparison: 'at-least' },
      ],
      [
        'TOP-POPULATION',
        '総人口',
        'higher-is-better',
        67241,
        '2020-10',
        { fiscalYear: 2032, value: 65000, comparison: 'at-least' },
      ],
    ]);
    expect(top.map((x) => [x.latest, x.status.key])).toEqual([
      [null, 'no-data'],
      [null, 'no-data'],
    ]);
  });

  it('import: a bad file exits 1 naming each row and column, and stores nothing; an xlsx then imports', async () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, '指標コード,年度,実績値\nTOP-POPULATION,令和7年度,66085\nTOP-HAPPINESS,令和6,約7\n');
    const r = runCli(['indicators', 'import', '--file', bad, ...db]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(
      'indicator-import/value-not-a-number (bad.csv, cell C3, row 3, column 実績値)',
    );
    expect(r.stderr).toContain('値「約7」を一つの数値として読み取れません');

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('実績');
    ws.addRow(['指標コード', '年度', '実績値', '出典']);
    ws.addRow(['TOP-POPULATION', '令和7年度', '６６，０８５', '令和7年国勢調査']);
    ws.addRow(['TOP-HAPPINESS', 'FY2025', 6.81, '市民意識調査']);
    const xlsx = join(dir, 'actuals.xlsx');
    await wb.xlsx.writeFile(xlsx);
    const dry = runCli(['indicators', 'import', '--file', xlsx, '--dry-run', ...db]);
    expect(dry.stdout).toContain('OK (dry run, nothing stored): 2 new');
    const real = runCli(['indicators', 'import', '--file', xlsx, ...db]);
    expect(real.stdout).toContain('Imported actuals.xlsx: 2 new');
    const list = JSON.parse(
      runCli(['indicators', 'list', '--format', 'json', '--as-of', '2026-07-01', ...db]).stdout,
    ) as {
      code: string;
      latest: { value: number; fiscalYear: number } | null;
    }[];
    expect(
      list
        .filter((x) => x.code.startsWith('TOP-'))
        .map((x) => [x.code, x.latest?.value, x.latest?.fiscalYear]),
    ).toEqual([
      ['TOP-HAPPINESS', 6.81, 2025],
      ['TOP-POPULATION', 66085, 2025],
    ]);
  });
});
