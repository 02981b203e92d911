// Real databases (PGlite; PostgreSQL when TEST_DATABASE_URL is set), the bundled plan with its shipped
// SAMPLE area values, schematic boundaries and sectoral plans, read through the open-data catalogue as
// the public reads it (published data only).

import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describeEachDatabase } from '@mirai/db/testing';
import { beforeAll, expect, it } from 'vitest';
import { importAreaBoundaries } from '../areas/area-boundaries';
import { getAreaView } from '../areas/area-view';
import { contextFor, repoRoot } from '../context';
import { importIndicatorActuals } from '../indicators';
import { readTableFile } from '../io';
import { seedDefaultPlan } from '../plan/seed-default-plan';
import { publicReads } from '../read-scope';
import { parseSectoralPlansText, saveSectoralPlan } from '../sectoral';
import { readDatasetTable } from './catalogue';

describeEachDatabase('open data: areas, area values, brand links, sectoral plans', (t) => {
  const ctx = () => contextFor(t.handle);
  const read = async (id: string) => {
    const r = await readDatasetTable(publicReads(ctx()), id);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const { columns, rows } = r.value.table;
    return rows.map((row) => Object.fromEntries(columns.map((c, i) => [c.key, row[i]])));
  };
  beforeAll(async () => {
    await seedDefaultPlan(t.handle.db);
    const table = await readTableFile(resolve(repoRoot, 'data/shiojiri/area-actuals.sample.csv'));
    if (!table.ok) throw new Error('no sample');
    await importIndicatorActuals(ctx(), table.value, { actor: 'test' });
    const file = resolve(repoRoot, 'data/shiojiri/district-boundaries.schematic.geojson');
    await importAreaBoundaries(
      ctx(),
      {
        text: await readFile(file, 'utf8'),
        file: 'b.geojson',
        source: 'schematic',
        licence: 'CC0 1.0',
        sample: true,
      },
      { actor: 'test' },
    );
    const sp = parseSectoralPlansText(
      await readFile(resolve(repoRoot, 'data/shiojiri/sectoral-plans.sample.yaml'), 'utf8'),
      'sp.yaml',
    );
    for (const p of sp.ok ? sp.value : []) await saveSectoralPlan(ctx(), p, { actor: 'test' });
  });

  it('lists every area with layer, parent and district shares, and the boundaries’ provenance', async () => {
    const rows = await read('areas');
    expect(rows.find((r) => r.layer === 'region')?.name_ja).toBe('松本平');
    const districts = rows.filter((r) => r.layer === 'district');
    expect(districts).toHaveLength(10);
    expect(districts.every((d) => d.boundaries === 'schematic（CC0 1.0、サンプル）')).toBe(true);
    const school = rows.find((r) => String(r.district_shares ?? '').includes(';'));
    expect(school?.district_shares).toBe('D-HIROOKA:0.8;D-TAKAIDE:0.2');
  });

  it('gives area values with the roll-up rule; a count’s districts sum to what the city page shows', async () => {
    const rows = await read('area-values');
    expect(rows.length).toBeGreaterThan(0);
    const sums = rows.filter((r) => r.area_aggregation === 'sum');
    expect(sums.length).toBeGreaterThan(0);
    expect(rows.every((r) => r.sample === true)).toBe(true);
    const city = await getAreaView(ctx(), 'CITY');
    const ind = city.ok ? city.value.indicators.find((i) => i.rollUp?.aggregation === 'sum') : undefined;
    const same = sums.filter(
      (r) =>
        r.indicator_code === ind?.code && r.fiscal_year === ind?.rollUp?.fiscalYear && r.area_code !== 'CITY',
    );
    expect(same).toHaveLength(10);
    expect(same.reduce((t, r) => t + Number(r.value), 0)).toBe(ind?.rollUp?.value);
  });

  it('links brand assets to fields, measures and indicators, and lists published sectoral plans only', async () => {
    const brand = await read('brand-links');
    expect(brand.find((r) => r.asset_ja === 'ワイン' && r.link_kind === 'field')?.link_code).toBe('B-4');
    const sp = await read('sectoral-plans');
    expect(sp.length).toBeGreaterThan(0);
    expect(sp.some((r) => String(r.name_ja).includes('産業振興ビジョン'))).toBe(false); // a draft
    expect(sp.some((r) => String(r.findings).includes('期の終わり'))).toBe(true);
  });
});
