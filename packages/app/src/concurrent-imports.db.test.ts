// Identical imports at the same moment: one stores, the other is a conflict (409), never a 500.
// Real databases: PGlite (one connection, the second waits) and PostgreSQL when TEST_DATABASE_URL is
// set, where both transactions really race and the loser meets the unique constraint.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Problem, Result } from '@mirai/core';
import { describeEachDatabase } from '@mirai/db/testing';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { contextFor } from './context';
import { defaultPlanFile } from './datasets/default-data';
import { importIndicatorActuals } from './indicators/record-actuals';
import { readTableFile } from './io';
import { importPlan } from './plan/plan-use-cases';
import { importSurveyWave } from './survey/import-survey-wave';

const dir = mkdtempSync(join(tmpdir(), 'mirai-race-'));

/** Exactly one succeeded; every other answer is a conflict problem (HTTP 409 in the API's error mapper). */
function oneWinsOthersConflict(results: Result<unknown>[]) {
  expect(results.filter((r) => r.ok)).toHaveLength(1);
  const lost = results.flatMap((r) => (r.ok ? [] : r.problems)) as Problem[];
  expect(lost.length).toBeGreaterThan(0);
  expect(lost.map((p) => p.kind)).toEqual(lost.map(() => 'conflict'));
}

describeEachDatabase('concurrent identical imports', (t) => {
  const count = async (table: string) =>
    Number(
      (await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(t.handle.db))
        .rows[0]!.n,
    );

  it('a plan created three times at once: versions or version conflicts, never a 500', async () => {
    const ctx = contextFor(t.handle);
    const text = readFileSync(defaultPlanFile(), 'utf8');
    const results = await Promise.all(
      [1, 2, 3].map(() => importPlan(ctx, text, 'plan.yaml', { actor: 'race' })),
    );
    // Without an expected version each import is the next version; imports creating the plan at
    // the same moment meet the unique plan code on PostgreSQL, and the later ones are conflicts.
    const stored = results.filter((r) => r.ok).length;
    expect(stored).toBeGreaterThanOrEqual(1);
    for (const r of results) if (!r.ok) expect(r.problems.map((p) => p.kind)).toEqual(['conflict']);
    expect(await count('plan_versions')).toBe(stored);
  });

  it('the same actuals file twice at once, with and without corrections allowed', async () => {
    const ctx = contextFor(t.handle);
    const file = join(dir, 'actuals.csv');
    writeFileSync(file, '指標コード,年度,実績値\nTOP-POPULATION,2025,66085\nTOP-HAPPINESS,2025,6.81\n');
    const table = await readTableFile(file);
    if (!table.ok) throw new Error(JSON.stringify(table.problems));
    const before = await count('indicator_actuals');
    const first = await Promise.all(
      [1, 2, 3].map(() => importIndicatorActuals(ctx, table.value, { actor: 'race' })),
    );
    // One stores the two values; each other one is a conflict, or (had it started after the
    // winner committed) finds the same values already there and stores nothing.
    expect(first.filter((r) => r.ok && r.value.recorded === 2)).toHaveLength(1);
    for (const r of first) {
      if (r.ok) expect(r.value.recorded === 2 || r.value.unchanged === 2).toBe(true);
      else expect(r.problems.map((p) => p.kind)).toEqual(r.problems.map(() => 'conflict'));
    }
    expect(await count('indicator_actuals')).toBe(before + 2);

    // Corrections allowed: both would supersede the same versions; the loser must not answer 500.
    writeFileSync(file, '指標コード,年度,実績値\nTOP-POPULATION,2025,66100\nTOP-HAPPINESS,2025,6.9\n');
    const corrected = await readTableFile(file);
    if (!corrected.ok) throw new Error(JSON.stringify(corrected.problems));
    const results = await Promise.all(
      [1, 2, 3].map(() =>
        importIndicatorActuals(ctx, corrected.value, { actor: 'race', allowCorrections: true }),
      ),
    );
    // On PGlite the later imports see the stored values and store nothing (unchanged): that is a success.
    const stored = await count('indicator_actuals');
    expect(stored).toBe(before + 4);
    for (const r of results) if (!r.ok) expect(r.problems.map((p) => p.kind)).toContain('conflict');
    expect(results.filter((r) => r.ok && r.value.corrected === 2)).toHaveLength(1);
  });

  it('the same survey wave twice at once: one stored, the other "wave exists"', async () => {
    const ctx = contextFor(t.handle);
    const rows = Array.from({ length: 40 }, (_, i) => ({
      row: i + 2,
      cells: { sex: i % 2 ? 'F' : 'M', happiness: String(i % 11) },
    }));
    const input = {
      code: 'RACE',
      title: '（サンプル）同時取り込み',
      questions: [{ code: 'happiness', wording: { ja: '幸福度' }, scale: { min: 0, max: 10 } }],
      attributes: ['sex'],
      responses: { file: 'race.csv', headers: ['sex', 'happiness'], rows },
    };
    const results = await Promise.all([1, 2, 3].map(() => importSurveyWave(ctx, input, { actor: 'race' })));
    oneWinsOthersConflict(results);
    for (const r of results) if (!r.ok) expect(r.problems[0]?.code).toBe('survey/wave-exists');
  });
});
