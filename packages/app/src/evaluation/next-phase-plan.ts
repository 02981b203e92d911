/**
 * The next phase's draft (from the medium-term review's conclusions) turned
 * into a draft version of the plan: the carried measures are added under the
 * next phase, renumbered, each naming the measure it came from; the version is
 * saved as a draft (never public) at the plan version the caller read, so the
 * plan editor opens it and a second click is refused (the codes exist then).
 */
import { type Actor, fail, type Measure, ok, type Result } from '@mirai/core';
import type { AppContext } from '../context';
import { importPlan } from '../plan/plan-use-cases';
import { evaluationAppProblems as A } from './evaluation-app-problems';
import { requirePlanningDivision } from './planning-division-role';
import { draftNextPhaseMeasures } from './review-use-cases';
import { loadPlan } from './round-context';

export interface NextPhasePlanResult {
  code: string;
  /** The new plan version (a draft). */
  version: number;
  phase: number;
  /** Codes of the measures added under the next phase. */
  measures: string[];
}

export async function draftPlanFromReview(
  ctx: AppContext,
  req: { phase: number; expectedVersion: number; actor: Actor },
): Promise<Result<NextPhasePlanResult>> {
  const allowed = requirePlanningDivision(req.actor, 'draft next phase plan');
  if (!allowed.ok) return allowed;
  const draft = await draftNextPhaseMeasures(ctx, req.phase);
  if (!draft.ok) return draft;
  const plan = await loadPlan(ctx);
  if (!plan.ok) return plan;
  const doc = structuredClone(plan.value.document);
  const next = req.phase + 1;
  if (!doc.phases.some((p) => p.number === next))
    return fail(A.nextPhaseMissing.create({ phase: next }, { field: 'phase' }));
  const byCode = new Map(doc.measures.map((m) => [m.code, m]));
  const added: Measure[] = draft.value.measures.map((d) => {
    const from = byCode.get(d.derivedFrom[0]!)!;
    const m: Measure = {
      code: d.code,
      field: d.fieldCode,
      phase: next,
      name: { ...from.name },
      targetAreas: [...from.targetAreas],
      derivedFrom: from.code,
    };
    const merged = d.derivedFrom.slice(1);
    const notes = [...d.assessments, ...(merged.length > 0 ? [`統合: ${merged.join('、')}`] : [])];
    if (notes.length > 0) m.summary = { ja: notes.join('\n'), en: notes.join('\n') };
    if (d.promotionPeriod) m.promotionPeriod = d.promotionPeriod;
    if (from.partners) m.partners = [...from.partners];
    if (from.sample) m.sample = true;
    return m;
  });
  doc.measures.push(...added);
  doc.plan.status = 'draft';
  const saved = await importPlan(ctx, JSON.stringify(doc), 'plan.json', {
    actor: req.actor.id,
    expectedVersion: req.expectedVersion,
    note: `第${req.phase}期の見直し評価から次期（第${next}期）の素案（${added.length} 施策）`,
  });
  if (!saved.ok) return saved;
  return ok({
    code: saved.value.code,
    version: saved.value.version,
    phase: next,
    measures: added.map((m) => m.code),
  });
}
