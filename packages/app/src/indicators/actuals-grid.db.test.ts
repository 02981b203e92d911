// Real databases (PGlite, and PostgreSQL when TEST_DATABASE_URL is set), the shipped sample plan.
import { listAudit } from '@mirai/db';
import { describeEachDatabase } from '@mirai/db/testing';
import { expect, it } from 'vitest';
import type { UserActor } from '../auth/actor';
import { contextFor } from '../context';
import { seedDefaultPlan } from '../plan/seed-default-plan';
import { getActualsGrid, saveActualsGrid } from './actuals-grid';
import { recordIndicatorActual } from './record-actuals';

const clerk: UserActor = {
  kind: 'user',
  via: 'session',
  userId: 1,
  login: 'bosai',
  role: 'department-editor',
  department: 'DEPT-SAFETY',
  links: [],
  mustChangePassword: false,
};
const planner: UserActor = { ...clerk, login: 'kikaku', role: 'planning-editor', department: null };
const PEOPLE = 'C-9-M01-K02';

describeEachDatabase('the actuals grid', (t) => {
  it('shows a department editor its own indicators, the plan’s years, and starts in the year begun', async () => {
    const ctx = contextFor(t.handle);
    await seedDefaultPlan(t.handle.db);
    const g = await getActualsGrid(ctx, clerk, { now: new Date('2026-12-06T00:00:00Z') });
    if (!g.ok) throw new Error(JSON.stringify(g.problems));
    expect(g.value.definitions.every((d) => d.ownerDepartment === 'DEPT-SAFETY')).toBe(true);
    expect(g.value.definitions.map((d) => d.code)).toContain(PEOPLE);
    expect(g.value.years[0]).toBe(2024);
    expect(g.value.years.at(-1)).toBe(2032);
    expect(g.value.defaultYear).toBe(2026);
    // March 2027 (Japan time) is still FY2026; April 2027 is FY2027; before the plan, its first year.
    const at = async (iso: string) => {
      const r = await getActualsGrid(ctx, planner, { now: new Date(iso) });
      return r.ok ? r.value.defaultYear : null;
    };
    expect(await at('2027-03-31T14:00:00Z')).toBe(2026);
    expect(await at('2027-03-31T15:00:00Z')).toBe(2027);
    expect(await at('2020-06-01T00:00:00Z')).toBe(2024);
    const all = await getActualsGrid(ctx, planner);
    expect(all.ok && all.value.definitions.some((d) => d.kind === 'survey')).toBe(false);
    expect(all.ok && all.value.department).toBe(undefined);
  });

  it('saves full-width values all or nothing, audited once; a stale cell is a conflict and stores nothing', async () => {
    const ctx = contextFor(t.handle);
    const saved = await saveActualsGrid(
      ctx,
      {
        source: '防災訓練実施報告',
        cells: [
          { code: PEOPLE, fiscalYear: 2026, value: '１，４０５', version: null },
          { code: 'C-9-M01-K01', fiscalYear: 2026, value: '８５．５', version: null },
        ],
      },
      { actor: 'user:bosai', department: 'DEPT-SAFETY' },
    );
    if (!saved.ok) throw new Error(JSON.stringify(saved.problems));
    expect(saved.value).toMatchObject({ recorded: 2, corrected: 0, unchanged: 0 });
    expect(saved.value.stored.map((s) => s.value)).toEqual([1405, 85.5]);
    const audits = await listAudit(t.handle.db, { entityType: 'indicator-import' });
    expect(audits.filter((a) => a.action === 'indicator.actual.grid')).toHaveLength(1);

    // One bad cell: nothing of the save is stored.
    const bad = await saveActualsGrid(
      ctx,
      {
        source: 's',
        cells: [
          { code: PEOPLE, fiscalYear: 2027, value: '10', version: null },
          { code: 'C-9-M01-K01', fiscalYear: 2027, value: '120', version: null },
        ],
      },
      { actor: 'user:bosai', department: 'DEPT-SAFETY' },
    );
    expect(bad.ok ? [] : bad.problems.map((p) => [p.code, p.where?.index])).toEqual([
      ['indicator-import/value-out-of-range', 1],
    ]);
    const g = await getActualsGrid(ctx, clerk);
    expect(g.ok && g.value.existing.some((v) => v.fiscalYear === 2027)).toBe(false);

    // Someone else corrects the value the page showed: the save is a conflict and stores nothing.
    const shown = saved.value.stored[0]!;
    const other = await recordIndicatorActual(
      ctx,
      { indicatorCode: PEOPLE, fiscalYear: 2027, value: 1, source: 'x' },
      { actor: 'user:other' },
    );
    expect(other.ok).toBe(true);
    const stale = await saveActualsGrid(
      ctx,
      {
        source: 's',
        cells: [
          { code: PEOPLE, fiscalYear: 2026, value: '1410', version: shown.id },
          { code: PEOPLE, fiscalYear: 2027, value: '2', version: null },
        ],
      },
      { actor: 'user:bosai', department: 'DEPT-SAFETY' },
    );
    expect(stale.ok ? [] : stale.problems.map((p) => [p.code, p.kind, p.where?.index])).toEqual([
      ['indicator-grid/recorded-meanwhile', 'conflict', 1],
    ]);
    const after = await getActualsGrid(ctx, clerk);
    expect(
      after.ok && after.value.existing.filter((v) => v.indicatorCode === PEOPLE && v.fiscalYear === 2026),
    ).toHaveLength(1);

    // The correction at the version shown supersedes it; another department's indicator is refused.
    const fixed = await saveActualsGrid(
      ctx,
      { source: 's', cells: [{ code: PEOPLE, fiscalYear: 2026, value: '1410', version: shown.id }] },
      { actor: 'user:bosai', department: 'DEPT-SAFETY' },
    );
    expect(fixed.ok && fixed.value.stored[0]?.supersedes).toBe(shown.id);
    const foreign = await saveActualsGrid(
      ctx,
      { source: 's', cells: [{ code: 'B-4-M01-K01', fiscalYear: 2026, value: '3', version: null }] },
      { actor: 'user:bosai', department: 'DEPT-SAFETY' },
    );
    expect(foreign.ok ? '' : foreign.problems[0]!.code).toBe('indicator/other-department');
  });
});
