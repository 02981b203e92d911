// `mirai areas`: the CLI contract on a fresh data directory, in a child process.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../testing/run-cli';

const dir = mkdtempSync(join(tmpdir(), 'mirai-areas-'));
const db = ['--data-dir', join(dir, 'db')];
const shipped = new URL('../../../../data/shiojiri/district-boundaries.schematic.geojson', import.meta.url)
  .pathname;

describe('mirai areas', () => {
  it('lists the region, the city with its 10 districts and their parents, and school districts with shares', () => {
    const r = runCli(['areas', 'list', '--format', 'json', ...db]);
    expect(r.status, r.stderr).toBe(0);
    const areas: {
      code: string;
      layer: string;
      name: { ja: string };
      parent: string | null;
      shares: { area: string; share: number }[];
    }[] = JSON.parse(r.stdout);
    const region = areas.find((a) => a.layer === 'region');
    const city = areas.find((a) => a.layer === 'city');
    expect(region?.name.ja).toBe('松本平');
    expect(city?.parent).toBe(region?.code);
    const districts = areas.filter((a) => a.layer === 'district');
    expect(districts).toHaveLength(10);
    expect(districts.every((d) => d.parent === city?.code)).toBe(true);
    const schools = areas.filter((a) => a.layer === 'school-district');
    expect(schools.length).toBeGreaterThan(0);
    for (const s of schools) {
      expect(s.shares.reduce((t, x) => t + x.share, 0)).toBeCloseTo(1, 12);
      expect(s.shares.every((x) => districts.some((d) => d.code === x.area))).toBe(true);
    }
  });

  it('imports boundaries with source and licence, refusing a broken file with where it is wrong', () => {
    const shown = runCli(['areas', 'boundaries', 'show', ...db]);
    expect(shown.stdout).toMatch(/version 1（サンプル/); // loaded from the manifest with the plan
    const broken = join(dir, 'broken.geojson');
    writeFileSync(broken, readFileSync(shipped, 'utf8').replace('"D-SEBA"', '"D-NOWHERE"'));
    const bad = runCli([
      'areas',
      'boundaries',
      'import',
      '--file',
      broken,
      '--source',
      'test',
      '--licence',
      'CC0',
      ...db,
    ]);
    expect(bad.status).not.toBe(0);
    expect(bad.stderr).toContain('boundaries/unknown-area');
    expect(bad.stderr).toMatch(/broken\.geojson.*features\[\d+\]\.properties\.area/);
    const good = runCli([
      'areas',
      'boundaries',
      'import',
      '--file',
      shipped,
      '--source',
      '試験用の出典',
      '--licence',
      'CC BY 4.0',
      ...db,
    ]);
    expect(good.status, good.stderr).toBe(0);
    expect(good.stdout).toMatch(/version 2 \(10 areas/);
    const json = JSON.parse(runCli(['areas', 'boundaries', 'show', '--format', 'json', ...db]).stdout);
    expect(json['mirai:licence']).toBe('CC BY 4.0');
    expect(json.features).toHaveLength(10);
  });
});
