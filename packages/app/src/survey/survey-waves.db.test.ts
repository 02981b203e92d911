// Real databases (PGlite; PostgreSQL when TEST_DATABASE_URL is set), real estimator; nothing mocked.
// The microdata are SAMPLE data built from the plan's published shares with sample group sizes.

import { listAudit } from '@mirai/db';
import { describeEachDatabase } from '@mirai/db/testing';
import { beforeAll, expect, it } from 'vitest';
import { contextFor } from '../context';
import type { Table } from '../io/read-table-file';
import { seedDefaultPlan } from '../plan/seed-default-plan';
import { type ImportWaveInput, importSurveyWave } from './import-survey-wave';
import {
  estimateSurveyWave,
  listPublishedSurveyWaves,
  listSurveyWaves,
  publishSurveyWave,
  recordWaveAsIndicatorActual,
  surveyWaveResponseRates,
  surveyWaveTable,
} from './wave-estimates';

// Shares (%) for 0..10 by age group, as printed in the plan; group sizes and population are samples.
const planShares: Record<string, number[]> = {
  '20s': [2.8, 0, 0, 5.6, 5.6, 12.7, 14.1, 32.4, 15.5, 7.0, 4.2],
  '30s': [0.9, 0.9, 1.9, 2.8, 2.8, 12.1, 7.5, 23.4, 25.2, 9.3, 13.1],
  '70s+': [0.7, 0.5, 1.2, 1.7, 3.5, 22.0, 10.9, 19.9, 20.6, 9.0, 10.2],
};
const sampleSizes: Record<string, number> = { '20s': 71, '30s': 107, '70s+': 423 };
const samplePopulation: Record<string, number> = { '20s': 5400, '30s': 6900, '70s+': 11800, teen: 3000 };

function sampleWave(): Table {
  const rows: Table['rows'] = [];
  let row = 2;
  for (const [group, shares] of Object.entries(planShares)) {
    shares.forEach((pct, value) => {
      const count = Math.round((pct / 100) * (sampleSizes[group] ?? 0));
      for (let k = 0; k < count; k++)
        rows.push({
          row: row++,
          cells: { age_group: group, sex: k % 2 ? 'F' : 'M', happiness: String(value) },
        });
    });
  }
  for (let k = 0; k < 4; k++)
    rows.push({ row: row++, cells: { age_group: 'teen', sex: 'F', happiness: '8' } });
  return { file: 'sample-wave.csv', headers: ['age_group', 'sex', 'happiness'], rows };
}

const populationTable: Table = {
  file: 'sample-population.csv',
  headers: ['age_group', 'count'],
  rows: Object.entries(samplePopulation).map(([g, n], i) => ({
    row: i + 2,
    cells: { age_group: g, count: String(n) },
  })),
};

const input = (responses: Table, code = 'W2022'): ImportWaveInput => ({
  code,
  title: '（サンプル）市民アンケート',
  fieldworkStart: '2022-12-01',
  questions: [
    { code: 'happiness', wording: { ja: '幸福度' }, scale: { min: 0, max: 10 }, indicator: 'TOP-HAPPINESS' },
  ],
  attributes: ['age_group', 'sex'],
  calibration: { poststratify: ['age_group'] },
  responses,
  populationTable,
  invitationsTable: {
    file: 'inv.csv',
    headers: ['variable', 'level', 'invited'],
    rows: [
      { row: 2, cells: { variable: 'age_group', level: '20s', invited: '200' } },
      { row: 3, cells: { variable: 'age_group', level: '30s', invited: '220' } },
      { row: 4, cells: { variable: 'age_group', level: '70s+', invited: '600' } },
      { row: 5, cells: { variable: 'age_group', level: 'teen', invited: '20' } },
    ],
  },
});

