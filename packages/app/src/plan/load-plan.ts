/**
 * Reads a plan document from YAML or JSON text: checks its shape (zod) and its
 * domain rules (core), and reports every problem with file, line and path.
 */
import {
  normalizePlan,
  type PlanDocument,
  type PlanInput,
  type Problem,
  planProblems,
  type Result,
  resolveProgressConfig,
  validatePlanRules,
} from '@mirai/core';
import { type Document, isNode, LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { planDocumentSchema } from './plan-schema';

/** Largest plan file read (a whole comprehensive plan is well under 1 MB). */
export const maxPlanBytes = 5 * 1024 * 1024;
/** YAML aliases expanded at most this often (an alias bomb expands exponentially). */
export const maxPlanAliases = 100;

export function loadPlanText(text: string, file: string): Result<PlanDocument> {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > maxPlanBytes) {
    return {
      ok: false,
      problems: [planProblems.tooLarge.create({ bytes, maxBytes: maxPlanBytes }, { file })],
    };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) =>
        planProblems.unreadable.create(
          { reason: e.message.split('\n')[0] ?? e.code },
          { file, line: e.linePos?.[0]?.line },
        ),
      ),
    };
  }
  const locate = (path: string): Problem['where'] => {
    const line = lineOf(doc, lineCounter, path);
    return line === undefined ? { file, path } : { file, line, path };
  };
  let plain: unknown;
  try {
    plain = doc.toJS({ maxAliasCount: maxPlanAliases });
  } catch (error) {
    // The yaml library refuses excessive alias expansion with a ReferenceError.
    if (error instanceof ReferenceError) {
      return {
        ok: false,
        problems: [planProblems.tooManyAliases.create({ maxAliases: maxPlanAliases }, { file })],
      };
    }
    throw error;
  }
  const parsed = planDocumentSchema.safeParse(plain);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.map((i) => shapeProblem(i, locate)) };
  }
  // The progress settings are checked below by the indicators core (resolveProgressConfig).
  const value = normalizePlan(parsed.data as PlanInput);
  const progress = resolveProgressConfig(value.progress);
  const ruleProblems = [...validatePlanRules(value), ...(progress.ok ? [] : progress.problems)];
  const problems = ruleProblems.map((p) => ({
    ...p,
    where: { ...locate(p.where?.path ?? ''), ...p.where, file },
  }));
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value };
}

function shapeProblem(issue: z.core.$ZodIssue, locate: (path: string) => Problem['where']): Problem {
  const path = issue.path
    .map((s, i) => (typeof s === 'number' ? `[${s}]` : `${i === 0 ? '' : '.'}${String(s)}`))
    .join('');
  let reason = issue.message;
  let reasonJa = issue.message;
  if (issue.code === 'unrecognized_keys') {
    reason = `unknown key(s) ${issue.keys.join(', ')}`;
    reasonJa = `未知の項目 ${issue.keys.join(', ')}`;
  } else if (issue.code === 'invalid_type') {
    reason = `expected ${issue.expected}`;
    reasonJa = `${issue.expected} 型の値が必要です`;
  } else if (issue.code === 'invalid_value') {
    reason = `expected one of ${issue.values.map(String).join(', ')}`;
    reasonJa = `次のいずれかが必要です: ${issue.values.map(String).join(', ')}`;
  }
  const problem = planProblems.invalidShape.create({ reason }, locate(path));
  problem.message = { ja: `計画ファイルの形式が正しくありません: ${reasonJa}`, en: problem.message.en };
  return problem;
}

/** Line number (1-based) of the node at a path like `fields[2].strategy`. */
function lineOf(doc: Document, counter: LineCounter, path: string): number | undefined {
  const segments = [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) =>
    m[2] !== undefined ? Number(m[2]) : m[1]!,
  );
  for (let n = segments.length; n >= 0; n--) {
    const node = doc.getIn(segments.slice(0, n), true);
    if (isNode(node) && node.range) return counter.linePos(node.range[0]).line;
  }
  return undefined;
}
