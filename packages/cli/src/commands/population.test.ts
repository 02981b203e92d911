// `mirai population`: the CLI contract, in a child process.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../testing/run-cli';

const data = (f: string) => new URL(`../../../../data/population/${f}`, import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'mirai-pop-'));
const spec = join(dir, 'spec.json');

describe('mirai population', () => {
  it('derive writes a spec; project prints the output of the contract', () => {
    const d = runCli([
      'population',
      'derive',
      '--census',
      data('shiojiri_census_1980_2015_sex_age5.csv'),
      '--area',
      '20215',
      '--from',
      '2010',
      '--to',
      '2015',
      '--tfr',
      '1.5',
      '--out',
      spec,
    ]);
    expect(d.status).toBe(0);
    expect(JSON.parse(readFileSync(spec, 'utf8')).specVersion).toBe(1);
    const p = runCli(['population', 'project', '--spec', spec, '--format', 'json']);
    expect(p.status).toBe(0);
    const out = JSON.parse(p.stdout);
    expect(out.years[0]).toBe(2015);
    expect(Object.keys(out.annualTotal)).toHaveLength(36);
    expect(out.total['2015']).toBeCloseTo(67135, 6);
    expect(Object.keys(out.ageGroups3['2050'])).toEqual(['0-14', '15-64', '65+']);
  });

  it('target prints lever, value, year, total and achievedTotal; the value reaches the target to the person', () => {
    const r = runCli([
      'population',
      'target',
      '--spec',
      spec,
      '--year',
      '2032',
      '--total',
      '65000',
      '--lever',
      'added-migrants',
      '--format',
      'json',
    ]);
    expect(r.status).toBe(0);
    const a = JSON.parse(r.stdout);
    expect(Object.keys(a)).toEqual(['lever', 'value', 'year', 'total', 'achievedTotal']);
    expect(Math.abs(a.achievedTotal - 65000)).toBeLessThan(0.5);
    const bad = runCli([
      'population',
      'target',
      '--spec',
      spec,
      '--year',
      '2032',
      '--total',
      '200000',
      '--lever',
      'migration-multiplier',
    ]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('population/target-unreachable');
  });

  it('simulate is reproducible for a seed', () => {
    const args = [
      'population',
      'simulate',
      '--spec',
      spec,
      '--trajectories',
      '300',
      '--seed',
      '7',
      '--format',
      'json',
    ];
    const a = runCli(args);
    expect(a.status).toBe(0);
    expect(runCli(args).stdout).toBe(a.stdout);
    const q = JSON.parse(a.stdout).areas[0].total['2050'];
    expect(q.lower95).toBeLessThan(q.median);
    expect(q.median).toBeLessThan(q.upper95);
  });

  it('names the field and index of bad input, in Japanese and English, and exits 1', () => {
    const s = JSON.parse(readFileSync(spec, 'utf8'));
    s.population.male[3] = -1;
    s.years = [2020, 2026];
    writeFileSync(join(dir, 'bad.json'), JSON.stringify(s));
    const r = runCli(['population', 'project', '--spec', join(dir, 'bad.json')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('population/year-off-grid (field years, index 1)');
    expect(r.stderr).toContain('population/negative-value (field population.male, index 3)');
    expect(r.stderr).toContain('負の値');
  });
});
