// Real databases (PGlite, and PostgreSQL when TEST_DATABASE_URL is set), the real Shiojiri plan, real files.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listAudit } from '@mirai/db';
import { describeEachDatabase } from '@mirai/db/testing';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { contextFor } from '../context';
import { readTableFile } from '../io';
import { seedDefaultPlan } from '../plan/seed-default-plan';
import { publicReads } from '../read-scope';
import { getPlanProgress, listIndicators, showIndicator } from './list-indicators';
import { correctIndicatorActual, importIndicatorActuals, recordIndicatorActual } from './record-actuals';

const asOf = { year: 2026, month: 7, day: 1 };
const dir = mkdtempSync(join(tmpdir(), 'mirai-ind-'));
const csv = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describeEachDatabase('indicator use cases', (t) => {
  it('lists both top indicators with the plan’s baselines and targets, with no data yet', async () => {
    const ctx = contextFor(t.handle);
    await seedDefaultPlan(t.handle.db);
    const list = await listIndicators(ctx, { asOf });
    if (!list.ok) throw new Error(JSON.stringify(list.problems));
    const happiness = list.value.find((x) => x.code === 'TOP-HAPPINESS')!;
    const population = list.value.find((x) => x.code === 'TOP-POPULATION')!;
    expect(happiness).toMatchObject({
      top: true,
      baseline: { value: 6.77 },
      finalTarget: { fiscalYear: 2032, value: 6.77 },
    });
    expect(population).toMatchObject({
      top: true,
      baseline: { value: 67241 },
      finalTarget: { value: 65000 },
    });
    expect(happiness.status.kind).toBe('no-data');
    expect(
      Object.fromEntries(population.projections.map((p) => [p.code, [p.values['2032'], p.values['2050']]])),
    ).toEqual({
      'CITY-BASELINE-2020': [63200, 54300],
      'IPSS-2023': [undefined, 57415],
      'IPSS-2018': [undefined, undefined],
    });
    expect(population.projections.every((p) => p.source.ja.length > 0)).toBe(true);
    expect(happiness.latest).toBeNull();
  });

  it('records, refuses a second first value, corrects with history, and refuses a correction of an old version', async () => {
    const ctx = contextFor(t.handle);
    const input = {
      indicatorCode: 'TOP-POPULATION',
      fiscalYear: 2025,
      date: '2025-10-01',
      value: 66000,
      source: '速報',
    };
    const first = await recordIndicatorActual(ctx, input, { actor: 'tanaka' });
    if (!first.ok) throw new Error(JSON.stringify(first.problems));
    const again = await recordIndicatorActual(ctx, input, { actor: 'tanaka' });
    expect(again.ok ? '' : again.problems[0]!.code).toBe('indicator/actual-exists');
    const fixed = await correctIndicatorActual(
      ctx,
      first.value.id,
      { value: 66085, note: '確定値' },
      { actor: 'sato' },
    );
    if (!fixed.ok) throw new Error(JSON.stringify(fixed.problems));
    const stale = await correctIndicatorActual(ctx, first.value.id, { value: 1 }, { actor: 'x' });
    expect(stale.ok ? '' : stale.problems[0]!.code).toBe('indicator/version-superseded');
    const shown = await showIndicator(ctx, 'TOP-POPULATION', {
      asOf: { year: 2026, month: 12, day: 1 },
      withAuthors: true,
    });
    if (!shown.ok) throw new Error('expected ok');
    expect(shown.value.latest?.value).toBe(66085);
    expect(shown.value.values[0]!.versions.map((v) => [v.value, v.enteredBy])).toEqual([
      [66000, 'tanaka'],
      [66085, 'sato'],
    ]);
    expect(shown.value.status.target?.source).toBe('interpolated');
    // A public read names no account.
    const pub = await showIndicator(ctx, 'TOP-POPULATION', { asOf: { year: 2026, month: 12, day: 1 } });
    expect(pub.ok && pub.value.values[0]!.versions.map((v) => v.enteredBy)).toEqual(['staff', 'staff']);
    // Nowhere in a public read, however deep; and hiding the names changes nothing that another
    // read of the same request shares (the statuses are read once per scope).
    const scope = publicReads(ctx);
    const when = { asOf: { year: 2026, month: 12, day: 1 } };
    const publicList = await listIndicators(scope, when);
    const publicDetail = await showIndicator(scope, 'TOP-POPULATION', when);
    for (const read of [pub, publicList, publicDetail])
      expect(JSON.stringify(read)).not.toMatch(/tanaka|sato/);
    const latestOf = (r: typeof publicList) =>
      r.ok && r.value.find((x) => x.code === 'TOP-POPULATION')?.latest;
    expect(latestOf(publicList)).toMatchObject({ value: 66085, enteredBy: 'staff' });
    expect(latestOf(await listIndicators(scope, { ...when, withAuthors: true }))).toMatchObject({
      value: 66085,
      enteredBy: 'sato',
    });
    const bad = await recordIndicatorActual(ctx, { ...input, fiscalYear: 2040, value: -5 }, { actor: 'x' });
    expect(bad.ok ? [] : bad.problems.map((p) => [p.code, p.where?.field])).toEqual([
      ['indicator-import/date-outside-fiscal-year', 'date'],
      ['indicator-import/fiscal-year-outside-plan', 'fiscal_year'],
      ['indicator-import/value-out-of-range', 'value'],
    ]);
    const actions = (await listAudit(t.handle.db, { entityType: 'indicator-actual' })).map((a) => a.action);
    expect(actions).toEqual(['indicator.actual.record', 'indicator.actual.correct']);
  });

  it('two concurrent corrections of one version: exactly one wins, the other is a conflict', async () => {
    const ctx = contextFor(t.handle);
    const first = await recordIndicatorActual(
      ctx,
      { indicatorCode: 'TOP-HAPPINESS', fiscalYear: 2030, value: 6.5, source: 'x' }, // after the reference dates used below,
      { actor: 'a' },
    );
    if (!first.ok) throw new Error(JSON.stringify(first.problems));
    const results = await Promise.all([
      correctIndicatorActual(ctx, first.value.id, { value: 6.6 }, { actor: 'b' }),
      correctIndicatorActual(ctx, first.value.id, { value: 6.7 }, { actor: 'c' }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const lost = results.find((r) => !r.ok);
    const won = results.find((r) => r.ok);
    expect(lost && !lost.ok ? lost.problems[0] : undefined).toMatchObject({
      code: 'indicator/version-superseded',
      details: { by: won?.ok ? won.value.id : 'none' },
    });
  });

  it('the table is append-only', async () => {
    await expect(sql`UPDATE indicator_actuals SET value = 0`.execute(t.handle.db)).rejects.toThrow(
      /append-only/,
    );
    await expect(sql`DELETE FROM indicator_actuals`.execute(t.handle.db)).rejects.toThrow(/append-only/);
  });

  it('an import with any bad row stores nothing and reports every row; a dry run stores nothing', async () => {
    const ctx = contextFor(t.handle);
    const count = async () =>
      Number(
        (await sql<{ n: number }>`SELECT count(*)::int AS n FROM indicator_actuals`.execute(t.handle.db))
          .rows[0]!.n,
      );
    const before = await count();
    const badFile = csv(
      'bad.csv',
      '指標コード,年度,実績値\nTOP-HAPPINESS,令和6年度,６．８１\nTOP-HAPPINESS,R7,十一\nNOPE,2025,1\n',
    );
    const table = await readTableFile(badFile);
    if (!table.ok) throw new Error('expected a table');
    const bad = await importIndicatorActuals(ctx, table.value, { actor: 'x' });
    expect(
      bad.ok ? [] : bad.problems.map((p) => [p.code, p.where?.row, p.where?.column, p.where?.file]),
    ).toEqual([
      ['indicator-import/value-not-a-number', 3, '実績値', 'bad.csv'],
      ['indicator-import/unknown-indicator', 4, '指標コード', 'bad.csv'],
    ]);
    expect(await count()).toBe(before);

    const good = await readTableFile(
      csv('good.csv', '指標コード,年度,実績値\nTOP-HAPPINESS,令和6年度,６．８１\nTOP-HAPPINESS,R7,6.70\n'),
    );
    if (!good.ok) throw new Error('expected a table');
    const dry = await importIndicatorActuals(ctx, good.value, { actor: 'x', dryRun: true });
    expect(dry.ok && [dry.value.dryRun, dry.value.recorded]).toEqual([true, 2]);
    expect(await count()).toBe(before);
    const real = await importIndicatorActuals(ctx, good.value, { actor: 'x' });
    expect(real.ok && real.value.recorded).toBe(2);
    expect(await count()).toBe(before + 2);
    // The same file again: unchanged, nothing stored.
    const again = await importIndicatorActuals(ctx, good.value, { actor: 'x' });
    expect(again.ok && [again.value.recorded, again.value.unchanged]).toEqual([0, 2]);
    const audits = await listAudit(t.handle.db, { entityType: 'indicator-import' });
    expect(audits).toHaveLength(1);
  });

  it('rolls the plan up with one rule and reports the top indicators', async () => {
    const ctx = contextFor(t.handle);
    const progress = await getPlanProgress(ctx, { asOf });
    if (!progress.ok) throw new Error(JSON.stringify(progress.problems));
    expect(progress.value.rule.kind).toBe('weighted-mean');
    const plan = progress.value.figures['plan']!;
    expect(plan.inputs.map((i) => i.code)).toEqual(['A', 'B', 'C']);
    // Every field's figure is the one its strategy lists as input.
    for (const s of ['A', 'B', 'C']) {
      for (const input of progress.value.figures[s]!.inputs) {
        const field = progress.value.figures[input.code]!;
        expect(input.value).toEqual(field.value);
        expect(input.missing).toBe(field.value === undefined);
      }
    }
    expect(progress.value.topIndicators.map((x) => [x.code, x.latest?.value])).toEqual([
      ['TOP-HAPPINESS', 6.7],
      ['TOP-POPULATION', 66085],
    ]);
    // The roll-up is public (/api/v1/progress, the top page): its top indicators name no account either.
    expect(progress.value.topIndicators.map((x) => x.latest?.enteredBy)).toEqual(['staff', 'staff']);
    const staff = await getPlanProgress(ctx, { asOf, withAuthors: true });
    expect(staff.ok && staff.value.topIndicators[1]!.latest?.enteredBy).toBe('sato');
    // 6.70 vs the baseline 6.77 with no margin configured: compared exactly.
    expect(progress.value.topIndicators[0]!.status.detail?.met).toBe(false);
  });
});
