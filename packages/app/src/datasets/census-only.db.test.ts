// A municipality that has imported its census alone (no projection yet): the population page shows
// the census years in three age groups and the last census year's pyramid, with the notice that the
// projection is missing, and nothing that needs a projection.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeEachDatabase } from '@mirai/db/testing';
import { beforeAll, expect, it } from 'vitest';
import { type AppContext, contextFor } from '../context';
import { importPlan, serializePlan } from '../plan';
import { loadPlanText } from '../plan/load-plan';
import { getPopulationView } from '../web-data/population-view';
import { defaultPlanFile } from './default-data';
import { importDatasetFile } from './import-dataset';

describeEachDatabase('population page with the census alone', (t) => {
  let ctx: AppContext;
  beforeAll(async () => {
    ctx = contextFor(t.handle);
    const doc = loadPlanText(readFileSync(defaultPlanFile(), 'utf8'), 'plan.yaml');
    if (!doc.ok) throw new Error('plan');
    const town = structuredClone(doc.value);
    town.municipality = { code: '99999', name: { ja: 'テスト町', en: 'Test Town' } };
    const saved = await importPlan(ctx, serializePlan(town, 'yaml'), 'town.yaml', { actor: 'test' });
    expect(saved.ok).toBe(true);
  });

  it('shows the census years and the last pyramid, says the projection is missing', async () => {
    const before = await getPopulationView(ctx);
    if (!before.ok) throw new Error(JSON.stringify(before.problems));
    expect(before.value.points).toEqual([]);
    expect(before.value.missing?.ja).not.toContain('国勢調査は登録されています');

    const stored = await importDatasetFile(
      ctx,
      {
        kind: 'census-sex-age5',
        code: 'census',
        title: { ja: '国勢調査' },
        source: 'e-Stat',
        file: join(import.meta.dirname, 'estat/fixtures/census-web.utf8.csv'),
      },
      { actor: 'test' },
    );
    if (!stored.ok) throw new Error(JSON.stringify(stored.problems));
    const r = await getPopulationView(ctx);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const v = r.value;
    expect(v.missing?.ja).toContain('国勢調査は登録されていますが');
    expect(v.points.map((p) => [p.year, p.kind, Math.round(p.total)])).toEqual([
      [2010, 'census', 67670],
      [2015, 'census', 67135],
    ]);
    for (const p of v.points) expect(p.young + p.working + p.old).toBe(p.total);
    expect(v.lastCensusYear).toBe(2015);
    expect(v.pyramids.map((p) => [p.year, p.kind, p.rows.length])).toEqual([[2015, 'census', 19]]);
    const pyramid = v.pyramids[0]!.rows.reduce((a, x) => a + x.male + x.female, 0);
    expect(pyramid).toBe(v.points[1]!.total);
    // Nothing that needs a projection.
    expect([v.series, v.compareYears, v.backcast, v.probabilistic, v.backcastBase, v.figures.base]).toEqual([
      [],
      [],
      [],
      null,
      null,
      '',
    ]);
  });
});
