// The medium-term review's next-phase draft saved as a draft plan version: carried measures under
// the next phase (renumbered, derivedFrom, assessments in the summary), ended ones left out, the
// public still reading the published version; a stale plan version and a second run are refused
// with nothing written; conclusions at a stale version are a conflict.
import type { Actor, PlanDocument } from '@mirai/core';
import { findCurrentPlan, findReview, listAudit } from '@mirai/db';
import { describeEachDatabase } from '@mirai/db/testing';
import { beforeAll, expect, it } from 'vitest';
import { type AppContext, contextFor } from '../context';
import { getPublishedPlan } from '../plan/plan-use-cases';
import { draftPlanFromReview } from './next-phase-plan';
import { produceMediumTermReview, saveReviewConclusions } from './review-use-cases';
import { completeSampleRound } from './testing/complete-round';
import { recordSampleActuals, seedEvaluationPlan } from './testing/evaluation-fixture';

const planning: Actor = { id: 'user:kikaku', role: 'planning-division' };
const codes = (r: { ok: boolean; problems?: { code: string }[] }) =>
  r.ok ? [] : r.problems!.map((p) => p.code);

describeEachDatabase('next phase draft as a draft plan version', (t) => {
  let ctx: AppContext;
  let measures: string[] = [];
  beforeAll(async () => {
    ctx = contextFor(t.handle);
    const doc = await seedEvaluationPlan(t.handle.db);
    await recordSampleActuals(ctx, doc);
    await completeSampleRound(ctx, { fiscalYear: 2024 });
    const review = await produceMediumTermReview(ctx, 1);
    if (!review.ok) throw new Error(JSON.stringify(review.problems));
    measures = review.value.measures.map((m) => m.measureCode);
  });

  it('records conclusions with the version read; a stale version is a conflict and changes nothing', async () => {
    const [a, b, c] = measures as [string, string, string];
    const first = await saveReviewConclusions(ctx, {
      phase: 1,
      expectedVersion: 0,
      actor: planning,
      conclusions: [
        { measureCode: a, proposal: 'revise', assessment: '（サンプル）指標を見直す' },
        { measureCode: b, proposal: 'end', assessment: '（サンプル）目的を達成' },
        { measureCode: c, proposal: 'merge', mergeInto: a, assessment: '（サンプル）統合する' },
      ],
    });
    expect(first.ok && first.value.version).toBe(1);
    const stale = await saveReviewConclusions(ctx, {
      phase: 1,
      expectedVersion: 0,
      actor: planning,
      conclusions: [{ measureCode: a, proposal: 'end', assessment: 'x' }],
    });
    expect(codes(stale)).toEqual(['evaluation/stale-version']);
    const plan = await findCurrentPlan(t.handle.db);
    const stored = await findReview(t.handle.db, plan!.id, 1);
    expect(stored?.version).toBe(1);
    expect(((stored?.conclusions ?? []) as { proposal: string }[]).map((x) => x.proposal)).toEqual([
      'revise',
      'end',
      'merge',
    ]);
  });

  it('saves the draft as a draft plan version that the public does not see', async () => {
    const [a, b, c] = measures as [string, string, string];
    const before = (await findCurrentPlan(t.handle.db))!;
    const publishedBefore = await getPublishedPlan(ctx);
    // A stale plan version is refused and writes nothing.
    const stale = await draftPlanFromReview(ctx, {
      phase: 1,
      expectedVersion: before.version - 1,
      actor: planning,
    });
    expect(codes(stale)).toEqual(['plan/version-conflict']);
    expect((await findCurrentPlan(t.handle.db))!.version).toBe(before.version);
    // Only the planning division and administrators.
    const editor = await draftPlanFromReview(ctx, {
      phase: 1,
      expectedVersion: before.version,
      actor: { id: 'user:ed', role: 'department-editor', departmentCode: 'DEPT-CHILD' },
    });
    expect(codes(editor)).toEqual(['evaluation/role-forbidden']);

    const made = await draftPlanFromReview(ctx, {
      phase: 1,
      expectedVersion: before.version,
      actor: planning,
    });
    if (!made.ok) throw new Error(JSON.stringify(made.problems));
    expect(made.value.version).toBe(before.version + 1);
    const after = (await findCurrentPlan(t.handle.db))!;
    expect(after.status).toBe('draft');
    const doc = after.document as PlanDocument;
    const next = doc.measures.filter((m) => m.phase === 2);
    expect(next.map((m) => m.derivedFrom).sort()).toEqual(measures.filter((m) => m !== b && m !== c).sort());
    expect(made.value.measures).toEqual(next.map((m) => m.code));
    const revised = next.find((m) => m.derivedFrom === a)!;
    expect(revised.code).toBe(`P2-${a}`);
    expect(revised.summary?.ja).toContain('（サンプル）指標を見直す');
    expect(revised.summary?.ja).toContain(`統合: ${c}`);
    // Phase 1 is unchanged; the public reads the version it read before.
    expect(doc.measures.filter((m) => m.phase === 1).length).toBe(
      (before.document as PlanDocument).measures.filter((m) => m.phase === 1).length,
    );
    const published = await getPublishedPlan(ctx);
    expect(published.ok && publishedBefore.ok && published.value.version).toBe(
      publishedBefore.ok && publishedBefore.value.version,
    );
    const trail = await listAudit(t.handle.db, { entityType: 'plan' });
    expect(trail.at(-1)?.action).toBe('plan.revise');
    // A second run finds the codes taken and writes nothing.
    const again = await draftPlanFromReview(ctx, {
      phase: 1,
      expectedVersion: after.version,
      actor: planning,
    });
    expect(codes(again)).toContain('evaluation/draft-code-collision');
    expect((await findCurrentPlan(t.handle.db))!.version).toBe(after.version);
  });
});
