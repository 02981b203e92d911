// Real databases (PGlite, and PostgreSQL when TEST_DATABASE_URL is set); real plan file.
import { readFileSync } from 'node:fs';
import { listAudit, migrateToLatest } from '@mirai/db';
import { describeEachDatabase, openTestDatabase } from '@mirai/db/testing';
import { expect, it } from 'vitest';
import { contextFor } from '../context';
import { defaultPlanFile } from '../datasets/default-data';
import { exportPlan, getField, getPlanTree, importPlan } from './plan-use-cases';
import { seedDefaultPlan } from './seed-default-plan';

const shiojiri = readFileSync(defaultPlanFile(), 'utf8');

describeEachDatabase('plan use cases', (t) => {
  it('seeds the Shiojiri plan once and serves its tree', async () => {
    const ctx = contextFor(t.handle);
    expect(await seedDefaultPlan(t.handle.db)).toBe(true);
    expect(await seedDefaultPlan(t.handle.db)).toBe(false);
    const tree = await getPlanTree(ctx);
    expect(tree.ok).toBe(true);
    if (!tree.ok) return;
    expect(tree.value.strategies.map((s) => s.code)).toEqual(['A', 'B', 'C']);
    expect(tree.value.strategies.flatMap((s) => s.fields.map((f) => f.number))).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9,
    ]);
    const [happiness, population] = tree.value.topIndicators;
    expect(happiness?.baseline?.value).toBe(6.77);
    expect(happiness?.finalTarget).toEqual({ fiscalYear: 2032, value: 6.77, comparison: 'at-least' });
    expect(population?.finalTarget).toEqual({ fiscalYear: 2032, value: 65000, comparison: 'at-least' });
    const field = await getField(ctx, 'B-4');
    expect(field.ok && field.value.investFirst && field.value.affectsSatisfaction).toBe(true);
    const missing = await getField(ctx, 'Z-9');
    expect(missing.ok ? '' : missing.problems[0]?.code).toBe('plan/field-not-found');
  });

  it('export → import into an empty database → export is identical', async () => {
    const ctx = contextFor(t.handle);
    for (const format of ['yaml', 'json'] as const) {
      const first = await exportPlan(ctx, format);
      expect(first.ok).toBe(true);
      if (!first.ok) return;
      const empty = await openTestDatabase(t.dialect);
      try {
        await migrateToLatest(empty.db, empty.schema);
        const other = contextFor(empty);
        const imported = await importPlan(other, first.value, `plan.${format}`, { actor: 'test' });
        expect(imported.ok).toBe(true);
        const second = await exportPlan(other, format);
        expect(second.ok && second.value).toBe(first.value);
      } finally {
        await empty.close();
      }
    }
  });

  it('keeps versions, detects a stale expected version, and audits each write', async () => {
    const ctx = contextFor(t.handle);
    const revised = shiojiri.replace('status: approved', 'status: revised');
    const r1 = await importPlan(ctx, revised, 'plan.yaml', {
      actor: 'planner',
      expectedVersion: 1,
      note: 'revision',
    });
    expect(r1.ok && r1.value.version).toBe(2);
    const stale = await importPlan(ctx, revised, 'plan.yaml', { actor: 'other', expectedVersion: 1 });
    expect(stale.ok ? '' : stale.problems[0]?.code).toBe('plan/version-conflict');
    const log = await listAudit(t.handle.db, { entityType: 'plan' });
    expect(log.map((e) => [e.action, e.actor])).toEqual([
      ['plan.create', 'system:seed'],
      ['plan.revise', 'planner'],
    ]);
  });

  it('writes nothing when the file has any problem', async () => {
    const ctx = contextFor(t.handle);
    const before = await exportPlan(ctx, 'yaml');
    const broken = shiojiri.replace('field: A-2', 'field: A-99').replace('strategy: C\n', 'strategy: Z\n');
    const r = await importPlan(ctx, broken, 'broken.yaml', { actor: 'planner' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => p.code).sort()).toEqual([
      'plan/field-outside-strategy',
      'plan/unknown-code',
    ]);
    expect(r.problems.every((p) => p.where?.file === 'broken.yaml' && typeof p.where.line === 'number')).toBe(
      true,
    );
    const after = await exportPlan(ctx, 'yaml');
    expect(after).toEqual(before);
  });

  it('never shows a draft to the public: readers get the newest approved or revised version', async () => {
    const ctx = contextFor(t.handle);
    const before = await getPlanTree(ctx);
    const draft = shiojiri
      .replace('status: approved', 'status: draft')
      .replace('多彩な暮らし、叶えるまち。', '（案）新しい都市像');
    const saved = await importPlan(ctx, draft, 'draft.yaml', { actor: 'planner' });
    expect(saved.ok).toBe(true);
    const pub = await getPlanTree(ctx);
    expect(pub.ok && before.ok && pub.value.version).toBe(before.ok ? before.value.version : -1);
    expect(pub.ok && pub.value.vision?.slogan.ja).not.toContain('（案）');
    const staff = await getPlanTree(ctx, undefined, { includeDraft: true });
    expect(staff.ok && staff.value.vision?.slogan.ja).toContain('（案）');
  });

  it('refuses to change or delete audit entries', async () => {
    await expect(t.handle.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
  });
});
