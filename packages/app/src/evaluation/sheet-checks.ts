/**
 * The checks a sheet's content goes through before it is stored: identity
 * fields stay as the plan set them, review comments are not written through
 * the content, and the template's rules apply. A draft may be incomplete
 * (required fields, indicator counts, weights adding up to 100 wait until
 * submission); anything wrong in what was entered is refused at once.
 */
import {
  type EvaluationSheet,
  fail,
  type IndicatorRef,
  ok,
  type Problem,
  type Result,
  type SheetCheckContext,
  type SheetContent,
  type TemplateSet,
  validateSheet,
} from '@mirai/core';
import { evaluationAppProblems as A } from './evaluation-app-problems';

/** Problems that only matter once a sheet is submitted. */
const completenessCodes = new Set([
  'evaluation/field-required',
  'evaluation/indicators-too-few',
  'evaluation/weights-sum',
]);

const identityFields = ['kind', 'departmentCode', 'fieldCode', 'measureCode', 'projectCode'] as const;

/**
 * Merges new content onto a stored sheet: identity and review comments are
 * kept. Indicator references are taken from the content when it has them, as
 * long as every reference the plan gives the sheet (`fixed`) stays: a clerk
 * adds indicators and removes only those added.
 */
export function mergeContent(
  sheet: EvaluationSheet,
  given: SheetContent,
  fixed: readonly IndicatorRef[] = sheet.content.indicators,
): Result<SheetContent> {
  const problems: Problem[] = [];
  if (given.kind !== sheet.kind) {
    return fail(A.kindMismatch.create({ sheet: sheet.kind, given: given.kind }, { field: 'kind' }));
  }
  const stored = sheet.content as unknown as Record<string, unknown>;
  const next = given as unknown as Record<string, unknown>;
  for (const f of identityFields) {
    if (next[f] !== undefined && next[f] !== stored[f])
      problems.push(A.identityChanged.create({ field: f }, { field: f }));
  }
  const givenRefs = (given as { indicators?: IndicatorRef[] }).indicators;
  if (givenRefs) {
    for (const f of fixed)
      if (!givenRefs.some((r) => r.code === f.code))
        problems.push(A.indicatorFromPlan.create({ code: f.code }, { field: 'indicators' }));
  }
  if (problems.length > 0) return fail(problems);
  const merged = { ...given } as unknown as Record<string, unknown>;
  for (const f of identityFields) if (stored[f] !== undefined) merged[f] = stored[f];
  merged.indicators = givenRefs
    ? givenRefs.map((r) => ({ code: r.code, role: fixed.find((f) => f.code === r.code)?.role ?? r.role }))
    : sheet.content.indicators;
  merged.comments = sheet.content.comments;
  merged.name = sheet.content.name;
  return ok(merged as unknown as SheetContent);
}

export function checkDraft(content: SheetContent, templates: TemplateSet, ctx: SheetCheckContext): Problem[] {
  const r = validateSheet(content, templates, ctx);
  return r.ok ? [] : r.problems.filter((p) => !completenessCodes.has(p.code));
}

export function checkComplete(
  content: SheetContent,
  templates: TemplateSet,
  ctx: SheetCheckContext,
): Result<SheetContent> {
  return validateSheet(content, templates, ctx);
}
