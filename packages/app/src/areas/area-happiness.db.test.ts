// Real databases (PGlite; PostgreSQL when TEST_DATABASE_URL is set), the real estimator. The survey
// responses are SAMPLE data made up here: 30 respondents in one district, 4 in another.
import { describeEachDatabase } from '@mirai/db/testing';
import { beforeAll, expect, it } from 'vitest';
import { contextFor } from '../context';
import type { Table } from '../io/read-table-file';
import { seedDefaultPlan } from '../plan/seed-default-plan';
import { importSurveyWave, listSurveyWaves, publishSurveyWave } from '../survey';
import { getAreaView } from './area-view';

const answers = { 'D-HIROOKA': [5, 6, 7, 8, 9, 7], 'D-SEBA': [3, 4, 10, 2] } as const;
const hirookaRepeats = 5; // 30 respondents in D-HIROOKA, 4 in D-SEBA (below the minimum of 10)

function responses(withDistrict: boolean): Table {
  const rows: Table['rows'] = [];
  let row = 2;
  for (const [district, values] of Object.entries(answers))
    for (let k = 0; k < (district === 'D-HIROOKA' ? hirookaRepeats : 1); k++)
      for (const v of values)
        rows.push({
          row: row++,
          cells: { sex: row % 2 ? 'F' : 'M', happiness: String(v), ...(withDistrict ? { district } : {}) },
        });
  return {
    file: 'sample-wave.csv',
    headers: ['sex', 'happiness', ...(withDistrict ? ['district'] : [])],
    rows,
  };
}

describeEachDatabase('happiness by area', (t) => {
  const ctx = () => contextFor(t.handle);
  beforeAll(async () => {
    await seedDefaultPlan(t.handle.db);
    for (const [code, withDistrict] of [
      ['W-AREA', true],
      ['W-NOAREA', false],
    ] as const) {
      const r = await importSurveyWave(
        ctx(),
        {
          code,
          title: '（サンプル）市民アンケート',
          questions: [{ code: 'happiness', wording: { ja: '幸福度' }, scale: { min: 0, max: 10 } }],
          attributes: withDistrict ? ['sex', 'district'] : ['sex'],
          responses: responses(withDistrict),
        },
        { actor: 'test' },
      );
      if (!r.ok) throw new Error(JSON.stringify(r.problems));
    }
    const waves = await listSurveyWaves(ctx());
    for (const w of waves.ok ? waves.value : [])
      expect((await publishSurveyWave(ctx(), w.code, { actor: 'test', expectedVersion: w.version })).ok).toBe(
        true,
      );
  });

  it("shows a district's estimate and interval from its own respondents", async () => {
    const v = await getAreaView(ctx(), 'D-HIROOKA');
    if (!v.ok) throw new Error(JSON.stringify(v.problems));
    const w = v.value.happiness.find((x) => x.code === 'W-AREA');
    const mean = answers['D-HIROOKA'].reduce((s, x) => s + x, 0) / answers['D-HIROOKA'].length;
    expect(w?.status).toBe('shown');
    expect(w?.variable).toBe('district');
    expect(w?.estimate?.n).toBe(30);
    expect(w?.estimate?.value).toBeCloseTo(mean, 12);
    expect(w?.estimate?.lower).toBeLessThan(mean);
    expect(w?.estimate?.upper).toBeGreaterThan(mean);
    expect(v.value.happiness.find((x) => x.code === 'W-NOAREA')?.status).toBe('no-area-variable');
  });

  it('suppresses a small cell, and says when nobody in the area answered', async () => {
    const seba = await getAreaView(ctx(), 'D-SEBA');
    const w = seba.ok ? seba.value.happiness.find((x) => x.code === 'W-AREA') : undefined;
    expect(w).toMatchObject({ status: 'suppressed', minCell: 10 });
    expect(w?.estimate).toBeUndefined();
    const none = await getAreaView(ctx(), 'D-NARAKAWA');
    expect(none.ok && none.value.happiness.find((x) => x.code === 'W-AREA')?.status).toBe('no-respondents');
    // The city shows the wave's overall figure; the region none.
    const city = await getAreaView(ctx(), 'CITY');
    expect(city.ok && city.value.happiness.find((x) => x.code === 'W-AREA')?.estimate?.n).toBe(34);
    const region = await getAreaView(ctx(), 'R-MATSUMOTO');
    expect(region.ok && region.value.happiness).toEqual([]);
  });
});
