/**
 * The start of the next phase's measures: each current measure is copied with
 * a new code and a link back to the old one (provenance), following the
 * review's conclusions (ended measures are left out, merged ones fold into
 * their target). Measures the review has not concluded on are carried over and
 * marked so, leaving the decision to the review.
 */
import { fail, ok, type Problem, type Result } from '../errors';
import type { ReviewConclusion } from './medium-term-review';
import { theoryProblems as T } from './theory-problems';

export interface CurrentMeasure {
  code: string;
  name: string;
  fieldCode: string;
  phase: number;
  promotionPeriod?: 'short' | 'long';
  indicatorCodes: string[];
  projectCodes: string[];
}

export interface DraftMeasure {
  code: string;
  name: string;
  fieldCode: string;
  phase: number;
  promotionPeriod?: 'short' | 'long';
  /** Codes of the current measures this one continues (more than one after a merge). */
  derivedFrom: string[];
  proposal: ReviewConclusion['proposal'] | 'undecided';
  indicatorCodes: string[];
  projectCodes: string[];
  /** The review's assessments, one per source measure that has one. */
  assessments: string[];
  status: 'draft';
}

export interface NextPhaseDraft {
  phase: number;
  measures: DraftMeasure[];
  ended: { code: string; assessment: string }[];
  /** Old code → new code, for every carried measure. */
  provenance: { from: string; to: string }[];
}

/**
 * Default renumbering: a leading `P<n>-` phase marker is replaced by the next
 * phase's; codes without one get it prefixed (`M01` → `P2-M01`).
 */
export function renumberForPhase(code: string, nextPhase: number): string {
  const m = /^[Pp]\d+-(.+)$/.exec(code);
  return `P${nextPhase}-${m ? m[1] : code}`;
}

export interface DraftInput {
  nextPhase: number;
  measures: readonly CurrentMeasure[];
  conclusions?: readonly ReviewConclusion[];
  renumber?: (code: string, nextPhase: number) => string;
  /** Other codes used in the plan (any phase); new codes collide neither with these nor the current ones. */
  existingCodes?: readonly string[];
}

const union = (a: string[], b: string[]) => [...new Set([...a, ...b])];

export function draftNextPhase(input: DraftInput): Result<NextPhaseDraft> {
  const renumber = input.renumber ?? renumberForPhase;
  const problems: Problem[] = [];
  const byCode = new Map(input.measures.map((m) => [m.code, m]));
  const conclusionOf = new Map((input.conclusions ?? []).map((c) => [c.measureCode, c]));
  (input.conclusions ?? []).forEach((c, index) => {
    const where = { path: `conclusions[${index}]`, index };
    if (!byCode.has(c.measureCode))
      problems.push(T.conclusionUnknownMeasure.create({ code: c.measureCode }, where));
    if (c.proposal === 'merge') {
      const target = c.mergeInto ? conclusionOf.get(c.mergeInto) : undefined;
      const targetCarried =
        c.mergeInto !== undefined &&
        byCode.has(c.mergeInto) &&
        target?.proposal !== 'end' &&
        target?.proposal !== 'merge';
      if (!targetCarried)
        problems.push(
          T.mergeTargetInvalid.create({ code: c.measureCode, target: c.mergeInto ?? '—' }, where),
        );
    }
  });
  if (problems.length > 0) return fail(problems);

  const drafts = new Map<string, DraftMeasure>();
  const ended: NextPhaseDraft['ended'] = [];
  for (const m of input.measures) {
    const c = conclusionOf.get(m.code);
    if (c?.proposal === 'end') ended.push({ code: m.code, assessment: c.assessment });
    if (c?.proposal === 'end' || c?.proposal === 'merge') continue;
    const draft: DraftMeasure = {
      code: renumber(m.code, input.nextPhase),
      name: m.name,
      fieldCode: m.fieldCode,
      phase: input.nextPhase,
      derivedFrom: [m.code],
      proposal: c?.proposal ?? 'undecided',
      indicatorCodes: [...m.indicatorCodes],
      projectCodes: [...m.projectCodes],
      assessments: c?.assessment ? [c.assessment] : [],
      status: 'draft',
    };
    if (m.promotionPeriod) draft.promotionPeriod = m.promotionPeriod;
    drafts.set(m.code, draft);
  }
  for (const m of input.measures) {
    const c = conclusionOf.get(m.code);
    if (c?.proposal !== 'merge') continue;
    const target = drafts.get(c.mergeInto!)!;
    target.derivedFrom.push(m.code);
    target.indicatorCodes = union(target.indicatorCodes, m.indicatorCodes);
    target.projectCodes = union(target.projectCodes, m.projectCodes);
    if (c.assessment) target.assessments.push(c.assessment);
  }
  const measures = [...drafts.values()];
  const taken = new Set([...(input.existingCodes ?? []), ...input.measures.map((m) => m.code)]);
  const seen = new Set<string>();
  measures.forEach((d, index) => {
    if (seen.has(d.code) || taken.has(d.code)) {
      problems.push(
        T.draftCodeCollision.create({ code: d.code }, { path: `measures[${index}].code`, index }),
      );
    }
    seen.add(d.code);
  });
  if (problems.length > 0) return fail(problems);
  const provenance = measures.flatMap((d) => d.derivedFrom.map((from) => ({ from, to: d.code })));
  return ok({ phase: input.nextPhase, measures, ended, provenance });
}
