// The real CLI in child processes on a real embedded database; the spec is derived from the
// 2010 and 2015 censuses shipped in data/population.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../testing/run-cli';

const census = new URL('../../../../data/population/shiojiri_census_1980_2015_sex_age5.csv', import.meta.url)
  .pathname;

describe('mirai population scenario|series', () => {
  it('saves a scenario, stores its run, and lists it beside the plan’s series', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mirai-pop-'));
    const derived = runCli([
      'population',
      'derive',
      '--census',
      census,
      '--area',
      '20215',
      '--from',
      '2010',
      '--to',
      '2015',
    ]);
    expect(derived.status).toBe(0);
    writeFileSync(join(dir, 'spec.json'), derived.stdout);
    const db = ['--data-dir', join(dir, 'db')];
    const saved = runCli([
      'population',
      'scenario',
      'save',
      '--code',
      'MIG12',
      '--name',
      '移動1.2倍',
      '--spec',
      join(dir, 'spec.json'),
      '--migration-multiplier',
      '1.2',
      '--source',
      'census 2010→2015 rates (test)',
      ...db,
    ]);
    expect(saved.stderr).toBe('');
    expect(saved.stdout).toContain('Saved MIG12 (version 1)');
    const series = JSON.parse(runCli(['population', 'series', '--format', 'json', ...db]).stdout) as {
      series: { code: string; kind: string; values: Record<string, number> }[];
    };
    expect(series.series.map((s) => s.code)).toEqual([
      'CITY-BASELINE-2020',
      'IPSS-2023',
      'IPSS-2018',
      'MIG12',
    ]);
    expect(series.series[3]?.values['2015']).toBe(67135);
    const stale = runCli([
      'population',
      'scenario',
      'save',
      '--code',
      'MIG12',
      '--name',
      'x',
      '--spec',
      join(dir, 'spec.json'),
      '--source',
      'x',
      '--expected-version',
      '5',
      ...db,
    ]);
    expect(stale.status).toBe(1);
    expect(stale.stderr).toContain('population/stale-version');
  });
});
