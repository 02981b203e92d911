// `mirai survey` in a child process, on the R-exported fixtures of packages/core/src/survey.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../testing/run-cli';

const fixtures = new URL('../../../core/src/survey/fixtures/', import.meta.url).pathname;
const ref = JSON.parse(readFileSync(join(fixtures, 'reference.json'), 'utf8'));
const rel = (a: number, b: number) => Math.abs(a - b) / Math.abs(b);

describe('mirai survey estimate', () => {
  it('follows the contract: cluster design with fpc, by, quantile (as R)', () => {
    const r = runCli([
      'survey',
      'estimate',
      '--data',
      join(fixtures, 'apiclus1.csv'),
      '--variable',
      'api00',
      '--weights',
      'pw',
      '--cluster',
      'dnum',
      '--fpc',
      'fpc',
      '--by',
      'stype',
      '--quantile',
      '0.5',
      '--format',
      'json',
    ]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    const want = ref.designs.clus1_fpc;
    expect(Object.keys(out).sort()).toEqual(['by', 'ci', 'estimate', 'n', 'quantile', 'se']);
    expect(rel(out.se, want.mean_api00.se)).toBeLessThan(1e-9);
    expect(out.n).toBe(183);
    expect(out.by.map((b: { level: string }) => b.level)).toEqual(['E', 'H', 'M']);
    expect(rel(out.by[1].se, want.by_stype_mean_api00[1].se)).toBeLessThan(1e-9);
    expect(out.quantile.p).toBe(0.5);
    expect(out.quantile.ci).toEqual(want['quantile_api00_0.5'].ci);
  });
  it('rakes with a population file of margins and reports the calibration', () => {
    const r = runCli([
      'survey',
      'estimate',
      '--data',
      join(fixtures, 'happiness.csv'),
      '--variable',
      'happiness',
      '--rake',
      'age,sex,district',
      '--population',
      join(fixtures, 'sample-population-margins.csv'),
      '--format',
      'json',
    ]);
    const out = JSON.parse(r.stdout);
    expect(rel(out.se, ref.happiness.raked_mean.se)).toBeLessThan(1e-9);
    expect(out.calibration.iterations).toBeGreaterThan(0);
  });
  it('bad input: every problem with file, row and column, exit 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mirai-survey-'));
    writeFileSync(join(dir, 'bad.csv'), 'happiness,age,w\n5,20s,1\n11,30s,1\n3,,0\n');
    const r = runCli([
      'survey',
      'estimate',
      '--data',
      join(dir, 'bad.csv'),
      '--variable',
      'happiness',
      '--weights',
      'w',
      '--strata',
      'age',
      '--scale',
      '0-10',
      '--format',
      'json',
    ]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('survey/answer-out-of-scale (bad.csv, row 3, column happiness)');
    expect(r.stderr).toContain('survey/stratum-missing (bad.csv, row 4, column age)');
    expect(r.stderr).toContain('survey/weights-nonpositive (bad.csv, row 4, column w)');
    expect(r.stderr).toContain('尺度 0〜10 の範囲外');
  });
});

describe('mirai survey table', () => {
  it('checks the plan’s age-group means against its shares', () => {
    const r = runCli([
      'survey',
      'table',
      '--shares',
      join(fixtures, 'plan-happiness-shares.csv'),
      '--format',
      'json',
    ]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.rows).toHaveLength(7);
    expect(out.rows.every((row: { consistent: boolean }) => row.consistent)).toBe(true);
  });
});
