// Population data for any municipality: a plan naming a municipality without data shows the
// population page's "missing" notice; importing its census and projection (checked row by row,
// all or nothing, audited) makes the page compute from them.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEachDatabase } from '@mirai/db/testing';
import { beforeAll, expect, it } from 'vitest';
import { type AppContext, contextFor } from '../context';
import { importPlan, serializePlan } from '../plan';
import { loadPlanText } from '../plan/load-plan';
import { getPopulationView } from '../web-data/population-view';
import { dataRoot, defaultPlanFile } from './default-data';
import { importDatasetFile } from './import-dataset';

const dir = mkdtempSync(join(tmpdir(), 'mirai-dataset-'));
const CODE = '99999';

/** A shipped table with its municipality code replaced (a made-up town with real-shaped data). */
function retarget(file: string, out: string, edit?: (line: string, i: number) => string) {
  const text = readFileSync(join(dataRoot, file), 'utf8');
  const lines = text
    .trimEnd()
    .split('\n')
    .map((l, i) => (i === 0 ? l : l.replace(/^\d{5},[^,]*,/, `${CODE},テスト町,`)));
  writeFileSync(join(dir, out), `${(edit ? lines.map(edit) : lines).join('\n')}\n`);
  return join(dir, out);
}

describeEachDatabase('population data for any municipality', (t) => {
  let ctx: AppContext;
  beforeAll(async () => {
    ctx = contextFor(t.handle);
    const doc = loadPlanText(readFileSync(defaultPlanFile(), 'utf8'), 'plan.yaml');
    if (!doc.ok) throw new Error('plan');
    const town = structuredClone(doc.value);
    town.municipality = { code: CODE, name: { ja: 'テスト町', en: 'Test Town' } };
    const saved = await importPlan(ctx, serializePlan(town, 'yaml'), 'town.yaml', { actor: 'test' });
    expect(saved.ok).toBe(true);
  });

  it('says plainly when the data is missing, refuses a bad file whole, then computes from imported data', async () => {
    const before = await getPopulationView(ctx);
    expect(before.ok && before.value.missing?.en).toContain('not stored');
    expect(before.ok && before.value.areaName.ja).toBe('テスト町');

    const census = retarget('population/shiojiri_census_1980_2015_sex_age5.csv', 'census.csv');
    const bad = retarget('population/shiojiri_census_1980_2015_sex_age5.csv', 'bad.csv', (l, i) =>
      i === 3 ? l.replace(/,\d+$/, ',-5') : i === 7 ? l.replace(',total,', ',both,') : l,
    );
    const input = {
      kind: 'census-sex-age5' as const,
      code: 'census',
      title: { ja: '国勢調査' },
      source: 'test',
    };
    const refused = await importDatasetFile(ctx, { ...input, file: bad }, { actor: 'test' });
    expect(refused.ok).toBe(false);
    if (!refused.ok)
      expect(refused.problems.map((p) => [p.code, p.where?.file, p.where?.row, p.where?.column])).toEqual([
        ['dataset/bad-value', 'bad.csv', 4, 'population'],
        ['dataset/bad-value', 'bad.csv', 8, 'sex'],
      ]);
    expect((await getPopulationView(ctx)).ok).toBe(true);

    const stored = await importDatasetFile(ctx, { ...input, file: census }, { actor: 'test' });
    expect(stored.ok && stored.value).toMatchObject({ version: 1, municipalityCode: CODE });
    const ipss = retarget('population/shiojiri_ipss2018_projection_2015_2045_sex_age5.csv', 'ipss.csv');
    const p = await importDatasetFile(
      ctx,
      { ...input, kind: 'projection-sex-age5', code: 'ipss2018', file: ipss, title: { ja: '社人研' } },
      { actor: 'test' },
    );
    expect(p.ok).toBe(true);
    const after = await getPopulationView(ctx);
    if (!after.ok) throw new Error(JSON.stringify(after.problems));
    expect(after.value.missing).toBeUndefined();
    // The same figures as the shipped municipality's, since the rows are the same.
    const total = (y: number) =>
      Math.round(after.value.points.find((x) => x.year === y)?.total ?? Number.NaN);
    expect([2015, 2020, 2045].map(total)).toEqual([67135, 66297, 57549]);
    const audit = await t.handle.db
      .selectFrom('audit_log')
      .select(['action', 'entity_id'])
      .where('action', '=', 'dataset.import')
      .execute();
    expect(audit.map((a) => a.entity_id)).toEqual([`${CODE}/census`, `${CODE}/ipss2018`]);
  });

  it("reads e-Stat's CSV download (Shift_JIS) for the census, all or nothing", async () => {
    const estat = join(import.meta.dirname, 'estat/fixtures/census-web.sjis.csv');
    const input = {
      kind: 'census-sex-age5' as const,
      code: 'census',
      title: { ja: '国勢調査' },
      source: 'e-Stat',
    };
    const versions = () =>
      t.handle.db
        .selectFrom('statistical_datasets')
        .select(['code', 'version'])
        .where('code', '=', 'census')
        .execute();
    const before = await versions();
    // A suppressed cell in the municipality's rows: refused whole, nothing stored.
    const bad = join(dir, 'estat-bad.csv');
    writeFileSync(bad, readFileSync(estat).toString('latin1').replace('"2,883"', '"X"'), 'latin1');
    const refused = await importDatasetFile(ctx, { ...input, file: bad }, { actor: 'test' });
    expect(!refused.ok && refused.problems.map((p) => [p.code, p.where?.row, p.where?.column])).toEqual([
      ['estat/value-missing', 10, '2015年'],
    ]);
    expect(await versions()).toEqual(before);

    const stored = await importDatasetFile(ctx, { ...input, file: estat }, { actor: 'test' });
    if (!stored.ok) throw new Error(JSON.stringify(stored.problems));
    expect(stored.value.rows).toBe(2 * 3 * 21);
    const row = await t.handle.db
      .selectFrom('statistical_datasets')
      .select(['meta', 'version'])
      .where('code', '=', 'census')
      .where('municipality_code', '=', CODE)
      .orderBy('version', 'desc')
      .executeTakeFirstOrThrow();
    expect(row.meta).toMatchObject({ layout: 'estat' });
    const view = await getPopulationView(ctx);
    if (!view.ok) throw new Error(JSON.stringify(view.problems));
    expect(view.value.missing).toBeUndefined();
    expect(Math.round(view.value.points.find((x) => x.year === 2015)?.total ?? Number.NaN)).toBe(67135);
  });
});
