// Publishing a medium-term review (decision 0149): only with a conclusion for every measure, at the
// version read, by the planning division or an administrator; once published its conclusions are
// final and its report, as stored at publication, is public. A refusal changes nothing.
import type { Actor } from '@mirai/core';
import { findCurrentPlan, findReview, listAudit } from '@mirai/db';
import { describeEachDatabase } from '@mirai/db/testing';
import { beforeAll, expect, it } from 'vitest';
import { type AppContext, contextFor } from '../context';
import {
  getPublishedReviews,
  produceMediumTermReview,
  publishedReviewReport,
  publishMediumTermReview,
  saveReviewConclusions,
} from './review-use-cases';
import { completeSampleRound } from './testing/complete-round';
import { recordSampleActuals, seedEvaluationPlan } from './testing/evaluation-fixture';

const planning: Actor = { id: 'user:kikaku', role: 'planning-division' };
const codes = (r: { ok: boolean; problems?: { code: string }[] }) =>
  r.ok ? [] : r.problems!.map((p) => p.code);

describeEachDatabase('publishing a medium-term review', (t) => {
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

  const stored = async () => findReview(t.handle.db, (await findCurrentPlan(t.handle.db))!.id, 1);

  it('is refused while a measure has no conclusion, for a department, and at a stale version', async () => {
    const [first, ...rest] = measures as [string, ...string[]];
    const saved = await saveReviewConclusions(ctx, {
      phase: 1,
      expectedVersion: 0,
      actor: planning,
      conclusions: [{ measureCode: first, proposal: 'continue', assessment: '（サンプル）継続' }],
    });
    expect(saved.ok).toBe(true);
    const incomplete = await publishMediumTermReview(ctx, { phase: 1, expectedVersion: 1, actor: planning });
    expect(codes(incomplete)).toEqual(['evaluation/review-incomplete']);
    expect(JSON.stringify(incomplete)).toContain(rest[0]);
    const all = await saveReviewConclusions(ctx, {
      phase: 1,
      expectedVersion: 1,
      actor: planning,
      conclusions: measures.map((m) => ({
        measureCode: m,
        proposal: 'continue' as const,
        assessment: '（サンプル）継続',
      })),
    });
    expect(all.ok && all.value.version).toBe(2);
    const editor = await publishMediumTermReview(ctx, {
      phase: 1,
      expectedVersion: 2,
      actor: { id: 'user:ed', role: 'department-editor', departmentCode: 'DEPT-CHILD' },
    });
    expect(codes(editor)).toEqual(['evaluation/role-forbidden']);
    const stale = await publishMediumTermReview(ctx, { phase: 1, expectedVersion: 1, actor: planning });
    expect(codes(stale)).toEqual(['evaluation/stale-version']);
    // Nothing changed: not published, no public report, no audit entry.
    expect((await stored())?.publishedAt).toBeNull();
    expect((await stored())?.version).toBe(2);
    expect(await getPublishedReviews(ctx)).toEqual([]);
    expect(codes(await publishedReviewReport(ctx, 1, 'html'))).toEqual(['evaluation/review-not-published']);
    expect((await listAudit(t.handle.db, {})).some((a) => a.action === 'evaluation.review.publish')).toBe(
      false,
    );
  });

  it('publishes once: the report as of then is public, the conclusions are final', async () => {
    const published = await publishMediumTermReview(ctx, { phase: 1, expectedVersion: 2, actor: planning });
    if (!published.ok) throw new Error(JSON.stringify(published.problems));
    expect(published.value.version).toBe(3);
    const list = await getPublishedReviews(ctx);
    expect(list.map((r) => r.phase)).toEqual([1]);
    expect(list[0]!.name.ja).toBeTruthy();
    expect(list[0]!.publishedAt).toBe(published.value.publishedAt);
    const html = await publishedReviewReport(ctx, 1, 'html');
    if (!html.ok) throw new Error(JSON.stringify(html.problems));
    expect(html.value.contentType).toContain('text/html');
    const text = html.value.body.toString('utf8');
    expect(text).toContain('見直し評価報告書');
    expect(text).toContain('（サンプル）継続');
    const xlsx = await publishedReviewReport(ctx, 1, 'xlsx');
    expect(xlsx.ok && xlsx.value.body.subarray(0, 2).toString()).toBe('PK');
    const entry = (await listAudit(t.handle.db, {})).find((a) => a.action === 'evaluation.review.publish');
    expect(entry?.actor).toBe(planning.id);
    // Final: no second publication, no new conclusions (nothing written).
    expect(
      codes(await publishMediumTermReview(ctx, { phase: 1, expectedVersion: 3, actor: planning })),
    ).toEqual(['evaluation/review-published']);
    const change = await saveReviewConclusions(ctx, {
      phase: 1,
      expectedVersion: 3,
      actor: planning,
      conclusions: measures.map((m) => ({ measureCode: m, proposal: 'end' as const, assessment: 'x' })),
    });
    expect(codes(change)).toEqual(['evaluation/review-published']);
    expect((await stored())?.version).toBe(3);
    const review = await produceMediumTermReview(ctx, 1);
    expect(review.ok && review.value.publishedAt).toBe(published.value.publishedAt);
    expect(review.ok && review.value.measures.every((m) => m.conclusion?.proposal === 'continue')).toBe(true);
  });
});
