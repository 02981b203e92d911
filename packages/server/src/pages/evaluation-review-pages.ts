/**
 * The medium-term review in the workspace: `/staff/reviews` shows the phase
 * of the current fiscal year; `/staff/reviews/:phase` shows the review's
 * figures per measure (as the review report does), the conclusions with the
 * version they were saved at, and whether the account may record them and
 * turn the next phase's draft into a draft plan version.
 */
import { getCurrentPlan, produceMediumTermReview } from '@mirai/app';
import { levelName, levelNamesOf, phaseLabel } from '@mirai/core';
import type { PageModel, StaffSession } from '@mirai/web';
import { type PageRequest, type PageResult, staffPage } from './page-table';

const japanFiscalYear = () => {
  const now = new Date(Date.now() + 9 * 3600_000);
  return now.getUTCMonth() >= 3 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
};

async function loadReview({
  ctx,
  session,
  params,
  may,
}: PageRequest & { session: StaffSession }): Promise<PageResult> {
  const plan = await getCurrentPlan(ctx);
  if (!plan.ok) return null;
  const doc = plan.value.document;
  let phase: number;
  if (params.phase === undefined) {
    // /staff/reviews: the phase of the current fiscal year (Japan time), else the first.
    const fy = japanFiscalYear();
    phase =
      (doc.phases.find((p) => p.startFiscalYear <= fy && fy <= p.endFiscalYear) ?? doc.phases[0])?.number ??
      0;
  } else if (/^[1-9]$/.test(params.phase)) phase = Number(params.phase);
  else return null;
  const span = doc.phases.find((p) => p.number === phase);
  if (!span) return null;
  const r = await produceMediumTermReview(ctx, phase);
  if (!r.ok) return null;
  const levels = levelNamesOf(doc);
  const label = (n: number) => ({
    ja: phaseLabel(
      doc.phases.find((p) => p.number === n),
      levels,
      'ja',
      n,
    ),
    en: phaseLabel(
      doc.phases.find((p) => p.number === n),
      levels,
      'en',
      n,
    ),
  });
  const nextCodes = new Set(doc.measures.filter((m) => m.phase === phase + 1).map((m) => m.code));
  return {
    page: 'staff-review',
    session,
    phase,
    phaseName: label(phase),
    phases: doc.phases.map((p) => ({ number: p.number, name: label(p.number) })),
    review: r.value,
    warnings: (r.warnings ?? []).map((w) => w.message),
    fieldNames: Object.fromEntries(doc.fields.map((f) => [f.code, f.name])),
    measureLevel: { ja: levels.measure.ja, en: levelName(levels.measure, 'en') },
    fieldLevel: { ja: levels.field.ja, en: levelName(levels.field, 'en') },
    plan: { version: plan.value.version, status: plan.value.status },
    nextPhase: doc.phases.some((p) => p.number === phase + 1) ? phase + 1 : null,
    nextPhaseMeasures: [...nextCodes],
    canConclude: may('evaluation:manage-round'),
    canDraftPlan: may('plan:import') && may('evaluation:manage-round'),
  };
}

const title = (m: PageModel) => (m.page === 'staff-review' ? `${m.phaseName.ja} 見直し評価` : '');

/** The review of the current fiscal year's phase. */
export const reviews = staffPage({
  path: '/staff/reviews',
  policy: 'evaluation:read-sheet',
  readsDraft: true,
  title,
  load: loadReview,
});

export const review = staffPage({
  path: '/staff/reviews/:phase',
  policy: 'evaluation:read-sheet',
  readsDraft: true,
  title,
  load: loadReview,
});
