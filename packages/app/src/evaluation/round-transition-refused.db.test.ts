// A refused round transition changes nothing: publishing races a reopen of the same closed round
// (both at the version they read); whichever loses is refused and leaves no sheet published.
import type { Actor } from '@mirai/core';
import { listAudit, listSheets } from '@mirai/db';
import { describeEachDatabase } from '@mirai/db/testing';
import { beforeEach, expect, it } from 'vitest';
import { type AppContext, contextFor } from '../context';
import { loadRound } from './round-context';
import { transitionEvaluationRound } from './round-use-cases';
import { completeSampleRound } from './testing/complete-round';
import { seedEvaluationPlan } from './testing/evaluation-fixture';

const planning: Actor = { id: 'user:kikaku', role: 'planning-division' };

describeEachDatabase('a refused round transition', (t) => {
  let ctx: AppContext;
  let fiscalYear = 2023;
  beforeEach(async () => {
    ctx = contextFor(t.handle);
    if (fiscalYear === 2023) await seedEvaluationPlan(t.handle.db);
    fiscalYear++;
    await completeSampleRound(ctx, {
      fiscalYear,
      publish: false,
      measureCodes: ['B-6-M01'],
      projectCodes: ['B-6-M01-P01'],
    });
    const closed = await transitionEvaluationRound(ctx, {
      fiscalYear,
      action: 'close',
      expectedVersion: 1,
      actor: planning,
    });
    expect(closed.ok).toBe(true);
  });

  async function snapshot() {
    const loaded = await loadRound(ctx, fiscalYear);
    if (!loaded.ok) throw new Error('no round');
    const { round } = loaded.value;
    const sheets = await listSheets(ctx.database.db, round.id);
    const audit = await listAudit(t.handle.db, { entityType: 'evaluation_sheet' });
    return {
      round: { state: round.state, version: round.version },
      sheets: sheets.map((s) => [s.id, s.state, s.version]),
      published: audit.filter((a) => a.action === 'evaluation.sheet.publish').length,
    };
  }

  for (const order of ['publish first', 'reopen first'] as const) {
    it(`publish and reopen at the same version (${order}): the loser changes nothing`, async () => {
      const publish = () =>
        transitionEvaluationRound(ctx, {
          fiscalYear,
          action: 'publish',
          expectedVersion: 2,
          actor: planning,
        });
      const reopen = () =>
        transitionEvaluationRound(ctx, { fiscalYear, action: 'reopen', expectedVersion: 2, actor: planning });
      const [a, b] =
        order === 'publish first'
          ? await Promise.all([publish(), reopen()])
          : await Promise.all([reopen(), publish()]).then(([r, p]) => [p, r] as const);
      // Exactly one wins.
      expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
      const after = await snapshot();
      if (a.ok) {
        expect(after.round.state).toBe('published');
        expect(after.sheets.every(([, state]) => state === 'published')).toBe(true);
        expect(after.published).toBe(after.sheets.length * (fiscalYear - 2023));
      } else {
        expect(a.problems.map((p) => p.code)).toContain('evaluation/stale-version');
        expect(after.round).toEqual({ state: 'open', version: 3 });
        expect(after.sheets.some(([, state]) => state === 'published')).toBe(false);
      }
    });
  }

  it('a publish at a stale version after the round moved changes nothing', async () => {
    const reopened = await transitionEvaluationRound(ctx, {
      fiscalYear,
      action: 'reopen',
      expectedVersion: 2,
      actor: planning,
    });
    expect(reopened.ok).toBe(true);
    const before = await snapshot();
    const refused = await transitionEvaluationRound(ctx, {
      fiscalYear,
      action: 'publish',
      expectedVersion: 2,
      actor: planning,
    });
    expect(refused.ok).toBe(false);
    expect(await snapshot()).toEqual(before);
  });
});
