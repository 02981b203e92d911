/**
 * Checks a sheet's content against its template: required and over-long
 * fields, ratings on their scales, the direction, indicator references, the
 * cost block (project) and the contributing projects (measure). All problems
 * are listed together, each with the field path.
 */
import { fail, ok, type Problem, type Result } from '../errors';
import { isOnScale, scaleCodes } from './rating-scale';
import { computeProjectCost } from './sheet-cost';
import { sheetProblems as P } from './sheet-problems';
import type { SheetTemplate, TemplateSet } from './sheet-template';
import type { MeasureSheetContent, ProjectSheetContent, SheetContent } from './sheet-types';
import { theoryProblems as T } from './theory-problems';
import { linkFindings } from './theory-types';

export interface SheetCheckContext {
  /** Indicator codes of the plan; unknown references are errors when given. */
  indicatorCodes?: readonly string[] | ReadonlySet<string>;
  /** For a measure sheet: the projects under the measure. */
  projectCodes?: readonly string[];
  /** For a measure sheet: the link ids of the measure's logic model. */
  linkIds?: readonly string[];
}

function valueAt(content: object, path: string): unknown {
  let v: unknown = content;
  for (const key of path.split('.')) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[key];
  }
  return v;
}

function isEmpty(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (typeof v === 'string') return v.trim() === '';
  if (Array.isArray(v)) return v.length === 0;
  return false;
}

function checkFields(content: SheetContent, template: SheetTemplate): Problem[] {
  const problems: Problem[] = [];
  for (const spec of template.fields) {
    const v = valueAt(content, spec.path);
    const where = { field: spec.path };
    if (spec.required && isEmpty(v))
      problems.push(P.fieldRequired.create({ field: spec.path, label: spec.label.ja }, where));
    if (typeof v === 'string' && spec.maxLength !== undefined && [...v].length > spec.maxLength) {
      const length = [...v].length;
      problems.push(
        P.textTooLong.create({ field: spec.path, label: spec.label.ja, max: spec.maxLength, length }, where),
      );
    }
  }
  return problems;
}

function checkRatings(content: SheetContent, set: TemplateSet, template: SheetTemplate): Problem[] {
  const problems: Problem[] = [];
  const scaleOf = (id: string) => {
    const scale = set.scales.find((s) => s.id === id);
    if (!scale)
      throw new Error(
        `template ${template.id} names an unknown scale ${id}; validate the template set first`,
      );
    return scale;
  };
  const checkOne = (
    value: string | undefined,
    scaleId: string,
    required: boolean,
    label: string,
    field: string,
  ) => {
    const scale = scaleOf(scaleId);
    if (value === undefined || value.trim() === '') {
      if (required) problems.push(P.fieldRequired.create({ field, label }, { field }));
    } else if (!isOnScale(scale, value)) {
      problems.push(
        P.ratingOutOfScale.create({ value, scale: scale.name.ja, allowed: scaleCodes(scale) }, { field }),
      );
    }
  };
  for (const spec of template.ratings) {
    checkOne(content.ratings[spec.key], spec.scaleId, spec.required, spec.label.ja, `ratings.${spec.key}`);
  }
  for (const key of Object.keys(content.ratings)) {
    if (!template.ratings.some((r) => r.key === key))
      problems.push(P.ratingUnknown.create({ key }, { field: `ratings.${key}` }));
  }
  checkOne(
    content.overallRating,
    template.overall.scaleId,
    template.overall.required,
    template.overall.label.ja,
    'overallRating',
  );
  const d = template.directions;
  if (d && (content.direction === undefined || content.direction === '')) {
    if (d.required)
      problems.push(
        P.fieldRequired.create({ field: 'direction', label: '今後の方向性' }, { field: 'direction' }),
      );
  } else if (content.direction !== undefined && !d?.options.some((o) => o.code === content.direction)) {
    const allowed = d ? d.options.map((o) => `${o.code}（${o.label.ja}）`).join(', ') : '—';
    problems.push(P.directionUnknown.create({ value: content.direction, allowed }, { field: 'direction' }));
  }
  return problems;
}

