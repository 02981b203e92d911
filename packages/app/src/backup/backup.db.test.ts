// Backup and restore on real databases (PGlite, and PostgreSQL when TEST_DATABASE_URL is set):
// a restore gives back identical exports; a damaged or newer backup is refused and changes nothing.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { listAudit, migrateToLatest } from '@mirai/db';
import { describeEachDatabase, openTestDatabase } from '@mirai/db/testing';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { createUser } from '../auth/users';
import { type AppContext, contextFor } from '../context';
import { listIndicators, showIndicator } from '../indicators/list-indicators';
import { recordIndicatorActual } from '../indicators/record-actuals';
import { exportPlan } from '../plan/plan-use-cases';
import { seedDefaultPlan } from '../plan/seed-default-plan';
import { createBackup } from './backup-use-cases';
import { restoreBackup } from './restore-use-cases';

/** Everything a user could compare: the plan export, indicators with values, accounts, the audit trail. */
async function snapshot(ctx: AppContext) {
  const plan = await exportPlan(ctx, 'json');
  const indicators = await listIndicators(ctx);
  const population = await showIndicator(ctx, 'TOP-POPULATION');
  const users = (await sql`SELECT * FROM users ORDER BY id`.execute(ctx.database.db)).rows;
  const audit = (await listAudit(ctx.database.db)).map((a) => ({ ...a, at: new Date(a.at).toISOString() }));
  return { plan, indicators, population, users, audit };
}

describeEachDatabase('backup and restore', (t) => {
  it('restores into an empty database and over a changed one, giving back identical exports', async () => {
    const ctx = contextFor(t.handle);
    await seedDefaultPlan(t.handle.db);
    const rec = await recordIndicatorActual(
      ctx,
      { indicatorCode: 'TOP-POPULATION', fiscalYear: 2025, date: '2025-10-01', value: 66000, source: '速報' },
      { actor: 'tanaka' },
    );
    expect(rec.ok).toBe(true);
    const user = await createUser(
      ctx,
      {
        login: 'suzuki',
        role: 'department-editor',
        password: 'correct horse battery',
        displayName: '鈴木',
        department: 'DEPT-CHILD',
      },
      { actor: 'test' },
    );
    expect(user.ok).toBe(true);
    const before = await snapshot(ctx);
    const file = join(mkdtempSync(join(tmpdir(), 'mirai-backup-')), 'mirai.backup.jsonl.gz');
    const made = await createBackup(ctx, file);
    expect(made.ok && made.value.rows).toBeGreaterThan(before.audit.length);

    const empty = await openTestDatabase(t.dialect);
    try {
      await migrateToLatest(empty.db, empty.schema);
      const other = contextFor(empty);
      const restored = await restoreBackup(other, file, { actor: 'cli:test' });
      expect(restored.ok).toBe(true);
      const after = await snapshot(other);
      // Every entry of the audit trail comes back, followed by one recording the restore.
      expect(after.audit.at(-1)).toMatchObject({ action: 'backup.restore', actor: 'cli:test' });
      expect({ ...after, audit: after.audit.slice(0, -1) }).toEqual(before);
      // Ids continue after the restored rows: a new value is stored, not refused.
      const more = await recordIndicatorActual(
        other,
        {
          indicatorCode: 'TOP-POPULATION',
          fiscalYear: 2026,
          date: '2026-10-01',
          value: 65500,
          source: '速報',
        },
        { actor: 'tanaka' },
      );
      expect(more.ok).toBe(true);
      // Restoring again over the changed database gives the backup's state back.
      expect((await restoreBackup(other, file, { actor: 'cli:test' })).ok).toBe(true);
      const again = await snapshot(other);
      expect(again.population).toEqual(before.population);
      expect(again.audit.slice(0, before.audit.length)).toEqual(before.audit);
    } finally {
      await empty.close();
    }
  });

  it('refuses a truncated backup and one from a newer schema, and changes nothing', async () => {
    const ctx = contextFor(t.handle);
    await seedDefaultPlan(t.handle.db);
    const dir = mkdtempSync(join(tmpdir(), 'mirai-backup-'));
    const file = join(dir, 'ok.gz');
    expect((await createBackup(ctx, file)).ok).toBe(true);
    const lines = gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n');
    const before = await snapshot(ctx);

    const cut = join(dir, 'cut.gz');
    writeFileSync(cut, gzipSync(`${lines.slice(0, -3).join('\n')}\n`));
    const truncated = await restoreBackup(ctx, cut, { actor: 'test' });
    expect(truncated.ok ? '' : truncated.problems[0]?.code).toBe('backup/truncated');

    const manifest = JSON.parse(lines[0] as string) as { migrations: string[] };
    manifest.migrations.push('9999-from-the-future');
    const newer = join(dir, 'newer.gz');
    writeFileSync(newer, gzipSync([JSON.stringify(manifest), ...lines.slice(1)].join('\n')));
    const refused = await restoreBackup(ctx, newer, { actor: 'test' });
    expect(refused.ok ? '' : refused.problems[0]?.code).toBe('backup/newer-schema');

    const garbage = join(dir, 'garbage.gz');
    writeFileSync(garbage, 'not gzip at all');
    const unreadable = await restoreBackup(ctx, garbage, { actor: 'test' });
    expect(unreadable.ok ? '' : unreadable.problems[0]?.code).toBe('backup/unreadable');

    expect(await snapshot(ctx)).toEqual(before);
  });
});
