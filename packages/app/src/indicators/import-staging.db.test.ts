// A long import of actual values stages its rows in short statements and moves them in one short
// transaction (decision 0099): while it stages, reads are answered and see none of it; a write that
// lands meanwhile makes it a conflict with nothing stored; a kill's left-over staged rows are not
// moved by the next run. Real databases (PGlite; PostgreSQL when TEST_DATABASE_URL is set).
import { listActualVersions, stageActualRows } from '@mirai/db';
import { describeEachDatabase } from '@mirai/db/testing';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { contextFor } from '../context';
import { seedDefaultPlan } from '../plan/seed-default-plan';
import { importIndicatorActuals, recordIndicatorActual } from './record-actuals';

describeEachDatabase('staged imports of actual values', (t) => {
  let ctx: ReturnType<typeof contextFor>;
  let planId: number;
  beforeAll(async () => {
    await seedDefaultPlan(t.handle.db);
    ctx = contextFor(t.handle);
    planId = Number((await t.handle.db.selectFrom('plans').select('id').executeTakeFirstOrThrow()).id);
  });
  const table = (fy: number, codes = ['TOP-POPULATION', 'TOP-HAPPINESS']) => ({
    file: 'staged.csv',
    headers: ['code', 'fiscal_year', 'value'],
    rows: codes.flatMap((code, i) =>
      [0, 1, 2].map((y) => ({
        row: 2 + i * 3 + y,
        cells: { code, fiscal_year: String(fy + y), value: String(code === 'TOP-HAPPINESS' ? 6 : 60000 + y) },
      })),
    ),
  });
  const staged = async () =>
    Number(
      (await sql<{ n: number }>`SELECT count(*)::int AS n FROM actual_import_rows`.execute(t.handle.db))
        .rows[0]?.n,
    );
  const versions = async () => (await listActualVersions(t.handle.db, planId)).length;
  const imports = async () =>
    Number(
      (
        await sql<{
          n: number;
        }>`SELECT count(*)::int AS n FROM audit_log WHERE action = 'indicator.actual.import'`.execute(
          t.handle.db,
        )
      ).rows[0]?.n,
    );

  it('answers reads while it stages, shows nothing until it is stored, then all of it', async () => {
    const before = { versions: await versions(), imports: await imports() };
    const seen: { versions: number; current: number; staged: number }[] = [];
    const r = await importIndicatorActuals(ctx, table(2024), {
      actor: 'test',
      sliceRows: 2,
      onProgress: async () => {
        // Between two slices: a read is answered at once, and sees none of the import.
        seen.push({
          versions: await versions(),
          current: (await listActualVersions(t.handle.db, planId, { current: true })).length,
          staged: await staged(),
        });
      },
    });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.value.recorded).toBe(6);
    expect(seen.map((s) => s.staged)).toEqual([2, 4, 6]);
    expect(seen.every((s) => s.versions === before.versions)).toBe(true);
    expect(await versions()).toBe(before.versions + 6);
    expect(await staged()).toBe(0);
    expect(await imports()).toBe(before.imports + 1);
  });

  it('a value recorded while it stages makes it a conflict: nothing stored, nothing left staged', async () => {
    const before = { versions: await versions(), imports: await imports() };
    let recorded = false;
    const r = await importIndicatorActuals(ctx, table(2028), {
      actor: 'test',
      sliceRows: 2,
      onProgress: async () => {
        if (recorded) return;
        recorded = true;
        const v = await recordIndicatorActual(
          ctx,
          { indicatorCode: 'TOP-HAPPINESS', fiscalYear: 2030, value: 7, source: 'x' },
          { actor: 'other' },
        );
        expect(v.ok).toBe(true);
      },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.every((p) => p.kind === 'conflict')).toBe(true);
    expect(await versions()).toBe(before.versions + 1); // only the other write
    expect(await staged()).toBe(0);
    expect(await imports()).toBe(before.imports);
  });

  it('rows a killed run left staged under its key are not moved when it runs again', async () => {
    const before = await versions();
    const leftOver = {
      indicatorCode: 'TOP-POPULATION',
      fiscalYear: 2031,
      value: 1,
      source: 'left over',
      enteredBy: 'test',
      enteredAt: new Date().toISOString(),
    };
    await stageActualRows(t.handle.db, 'job:killed', planId, 0, [leftOver], 'import-left-over');
    expect(await staged()).toBe(1);
    const r = await importIndicatorActuals(ctx, table(2029, ['TOP-POPULATION']), {
      actor: 'test',
      stagingKey: 'job:killed',
    });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const all = await listActualVersions(t.handle.db, planId);
    expect(all.length).toBe(before + 3);
    expect(all.filter((v) => v.fiscalYear === 2031 && v.indicatorCode === 'TOP-POPULATION')).toMatchObject([
      { value: 60002 },
    ]);
    expect(all.some((v) => v.source === 'left over')).toBe(false);
    expect(await staged()).toBe(0);
  });
});
