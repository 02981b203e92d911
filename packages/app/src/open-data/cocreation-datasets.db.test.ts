// The co-creation open datasets on a real database: accepted partner reports and published
// workshops only; a submitted or returned report and an unpublished workshop never appear.
import { describeEachDatabase } from '@mirai/db/testing';
import { beforeAll, expect, it } from 'vitest';
import type { UserActor } from '../auth/actor';
import { seedSamplePartners } from '../cocreation/partner-use-cases';
import { reviewReport, submitReport } from '../cocreation/report-use-cases';
import { createWorkshop, publishWorkshop } from '../cocreation/workshop-use-cases';
import { type AppContext, contextFor } from '../context';
import { seedDefaultPlan } from '../plan/seed-default-plan';
import { publicReads } from '../read-scope';
import { readCatalogue, readDatasetTable } from './catalogue';

const user = (role: UserActor['role'], login: string, links: string[] = []): UserActor => ({
  kind: 'user',
  via: 'session',
  userId: 1,
  login,
  role,
  department: null,
  links,
  mustChangePassword: false,
});
const partner = user('partner', 'partner2', ['P-SAMPLE-2']);
const planning = user('planning-editor', 'kikaku');

describeEachDatabase('co-creation open datasets', (t) => {
  let ctx: AppContext;
  beforeAll(async () => {
    await seedDefaultPlan(t.handle.db);
    ctx = contextFor(t.handle);
    await seedSamplePartners(ctx);
    for (const [title, decision] of [
      ['受理される報告', 'accept'],
      ['差し戻される報告', 'return'],
      ['確認待ちの報告', null],
    ] as const) {
      const r = await submitReport(ctx, partner, {
        itemCode: 'B-6-M01-P01',
        title,
        body: '市外の参加者と交流した',
        activityDate: '2025-05-10',
        peopleReached: 12,
      });
      if (!r.ok) throw new Error(JSON.stringify(r.problems));
      if (decision)
        await reviewReport(ctx, planning, r.value.id, {
          decision,
          comment: '確認しました',
          expectedVersion: 1,
        });
    }
    const base = {
      title: { ja: '（サンプル）共創ワークショップ' },
      heldOn: '2024-08-01',
      place: '市民交流センター',
      participants: { residents: 10, 'from-outside': 4 },
      outputs: ['交流拠点の案'],
      shaped: ['B-6-M01'],
      sample: true,
    };
    await createWorkshop(ctx, planning, { ...base, code: 'WS-OPEN' });
    await createWorkshop(ctx, planning, { ...base, code: 'WS-DRAFT' });
    await publishWorkshop(ctx, planning, 'WS-OPEN', { expectedVersion: 1 });
  });

  it('lists both datasets in the catalogue; their tables hold only accepted reports and published workshops', async () => {
    const pub = publicReads(ctx);
    const cat = await readCatalogue(pub);
    expect(cat.ok && cat.value.datasets.map((d) => d.id)).toEqual(
      expect.arrayContaining(['partner-reports', 'workshops']),
    );
    const reports = await readDatasetTable(pub, 'partner-reports');
    if (!reports.ok) throw new Error('no partner-reports');
    const title = reports.value.table.columns.findIndex((c) => c.key === 'title');
    expect(reports.value.table.rows.map((r) => r[title])).toEqual(['受理される報告']);
    expect(reports.value.table.modified).not.toBeNull();

    const ws = await readDatasetTable(pub, 'workshops');
    if (!ws.ok) throw new Error('no workshops');
    const cols = ws.value.table.columns.map((c) => c.key);
    const row = ws.value.table.rows[0]!;
    expect(ws.value.table.rows).toHaveLength(1);
    expect([
      row[cols.indexOf('code')],
      row[cols.indexOf('participants_from_outside')],
      row[cols.indexOf('participants_total')],
      row[cols.indexOf('shaped')],
    ]).toEqual(['WS-OPEN', 4, 14, 'B-6-M01']);
    expect(ws.value.table.sample).toBe(true);
  });
});
