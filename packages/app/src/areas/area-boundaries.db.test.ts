// Real databases (PGlite; PostgreSQL when TEST_DATABASE_URL is set), the bundled plan and the shipped
// SAMPLE schematic boundaries file (data/shiojiri/district-boundaries.schematic.geojson), read as the
// CLI reads it: imported with source and licence, then the city's map is drawn from it.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { listAudit } from '@mirai/db';
import { describeEachDatabase } from '@mirai/db/testing';
import { beforeAll, expect, it } from 'vitest';
import { contextFor, repoRoot } from '../context';
import { readDataManifest } from '../datasets/default-data';
import { seedDefaultPlan } from '../plan/seed-default-plan';
import { importAreaBoundaries, readAreaBoundaries } from './area-boundaries';
import { getAreaView } from './area-view';

const file = resolve(repoRoot, 'data/shiojiri/district-boundaries.schematic.geojson');

describeEachDatabase('area boundaries', (t) => {
  const ctx = () => contextFor(t.handle);
  beforeAll(async () => {
    await seedDefaultPlan(t.handle.db);
  });

  it('draws the tile map while no boundaries are stored', async () => {
    const city = await getAreaView(ctx(), 'CITY');
    expect(city.ok && city.value.outline).toBeNull();
    expect(city.ok && city.value.map?.tiles).toHaveLength(10);
  });

  it('refuses a broken file and a file without licence, storing and auditing nothing', async () => {
    const text = await readFile(file, 'utf8');
    const broken = text.replace('"D-SEBA"', '"D-NOWHERE"');
    const r = await importAreaBoundaries(
      ctx(),
      { text: broken, file: 'b.geojson', source: 'test', licence: '' },
      { actor: 'test' },
    );
    expect(r.ok ? [] : r.problems.map((p) => [p.code, p.where?.file])).toEqual([
      ['boundaries/missing-provenance', 'b.geojson'],
      ['boundaries/unknown-area', 'b.geojson'],
    ]);
    expect((await readAreaBoundaries(ctx())).ok && (await readAreaBoundaries(ctx()))).toMatchObject({
      value: null,
    });
    expect(await listAudit(t.handle.db, { entityType: 'area-boundaries' })).toEqual([]);
  });

  it('loads the GeoJSON file named by the manifest and draws the city map from it', async () => {
    const manifest = await readDataManifest();
    expect(manifest.boundaries?.file).toBe(file);
    expect(manifest.boundaries?.licence).toBeTruthy();
    const r = await importAreaBoundaries(
      ctx(),
      {
        text: await readFile(file, 'utf8'),
        file: 'district-boundaries.schematic.geojson',
        source: manifest.boundaries?.source ?? '',
        licence: manifest.boundaries?.licence ?? '',
        sample: true,
      },
      { actor: 'test' },
    );
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.value.areas).toHaveLength(10);
    const city = await getAreaView(ctx(), 'CITY');
    if (!city.ok) throw new Error(JSON.stringify(city.problems));
    const o = city.value.outline;
    expect(o?.shapes.map((s) => s.code).sort()).toEqual(city.value.map?.tiles.map((x) => x.code).sort());
    expect(o?.sample).toBe(true);
    expect(o?.licence).toBe(manifest.boundaries?.licence);
    // Every shape is a closed path inside the drawing, its label inside the box.
    for (const s of o?.shapes ?? []) {
      expect(s.d).toMatch(/^M[\d.,L]+Z$/);
      expect(s.label.x).toBeGreaterThan(0);
      expect(s.label.x).toBeLessThan(o?.width ?? 0);
      expect(s.label.y).toBeLessThan(o?.height ?? 0);
    }
    const audits = await listAudit(t.handle.db, { entityType: 'area-boundaries' });
    expect(audits.map((a) => a.action)).toEqual(['areas.boundaries.import']);
    // A district page draws no map; importing again makes the next version.
    const d = await getAreaView(ctx(), 'D-SEBA');
    expect(d.ok && d.value.outline).toBeNull();
    const again = await importAreaBoundaries(
      ctx(),
      { text: await readFile(file, 'utf8'), file: 'x.geojson', source: 's', licence: 'l' },
      { actor: 'test' },
    );
    expect(again.ok && again.value.version).toBe(2);
  });
});
