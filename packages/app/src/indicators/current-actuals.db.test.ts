// The current values kept by the trigger (migration 0060) always equal those derived from the whole
// history: after first values, corrections, an import with corrections, a refused import, and a backup
// restored into another database. Real databases (PGlite; PostgreSQL when TEST_DATABASE_URL is set).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { currentActuals } from '@mirai/core';
import { listActualVersions, migrateToLatest } from '@mirai/db';
import { describeEachDatabase, openTestDatabase } from '@mirai/db/testing';
import { expect, it } from 'vitest';
import { createBackup } from '../backup/backup-use-cases';
import { restoreBackup } from '../backup/restore-use-cases';
import { contextFor } from '../context';
import { readTableFile } from '../io';
import { seedDefaultPlan } from '../plan/seed-default-plan';
import { publicReads } from '../read-scope';
import { getPlanProgress, listIndicators } from './list-indicators';
import { correctIndicatorActual, importIndicatorActuals, recordIndicatorActual } from './record-actuals';

const dir = mkdtempSync(join(tmpdir(), 'mirai-current-'));

describeEachDatabase('current actual values', (t) => {
  const ids = (xs: { id: string }[]) => xs.map((x) => x.id).sort();
  async function expectInStep(db = t.handle.db) {
    const planId = Number((await db.selectFrom('plans').select('id').executeTakeFirstOrThrow()).id);
    const all = await listActualVersions(db, planId);
    const current = await listActualVersions(db, planId, { current: true });
    expect(ids(current)).toEqual(ids(currentActuals(all)));
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