describeEachDatabase('survey waves', (t) => {
  beforeAll(async () => {
    await seedDefaultPlan(t.handle.db);
  });

  it('refuses personal identifiers and answers off the scale, storing nothing', async () => {
    const ctx = contextFor(t.handle);
    const wave = sampleWave();
    const bad: Table = {
      ...wave,
      headers: [...wave.headers, '氏名'],
      rows: wave.rows.map((r, i) => ({
        ...r,
        cells: { ...r.cells, 氏名: 'x', ...(i === 3 ? { happiness: '11' } : {}) },
      })),
    };
    const r = await importSurveyWave(ctx, input(bad), { actor: 'test' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]).toMatchObject({ code: 'survey/personal-identifier', where: { column: '氏名' } });
    const r2 = await importSurveyWave(
      ctx,
      input({
        ...wave,
        rows: wave.rows.map((x, i) => (i === 3 ? { ...x, cells: { ...x.cells, happiness: '11' } } : x)),
      }),
      { actor: 'test' },
    );
    expect(r2.ok ? [] : r2.problems.map((p) => [p.code, p.where?.row, p.where?.column])).toEqual([
      ['survey/answer-out-of-scale', 5, 'happiness'],
    ]);
    expect(await t.handle.db.selectFrom('survey_waves').selectAll().execute()).toEqual([]);
  });

  it("stores a wave and reproduces the plan's age-group means from its shares", async () => {
    const ctx = contextFor(t.handle);
    const r = await importSurveyWave(ctx, input(sampleWave()), { actor: 'clerk' });
    expect(r.ok).toBe(true);
    const table = await surveyWaveTable(ctx, 'W2022', { minCell: 10 });
    expect(table.ok).toBe(true);
    if (!table.ok) return;
    const means = Object.fromEntries(table.value.rows.map((x) => [x.group, x.mean]));
    expect(means['20s']).toBeCloseTo(6.44, 1);
    expect(means['30s']).toBeCloseTo(7.1, 1);
    expect(means['70s+']).toBeCloseTo(6.83, 1);
    const teen = table.value.rows.find((x) => x.group === 'teen');
    expect(teen).toEqual({ group: 'teen', n: 4, suppressed: true });
    // Post-stratified overall = Σ N_g ȳ_g / Σ N_g over the groups.
    const all = await estimateSurveyWave(ctx, 'W2022', { by: 'age_group', minCell: 0 });
    expect(all.ok).toBe(true);
    if (!all.ok) return;
    const by = all.value.by ?? [];
    const expected =
      by.reduce((s, b) => s + (samplePopulation[b.level] ?? 0) * b.estimate, 0) /
      by.reduce((s, b) => s + (samplePopulation[b.level] ?? 0), 0);
    expect(all.value.estimate).toBeCloseTo(expected, 12);
    expect(all.value.ci[0]).toBeLessThan(all.value.estimate);
    expect((await listAudit(t.handle.db, { entityType: 'survey-wave' })).map((e) => e.action)).toEqual([
      'survey.wave.import',
    ]);
    const again = await importSurveyWave(ctx, input(sampleWave()), { actor: 'clerk' });
    expect(again.ok ? '' : again.problems[0]?.code).toBe('survey/wave-exists');
  });

  it('reports response rates by stratum and feeds the happiness indicator with its interval', async () => {
    const ctx = contextFor(t.handle);
    const rates = await surveyWaveResponseRates(ctx, 'W2022', 'age_group');
    expect(rates.ok).toBe(true);
    const rec = await recordWaveAsIndicatorActual(ctx, 'W2022', { fiscalYear: 2024, actor: 'planner' });
    expect(rec.ok).toBe(true);
    const est = await estimateSurveyWave(ctx, 'W2022');
    if (rec.ok && est.ok) {
      expect(rec.value.value).toBe(est.value.estimate);
      expect(rec.value.ci).toEqual({ lower: est.value.ci[0], upper: est.value.ci[1] });
    }
  });

  it('a refused publish changes nothing: a fiscal year outside the plan leaves the wave a draft, unaudited', async () => {
    const ctx = contextFor(t.handle);
    const before = await listSurveyWaves(ctx);
    const wave = before.ok ? before.value.find((w) => w.code === 'W2022') : undefined;
    expect(wave?.status).toBe('draft');
    const auditBefore = await listAudit(t.handle.db);
    const refused = await publishSurveyWave(ctx, 'W2022', {
      actor: 'planner',
      expectedVersion: wave!.version,
      recordFiscalYear: 1990,
    });
    expect(refused.ok).toBe(false);
    const after = await listSurveyWaves(ctx);
    expect(after.ok && after.value.find((w) => w.code === 'W2022')).toEqual(wave);
    expect(await listAudit(t.handle.db)).toEqual(auditBefore);
    expect((await listPublishedSurveyWaves(ctx)).ok && (await listPublishedSurveyWaves(ctx))).toMatchObject({
      value: [],
    });
    // The same publish with a year in the plan does both writes together.
    const done = await publishSurveyWave(ctx, 'W2022', {
      actor: 'planner',
      expectedVersion: wave!.version,
      recordFiscalYear: 2025,
    });
    expect(done.ok && done.value.recorded?.fiscalYear).toBe(2025);
  });
});
