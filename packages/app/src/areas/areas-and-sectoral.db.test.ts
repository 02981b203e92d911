// Real databases (PGlite; PostgreSQL when TEST_DATABASE_URL is set), the bundled plan, and the
// shipped SAMPLE area values and sectoral plans (data/shiojiri/*.sample.*), read as the CLI reads them.
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { listAudit } from '@mirai/db';
import { describeEachDatabase } from '@mirai/db/testing';
import { beforeAll, expect, it } from 'vitest';
import { contextFor, repoRoot } from '../context';
import { importIndicatorActuals } from '../indicators';
import { readTableFile } from '../io';
import { seedDefaultPlan } from '../plan/seed-default-plan';
import { checkSectoralPlans, getSectoralPlans, parseSectoralPlansText, saveSectoralPlan } from '../sectoral';
import { getAreaView, listAreaItems } from './area-view';

describeEachDatabase('areas and sectoral plans', (t) => {
  const ctx = () => contextFor(t.handle);
  beforeAll(async () => {
    await seedDefaultPlan(t.handle.db);
  });

  it('lists the region, the city, its 10 districts and the school districts with their shares', async () => {
    const r = await listAreaItems(ctx());
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const { areas } = r.value;
    const region = areas.find((a) => a.layer === 'region');
    const city = areas.find((a) => a.layer === 'city');
    expect(region?.name.ja).toBe('松本平');
    expect(city?.parent).toBe(region?.code);
    const districts = areas.filter((a) => a.layer === 'district');
    expect(districts).toHaveLength(10);
    expect(districts.every((d) => d.parent === city?.code)).toBe(true);
    const overlapping = areas.find((a) => a.layer === 'school-district' && a.shares.length > 1);
    expect(overlapping?.shares.reduce((s, x) => s + x.share, 0)).toBeCloseTo(1, 12);
    expect(overlapping?.sample).toBe(true);
  });

  it('rolls district counts up to the city: the districts sum to the city figure', async () => {
    const table = await readTableFile(resolve(repoRoot, 'data/shiojiri/area-actuals.sample.csv'));
    if (!table.ok) throw new Error(JSON.stringify(table.problems));
    const imported = await importIndicatorActuals(ctx(), table.value, { actor: 'test' });
    expect(imported.ok).toBe(true);
    const city = await getAreaView(ctx(), 'CITY');
    if (!city.ok) throw new Error(JSON.stringify(city.problems));
    const ind = city.value.indicators.find((i) => i.rollUp?.aggregation === 'sum');
    expect(ind).toBeDefined();
    const districtSum = ind?.byDistrict.reduce((s, d) => s + (d.value ?? 0), 0);
    expect(ind?.byDistrict).toHaveLength(10);
    expect(ind?.rollUp?.missing).toEqual([]);
    expect(ind?.rollUp?.value).toBe(districtSum);
    expect(city.value.map?.tiles).toHaveLength(10);
    // Every area has a view; a district shows its own value of that year.
    const list = await listAreaItems(ctx());
    for (const a of list.ok ? list.value.areas : []) {
      const v = await getAreaView(ctx(), a.code);
      expect(v.ok, a.code).toBe(true);
    }
    const d = await getAreaView(ctx(), ind?.byDistrict[0]?.area ?? '');
    expect(d.ok && d.value.indicators.find((i) => i.code === ind?.code)?.value).toBe(
      ind?.byDistrict[0]?.value,
    );
    expect((await getAreaView(ctx(), 'NOPE')).ok).toBe(false);
  });

  it('registers sectoral plans and finds a phase overrun and a contradicting target', async () => {
    const text = await readFile(resolve(repoRoot, 'data/shiojiri/sectoral-plans.sample.yaml'), 'utf8');
    const items = parseSectoralPlansText(text, 'sectoral-plans.sample.yaml');
    if (!items.ok) throw new Error(JSON.stringify(items.problems));
    for (const item of items.value)
      expect((await saveSectoralPlan(ctx(), item, { actor: 'test' })).ok).toBe(true);
    const report = await checkSectoralPlans(ctx(), { includeDrafts: true, fiscalYear: 2025 });
    if (!report.ok) throw new Error(JSON.stringify(report.problems));
    const all = report.value.plans.flatMap((p) => p.findings.map((f) => ({ plan: p.code, ...f })));
    expect(all.some((f) => f.kind === 'crosses-phase-end')).toBe(true);
    expect(all.some((f) => f.kind === 'target-contradicts')).toBe(true);
    expect(report.value.fieldsWithoutSectoralPlan.length).toBeGreaterThan(0);
    // The public sees published sectoral plans only.
    const publicList = await getSectoralPlans(ctx());
    expect(publicList.every((s) => s.plan.status === 'published')).toBe(true);
    expect(publicList.length).toBeLessThan(items.value.length);
    const audits = await listAudit(t.handle.db, { entityType: 'sectoral-plan' });
    expect(audits).toHaveLength(items.value.length);
  });

  it('refuses a duplicate, a stale update and unknown codes, changing nothing', async () => {
    const [first] = (await getSectoralPlans(ctx(), { includeDrafts: true })).map((s) => s.plan);
    if (!first) throw new Error('no sectoral plan');
    const before = await listAudit(t.handle.db, { entityType: 'sectoral-plan' });
    const dup = await saveSectoralPlan(ctx(), first, { actor: 'test' });
    expect(!dup.ok && dup.problems[0]?.code).toBe('sectoral/duplicate-code');
    const stale = await saveSectoralPlan(ctx(), first, { actor: 'test', expectedVersion: 7 });
    expect(!stale.ok && stale.problems[0]?.code).toBe('sectoral/stale-version');
    const bad = await saveSectoralPlan(
      ctx(),
      { ...first, code: 'SP-NEW', fields: ['NO-SUCH'], endFiscalYear: 1999 },
      { actor: 'test' },
    );
    expect(bad.ok ? [] : bad.problems.map((p) => p.code).sort()).toEqual([
      'sectoral/invalid-period',
      'sectoral/unknown-code',
    ]);
    expect(await listAudit(t.handle.db, { entityType: 'sectoral-plan' })).toHaveLength(before.length);
    const ok = await saveSectoralPlan(
      ctx(),
      { ...first, status: 'published' },
      { actor: 'test', expectedVersion: 1 },
    );
    expect(ok.ok && ok.value.version).toBe(2);
  });
});
