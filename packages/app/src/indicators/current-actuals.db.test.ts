// The current values kept by the trigger (migrations 0060, 0093) always equal those derived from the
// whole history, every field of them: after first values, corrections, an import with corrections, a
// refused import, a backup restored into another database, and migration 0093 filling the copied
// columns of an existing database. Real databases (PGlite; PostgreSQL when TEST_DATABASE_URL is set).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { currentActuals } from '@mirai/core';
import { globally, insertActualVersions, listActualVersions, migrateToLatest, migrations } from '@mirai/db';
import { describeEachDatabase, openTestDatabase } from '@mirai/db/testing';
import { expect, it } from 'vitest';
import { createBackup } from '../backup/backup-use-cases';
import { restoreBackup } from '../backup/restore-use-cases';
import { contextFor } from '../context';
import { readTableFile } from '../io';
import { indicatorActualsDataset } from '../open-data/result-datasets';
import { seedDefaultPlan } from '../plan/seed-default-plan';
import { publicReads } from '../read-scope';
import { getPlanProgress, listIndicators } from './list-indicators';
import { correctIndicatorActual, importIndicatorActuals, recordIndicatorActual } from './record-actuals';

const dir = mkdtempSync(join(tmpdir(), 'mirai-current-'));

describeEachDatabase('current actual values', (t) => {
  const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => Number(a.id) - Number(b.id));
  const planIdOf = async (db = t.handle.db) =>
    Number((await db.selectFrom('plans').select('id').executeTakeFirstOrThrow()).id);
  async function expectInStep(db = t.handle.db) {
    const planId = await planIdOf(db);
    const all = await listActualVersions(db, planId);
    const current = await listActualVersions(db, planId, { current: true });
    // Every field, as the history's rows give it (the copy is read as JSON, the history as rows).
    expect(current).toEqual(byId(currentActuals(all)));
    const some = await listActualVersions(db, planId, { current: true, indicatorCodes: ['TOP-HAPPINESS'] });
    expect(some).toEqual(current.filter((v) => v.indicatorCode === 'TOP-HAPPINESS'));
    return current.length;
  }

  it('follows records, corrections and imports, and is refilled by a restore', async () => {
    const ctx = contextFor(t.handle);
    await seedDefaultPlan(t.handle.db);
    const first = await recordIndicatorActual(
      ctx,
      { indicatorCode: 'TOP-HAPPINESS', fiscalYear: 2025, value: 6.5, source: 'x' },
      { actor: 'a' },
    );
    if (!first.ok) throw new Error(JSON.stringify(first.problems));
    const second = await correctIndicatorActual(ctx, first.value.id, { value: 6.6 }, { actor: 'b' });
    if (!second.ok) throw new Error(JSON.stringify(second.problems));
    await correctIndicatorActual(ctx, second.value.id, { value: 6.7 }, { actor: 'c' });
    expect(await expectInStep()).toBe(1);

    const file = join(dir, 'a.csv');
    writeFileSync(file, '指標コード,年度,実績値\nTOP-HAPPINESS,2025,6.8\nTOP-POPULATION,2025,66000\n');
    const table = await readTableFile(file);
    if (!table.ok) throw new Error('table');
    const imported = await importIndicatorActuals(ctx, table.value, { actor: 'd', allowCorrections: true });
    expect(imported.ok && [imported.value.recorded, imported.value.corrected]).toEqual([1, 1]);
    expect(await expectInStep()).toBe(2);
    // Refused (corrections not allowed): nothing changes, current values included.
    writeFileSync(file, '指標コード,年度,実績値\nTOP-HAPPINESS,2025,6.9\n');
    const refused = await readTableFile(file);
    if (!refused.ok) throw new Error('table');
    expect((await importIndicatorActuals(ctx, refused.value, { actor: 'e' })).ok).toBe(false);
    expect(await expectInStep()).toBe(2);
    // The open data export shows the same current values (the corrected ones), from the same read.
    const exported = await indicatorActualsDataset.read(ctx);
    if (!exported.ok) throw new Error('export');
    expect(exported.value.rows.map((r) => [r[0], r[2], r[5]]).sort()).toEqual(
      [
        ['TOP-HAPPINESS', 2025, 6.8],
        ['TOP-POPULATION', 2025, 66000],
      ].sort(),
    );

    const backup = join(dir, `backup-${t.dialect}.jsonl.gz`);
    expect((await createBackup(ctx, backup)).ok).toBe(true);
    const other = await openTestDatabase(t.dialect);
    try {
      await migrateToLatest(other.db, other.schema);
      const restored = await restoreBackup(contextFor(other), backup, { actor: 'cli:test' });
      if (!restored.ok) throw new Error(JSON.stringify(restored.problems));
      expect(await expectInStep(other.db)).toBe(2);
    } finally {
      await other.close();
    }
  });

  it('carries every column of the current version, also when migration 0093 fills an existing database', async () => {
    const ctx = contextFor(t.handle);
    await seedDefaultPlan(t.handle.db);
    expect((await listIndicators(ctx)).ok).toBe(true); // syncs the definitions
    const planId = await planIdOf();
    const before = await expectInStep();
    const full = {
      indicatorCode: 'TOP-HAPPINESS',
      date: '2025-06-30',
      area: 'A01',
      value: 0.1 + 0.2,
      ci: { lower: -1.5e-7, upper: 1234567.891 },
      sampleSize: 812,
      source: '調査「市民意識」',
      note: 'line\n"quoted" \\ 注記',
      enteredBy: 'staff-a',
    };
    const put = (fiscalYear: number, enteredAt: string, supersedes?: string) =>
      t.handle.db
        .transaction()
        .execute((tx) =>
          insertActualVersions(
            tx,
            planId,
            [{ ...full, fiscalYear, enteredAt, ...(supersedes ? { supersedes } : {}) }],
            'batch-1',
          ),
        );
    // Sub-millisecond times: both reads keep the millisecond a Date holds.
    const [a] = await put(2024, '2025-01-02T03:04:05.123456+09:00');
    await put(2024, '2025-01-03T00:00:00.999999Z', a);
    expect(await expectInStep()).toBe(before + 1);

    const m = migrations['0093-current-actual-columns']!;
    await globally(() => m.down?.(t.handle.db as never));
    try {
      // Written while the copy held only ids (the old trigger), then filled by the migration.
      const [b] = await put(2025, '2025-02-01T00:00:00.000001Z');
      await put(2025, '2025-02-02T12:00:00Z', b);
      await put(2026, '2026-01-01T00:00:00Z');
    } finally {
      await globally(() => m.up(t.handle.db as never));
    }
    expect(await expectInStep()).toBe(before + 3);
  });

  it('is read once per request: the list, the roll-up and a tile show one state, a new request the next', async () => {
    const ctx = contextFor(t.handle);
    await seedDefaultPlan(t.handle.db);
    const request = publicReads(ctx);
    const latest = async (c: typeof ctx) => {
      const list = await listIndicators(c);
      const progress = await getPlanProgress(c);
      if (!list.ok || !progress.ok) throw new Error('read');
      const fromList = list.value.find((i) => i.code === 'TOP-HAPPINESS')?.latest?.value ?? null;
      const fromProgress =
        progress.value.topIndicators.find((i) => i.code === 'TOP-HAPPINESS')?.latest?.value ?? null;
      return [fromList, fromProgress];
    };
    const before = await latest(request);
    expect(before[0]).toBe(before[1]);
    const stored = await recordIndicatorActual(
      ctx,
      { indicatorCode: 'TOP-HAPPINESS', fiscalYear: 2026, value: 7.1, source: 'x' },
      { actor: 'a' },
    );
    expect(stored.ok).toBe(true);
    // The same request keeps the state it first read (every part of one answer agrees) ...
    expect(await latest(request)).toEqual(before);
    // ... and the next request reads the write.
    expect(await latest(publicReads(ctx))).toEqual([7.1, 7.1]);
  });
});