function checkIndicators(content: SheetContent, template: SheetTemplate, ctx: SheetCheckContext): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const codes = ctx.indicatorCodes;
  const known =
    codes === undefined ? undefined : codes instanceof Set ? (codes as ReadonlySet<string>) : new Set(codes);
  content.indicators.forEach((ref, index) => {
    const where = { path: `indicators[${index}].code`, index };
    if (seen.has(ref.code)) problems.push(P.indicatorDuplicate.create({ code: ref.code }, where));
    seen.add(ref.code);
    if (known && !known.has(ref.code)) problems.push(P.indicatorUnknown.create({ code: ref.code }, where));
  });
  for (const role of ['activity', 'outcome'] as const) {
    const min = template.indicators[role];
    const count = content.indicators.filter((r) => r.role === role).length;
    if (count < min) problems.push(P.indicatorsTooFew.create({ role, min, count }, { field: 'indicators' }));
  }
  return problems;
}

function checkProject(content: ProjectSheetContent): Problem[] {
  const problems: Problem[] = [];
  const p = content.period;
  if (p?.endFiscalYear !== undefined && p.endFiscalYear < p.startFiscalYear) {
    problems.push(
      P.periodInvalid.create({ start: p.startFiscalYear, end: p.endFiscalYear }, { field: 'period' }),
    );
  }
  const cost = computeProjectCost(content.cost);
  if (!cost.ok) problems.push(...cost.problems);
  return problems;
}

function checkMeasure(content: MeasureSheetContent, ctx: SheetCheckContext): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const known = ctx.projectCodes ? new Set(ctx.projectCodes) : undefined;
  let sum = 0;
  content.contributingProjects.forEach((c, index) => {
    const path = `contributingProjects[${index}]`;
    if (seen.has(c.projectCode))
      problems.push(P.projectDuplicate.create({ code: c.projectCode }, { path, index }));
    seen.add(c.projectCode);
    if (known && !known.has(c.projectCode))
      problems.push(P.projectUnknown.create({ code: c.projectCode }, { path, index }));
    if (!Number.isFinite(c.weight) || c.weight < 0 || c.weight > 100) {
      problems.push(P.weightInvalid.create({ value: String(c.weight) }, { path: `${path}.weight`, index }));
    } else sum += c.weight;
  });
  if (content.contributingProjects.length > 0 && problems.length === 0 && Math.abs(sum - 100) > 1e-9) {
    problems.push(P.weightsSum.create({ sum }, { field: 'contributingProjects' }));
  }
  const links = ctx.linkIds ? new Set(ctx.linkIds) : undefined;
  const findingSeen = new Set<string>();
  content.theoryFindings.forEach((f, index) => {
    const path = `theoryFindings[${index}]`;
    if (links && !links.has(f.linkId))
      problems.push(T.findingUnknownLink.create({ linkId: f.linkId }, { path, index }));
    if (findingSeen.has(f.linkId))
      problems.push(T.findingDuplicate.create({ linkId: f.linkId }, { path, index }));
    findingSeen.add(f.linkId);
    if (!linkFindings.includes(f.finding)) {
      problems.push(
        T.findingInvalid.create({ value: String(f.finding) }, { path: `${path}.finding`, index }),
      );
    }
    if (f.finding !== 'unknown' && f.evidence.trim() === '') {
      problems.push(T.evidenceRequired.create({ linkId: f.linkId }, { path: `${path}.evidence`, index }));
    }
  });
  return problems;
}

/** Validates a sheet's content; returns it unchanged when valid (warnings such as a missing unit quantity ride along). */
export function validateSheet(
  content: SheetContent,
  set: TemplateSet,
  ctx: SheetCheckContext = {},
): Result<SheetContent> {
  const template = set[content.kind];
  if (template.kind !== content.kind) {
    return fail(
      P.sheetKindMismatch.create({ sheet: content.kind, template: template.kind }, { field: 'kind' }),
    );
  }
  const problems = [
    ...checkFields(content, template),
    ...checkRatings(content, set, template),
    ...checkIndicators(content, template, ctx),
    ...(content.kind === 'project' ? checkProject(content) : checkMeasure(content, ctx)),
  ];
  if (problems.length > 0) return fail(problems);
  const warnings =
    content.kind === 'project'
      ? (computeProjectCost(content.cost) as { warnings?: Problem[] }).warnings
      : undefined;
  return ok(content, warnings);
}
