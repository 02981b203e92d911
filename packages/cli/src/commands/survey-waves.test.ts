// The real CLI in a child process on a real embedded database; the responses are SAMPLE data,
// written in Shift_JIS (CP932) as Excel saves CSV in Japanese offices.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeText } from '@mirai/app';
import { describe, expect, it } from 'vitest';
import { runCli } from '../testing/run-cli';

describe('mirai survey import|waves|publish', () => {
  it('imports a Shift_JIS wave, lists it, and publishes it into the happiness indicator', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mirai-survey-'));
    const lines = ['年代,性別,幸福度'];
    for (let i = 0; i < 60; i++)
      lines.push(`${['20代', '30代', '70代以上'][i % 3]},${i % 2 ? '女性' : '男性'},${(i * 7) % 11}`);
    writeFileSync(join(dir, 'wave.csv'), encodeText(`${lines.join('\r\n')}\r\n`, 'cp932'));
    writeFileSync(
      join(dir, 'pop.csv'),
      encodeText('年代,count\r\n20代,5400\r\n30代,6900\r\n70代以上,11800\r\n', 'cp932'),
    );
    const db = ['--data-dir', join(dir, 'db')];
    const common = [
      '--file',
      join(dir, 'wave.csv'),
      '--wave',
      'S2025',
      '--question',
      '幸福度',
      '--attributes',
      '年代,性別',
    ];
    const bad = runCli(['survey', 'import', ...common, '--max', '5', ...db]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('survey/answer-out-of-scale (wave.csv, row');
    const ok = runCli([
      'survey',
      'import',
      ...common,
      '--poststratify',
      '年代',
      '--population',
      join(dir, 'pop.csv'),
      ...db,
    ]);
    expect(ok.stderr).toBe('');
    expect(ok.stdout).toContain('Stored wave S2025: 60 respondents');
    const waves = JSON.parse(runCli(['survey', 'waves', '--format', 'json', ...db]).stdout) as {
      code: string;
      version: number;
    }[];
    expect(waves.map((w) => [w.code, w.version])).toEqual([['S2025', 1]]);
    const stale = runCli(['survey', 'publish', '--wave', 'S2025', '--expected-version', '3', ...db]);
    expect(stale.stderr).toContain('survey/stale-version');
    const pub = runCli([
      'survey',
      'publish',
      '--wave',
      'S2025',
      '--expected-version',
      '1',
      '--record-fy',
      '令和7年度',
      ...db,
    ]);
    expect(pub.stderr).toBe('');
    expect(pub.stdout).toMatch(/Recorded TOP-HAPPINESS = [\d.]+ for FY2025/);
    const table = runCli([
      'survey',
      'table',
      '--wave',
      'S2025',
      '--group',
      '年代',
      '--format',
      'json',
      ...db,
    ]);
    expect(table.stderr).toBe('');
    const t = JSON.parse(table.stdout) as { rows: { group: string; n: number; suppressed: boolean }[] };
    expect(t.rows.map((r) => [r.group, r.n, r.suppressed])).toEqual([
      ['20代', 20, false],
      ['30代', 20, false],
      ['70代以上', 20, false],
    ]);
  });

  it('imports the shipped sample wave with its description file (several questions, dry run)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mirai-survey-'));
    const data = join(import.meta.dirname, '..', '..', '..', '..', 'data', 'shiojiri');
    const files = ['--file', join(data, 'survey-wave.sample.csv')];
    const db = ['--data-dir', join(dir, 'db')];
    writeFileSync(join(dir, 'bad.yaml'), 'code: X\nquestions: []\nattributes: []\n');
    const bad = runCli(['survey', 'import', ...files, '--description', join(dir, 'bad.yaml'), ...db]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('survey/description-invalid');
    expect(bad.stderr).toContain('title');
    const ok = runCli([
      'survey',
      'import',
      ...files,
      '--description',
      join(data, 'survey-wave.sample.yaml'),
      '--dry-run',
      ...db,
    ]);
    expect(ok.stderr).toBe('');
    expect(ok.stdout).toContain('OK (dry run): 600 respondents');
  });
});
